"""Regenerates a case's f32 inputs from its seed (make_bundles.f32_input, what the GPU
driver does), reruns the reference executor and requires the stored outputs bit for bit.

usage: rerun_reference.py <tools-dir> <graph.mlir> <case-dir> <work-dir>"""
import json
import os
import subprocess
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import make_bundles  # noqa: E402

tools, graph, case, work = sys.argv[1:5]
os.makedirs(work, exist_ok=True)
planned = os.path.join(work, "planned.mlir")
subprocess.run([f"{tools}/gpuos-opt", "--gpuos-pipeline", graph, "-o", planned], check=True)
manifest = json.loads(subprocess.run([f"{tools}/gpuos-translate", "--gpuos-to-manifest", planned],
                                     check=True, capture_output=True).stdout)
seed = int(open(os.path.join(case, "seed")).read())
args = []
for i, t in enumerate(manifest["graphs"][0]["inputs"]):
    path = os.path.join(case, f"in{i}.npy")
    if t["dtype"] == "f32":
        path = os.path.join(work, f"in{i}.npy")
        np.save(path, make_bundles.f32_input(seed, i, int(np.prod(t["shape"]))).reshape(t["shape"]))
    args += ["--input", path]
subprocess.run([f"{tools}/gpuos-run", graph, *args, "--output-dir", work], check=True, capture_output=True)
for name in sorted(f for f in os.listdir(case) if f.startswith("out")):
    same = open(os.path.join(case, name), "rb").read() == open(os.path.join(work, name), "rb").read()
    print(name, "same" if same else "DIFFERENT")
    assert same
