"""Prepares the GPU bundle check (test/GPU/run-bundles.sh) on a machine without a GPU.

For every graph: gpuos-opt --gpuos-pipeline, gpuos-translate --gpuos-to-bundle, fresh
random inputs, and the reference executor's outputs (gpuos-run). Writes per case
CASES/<name>/{graph.bundle, seed, in<i>.npy (non-f32 inputs only), out<i>.npy, limits
(only where an output's limit is looser than its dtype's)}. f32
inputs are not stored: the driver regenerates them from `seed` (f32_input below), so
large graphs travel small. Also writes CASES/bench/graph.bundle, a large elementwise
graph timed against a device-to-device copy.

Integer inputs are 0 or 1, or drawn from [LO, HI] where the graph's file says
`// op-sweep int-range: LO HI` (op_sweep.py's graphs do).

usage: make_bundles.py <tools-dir> <cases-dir> <graph.mlir>... [--random N] [--jobs N]
(tools-dir holds gpuos-opt, gpuos-translate, gpuos-run and gpuos-difftest: <build>/bin)
"""
import json
import multiprocessing
import os
import re
import subprocess
import sys
import tempfile

import numpy as np

MASK = np.uint64(0xFFFFFFFFFFFFFFFF)
BENCH_ELEMENTS = 32 * 1024 * 1024  # f32: 128 MiB in + 128 MiB out


def splitmix64(x):
    with np.errstate(over="ignore"):
        z = x + np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return z ^ (z >> np.uint64(31))


def f32_input(seed, index, count):
    """Values k / 2^23 - 1 in [-1, 1), exact in f32; bundle_driver.cpp computes the same."""
    key = (np.uint64(seed) << np.uint64(40)) ^ (np.uint64(index) << np.uint64(32))
    h = splitmix64(key ^ np.arange(count, dtype=np.uint64))
    return ((h >> np.uint64(40)).astype(np.float64) / 2.0**23 - 1.0).astype(np.float32)


def int_range(source):
    """The graph file's `// op-sweep int-range: LO HI`, else (0, 1)."""
    with open(source) as f:
        m = re.search(r"^// op-sweep int-range: (-?\d+) (-?\d+)$", f.read(4096), re.M)
    return (int(m.group(1)), int(m.group(2))) if m else (0, 1)


def other_input(rng, dtype, shape, ints=(0, 1)):
    if dtype == "f16":
        return rng.uniform(-1, 1, shape).astype(np.float16)
    if dtype == "bf16":
        bits = rng.uniform(-1, 1, shape).astype(np.float32).view(np.uint32)
        return ((bits + np.uint32(0x8000)) >> np.uint32(16)).astype(np.uint16)
    if dtype == "i1":
        return rng.integers(0, 2, shape).astype(np.bool_)
    return rng.integers(ints[0], ints[1] + 1, shape).astype(np.int32 if dtype == "i32" else np.int64)


FLOAT_LIMIT = {"f32": 1e-5, "f16": 1e-2, "bf16": 1e-2}


def output_limits(source):
    """Per output, the f32/f16/bf16 limit of the least precise float type on its path
    from the graph's inputs: an f32 output computed through f16 is only as precise as
    f16 (one rounding flip of the f16 intermediate is 2^-11 relative)."""
    with open(source) as f:
        text = f.read()
    types = {}  # SSA value -> the element types on its path
    deps = {}
    for name, dt in re.findall(r"(%[\w.]+): tensor<(?:[0-9]+x)*(\w+)>", text.split("{", 1)[0]):
        types[name] = {dt}
    results = []
    for line in text.splitlines():
        m = re.match(r"\s*(%[\w.]+) = (.*)$", line)
        if m:
            deps[m.group(1)] = set(re.findall(r"%[\w.]+", m.group(2)))
            types[m.group(1)] = set(re.findall(r"tensor<(?:[0-9]+x)*(\w+)>", m.group(2)))
        elif "gpuos.return" in line:
            results = re.findall(r"%[\w.]+", line.split(":")[0])
    limits = []
    for r in results:
        seen, stack, dts = set(), [r], set()
        while stack:
            v = stack.pop()
            if v not in seen:
                seen.add(v)
                dts |= types.get(v, set())
                stack += deps.get(v, ())
        limits.append(max((FLOAT_LIMIT[d] for d in dts if d in FLOAT_LIMIT), default=0.0))
    return limits


def run(*args, **kw):
    return subprocess.run([str(a) for a in args], check=True, capture_output=True, **kw)


