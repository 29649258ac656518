"""Systematic op x dtype sweep for the GPU bundle check (run-bundles.sh).

For every operation of the gpuos dialect (read from GPUOSOps.td; only the structural
graph/return/task/yield are skipped) and every element type (f32, f16, bf16, i1, i32,
i64), writes small graphs that exercise the op in several shapes and layouts: contiguous,
broadcast operands, strided slices and permuted inputs, reductions over different axes
with and without keepdim, odd sizes (tails), rows that do and do not fit in registers,
and the op alone as well as fused with elementwise neighbours.

Which (op, dtype, variant) combinations are legal is not guessed: every candidate is
parsed and verified by `gpuos-opt`, and the rejected ones are listed with the verifier's
reason. With --check-emission every legal graph also goes through --gpuos-pipeline and
--gpuos-to-cuda; an error there for a legal graph is an emission gap.

Writes OUT/graphs/<case>.mlir (one graph each, ready for make_bundles.py), OUT/all.mlir
(every legal graph in one module), OUT/sample.mlir (one graph per op and dtype) and prints a coverage table (op x dtype: cases, or why none).
Exits 1 when an op of the dialect has no generator or a legal graph fails to emit.

usage: op_sweep.py <tools-dir> <out-dir> [--ops-td GPUOSOps.td] [--check-emission]
                   [--only OP[,OP...]]
"""
import os
import re
import subprocess
import sys
from collections import defaultdict

DTYPES = ["f32", "f16", "bf16", "i1", "i32", "i64"]
FLOATS = {"f32", "f16", "bf16"}
STRUCTURAL = {"graph", "return", "task", "yield"}
# Integer inputs are drawn from this range (make_bundles.py reads the directive); zero is
# in it, so integer division by zero (defined as 0) is exercised too.
INT_RANGE = (-7, 7)
# Large (tail-heavy) variants only for dtypes whose inputs or outputs stay small on disk.
LARGE_DTYPES = {"f32", "f16"}


def ty(dt, shape):
    return "tensor<" + "".join(f"{d}x" for d in shape) + dt + ">"


def scalar_text(dt, value):
    if dt in FLOATS:
        return f"{float(value):e} : {dt}"
    if dt == "i1":
        return "true" if value else "false"
    return f"{int(value)} : {dt}"


def dense_text(dt, values):
    if dt in FLOATS:
        return ", ".join(f"{float(v):e}" for v in values)
    if dt == "i1":
        return ", ".join("true" if v else "false" for v in values)
    return ", ".join(str(int(v)) for v in values)


def bcast_shape(*shapes):
    rank = max(len(s) for s in shapes)
    out = []
    for i in range(rank):
        dims = {s[i - rank + len(s)] for s in shapes if i - rank + len(s) >= 0} - {1}
        out.append(dims.pop() if dims else 1)
    return out


class Value:
    def __init__(self, name, dt, shape):
        self.name, self.dt, self.shape = name, dt, list(shape)

    @property
    def ty(self):
        return ty(self.dt, self.shape)


