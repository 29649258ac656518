"""NumPy oracle for gpuos-run tests.

  oracle.py gen   FILE.mlir GRAPH DIR [--seed N]   writes DIR/GRAPH/in<i>.npy
  oracle.py check FILE.mlir GRAPH DIR              compares DIR/GRAPH/out<i>.npy

`check` recomputes every output of GRAPH from the saved inputs with the
NumPy function registered below under the graph's name, independently of
the executor, rounds it to the result dtype and compares.
"""
import math
import os
import sys

import numpy as np

from npref import (FLOAT_DTYPES, compare, from_storage, graph_signature,
                   round_to, to_storage, wrap)

REFERENCES = {}
GENERATORS = {}


def reference(name, gen=None):
    def register(fn):
        REFERENCES[name] = fn
        if gen:
            GENERATORS[name] = gen
        return fn
    return register


def default_value(rng, t):
    if t.dtype in FLOAT_DTYPES:
        return rng.uniform(-1.0, 1.0, t.shape)
    if t.dtype == "i1":
        return rng.integers(0, 2, t.shape).astype(bool)
    return rng.integers(-8, 9, t.shape)


def per_arg(*makers):
    """A generator giving argument i the values of makers[i](rng, type)."""
    return lambda rng, types: [m(rng, t) for m, t in zip(makers, types)]


uniform = lambda lo, hi: lambda rng, t: rng.uniform(lo, hi, t.shape)
integers = lambda lo, hi: lambda rng, t: rng.integers(lo, hi, t.shape, dtype=np.int64)
default = default_value


def trunc_div(a, b):
    """Integer division truncating toward zero; x / 0 is 0."""
    safe = np.where(b == 0, 1, b)
    q = np.abs(a) // np.abs(safe) * np.sign(a) * np.sign(safe)
    return np.where(b == 0, 0, q)


def gelu_erf(x):
    erf = np.vectorize(math.erf)
    return 0.5 * x * (1.0 + erf(x / math.sqrt(2.0)))


def gelu_tanh(x):
    return 0.5 * x * (1.0 + np.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x**3)))


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def softmax(x, axis):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def layer_norm(x, dims, eps, w=None, b=None):
    axes = tuple(range(x.ndim - dims, x.ndim))
    mean = x.mean(axis=axes, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=axes, keepdims=True)
    y = (x - mean) / np.sqrt(var + eps)
    if w is not None:
        y = y * w
    if b is not None:
        y = y + b
    return y


def rms_norm(x, dims, eps, w=None):
    axes = tuple(range(x.ndim - dims, x.ndim))
    y = x / np.sqrt((x * x).mean(axis=axes, keepdims=True) + eps)
    return y if w is None else y * w


def matmul(a, b, ta=False, tb=False):
    if ta:
        a = np.swapaxes(a, -1, -2)
    if tb:
        b = np.swapaxes(b, -1, -2)
    return np.matmul(a, b)


# --- binary ---------------------------------------------------------------

@reference("binary_f32")
def _(a, b):
    return [a + b, a - b, a * b, a / b, np.maximum(a, b), np.minimum(b, a)]


@reference("pow_f32", per_arg(uniform(0.1, 2.0), uniform(-2.0, 2.0)))
def _(a, b):
    return [a ** b]


@reference("binary_f16")
def _(a, b):
    return [a + b, a - b, a * b, a / b]


@reference("binary_bf16")
def _(a, b):
    return [a + b, a * b, a / b, np.maximum(a, b)]


@reference("binary_i32", per_arg(integers(-1000, 1000), integers(-8, 9)))
def _(a, b):
    return [a + b, a - b, a * b, trunc_div(a, b), np.maximum(a, b), np.minimum(a, b)]


@reference("wrap_i32", per_arg(integers(-2**31, 2**31), integers(-2**31, 2**31)))
def _(a, b):
    return [a + b, a - b, a * b, trunc_div(a, b)]


@reference("pow_i32", per_arg(integers(-6, 7), integers(0, 40)))
def _(a, b):
    return [np.power(a, b)]  # int64 powers wrap; wrapping to i32 follows


@reference("binary_i64", per_arg(integers(-2**40, 2**40), integers(-8, 9)))
def _(a, b):
    return [a + b, a - b, a * b, trunc_div(a, b), np.maximum(a, b), np.minimum(a, b)]


@reference("binary_i1")
def _(a, b):
    a, b = a.astype(np.int64), b.astype(np.int64)
    # i1 arithmetic is modulo 2; x / 0 is 0.
    return [wrap(v, "i1") for v in
            (a + b, a - b, a * b, np.maximum(a, b), trunc_div(a, b))]


# --- unary ----------------------------------------------------------------