def make_case(tools, cases, name, source, seed):
    """Writes the case; returns None, or why it was skipped."""
    work = tempfile.mkdtemp(prefix="bundle-ref-")
    case = os.path.join(cases, name)
    os.makedirs(case, exist_ok=True)
    planned = os.path.join(work, "planned.mlir")
    try:
        run(f"{tools}/gpuos-opt", "--gpuos-pipeline", source, "-o", planned)
        manifest = json.loads(run(f"{tools}/gpuos-translate", "--gpuos-to-manifest", planned).stdout)
        graph = manifest["graphs"][0]
        if any("copy_of_input" in o or "buffer" in o for o in graph["outputs"]):
            raise RuntimeError("an output aliases an input or another output")
        run(f"{tools}/gpuos-translate", "--gpuos-to-bundle", planned, "-o", f"{case}/graph.bundle")
    except (subprocess.CalledProcessError, RuntimeError) as e:
        why = e.stderr.decode().strip().splitlines()[0] if hasattr(e, "stderr") and e.stderr else str(e)
        subprocess.run(["rm", "-rf", case, work])
        return f"{name}: {why}"
    ints = int_range(source)
    rng = np.random.default_rng(seed)
    inputs = []
    for i, t in enumerate(graph["inputs"]):
        path = f"{work}/in{i}.npy"
        if t["dtype"] == "f32":
            np.save(path, f32_input(seed, i, int(np.prod(t["shape"]))).reshape(t["shape"]))
        else:
            np.save(path, other_input(rng, t["dtype"], t["shape"], ints))
            run("cp", path, f"{case}/in{i}.npy")
        inputs += ["--input", path]
    run(f"{tools}/gpuos-run", source, *inputs, "--output-dir", case)
    with open(f"{case}/seed", "w") as f:
        f.write(f"{seed}\n")
    # Outputs whose limit is looser than their own dtype's: the driver reads these.
    limits = output_limits(source)
    if len(limits) == len(graph["outputs"]) and any(
            lim > FLOAT_LIMIT.get(o["dtype"], 0.0) for lim, o in zip(limits, graph["outputs"])):
        with open(f"{case}/limits", "w") as f:
            f.write("".join(f"{max(lim, FLOAT_LIMIT.get(o['dtype'], 0.0)):g}\n"
                            for lim, o in zip(limits, graph["outputs"])))
    subprocess.run(["rm", "-rf", work])
    return None


def make_case_star(args):
    return make_case(*args)


def main():
    args = sys.argv[1:]
    random_count, jobs = 0, 1
    if "--random" in args:
        at = args.index("--random")
        random_count = int(args[at + 1])
        del args[at:at + 2]
    if "--jobs" in args:
        at = args.index("--jobs")
        jobs = int(args[at + 1])
        del args[at:at + 2]
    tools, cases, graphs = args[0], args[1], args[2:]
    os.makedirs(cases, exist_ok=True)
    seed = int.from_bytes(os.urandom(2), "little")
    work = [(tools, cases, os.path.splitext(os.path.basename(g))[0], g, seed + k) for k, g in enumerate(graphs)]
    if random_count:
        text = run(f"{tools}/gpuos-difftest", "--graphs", random_count, "--seed", seed,
                   "--ops-per-graph", 10, "--print-graphs").stdout.decode()
        for i, module in enumerate(re.findall(r"^module \{.*?^\}", text, re.S | re.M)):
            path = os.path.join(tempfile.mkdtemp(prefix="bundle-rand-"), f"random{i}.mlir")
            with open(path, "w") as f:
                f.write(module)
            work.append((tools, cases, f"random{i}", path, seed + len(graphs) + i))
    with multiprocessing.Pool(jobs) as pool:
        skipped = [why for why in pool.imap(make_case_star, work, chunksize=4) if why]
    bench = os.path.join(tempfile.mkdtemp(prefix="bundle-bench-"), "bench.mlir")
    with open(bench, "w") as f:
        f.write(f"gpuos.graph @bench(%x: tensor<{BENCH_ELEMENTS}xf32>) -> tensor<{BENCH_ELEMENTS}xf32> {{\n"
                f"  %y = gpuos.neg %x : tensor<{BENCH_ELEMENTS}xf32>\n"
                f"  gpuos.return %y : tensor<{BENCH_ELEMENTS}xf32>\n}}\n")
    os.makedirs(f"{cases}/bench", exist_ok=True)
    planned = bench + ".planned"
    run(f"{tools}/gpuos-opt", "--gpuos-pipeline", bench, "-o", planned)
    run(f"{tools}/gpuos-translate", "--gpuos-to-bundle", planned, "-o", f"{cases}/bench/graph.bundle")
    print(f"seed {seed}; skipped {len(skipped)}:")
    for s in skipped:
        print("  " + s)


if __name__ == "__main__":
    main()
