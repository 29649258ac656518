#!/usr/bin/env python3
"""Writes the gpuos versions of the benchmark graphs (shared/bench/WORKLOADS.md).

Each graph is plain gpuos dialect text, the form an exporter produces:
composite ops (layer_norm, softmax, gelu, rms_norm) stay whole so that the
pipeline's decomposition and fusion are part of what is measured.

    python3 bench/graphs/generate.py            # rewrites bench/graphs/*.mlir
"""
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def t(shape, dtype="f32"):
    return "tensor<" + "x".join(str(d) for d in shape) + ("x" if shape else "") + dtype + ">"


class Graph:
    """Collects arguments and ops of one gpuos.graph."""

    def __init__(self, name, comment):
        self.name, self.comment = name, comment
        self.args, self.ops, self.n = [], [], 0

    def arg(self, name, shape):
        self.args.append((name, shape))
        return "%" + name, shape

    def op(self, text, shape):
        v = "%op" + str(self.n)
        self.n += 1
        self.ops.append(f"  {v} = {text.format(ty=t(shape))}")
        return v, shape

    def write(self, results):
        lines = ["// " + c for c in self.comment.strip().splitlines()]
        args = ", ".join(f"%{n}: {t(s)}" for n, s in self.args)
        res = ", ".join(t(s) for _, s in results)
        lines.append(f"gpuos.graph @{self.name}({args}) -> ({res}) {{")
        lines += self.ops
        lines.append(f"  gpuos.return {', '.join(v for v, _ in results)} : {res}")
        lines.append("}")
        path = os.path.join(HERE, self.name + ".mlir")
        with open(path, "w") as f:
            f.write("\n".join(lines) + "\n")


def binary(g, op, a, b):
    shape = a[1] if len(a[1]) >= len(b[1]) else b[1]
    return g.op(f"gpuos.{op} {a[0]}, {b[0]} : {t(a[1])}, {t(b[1])} -> {{ty}}", shape)


def unary(g, op, a):
    return g.op(f"gpuos.{op} {a[0]} : {{ty}}", a[1])


def fill(g, value, shape=()):
    return g.op(f"gpuos.fill {value:e} : f32 -> {{ty}}", list(shape))


def matmul(g, a, b, result, transpose_rhs=False):
    tr = " transpose_rhs" if transpose_rhs else ""
    return g.op(f"gpuos.matmul {a[0]}, {b[0]}{tr} : {t(a[1])}, {t(b[1])} -> {{ty}}", result)


def b1():
    g = Graph("b1", """B1: 8 x (scale and shift, sigmoid, subtract, tanh) on 64x256 f32.
Scale and shift are two micro-ops (mul, add): 40 micro-ops in all.""")
    x = g.arg("x", [64, 256])
    for i in range(8):
        s = g.arg(f"scale{i}", [256])
        b = g.arg(f"shift{i}", [256])
        h = binary(g, "add", binary(g, "mul", x, s), b)
        x = unary(g, "tanh", binary(g, "sub", unary(g, "sigmoid", h), h))
    g.write([x])


def b2():
    g = Graph("b2", "B2: 6 x (layer_norm, gelu, residual add) on 8x768 f32.")
    x = g.arg("x", [8, 768])
    for i in range(6):
        w = g.arg(f"ln_w{i}", [768])
        b = g.arg(f"ln_b{i}", [768])
        n = g.op(f"gpuos.layer_norm {x[0]} weight({w[0]} : {t(w[1])}) bias({b[0]} : {t(b[1])}) "
                 f"dims = 1 eps = 1.000000e-05 : {{ty}}", x[1])
        a = g.op(f"gpuos.gelu tanh {n[0]} : {{ty}}", x[1])
        x = binary(g, "add", a, x)
    g.write([x])


def attention(g, q, k, v, heads, context, dim):
    s = matmul(g, q, k, [heads, 1, context], transpose_rhs=True)
    s = binary(g, "mul", s, fill(g, 1 / math.sqrt(dim)))
    p = g.op(f"gpuos.softmax {s[0]} axis = 2 : {{ty}}", s[1])
    return matmul(g, p, v, [heads, 1, dim])


