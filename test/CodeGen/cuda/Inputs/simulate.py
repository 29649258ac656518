"""Runs emitted CUDA operators on the CPU and compares with the reference.

The module's graphs must hold only tasks. Steps: plan memory (gpuos-opt),
emit operators and manifest (gpuos-translate), compile the operators as C++
with host_shim.h (one std::thread per CUDA thread, one block per tile, tiles
one after another), run every task of the graph in manifest order on random
inputs, then run the same graph with gpuos-run and compare every output.

usage: simulate.py SRC_ROOT FILE.mlir WORK_DIR [--graph NAME] [--tiles N]
       [--block THREADS] [--seed N] [--misalign]
The gpuos tools are taken from PATH (lit puts the build's bin/ there).
"""
import argparse
import json
import os
import shutil
import subprocess
import sys

import numpy as np

NP_DTYPES = {"f32": np.float32, "f16": np.float16, "bf16": np.uint16,
             "i1": np.bool_, "i32": np.int32, "i64": np.int64}
ABI_DTYPES = {"f32": 1, "f16": 2, "bf16": 3, "i1": 4, "i32": 5, "i64": 6}
TOLERANCE = {"f32": 2e-5, "f16": 2e-3, "bf16": 1.6e-2}


def run(cmd, **kwargs):
    result = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        sys.exit(f"simulate: {' '.join(cmd)} failed:\n{result.stderr}")
    return result.stdout


def random_input(spec, rng):
    shape, dtype = spec["shape"], spec["dtype"]
    if dtype == "i1":
        return rng.random(shape) < 0.5
    if dtype in ("i32", "i64"):
        return rng.integers(-5, 6, shape).astype(NP_DTYPES[dtype])
    values = rng.uniform(-2.0, 2.0, shape).astype(np.float32)
    if dtype == "bf16":
        bits = values.view(np.uint32).astype(np.uint64)
        return ((bits + 0x7FFF + ((bits >> 16) & 1)) >> 16).astype(np.uint16)
    return values.astype(NP_DTYPES[dtype])


def as_float(array, dtype):
    if dtype == "bf16":
        return (array.astype(np.uint32) << 16).view(np.float32).astype(np.float64)
    return array.astype(np.float64)


