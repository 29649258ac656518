#!/usr/bin/env python3
"""Prints a gpuos graph of about N micro-ops for compile-time measurements.

The graph mixes what the benchmark graphs hold: chains of elementwise ops
with broadcasts, layer norms, softmax over rows, matmuls with bias and
activation, and independent chains that only horizontal fusion can batch.
Deterministic for a given N and seed.

    python3 make_graph.py 10000 > g10k.mlir
"""
import random
import sys


def main():
    n = int(sys.argv[1])
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    rows, cols = 8, 64
    x_t = f"tensor<{rows}x{cols}xf32>"
    v_t = f"tensor<{cols}xf32>"
    w_t = f"tensor<{cols}x{cols}xf32>"
    r_t = f"tensor<{rows}x1xf32>"
    args = [f"%x{i}: {x_t}" for i in range(16)] + [f"%v{i}: {v_t}" for i in range(4)] + \
           [f"%w{i}: {w_t}" for i in range(4)]
    body, count = [], 0
    live = [f"%x{i}" for i in range(16)]
    outputs = []

    def emit(text):
        nonlocal count
        name = f"%t{count}"
        count += 1
        body.append(f"  {name} = {text}")
        return name

    while count < n:
        x = live[rng.randrange(len(live))]
        kind = rng.randrange(6)
        if kind == 0:  # elementwise chain with a broadcast operand
            y = emit(f"gpuos.mul {x}, %v{rng.randrange(4)} : {x_t}, {v_t} -> {x_t}")
            y = emit(f"gpuos.add {y}, %v{rng.randrange(4)} : {x_t}, {v_t} -> {x_t}")
            y = emit(f"gpuos.{rng.choice(['sigmoid', 'tanh', 'relu', 'exp'])} {y} : {x_t}")
        elif kind == 1:
            y = emit(f"gpuos.layer_norm {x} weight(%v0 : {v_t}) bias(%v1 : {v_t}) dims = 1 eps = 1.000000e-05 : {x_t}")
        elif kind == 2:
            y = emit(f"gpuos.softmax {x} axis = 1 : {x_t}")
        elif kind == 3:
            y = emit(f"gpuos.matmul {x}, %w{rng.randrange(4)} : {x_t}, {w_t} -> {x_t}")
            y = emit(f"gpuos.add {y}, %v2 : {x_t}, {v_t} -> {x_t}")
            y = emit(f"gpuos.gelu tanh {y} : {x_t}")
        elif kind == 4:  # residual with another live value
            other = live[rng.randrange(len(live))]
            y = emit(f"gpuos.add {x}, {other} : {x_t}, {x_t} -> {x_t}")
        else:
            r = emit(f"gpuos.reduce max {x} axes = [1] keepdim : {x_t} -> {r_t}")
            y = emit(f"gpuos.sub {x}, {r} : {x_t}, {r_t} -> {x_t}")
        live.append(y)
        # Keep a window of recent values; retired ones become outputs now
        # and then, so nothing is dead code.
        if len(live) > 24:
            gone = live.pop(rng.randrange(len(live) - 8))
            if rng.random() < 0.2:
                outputs.append(gone)
    outputs += live[-8:]
    outputs = list(dict.fromkeys(o for o in outputs if o.startswith("%t")))
    print(f"gpuos.graph @g({', '.join(args)}) -> ({', '.join([x_t] * len(outputs))}) {{")
    print("\n".join(body))
    print(f"  gpuos.return {', '.join(outputs)} : {', '.join([x_t] * len(outputs))}")
    print("}")


if __name__ == "__main__":
    main()
