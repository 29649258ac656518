"""Helpers for checking gpuos-run against NumPy: graph signatures, .npy
conversion for every gpuos dtype (bf16 travels as '<u2' bit patterns),
rounding of expected values and tolerant comparison."""
import re

import numpy as np

FLOAT_DTYPES = {"f32": 23, "f16": 10, "bf16": 7}  # fraction bits
INT_BITS = {"i1": 1, "i32": 32, "i64": 64}
NUMPY_STORAGE = {"f32": np.float32, "f16": np.float16, "bf16": np.uint16,
                 "i1": np.bool_, "i32": np.int32, "i64": np.int64}


class TensorType:
    def __init__(self, text):
        parts = text.split("x")
        self.dtype = parts[-1]
        self.shape = tuple(int(p) for p in parts[:-1])

    def __repr__(self):
        return "tensor<%s>" % "x".join([str(d) for d in self.shape] + [self.dtype])


def graph_signature(mlir_path, name):
    """(argument types, result types) of `gpuos.graph @name`."""
    text = open(mlir_path).read()
    start = text.find("gpuos.graph @%s(" % name)
    if start < 0:
        raise SystemExit("no graph @%s in %s" % (name, mlir_path))
    body = text.find("{", start)
    header = text[start:body]
    args_end = header.find("->")
    types = lambda s: [TensorType(t) for t in re.findall(r"tensor<([^>]*)>", s)]
    return types(header[:args_end]), types(header[args_end:])


def bf16_bits(values):
    """Rounds to bf16 (to nearest even, via f32) and returns the bit patterns."""
    bits = np.asarray(values, dtype=np.float32).reshape(-1).view(np.uint32).astype(np.uint64)
    rounded = (bits + 0x7FFF + ((bits >> 16) & 1)) >> 16
    return rounded.astype(np.uint16).reshape(np.shape(values))


def bf16_values(bits):
    return (np.asarray(bits, dtype=np.uint16).astype(np.uint32) << 16).view(np.float32).astype(np.float64)


def wrap(values, dtype):
    """Two's-complement wrap of int64 values into an integer dtype."""
    v = np.asarray(values, dtype=np.int64)
    if dtype == "i32":
        return ((v + 2**31) % 2**32 - 2**31).astype(np.int64)
    if dtype == "i1":
        return v & 1
    return v


def round_to(values, dtype):
    """Expected values in `dtype`, as float64 (floats) or int64 / bool."""
    if dtype == "f32":
        return np.asarray(values, dtype=np.float64).astype(np.float32).astype(np.float64)
    if dtype == "f16":
        return np.asarray(values, dtype=np.float64).astype(np.float16).astype(np.float64)
    if dtype == "bf16":
        return bf16_values(bf16_bits(np.asarray(values, dtype=np.float64).astype(np.float32)))
    if dtype == "i1":
        return np.asarray(values) != 0
    return wrap(values, dtype)


def to_storage(values, dtype):
    """An array to save as the .npy of a `dtype` tensor."""
    if dtype == "bf16":
        return bf16_bits(values)
    return np.asarray(values).astype(NUMPY_STORAGE[dtype])


def from_storage(array, dtype):
    """A loaded .npy as float64 (floats), int64 or bool."""
    if dtype == "bf16":
        if array.dtype != np.uint16:
            raise SystemExit("bf16 output stored as %s, expected uint16" % array.dtype)
        return bf16_values(array)
    if array.dtype != NUMPY_STORAGE[dtype]:
        raise SystemExit("%s output stored as %s" % (dtype, array.dtype))
    if dtype in FLOAT_DTYPES:
        return array.astype(np.float64)
    if dtype == "i1":
        return array.astype(np.bool_)
    return array.astype(np.int64)


def compare(name, got, want, dtype):
    """Raises SystemExit unless `got` matches `want` (already rounded to
    `dtype`): integers exactly, floats within one unit in the last place."""
    got, want = np.asarray(got), np.asarray(want)
    if got.shape != want.shape:
        raise SystemExit("%s: shape %s, expected %s" % (name, got.shape, want.shape))
    if dtype not in FLOAT_DTYPES:
        bad = np.argwhere(got != want)
        if len(bad):
            i = tuple(bad[0])
            raise SystemExit("%s: %d mismatches; at %s got %s, expected %s"
                             % (name, len(bad), i, got[i], want[i]))
        return
    ulp = 2.0 ** -FLOAT_DTYPES[dtype]
    tiny = {"f32": 1e-40, "f16": 6e-8, "bf16": 1e-38}[dtype]
    same_special = (np.isnan(got) & np.isnan(want)) | (np.isinf(want) & (got == want))
    with np.errstate(invalid="ignore"):
        close = np.abs(got - want) <= ulp * np.abs(want) + tiny
    bad = np.argwhere(~(close | same_special))
    if len(bad):
        i = tuple(bad[0])
        raise SystemExit("%s: %d mismatches; at %s got %r, expected %r"
                         % (name, len(bad), i, got[i], want[i]))