@reference("unary_f32", per_arg(uniform(-4.0, 4.0)))
def _(x):
    return [-x, np.abs(x), np.exp(x), np.tanh(x), sigmoid(x), np.maximum(x, 0.0),
            x * sigmoid(x), np.sin(x), np.cos(x), gelu_erf(x), gelu_tanh(x)]


@reference("unary_positive_f32", per_arg(uniform(0.01, 4.0)))
def _(x):
    return [np.log(x), np.sqrt(x), 1.0 / np.sqrt(x)]


@reference("unary_f16", per_arg(uniform(-3.0, 3.0)))
def _(x):
    return [np.exp(x), np.tanh(x), gelu_erf(x), gelu_tanh(x), x * sigmoid(x)]


@reference("unary_bf16", per_arg(uniform(-3.0, 3.0)))
def _(x):
    return [np.exp(x), sigmoid(x), gelu_erf(x), gelu_tanh(x), -x]


@reference("unary_i32", per_arg(integers(-2**31, 2**31)))
def _(x):
    return [-x, np.abs(x), np.maximum(x, 0)]


@reference("unary_i64", per_arg(integers(-2**40, 2**40)))
def _(x):
    return [-x, np.abs(x), np.maximum(x, 0)]


# --- compare, select, cast ------------------------------------------------

few_values = lambda rng, t: rng.choice([-1.0, -0.5, 0.0, 0.5, 1.0], t.shape)


@reference("cmp_f32", per_arg(few_values, few_values))
def _(a, b):
    return [a == b, a != b, a < b, a <= b, a > b, a >= b]


@reference("cmp_i32", per_arg(integers(-3, 4), integers(-3, 4)))
def _(a, b):
    return [a < b, a == b, a >= b]


@reference("select_f32")
def _(c, t, f):
    return [np.where(c, t, f)]


@reference("select_i64", per_arg(default, integers(-2**40, 2**40), integers(-9, 9)))
def _(c, t, f):
    return [np.where(c, t, f)]


def cast_sources(rng, t):
    x = rng.uniform(-300.0, 300.0, t.shape)
    x[:6] = [0.0, -0.0, 1e10, -1e10, 7e4, np.nan]
    return x


def saturating_trunc(x, lo, hi):
    return np.where(np.isnan(x), 0, np.clip(np.trunc(np.nan_to_num(x)), lo, hi))


@reference("cast_f32", per_arg(cast_sources))
def _(x):
    with np.errstate(invalid="ignore", over="ignore"):
        return [x, x, saturating_trunc(x, -2**31, 2**31 - 1),
                saturating_trunc(x, -2**63, 2**63 - 1).astype(np.int64), x != 0]


@reference("cast_int", per_arg(integers(-2**40, 2**40)))
def _(x):
    return [x, x.astype(np.float64), x.astype(np.float64), x.astype(np.float64), x != 0]


@reference("cast_narrow", per_arg(default, default, default, integers(-3, 4)))
def _(h, b, c, i):
    c = c.astype(np.int64)
    return [h, b, h, c.astype(np.float64), c, i != 0, i.astype(np.float64)]


# --- reductions -----------------------------------------------------------

@reference("reduce_f32")
def _(x):
    return [x.sum(axis=1), x.mean(axis=(0, 2), keepdims=True), x.max(axis=2),
            x.min(axis=(0, 1, 2)), x.prod(axis=1, keepdims=True)]


@reference("reduce_f16")
def _(x):
    return [x.sum(axis=1), x.mean(axis=0, keepdims=True)]


@reference("reduce_bf16")
def _(x):
    return [x.sum(axis=0), x.max(axis=1, keepdims=True)]


def trunc_mean(x, axis, keepdims=False):
    n = np.prod([x.shape[a] for a in np.atleast_1d(axis)])
    return trunc_div(x.sum(axis=axis, keepdims=keepdims), np.int64(n))


@reference("reduce_i32", per_arg(integers(-100, 101)))
def _(x):
    return [x.sum(axis=1), trunc_mean(x, 1), x.max(axis=0, keepdims=True),
            x.min(axis=(0, 1)), x.prod(axis=1)]


@reference("reduce_i64", per_arg(integers(-2**24, 2**24)))
def _(x):
    return [x.sum(axis=(0, 2)), trunc_mean(x, 2, keepdims=True), x.prod(axis=0)]


# --- softmax and norms ----------------------------------------------------

@reference("softmax_f32", per_arg(uniform(-5.0, 5.0)))
def _(x):
    return [softmax(x, 0), softmax(x, 1), softmax(x, 2)]


@reference("softmax_f16")
def _(x):
    return [softmax(x, 1)]


