"""Builds the text of one `gpuos.graph`: typed SSA values, ops, dead-op
removal and exact printing of scalars and dense constants. No PyTorch here."""
import math
import os
import re
import struct
import tempfile

import numpy as np

# Element types of the dialect and how NumPy holds them (bf16 as its bits).
NUMPY_DTYPES = {"f32": np.float32, "f16": np.float16, "bf16": np.uint16,
                "i1": np.bool_, "i32": np.int32, "i64": np.int64}
FLOAT_TYPES = ("f32", "f16", "bf16")
INT_TYPES = ("i32", "i64")


class ExportError(Exception):
    """A graph that cannot be expressed in the gpuos dialect."""


def tensor_type(shape, dtype):
    dims = "".join(f"{d}x" for d in shape)
    return f"tensor<{dims}{dtype}>"


class Value:
    """An SSA value: a static shape and a gpuos element type."""

    def __init__(self, name, shape, dtype):
        self.name, self.shape, self.dtype = name, tuple(shape), dtype

    @property
    def type(self):
        return tensor_type(self.shape, self.dtype)

    @property
    def rank(self):
        return len(self.shape)

    def __repr__(self):
        return f"%{self.name}: {self.type}"


def bf16_bits(value):
    """Rounds a double to bf16 (nearest, ties to even) and returns its bits."""
    bits = struct.unpack("<I", struct.pack("<f", value))[0]
    if math.isnan(value):
        return 0x7FC0
    return ((bits + 0x7FFF + ((bits >> 16) & 1)) >> 16) & 0xFFFF


def round_to(value, dtype):
    """The double nearest `value` that `dtype` represents."""
    if dtype == "f32":
        return float(np.float32(value))
    if dtype == "f16":
        return float(np.float16(value))
    return struct.unpack("<f", struct.pack("<I", bf16_bits(value) << 16))[0]


def float_literal(value):
    """A decimal MLIR float literal that reads back as exactly `value`."""
    text = repr(float(value))
    mantissa, _, exponent = text.partition("e")
    if "." not in mantissa:
        mantissa += ".0"
    return mantissa + ("e" + exponent if exponent else "")


def scalar_attr(value, dtype):
    """The attribute text of `value` as a `dtype` scalar, exact."""
    if dtype == "i1":
        return "true" if value else "false"
    if dtype in INT_TYPES:
        if isinstance(value, float) and not value.is_integer():
            raise ExportError(f"value {value} is not an integer but the tensor is {dtype}")
        return f"{int(value)} : {dtype}"
    value = round_to(float(value), dtype)
    if math.isfinite(value):
        return f"{float_literal(value)} : {dtype}"
    # Infinities and NaN have no decimal spelling: give the bit pattern.
    if dtype == "f32":
        bits = struct.unpack("<I", struct.pack("<f", value))[0]
        return f"0x{bits:08X} : f32"
    if dtype == "f16":
        bits = int(np.array(value, np.float16).view(np.uint16))
        return f"0x{bits:04X} : f16"
    return f"0x{bf16_bits(value):04X} : bf16"


def dense_attr(array, dtype):
    """`dense<...>` of a NumPy array holding `dtype` data (bf16 as uint16 bits)."""
    array = np.ascontiguousarray(array, dtype=NUMPY_DTYPES[dtype])
    if array.size == 0:
        raise ExportError("empty constants are not supported")
    if dtype == "i1":
        return f"dense<{_nested_bools(array)}>"
    # Raw little-endian bytes: exact for every value, NaN and inf included.
    return 'dense<"0x' + array.astype(array.dtype.newbyteorder("<")).tobytes().hex().upper() + '">'


def _nested_bools(array):
    if array.ndim == 0:
        return "true" if array else "false"
    return "[" + ", ".join(_nested_bools(row) for row in array) + "]"


class Op:
    """One printed op: `text` names its operands as {0}, {1}, ..."""

    def __init__(self, result, text, operands):
        self.result, self.text, self.operands = result, text, operands


class GraphBuilder:
    """Collects the arguments and ops of one graph and prints it."""

    _NAME = re.compile(r"[^A-Za-z0-9_]")

    def __init__(self, name):
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_$.]*", name):
            raise ExportError(f"graph name '{name}' is not a valid symbol name")
        self.name = name
        self.args, self.ops, self.results = [], [], []
        self._used = set()

    def fresh(self, hint):
        base = self._NAME.sub("_", hint) or "v"
        if base[0].isdigit():
            base = "v" + base
        name, k = base, 1
        while name in self._used:
            name, k = f"{base}_{k}", k + 1
        self._used.add(name)
        return name

    def argument(self, hint, shape, dtype):
        value = Value(self.fresh(hint), shape, dtype)
        self.args.append(value)
        return value

    def op(self, hint, text, operands, shape, dtype):
        """Appends `%r = text` (operands substituted) and returns %r."""
        result = Value(self.fresh(hint), shape, dtype)
        self.ops.append(Op(result, text, list(operands)))
        return result

    def live_ops(self):
        """Ops that a result depends on, in program order."""
        live = {v.name for v in self.results}
        kept = []
        for op in reversed(self.ops):
            if op.result.name in live:
                kept.append(op)
                live.update(v.name for v in op.operands)
        return list(reversed(kept))

    def text(self, comment=None):
        lines = [f"// {line}" for line in (comment or "").splitlines()]
        args = ", ".join(f"%{v.name}: {v.type}" for v in self.args)
        results = ", ".join(v.type for v in self.results)
        lines.append(f"gpuos.graph @{self.name}({args}) -> ({results}) {{")
        for op in self.live_ops():
            body = op.text.format(*(f"%{v.name}" for v in op.operands))
            lines.append(f"  %{op.result.name} = {body}")
        if self.results:
            names = ", ".join(f"%{v.name}" for v in self.results)
            lines.append(f"  gpuos.return {names} : {results}")
        else:
            lines.append("  gpuos.return")
        lines.append("}")
        return "\n".join(lines) + "\n"


def write_atomically(path, text):
    """Writes `text` to `path` through a temporary file in the same folder, so
    that a failure leaves no partial file."""
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".gpuos-export-", suffix=".mlir", dir=folder)
    try:
        with os.fdopen(fd, "w") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