def harness(graph, operators, args):
    """C++ that binds buffers, runs each task tile by tile, writes outputs."""
    lines = ['#include "host_shim.h"', f'#include "{operators}"',
             "#include <cstdio>", "#include <thread>", "",
             "static std::vector<char> load(const char* path, size_t bytes, size_t shift) {",
             "  std::vector<char> data(bytes + 64);",
             "  FILE* f = std::fopen(path, \"rb\");",
             "  if (!f || std::fread(data.data() + shift, 1, bytes, f) != bytes) std::abort();",
             "  std::fclose(f);",
             "  return data;",
             "}",
             "static void runBlock(gpuos_op_fn op, gpuos_task_ctx ctx, unsigned threads) {",
             "  blockDim.x = threads;",
             "  std::barrier<> block(threads);",
             "  std::vector<std::barrier<>*> warps;",
             "  for (unsigned w = 0; w < threads / 32; ++w) warps.push_back(new std::barrier<>(32));",
             "  gpuos_sim_block_barrier = &block;",
             "  gpuos_sim_warp_barriers = warps;",
             "  gpuos_sim_lanes.assign(threads, 0);",
             "  std::vector<std::thread> pool;",
             "  for (unsigned t = 0; t < threads; ++t)",
             "    pool.emplace_back([&, t] { threadIdx.x = t; op(&ctx); });",
             "  for (auto& th : pool) th.join();",
             "  for (auto* w : warps) delete w;",
             "}",
             "int main() {"]
    # Buffers are 16-byte aligned (vectors.data() from new), or 4 bytes off.
    shift = 4 if args.misalign else 0
    for i, spec in enumerate(graph["inputs"]):
        lines.append(f'  auto input{i} = load("input{i}.bin", {spec["bytes"]}, {shift});')
    for i, spec in enumerate(graph["outputs"]):
        lines.append(f"  std::vector<char> output{i}({spec['bytes']} + 64, char(0xff));")
    lines.append(f"  std::vector<char> arena({graph['arena']['bytes']} + 64, char(0xff));")
    for task in graph["tasks"]:
        lines.append("  {")
        lines.append(f"    gpuos_arg a[{max(1, len(task['args']))}] = {{}};")
        for k, arg in enumerate(task["args"]):
            buffer = arg["buffer"]
            base = {"input": f"input{buffer.get('index')}.data() + {shift}",
                    "output": f"output{buffer.get('index')}.data() + {shift}",
                    "arena": f"arena.data() + {buffer.get('offset')}"}[buffer["kind"]]
            lines.append(f"    a[{k}].data = {base};")
            lines.append(f"    a[{k}].dtype = {ABI_DTYPES[arg['dtype']]};")
            lines.append(f"    a[{k}].rank = {len(arg['shape'])};")
            for d, (size, stride) in enumerate(zip(arg["shape"], arg["strides"])):
                lines.append(f"    a[{k}].shape[{d}] = {size}; a[{k}].strides[{d}] = {stride};")
        tiles = args.tiles or task["tiles"]
        lines.append(f"    for (unsigned tile = 0; tile < {tiles}; ++tile) {{")
        lines.append(f"      if (int(tile) == {args.drop_tile}) continue;")
        lines.append(f"      std::vector<char> scratch({task['scratch_bytes']} + 16, char(0xff));")
        lines.append("      alignas(16) static char smem[16384];")
        lines.append(f"      gpuos_task_ctx ctx = {{a, smem, scratch.data(), {task['scratch_bytes']}, "
                     f"{len(task['args'])}, tile, {tiles}, 16384, {task['id']}, 0, 0, 0}};")
        lines.append(f"      runBlock({task['operator']}, ctx, {args.block});")
        lines.append("    }")
        lines.append("  }")
    for i, spec in enumerate(graph["outputs"]):
        if "copy_of_input" in spec:  # the runtime copies such outputs
            lines.append(f"  std::memcpy(output{i}.data() + {shift}, "
                         f"input{spec['copy_of_input']}.data() + {shift}, {spec['bytes']});")
    for i, spec in enumerate(graph["outputs"]):
        lines.append(f'  {{ FILE* f = std::fopen("output{i}.bin", "wb"); '
                     f'std::fwrite(output{i}.data() + {shift}, 1, {spec["bytes"]}, f); std::fclose(f); }}')
    lines.append("  return 0;")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("src")
    parser.add_argument("mlir")
    parser.add_argument("work")
    parser.add_argument("--graph")
    parser.add_argument("--tiles", type=int, default=0)
    parser.add_argument("--block", type=int, default=64)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--misalign", action="store_true",
                        help="offset external buffers by 4 bytes (no float4 path)")
    parser.add_argument("--drop-tile", type=int, default=-1,
                        help="skip this tile (shows that a lost tile is caught)")
    args = parser.parse_args()
    tool = lambda name: shutil.which(name) or sys.exit(f"simulate: {name} not on PATH")
    args.mlir = os.path.abspath(args.mlir)
    os.makedirs(args.work, exist_ok=True)
    os.chdir(args.work)

    run([tool("gpuos-opt"), "--gpuos-plan-memory", args.mlir, "-o", "planned.mlir"])
    run([tool("gpuos-translate"), "--gpuos-to-cuda", "planned.mlir", "-o", "ops.cu"])
    manifest = json.loads(run([tool("gpuos-translate"), "--gpuos-to-manifest", "planned.mlir"]))
    graphs = manifest["graphs"]
    if args.graph:
        graphs = [g for g in graphs if g["name"] == args.graph]
    if len(graphs) != 1:
        sys.exit("simulate: choose one graph with --graph")
    graph = graphs[0]

    rng = np.random.default_rng(args.seed)
    inputs = []
    for i, spec in enumerate(graph["inputs"]):
        value = random_input(spec, rng)
        with open(f"input{i}.bin", "wb") as f:
            f.write(value.tobytes())
        np.save(f"input{i}.npy", value)
        inputs.append(f"input{i}.npy")

    with open("harness.cpp", "w") as f:
        f.write(harness(graph, os.path.abspath("ops.cu"), args))
    shim = os.path.join(os.path.dirname(os.path.abspath(__file__)))
    compiler = next((c for c in ("clang++-22", "clang++", "g++") if shutil.which(c)),
                    None) or sys.exit("simulate: no C++20 compiler (clang++ or g++)")
    run([compiler, "-std=c++20", "-O1", "-pthread", "-w",
         "-I", shim, "-I", os.path.join(args.src, "runtime", "include"),
         "harness.cpp", "-o", "harness"])
    run(["./harness"])
    run([tool("gpuos-run"), "planned.mlir", "--graph", graph["name"], "--output-dir", "ref"]
        + sum([["--input", p] for p in inputs], []))

    failed = False
    for i, spec in enumerate(graph["outputs"]):
        dtype = spec["dtype"]
        raw = open(f"output{i}.bin", "rb").read()
        got = np.frombuffer(raw[:spec["bytes"]], NP_DTYPES[dtype]).reshape(spec["shape"])
        want = np.load(f"ref/out{i}.npy")
        g, w = as_float(got, dtype), as_float(want, dtype)
        if dtype in TOLERANCE:
            tol = TOLERANCE[dtype]
            ok = np.allclose(g, w, rtol=tol, atol=tol, equal_nan=True)
        else:
            ok = np.array_equal(g, w)
        err = float(np.max(np.abs(g - w))) if g.size else 0.0
        print(f"output #{i} {dtype}{spec['shape']}: {'ok' if ok else 'MISMATCH'} (max abs error {err:.3g})")
        failed |= not ok
    sys.exit(1 if failed else 0)


main()