@reference("softmax_bf16")
def _(x):
    return [softmax(x, 0)]


@reference("layer_norm_affine", per_arg(uniform(-3.0, 3.0), default, default))
def _(x, w, b):
    return [layer_norm(x, 1, 1e-5, w, b)]


@reference("layer_norm_plain")
def _(x, w):
    return [layer_norm(x, 2, 1e-5), layer_norm(x, 1, 1e-3, w)]


@reference("layer_norm_f16")
def _(x, w, b):
    return [layer_norm(x, 1, 1e-5, w, b)]


@reference("rms_norm_f32")
def _(x, w):
    return [rms_norm(x, 1, 1e-6, w), rms_norm(x, 1, 1e-6)]


@reference("rms_norm_dims2")
def _(x, w):
    return [rms_norm(x, 2, 1e-5, w)]


@reference("rms_norm_bf16")
def _(x, w):
    return [rms_norm(x, 1, 1e-5, w)]


# --- matmul ---------------------------------------------------------------

@reference("matmul_2d")
def _(a, b):
    return [matmul(a, b)]


@reference("matmul_batched")
def _(a, b):
    return [matmul(a, b)]


@reference("matmul_transposed")
def _(a, b, c):
    return [matmul(a, b, ta=True, tb=True), matmul(a, c, ta=True)]


@reference("matmul_f16")
def _(a, b):
    return [matmul(a, b)]


@reference("matmul_bf16")
def _(a, b):
    return [matmul(a, b, tb=True)]


@reference("matmul_i32", per_arg(integers(-2**20, 2**20), integers(-2**20, 2**20)))
def _(a, b):
    return [matmul(a, b)]  # int64 products, then wrapped to i32


@reference("matmul_i64")
def _(a, b):
    return [matmul(a, b, tb=True)]


# --- data movement and constants ------------------------------------------

@reference("reshape_permute")
def _(x):
    return [x.reshape(6, 4), x.reshape(24), x.transpose(2, 0, 1), x.transpose(1, 0, 2)]


@reference("slice_strided")
def _(x):
    return [x[1:5:2, 0:7:3], x[:, 2:6], x[4:5, 6:7], x[0:0, :]]


@reference("broadcast_concat")
def _(x, y, z):
    return [np.broadcast_to(x, (2, 3, 5)), np.concatenate([y, z], axis=1),
            np.concatenate([y, y], axis=0)]


@reference("movement_bf16")
def _(x):
    return [x.T, x[:, 1:4:2], np.concatenate([x, x], axis=1)]


@reference("movement_i1")
def _(x):
    return [np.broadcast_to(x, (2, 2, 3)), np.concatenate([x, x], axis=0), x.reshape(3, 2)]


@reference("constants")
def _(x):
    table = np.array([[1.5, -2.0, 0.25], [3.0, 0.0, -0.125]])
    return [x + table, np.full((2, 3), 0.333251953125), np.full((4,), 2.5),
            np.array([7, -3, 2**40]), np.array([True, False, True])]


@reference("with_task")
def _(a, b):
    inner = round_to(np.maximum(round_to(a + b, "f32"), 0.0), "f32")
    return [inner * 2.0, inner]


def main():
    mode, mlir, graph, work = sys.argv[1:5]
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 0
    args, results = graph_signature(mlir, graph)
    folder = os.path.join(work, graph)
    if mode == "gen":
        os.makedirs(folder, exist_ok=True)
        rng = np.random.default_rng(seed)
        gen = GENERATORS.get(graph, lambda rng, types: [default_value(rng, t) for t in types])
        for i, (values, t) in enumerate(zip(gen(rng, args), args)):
            np.save(os.path.join(folder, "in%d.npy" % i),
                    to_storage(round_to(values, t.dtype), t.dtype))
        return
    inputs = [from_storage(np.load(os.path.join(folder, "in%d.npy" % i)), t.dtype)
              for i, t in enumerate(args)]
    expected = REFERENCES[graph](*inputs)
    if len(expected) != len(results):
        raise SystemExit("%s: reference gives %d outputs, graph has %d"
                         % (graph, len(expected), len(results)))
    for i, (want, t) in enumerate(zip(expected, results)):
        got = from_storage(np.load(os.path.join(folder, "out%d.npy" % i)), t.dtype)
        compare("%s output #%d (%r)" % (graph, i, t), got,
                round_to(np.asarray(want).reshape(t.shape), t.dtype), t.dtype)
    extra = os.path.join(folder, "out%d.npy" % len(results))
    if os.path.exists(extra):
        raise SystemExit("%s: unexpected extra output %s" % (graph, extra))
    print("%s: %d outputs match" % (graph, len(results)))


if __name__ == "__main__":
    main()