class Graph:
    """A graph under construction: arguments, op lines, results."""

    def __init__(self, name):
        self.name = name
        self.args = []
        self.lines = []

    def arg(self, dt, shape):
        v = Value(f"%a{len(self.args)}", dt, shape)
        self.args.append(v)
        return v

    def emit(self, text, dt, shape):
        v = Value(f"%v{len(self.lines)}", dt, shape)
        self.lines.append(f"  {v.name} = {text}")
        return v

    # Ops, each returning its result value.
    def binary(self, op, a, b):
        s = bcast_shape(a.shape, b.shape)
        return self.emit(f"gpuos.{op} {a.name}, {b.name} : {a.ty}, {b.ty} -> {ty(a.dt, s)}", a.dt, s)

    def unary(self, op, a):
        head = f"gpuos.{op}" if not op.startswith("gelu") else f"gpuos.gelu {op.split('_')[1]}"
        return self.emit(f"{head} {a.name} : {a.ty}", a.dt, a.shape)

    def cmp(self, pred, a, b):
        s = bcast_shape(a.shape, b.shape)
        return self.emit(f"gpuos.cmp {pred}, {a.name}, {b.name} : {a.ty}, {b.ty} -> {ty('i1', s)}", "i1", s)

    def select(self, c, a, b):
        s = bcast_shape(c.shape, a.shape, b.shape)
        return self.emit(f"gpuos.select {c.name}, {a.name}, {b.name} : {c.ty}, {a.ty}, {b.ty} -> {ty(a.dt, s)}",
                         a.dt, s)

    def cast(self, a, dt):
        return self.emit(f"gpuos.cast {a.name} : {a.ty} -> {ty(dt, a.shape)}", dt, a.shape)

    def reduce(self, kind, a, axes, keepdim=False):
        s = [1 if i in axes else d for i, d in enumerate(a.shape)] if keepdim else \
            [d for i, d in enumerate(a.shape) if i not in axes]
        kd = " keepdim" if keepdim else ""
        return self.emit(f"gpuos.reduce {kind} {a.name} axes = {list(axes)}{kd} : {a.ty} -> {ty(a.dt, s)}", a.dt, s)

    def softmax(self, a, axis):
        return self.emit(f"gpuos.softmax {a.name} axis = {axis} : {a.ty}", a.dt, a.shape)

    def norm(self, op, a, dims, weight=None, bias=None):
        w = f" weight({weight.name} : {weight.ty})" if weight else ""
        b = f" bias({bias.name} : {bias.ty})" if bias else ""
        return self.emit(f"gpuos.{op} {a.name}{w}{b} dims = {dims} eps = 1.000000e-05 : {a.ty}", a.dt, a.shape)

    def matmul(self, a, b, tl=False, tr=False):
        m = a.shape[-1] if tl else a.shape[-2]
        n = b.shape[-2] if tr else b.shape[-1]
        s = bcast_shape(a.shape[:-2], b.shape[:-2]) + [m, n]
        flags = (" transpose_lhs" if tl else "") + (" transpose_rhs" if tr else "")
        return self.emit(f"gpuos.matmul {a.name}, {b.name}{flags} : {a.ty}, {b.ty} -> {ty(a.dt, s)}", a.dt, s)

    def reshape(self, a, shape):
        return self.emit(f"gpuos.reshape {a.name} : {a.ty} -> {ty(a.dt, shape)}", a.dt, shape)

    def permute(self, a, perm):
        s = [a.shape[p] for p in perm]
        return self.emit(f"gpuos.permute {a.name} {list(perm)} : {a.ty} -> {ty(a.dt, s)}", a.dt, s)

    def slice(self, a, starts, limits, strides):
        s = [-(-(l - b) // k) for b, l, k in zip(starts, limits, strides)]
        return self.emit(f"gpuos.slice {a.name} starts = {list(starts)} limits = {list(limits)} "
                         f"strides = {list(strides)} : {a.ty} -> {ty(a.dt, s)}", a.dt, s)

    def broadcast_to(self, a, shape):
        return self.emit(f"gpuos.broadcast_to {a.name} : {a.ty} -> {ty(a.dt, shape)}", a.dt, shape)

    def concat(self, vals, axis):
        s = list(vals[0].shape)
        s[axis] = sum(v.shape[axis] for v in vals)
        return self.emit(f"gpuos.concat {', '.join(v.name for v in vals)} axis = {axis} : "
                         f"{', '.join(v.ty for v in vals)} -> {ty(vals[0].dt, s)}", vals[0].dt, s)

    def constant(self, dt, shape, values=None, splat=None):
        if splat is not None:
            body = dense_text(dt, [splat])
        else:
            items = dense_text(dt, values).split(", ")
            for d in reversed(shape):  # nest the flat list row-major, innermost first
                items = ["[" + ", ".join(items[i:i + d]) + "]" for i in range(0, len(items), d)]
            body = items[0]
        return self.emit(f"gpuos.constant dense<{body}> : {ty(dt, shape)}", dt, shape)

    def fill(self, dt, shape, value):
        return self.emit(f"gpuos.fill {scalar_text(dt, value)} -> {ty(dt, shape)}", dt, shape)

    # Elementwise neighbours, legal for every dtype.
    def producer(self, a):
        """An elementwise op before the op under test: -x, or not x for i1."""
        if a.dt == "i1":
            return self.select(a, self.fill("i1", [], 0), self.fill("i1", [], 1))
        return self.unary("neg", a)

    def consumer(self, a):
        """An elementwise op after it: -x for f32, a cast to f32 otherwise."""
        return self.unary("neg", a) if a.dt == "f32" else self.cast(a, "f32")

    def combine(self, a, b):
        """a + b, or a and b for i1."""
        return self.select(a, b, a) if a.dt == "i1" else self.binary("add", a, b)

    def text(self, results):
        args = ", ".join(f"{a.name}: {a.ty}" for a in self.args)
        rtys = ", ".join(r.ty for r in results)
        lines = [f"gpuos.graph @{self.name}({args}) -> ({rtys}) {{"] + self.lines
        lines.append(f"  gpuos.return {', '.join(r.name for r in results)} : {rtys}")
        return "\n".join(lines) + "\n}\n"


# ---------------------------------------------------------------------------
# Variants per op: each a function (graph, dtype) -> list of results.
# ---------------------------------------------------------------------------

def strided(g, dt, shape):
    """A strided slice of a larger argument, of shape `shape` (every dim stride 2, offset 1)."""
    big = g.arg(dt, [2 * d + 1 for d in shape])
    return g.slice(big, [1] * len(shape), [2 * d + 1 for d in shape], [2] * len(shape))


def permuted(g, dt, shape):
    """A reversed-dims permutation of an argument, of shape `shape`."""
    rank = len(shape)
    return g.permute(g.arg(dt, list(reversed(shape))), list(reversed(range(rank))))


def binary_variants(op):
    def fn2(build):
        return lambda g, dt: [build(g, dt)]
    v = {
        "same": fn2(lambda g, dt: g.binary(op, g.arg(dt, [7, 33]), g.arg(dt, [7, 33]))),
        "row_bcast": fn2(lambda g, dt: g.binary(op, g.arg(dt, [7, 33]), g.arg(dt, [33]))),
        "bcast_3d": fn2(lambda g, dt: g.binary(op, g.arg(dt, [5, 1, 33]), g.arg(dt, [4, 1]))),
        "scalar_lhs": fn2(lambda g, dt: g.binary(op, g.arg(dt, []), g.arg(dt, [7, 33]))),
        "strided": fn2(lambda g, dt: g.binary(op, strided(g, dt, [4, 13]), g.arg(dt, [4, 13]))),
        "permuted": fn2(lambda g, dt: g.binary(op, permuted(g, dt, [7, 33]), g.arg(dt, [7, 33]))),
        "fused": fn2(lambda g, dt: g.consumer(g.binary(op, g.producer(g.arg(dt, [9, 17])), g.arg(dt, [17])))),
        "large": fn2(lambda g, dt: g.binary(op, g.arg(dt, [3, 20011]), g.arg(dt, [3, 20011]))),
    }
    return v


def unary_variants(op):
    # log, sqrt and rsqrt also see positive inputs (abs then + 0.5) besides raw ones.
    def prep(g, x):
        if op in ("log", "sqrt", "rsqrt"):
            return g.binary("add", g.unary("abs", x), g.fill(x.dt, [], 0.5))
        return x
    return {
        "same": lambda g, dt: [g.unary(op, g.arg(dt, [7, 33]))],
        "strided": lambda g, dt: [g.unary(op, strided(g, dt, [2, 4, 3]))],
        "permuted": lambda g, dt: [g.unary(op, g.permute(g.arg(dt, [5, 7, 9]), [2, 0, 1]))],
        "bcast": lambda g, dt: [g.unary(op, g.broadcast_to(g.arg(dt, [33]), [7, 33]))],
        "fused": lambda g, dt: [g.consumer(g.unary(op, prep(g, g.producer(g.arg(dt, [9, 17])))))],
        "large": lambda g, dt: [g.unary(op, prep(g, g.arg(dt, [20011])))],
    }


def cmp_variants():
    v = {}
    for pred in ["eq", "ne", "lt", "le", "gt", "ge"]:
        # max(x, y) against x: equal about half the time, so eq/ne see both answers.
        v[f"{pred}_same"] = lambda g, dt, p=pred: [
            g.cmp(p, g.binary("max", *(lambda x, y: (x, y))(x := g.arg(dt, [7, 33]), g.arg(dt, [7, 33]))), x)]
    v["lt_bcast"] = lambda g, dt: [g.cmp("lt", g.arg(dt, [5, 1, 33]), g.arg(dt, [4, 1]))]
    v["ge_scalar"] = lambda g, dt: [g.cmp("ge", g.arg(dt, [7, 33]), g.arg(dt, []))]
    v["le_strided"] = lambda g, dt: [g.cmp("le", strided(g, dt, [4, 13]), permuted(g, dt, [4, 13]))]
    v["gt_fused"] = lambda g, dt: [g.cast(g.cmp("gt", g.producer(g.arg(dt, [9, 17])), g.arg(dt, [17])), "f32")]
    v["ne_large"] = lambda g, dt: [g.cmp("ne", g.arg(dt, [20011]), g.arg(dt, [20011]))]
    return v


def select_variants():
    return {
        "same": lambda g, dt: [g.select(g.arg("i1", [7, 33]), g.arg(dt, [7, 33]), g.arg(dt, [7, 33]))],
        "bcast": lambda g, dt: [g.select(g.arg("i1", [7, 1]), g.arg(dt, [33]), g.arg(dt, []))],
        "strided": lambda g, dt: [g.select(strided(g, "i1", [4, 13]), permuted(g, dt, [4, 13]),
                                           g.arg(dt, [4, 13]))],
        "fused": lambda g, dt: [g.consumer(g.select(g.cmp("lt", g.arg("f32", [9, 17]), g.arg("f32", [17])),
                                                    g.producer(g.arg(dt, [9, 17])), g.fill(dt, [], 1)))],
        "large": lambda g, dt: [g.select(g.arg("i1", [20011]), g.arg(dt, [20011]), g.arg(dt, [20011]))],
    }


def cast_variants():
    v = {}
    for to in DTYPES:
        def scaled(g, dt, to=to):
            x = g.arg(dt, [9, 17])
            if dt in FLOATS:  # times 8 (exact): float -> int sees values beyond [-1, 1)
                x = g.binary("mul", x, g.fill(dt, [], 8.0))
            return [g.consumer(g.cast(x, to))]
        v[f"to_{to}"] = lambda g, dt, to=to: [g.cast(g.arg(dt, [7, 33]), to)]
        v[f"to_{to}_strided"] = lambda g, dt, to=to: [g.cast(strided(g, dt, [4, 13]), to)]
        v[f"to_{to}_fused"] = scaled
    return v


def reduce_variants(kind):
    # prod keeps reductions short: long products under- or overflow.
    n = 7 if kind == "prod" else 129
    v = {
        "row": lambda g, dt: [g.reduce(kind, g.arg(dt, [37, n]), [1])],
        "col": lambda g, dt: [g.reduce(kind, g.arg(dt, [n, 37]), [0])],
        "all": lambda g, dt: [g.reduce(kind, g.arg(dt, [3, 5] if kind == "prod" else [37, n]), [0, 1])],
        "mid_keepdim": lambda g, dt: [g.reduce(kind, g.arg(dt, [5, 7, 33]), [1], keepdim=True)],
        "outer_axes": lambda g, dt: [g.reduce(kind, g.arg(dt, [3, 7, 3] if kind == "prod" else [5, 7, 33]), [0, 2])],
        "keepdim_last": lambda g, dt: [g.reduce(kind, g.arg(dt, [4, 5, 6]), [2], keepdim=True)],
        "short_rows": lambda g, dt: [g.reduce(kind, g.arg(dt, [4099, 3]), [1])],
        "few_rows": lambda g, dt: [g.reduce(kind, g.arg(dt, [2, n]), [1])],
        "strided": lambda g, dt: [g.reduce(kind, strided(g, dt, [9, n]), [1])],
        "permuted": lambda g, dt: [g.reduce(kind, permuted(g, dt, [9, n]), [1])],
        "fused": lambda g, dt: [g.consumer(g.reduce(kind, g.producer(g.arg(dt, [9, n])), [1], keepdim=True))],
    }
    if kind != "prod":
        v["long_row"] = lambda g, dt: [g.reduce(kind, g.arg(dt, [3, 20011]), [1])]
    return v


def softmax_variants():
    def rows(r, c, axis=1):
        return lambda g, dt: [g.softmax(g.arg(dt, [r, c] if axis == 1 else [c, r]), axis)]
    return {
        "regs_tail": rows(37, 33),        # in registers, 33 % 32 != 0
        "regs_full": rows(16, 256),       # the largest row in registers
        "reread": rows(9, 257),           # a warp rereads the row
        "reread_max": rows(9, 2048),
        "block": rows(3, 2049),           # the block per row
        "few_rows": rows(2, 100),
        "axis0": rows(33, 7, axis=0),
        "mid_axis": lambda g, dt: [g.softmax(g.arg(dt, [4, 37, 6]), 1)],
        "strided": lambda g, dt: [g.softmax(strided(g, dt, [9, 33]), 1)],
        "permuted": lambda g, dt: [g.softmax(permuted(g, dt, [9, 33]), 1)],
        "fused": lambda g, dt: [g.consumer(g.softmax(g.binary("mul", g.producer(g.arg(dt, [9, 65])),
                                                               g.fill(dt, [], 2.0)), 1))],
        "large": lambda g, dt: [g.softmax(g.arg(dt, [8, 20011]), 1)],
    }


def norm_variants(op):
    def norm(shape, dims, weight=True, bias=True, prep=None):
        def build(g, dt):
            x = g.arg(dt, shape)
            if prep:
                x = prep(g, x)
            tail = x.shape[len(x.shape) - dims:]
            w = g.arg(dt, tail) if weight else None
            b = g.arg(dt, tail) if bias and op == "layer_norm" else None
            return [g.norm(op, x, dims, w, b)]
        return build
    v = {
        "regs_tail": norm([37, 33], 1),
        "regs_full": norm([16, 256], 1),
        "reread": norm([9, 257], 1),
        "reread_max": norm([9, 2048], 1, weight=False, bias=False),
        "block": norm([3, 2049], 1),
        "few_rows": norm([2, 100], 1),
        "no_affine": norm([37, 33], 1, weight=False, bias=False),
        "dims2": norm([3, 5, 7], 2),
        "strided": norm([9, 33], 1, prep=lambda g, x: g.slice(x, [0, 1], [9, 33], [1, 2])),
        "permuted": norm([33, 9], 1, weight=False, prep=lambda g, x: g.permute(x, [1, 0])),
        "fused": lambda g, dt: [g.consumer(g.norm(op, g.producer(g.arg(dt, [9, 65])), 1, g.arg(dt, [65])))],
        "large": norm([8, 20011], 1, weight=False, bias=False),
    }
    if op == "layer_norm":
        v["weight_only"] = norm([7, 33], 1, bias=False)
        v["bias_only"] = lambda g, dt: [g.norm(op, g.arg(dt, [7, 33]), 1, None, g.arg(dt, [33]))]
    return v


def matmul_variants():
    def mm(ls, rs, tl=False, tr=False, prep=None):
        def build(g, dt):
            a, b = g.arg(dt, ls), g.arg(dt, rs)
            if prep:
                a = prep(g, a)
            return [g.matmul(a, b, tl, tr)]
        return build
    return {
        "small": mm([7, 33], [33, 5]),                # a thread per output
        "lanes": mm([16, 64], [64, 32]),              # N % 32 == 0, K >= 64: a lane per output
        "lanes_tail": mm([3, 100], [100, 96]),
        "tails": mm([67, 70], [70, 65]),
        "transpose_lhs": mm([33, 7], [33, 5], tl=True),
        "transpose_rhs": mm([7, 33], [5, 33], tr=True),   # a warp per output
        "transpose_both": mm([33, 7], [5, 33], tl=True, tr=True),
        "batched": mm([3, 7, 9], [3, 9, 5]),
        "batch_bcast": mm([2, 1, 5, 6], [3, 6, 4]),
        "rank2_rhs": mm([3, 7, 9], [9, 5]),
        "long_k": mm([5, 2000], [2000, 3]),
        "gemv": mm([1, 256], [256, 64]),
        "strided": mm([9, 33], [17, 5], prep=lambda g, a: g.slice(a, [0, 0], [9, 33], [1, 2])),
        "permuted": mm([33, 7], [33, 5], prep=lambda g, a: g.permute(a, [1, 0])),
        "fused": lambda g, dt: [g.consumer(g.combine(g.matmul(g.producer(g.arg(dt, [9, 64])), g.arg(dt, [64, 32])),
                                                     g.arg(dt, [32])))],
    }


def view_variants(op):
    if op == "reshape":
        return {
            "flatten": lambda g, dt: [g.reshape(g.arg(dt, [7, 33]), [231])],
            "split": lambda g, dt: [g.reshape(g.arg(dt, [231]), [3, 7, 11])],
            "of_strided": lambda g, dt: [g.reshape(strided(g, dt, [4, 13]), [13, 4])],
            "of_permuted": lambda g, dt: [g.reshape(g.permute(g.arg(dt, [5, 6, 7]), [2, 0, 1]), [7, 30])],
            "fused": lambda g, dt: [g.consumer(g.reshape(g.producer(g.arg(dt, [9, 17])), [17, 9]))],
        }
    if op == "permute":
        return {
            "t2d": lambda g, dt: [g.permute(g.arg(dt, [33, 65]), [1, 0])],
            "rot3d": lambda g, dt: [g.permute(g.arg(dt, [4, 5, 6]), [2, 0, 1])],
            "inner3d": lambda g, dt: [g.permute(g.arg(dt, [4, 5, 6]), [0, 2, 1])],
            "p4d": lambda g, dt: [g.permute(g.arg(dt, [2, 3, 4, 5]), [3, 1, 0, 2])],
            "of_strided": lambda g, dt: [g.permute(strided(g, dt, [4, 13]), [1, 0])],
            "fused": lambda g, dt: [g.consumer(g.permute(g.producer(g.arg(dt, [9, 17])), [1, 0]))],
            "large": lambda g, dt: [g.permute(g.arg(dt, [129, 257]), [1, 0])],
        }
    if op == "slice":
        return {
            "offset": lambda g, dt: [g.slice(g.arg(dt, [9, 40]), [1, 3], [8, 37], [1, 1])],
            "stride2": lambda g, dt: [g.slice(g.arg(dt, [9, 40]), [0, 1], [9, 40], [2, 2])],
            "stride3_3d": lambda g, dt: [g.slice(g.arg(dt, [7, 8, 10]), [1, 0, 2], [7, 8, 10], [3, 1, 3])],
            "one_col": lambda g, dt: [g.slice(g.arg(dt, [9, 40]), [0, 5], [9, 6], [1, 1])],
            "of_permuted": lambda g, dt: [g.slice(g.permute(g.arg(dt, [40, 9]), [1, 0]), [1, 2], [9, 40], [2, 3])],
            "fused": lambda g, dt: [g.consumer(g.slice(g.producer(g.arg(dt, [9, 40])), [1, 0], [9, 40], [2, 3]))],
        }
    if op == "broadcast_to":
        return {
            "row": lambda g, dt: [g.broadcast_to(g.arg(dt, [33]), [7, 33])],
            "col": lambda g, dt: [g.broadcast_to(g.arg(dt, [7, 1]), [7, 33])],
            "scalar": lambda g, dt: [g.broadcast_to(g.arg(dt, []), [5, 5])],
            "rank3": lambda g, dt: [g.broadcast_to(g.arg(dt, [1, 33]), [4, 3, 33])],
            "of_strided": lambda g, dt: [g.broadcast_to(strided(g, dt, [1, 13]), [4, 13])],
            "fused": lambda g, dt: [g.consumer(g.broadcast_to(g.producer(g.arg(dt, [9, 1])), [9, 17]))],
        }
    assert op == "concat"
    return {
        "axis0": lambda g, dt: [g.concat([g.arg(dt, [3, 33]), g.arg(dt, [4, 33])], 0)],
        "axis1_three": lambda g, dt: [g.concat([g.arg(dt, [7, 5]), g.arg(dt, [7, 1]), g.arg(dt, [7, 11])], 1)],
        "mid_axis": lambda g, dt: [g.concat([g.arg(dt, [2, 3, 5]), g.arg(dt, [2, 4, 5])], 1)],
        "of_views": lambda g, dt: [g.concat([strided(g, dt, [4, 13]), g.broadcast_to(g.arg(dt, [13]), [3, 13]),
                                             permuted(g, dt, [2, 13])], 0)],
        "fused": lambda g, dt: [g.consumer(g.concat([g.producer(g.arg(dt, [9, 17])), g.arg(dt, [9, 4])], 1))],
    }


def constant_variants():
    vals = [0.5, -1.25, 2.0, 0.0, -3.0, 1.0]
    ints = [1, -2, 3, 0, -5, 7]
    bools = [1, 0, 0, 1, 1, 0]

    def pick(dt):
        return bools if dt == "i1" else ints if dt in ("i32", "i64") else vals
    return {
        "splat": lambda g, dt: [g.combine(g.arg(dt, [7, 33]), g.constant(dt, [7, 33], splat=pick(dt)[0]))],
        "dense": lambda g, dt: [g.combine(g.arg(dt, [2, 3]), g.constant(dt, [2, 3], pick(dt)))],
        "dense_bcast": lambda g, dt: [g.combine(g.arg(dt, [5, 6]), g.constant(dt, [6], pick(dt)))],
        "output": lambda g, dt: [g.constant(dt, [2, 3], pick(dt)), g.producer(g.arg(dt, [4]))],
    }


def fill_variants():
    def one(dt):
        return 1 if dt == "i1" else 3 if dt in ("i32", "i64") else 1.5
    return {
        "output": lambda g, dt: [g.fill(dt, [7, 33], one(dt)), g.producer(g.arg(dt, [4]))],
        "with_input": lambda g, dt: [g.combine(g.arg(dt, [7, 33]), g.fill(dt, [7, 33], one(dt)))],
        "scalar_bcast": lambda g, dt: [g.combine(g.arg(dt, [7, 33]), g.fill(dt, [], one(dt)))],
    }


UNARY = ["neg", "abs", "exp", "log", "sqrt", "rsqrt", "tanh", "sigmoid", "relu", "silu", "sin", "cos"]
BINARY = ["add", "sub", "mul", "div", "max", "min", "pow"]


def generators():
    g = {}
    for op in BINARY:
        g[op] = binary_variants(op)
    for op in UNARY:
        g[op] = unary_variants(op)
    g["gelu"] = {f"{k}_{name}": fn for k in ("erf", "tanh")
                 for name, fn in unary_variants(f"gelu_{k}").items()}
    g["cmp"] = cmp_variants()
    g["select"] = select_variants()
    g["cast"] = cast_variants()
    g["reduce"] = {f"{k}_{name}": fn for k in ("sum", "mean", "max", "min", "prod")
                   for name, fn in reduce_variants(k).items()}
    g["softmax"] = softmax_variants()
    g["layer_norm"] = norm_variants("layer_norm")
    g["rms_norm"] = norm_variants("rms_norm")
    g["matmul"] = matmul_variants()
    for op in ("reshape", "permute", "slice", "broadcast_to", "concat"):
        g[op] = view_variants(op)
    g["constant"] = constant_variants()
    g["fill"] = fill_variants()
    return g


def dialect_ops(td_path):
    text = open(td_path).read()
    return [m for m in re.findall(r'^def GPUOS_\w+Op\s*:\s*GPUOS_\w+<"(\w+)"', text, re.M)
            if m not in STRUCTURAL]


class Candidate:
    def __init__(self, op, dt, variant, text, name):
        self.op, self.dt, self.variant, self.text, self.name = op, dt, variant, text, name
        self.error = None  # the verifier's reason, when rejected
        self.emit_error = None


def build_candidates(gens, only):
    cands = []
    for op, variants in gens.items():
        if only and op not in only:
            continue
        for dt in DTYPES:
            for variant, fn in variants.items():
                if variant.endswith("large") and dt not in LARGE_DTYPES:
                    continue
                if op == "cast" and variant.startswith(f"to_{dt}") and variant[3:].split("_")[0] == dt:
                    continue  # cast to its own type: not a conversion
                name = f"{op}_{dt}_{variant}"
                g = Graph(name)
                results = fn(g, dt)
                cands.append(Candidate(op, dt, variant, g.text(results), name))
    return cands


def run_split(tool_args, texts, stage):
    """Runs a tool with --split-input-file over the texts; returns ({index: first error}, stdout chunks)."""
    starts, line = [], 1
    for t in texts:
        starts.append(line)
        line += t.count("\n") + 1
    proc = subprocess.run(tool_args + ["--split-input-file", "-"],
                          input="// -----\n".join(texts), capture_output=True, text=True)
    errors = {}
    for m in re.finditer(r"^<stdin>:(\d+):\d+: error: (.*)$", proc.stderr, re.M):
        at = int(m.group(1))
        errors.setdefault(max(i for i, s in enumerate(starts) if s <= at), m.group(2))
    if proc.returncode != 0 and not errors:
        sys.exit(f"op_sweep.py: {stage} failed without a located error:\n{proc.stderr}")
    return errors, proc.stdout.split("// -----\n")


def short_reason(msg):
    """The verifier's reason in a table cell's width."""
    m = re.search(r"must be statically shaped tensor of (.*?) values", msg)
    if m:
        return "no: floats only" if "integer" not in m.group(1) else "no: not i1"
    return "no: " + msg[:18]


def main():
    args = sys.argv[1:]
    check_emission = "--check-emission" in args
    if check_emission:
        args.remove("--check-emission")
    td = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../include/gpuos/Dialect/GPUOSOps.td")
    only = None
    while len(args) > 2:
        flag, value = args[-2], args[-1]
        del args[-2:]
        if flag == "--ops-td":
            td = value
        elif flag == "--only":
            only = set(value.split(","))
        else:
            sys.exit(f"op_sweep.py: unknown flag {flag}\n{__doc__}")
    if len(args) != 2:
        sys.exit(__doc__)
    tools, out = args
    os.makedirs(out, exist_ok=True)

    gens = generators()
    ops = dialect_ops(td)
    missing = [op for op in ops if op not in gens]
    cands = build_candidates(gens, only)

    errors, _ = run_split([f"{tools}/gpuos-opt", "-o", os.devnull], [c.text for c in cands], "verification")
    for i, err in errors.items():
        cands[i].error = err
    legal = [c for c in cands if c.error is None]
    if check_emission and legal:
        # The pipeline, then the CUDA emitter on what it planned, each graph on its own.
        errors, _ = run_split([f"{tools}/gpuos-opt", "--gpuos-pipeline", "-o", os.devnull],
                              [c.text for c in legal], "pipeline")
        for i, err in errors.items():
            legal[i].emit_error = "pipeline: " + err
        ok = [c for c in legal if c.emit_error is None]
        _, planned = run_split([f"{tools}/gpuos-opt", "--gpuos-pipeline"], [c.text for c in ok], "pipeline")
        if len(planned) != len(ok):
            sys.exit(f"op_sweep.py: the pipeline printed {len(planned)} modules for {len(ok)} graphs")
        errors, _ = run_split([f"{tools}/gpuos-translate", "--gpuos-to-cuda", "-o", os.devnull], planned,
                              "CUDA emission")
        for i, err in errors.items():
            ok[i].emit_error = "to-cuda: " + err

    int_line = f"// op-sweep int-range: {INT_RANGE[0]} {INT_RANGE[1]}\n"
    good = [c for c in legal if not c.emit_error]
    os.makedirs(os.path.join(out, "graphs"), exist_ok=True)
    for c in good:
        with open(os.path.join(out, "graphs", c.name + ".mlir"), "w") as f:
            f.write(int_line + c.text)
    with open(os.path.join(out, "all.mlir"), "w") as f:
        f.write("".join(c.text for c in good))
    # One graph per (op, dtype), the fused variant where there is one: small enough for
    # NVRTC in a CI test.
    sample = {}
    for c in good:
        if (c.op, c.dt) not in sample or "fused" in c.variant and "fused" not in sample[(c.op, c.dt)].variant:
            sample[(c.op, c.dt)] = c
    with open(os.path.join(out, "sample.mlir"), "w") as f:
        f.write("".join(c.text for c in sample.values()))
    written = len(good)

    print_table(ops, gens, cands, missing)
    gaps = [c for c in legal if c.emit_error]
    print(f"op-sweep: {len(cands)} candidates, {len(legal)} legal, {written} written ({len(sample)} in the sample), "
          f"{len(cands) - len(legal)} rejected by the verifier, {len(gaps)} emission errors, "
          f"{len(missing)} ops without a generator")
    for c in gaps:
        print(f"  EMISSION-ERROR {c.name}: {c.emit_error}")
    for op in missing:
        print(f"  NO-GENERATOR {op}")
    return 1 if gaps or missing else 0


def print_table(ops, gens, cands, missing):
    by = defaultdict(list)
    for c in cands:
        by[(c.op, c.dt)].append(c)
    print(f"{'op':<13}" + "".join(f"{dt:>22}" for dt in DTYPES))
    for op in ops + [op for op in gens if op not in ops]:
        row = f"{op:<13}"
        for dt in DTYPES:
            cs = by.get((op, dt), [])
            legal = [c for c in cs if c.error is None and not c.emit_error]
            if op in missing:
                cell = "no generator"
            elif legal:
                bad = sum(1 for c in cs if c.error is None and c.emit_error)
                cell = f"{len(legal)}" + (f" (+{bad} emit-err)" if bad else "")
            elif cs and all(c.error for c in cs):
                cell = short_reason(cs[0].error)
            else:
                cell = "0"
            row += f"{cell:>22}"
        print(row)
    print("(cells: legal graphs per op and dtype; 'no' with the verifier's reason when it rejects every variant)")


if __name__ == "__main__":
    sys.exit(main())