def b3():
    g = Graph("b3", """B3: 12 x single-token attention, 12 heads, head dim 64, context 128.
Each layer's output is the next layer's query.""")
    q = g.arg("q", [12, 1, 64])
    for i in range(12):
        k = g.arg(f"k{i}", [12, 128, 64])
        v = g.arg(f"v{i}", [12, 128, 64])
        q = attention(g, q, k, v, 12, 128, 64)
    g.write([q])


def b4():
    g = Graph("b4", "B4: 8-layer MLP (linear + bias + relu), batch 4, hidden 256.")
    x = g.arg("x", [4, 256])
    for i in range(8):
        w = g.arg(f"w{i}", [256, 256])
        b = g.arg(f"b{i}", [256])
        x = unary(g, "relu", binary(g, "add", matmul(g, x, w, [4, 256]), b))
    g.write([x])


def b5():
    g = Graph("b5", """B5: 4 x (RMSNorm, rotary embedding, SwiGLU MLP, residual), batch 1,
model dim 512, MLP dim 1024. Rotary: x * cos + rotate_half(x) * sin, with
rotate_half(x) = concat(-x[256:], x[:256]).""")
    d, f = 512, 1024
    x = g.arg("x", [1, d])
    cos = g.arg("cos", [1, d])
    sin = g.arg("sin", [1, d])
    for i in range(4):
        w = g.arg(f"norm_w{i}", [d])
        w1 = g.arg(f"w_gate{i}", [d, f])
        w3 = g.arg(f"w_up{i}", [d, f])
        w2 = g.arg(f"w_down{i}", [f, d])
        h = g.op(f"gpuos.rms_norm {x[0]} weight({w[0]} : {t(w[1])}) dims = 1 eps = 1.000000e-06 : {{ty}}", x[1])
        lo = g.op(f"gpuos.slice {h[0]} starts = [0, 0] limits = [1, {d // 2}] strides = [1, 1] : {t(h[1])} -> {{ty}}", [1, d // 2])
        hi = g.op(f"gpuos.slice {h[0]} starts = [0, {d // 2}] limits = [1, {d}] strides = [1, 1] : {t(h[1])} -> {{ty}}", [1, d // 2])
        rot = g.op(f"gpuos.concat {unary(g, 'neg', hi)[0]}, {lo[0]} axis = 1 : {t(hi[1])}, {t(lo[1])} -> {{ty}}", [1, d])
        r = binary(g, "add", binary(g, "mul", h, cos), binary(g, "mul", rot, sin))
        gate = unary(g, "silu", matmul(g, r, w1, [1, f]))
        up = matmul(g, r, w3, [1, f])
        down = matmul(g, binary(g, "mul", gate, up), w2, [1, d])
        x = binary(g, "add", x, down)
    g.write([x])


def a2():
    g = Graph("a2", """A2: 1000 x (x = a + b; y = x * c; relu; sigmoid; out = w / d) on 2048
elements, distinct inputs per iteration: 5000 micro-ops, 1000 outputs.""")
    outs = []
    for i in range(1000):
        a, b, c, d = (g.arg(f"{n}{i}", [2048]) for n in "abcd")
        w = unary(g, "sigmoid", unary(g, "relu", binary(g, "mul", binary(g, "add", a, b), c)))
        outs.append(binary(g, "div", w, d))
    g.write(outs)


def a3():
    g = Graph("a3", """A3: one token step of token-by-token attention: one head of dim 64,
sequence 128 (q @ K^T, / sqrt(64), softmax, @ V). The benchmark submits it
once per token, 1000 times.""")
    q = g.arg("q", [1, 1, 64])
    k = g.arg("k", [1, 128, 64])
    v = g.arg("v", [1, 128, 64])
    g.write([attention(g, q, k, v, 1, 128, 64)])


def a4():
    for rows, cols in [(8, 256), (32, 128), (64, 512), (128, 1024)]:
        g = Graph(f"a4_{rows}x{cols}", f"""A4: sum over the last dim of ({rows}, {cols}), 1000 times with distinct
inputs, in one graph.""")
        outs = []
        for i in range(1000):
            x = g.arg(f"x{i}", [rows, cols])
            outs.append(g.op(f"gpuos.reduce sum {x[0]} axes = [1] : {t(x[1])} -> {{ty}}", [rows]))
        g.write(outs)


if __name__ == "__main__":
    for make in (b1, b2, b3, b4, b5, a2, a3, a4):
        make()
    sys.exit(0)
