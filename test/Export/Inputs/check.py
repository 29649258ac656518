"""Runs an exported fixture through gpuos-run and compares with PyTorch.

    check.py FIXTURE_DIR WORK_DIR [GRAPH.mlir ...]

Regenerates the graph inputs from manifest.json (gpuos.testdata recipes; the
stored in<i>.npy, when there, must equal them bit for bit), runs each graph
file (default: the exported one) with `gpuos-run --input ...`, and requires
every output within the manifest's relative error (||got - want|| / ||want||,
float64) of the eager PyTorch output; integer and bool outputs must be equal."""
import json
import os
import subprocess
import sys

import numpy as np

from gpuos.testdata import generate


def as_float64(array):
    if array.dtype == np.uint16:  # bf16 bit patterns
        return (array.astype(np.uint32) << 16).view(np.float32).astype(np.float64)
    return array.astype(np.float64)


def main(fixture, work, graphs):
    with open(os.path.join(fixture, "manifest.json")) as f:
        manifest = json.load(f)
    os.makedirs(work, exist_ok=True)
    inputs = []
    for i, entry in enumerate(manifest["inputs"]):
        array = generate(entry["recipe"])
        if "npy" in entry:
            stored = np.load(os.path.join(fixture, entry["npy"]))
            if stored.dtype != array.dtype or not np.array_equal(stored, array):
                sys.exit(f"{entry['name']}: stored input differs from its recipe")
        path = os.path.join(work, f"in{i}.npy")
        np.save(path, array)
        inputs.append(path)
    expected = [np.load(os.path.join(fixture, name)) for name in manifest["outputs"]]
    graphs = graphs or [os.path.join(fixture, manifest["graph"])]
    failures = 0
    for g, graph in enumerate(graphs):
        out = os.path.join(work, f"out{g}")
        command = ["gpuos-run", graph, "--output-dir", out]
        for path in inputs:
            command += ["--input", path]
        run = subprocess.run(command, capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(f"gpuos-run failed on {graph}:\n{run.stderr}")
        for i, want in enumerate(expected):
            got = np.load(os.path.join(out, f"out{i}.npy"))
            label = f"{manifest['name']} {os.path.basename(graph)} output #{i}"
            if got.shape != want.shape or got.dtype != want.dtype:
                print(f"{label}: FAIL {got.dtype}{list(got.shape)} vs {want.dtype}{list(want.shape)}")
                failures += 1
                continue
            if want.dtype.kind in "biu" and want.dtype != np.uint16:
                ok = np.array_equal(got, want)
                print(f"{label}: {'exact' if ok else 'FAIL: values differ'}")
            else:
                w, o = as_float64(want), as_float64(got)
                err = np.linalg.norm(o - w) / max(np.linalg.norm(w), 1e-30)
                ok = bool(err <= manifest["tolerance"])
                print(f"{label}: relative error {err:.3g} {'ok' if ok else 'FAIL'}")
            failures += not ok
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3:]))
