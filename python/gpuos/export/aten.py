"""Lowers the nodes of an ATen-level FX graph (torch.export, after
run_decompositions) to gpuos ops, one handler per ATen op.

This module reads only node attributes (op, name, target, args, kwargs, meta,
users) and dtype names, so it needs no PyTorch: anything with that shape can
be lowered, which the tests use."""
import math
import operator
import re

import numpy as np

from .mlir import (FLOAT_TYPES, INT_TYPES, NUMPY_DTYPES, ExportError, Value, bf16_bits,
                   dense_attr, float_literal, scalar_attr, tensor_type)

TORCH_DTYPES = {"torch.float32": "f32", "torch.float16": "f16", "torch.bfloat16": "bf16",
                "torch.bool": "i1", "torch.int32": "i32", "torch.int64": "i64"}

# Machine epsilon per float type: rms_norm's default eps.
FLOAT_EPS = {"f32": 2.0 ** -23, "f16": 2.0 ** -10, "bf16": 2.0 ** -7}

# ATen ops that only check shapes or dtypes at run time; shapes here are
# static and already checked by export, so they compute nothing.
RUNTIME_CHECKS = re.compile(r"aten\.(_assert_\w+|sym_constrain_range\w*|_print)\.")

HANDLERS = {}


def lowers(*names):
    """Registers a handler for the ATen op overloads `names`."""
    def register(fn):
        for name in names:
            HANDLERS[name] = fn
        return fn
    return register


def gpuos_dtype(torch_dtype, what):
    name = str(torch_dtype)
    if name not in TORCH_DTYPES:
        raise ExportError(f"unsupported dtype {name} of {what}: the gpuos dialect holds "
                          "float32, float16, bfloat16, bool, int32 and int64")
    return TORCH_DTYPES[name]


def target_name(target):
    if target is operator.getitem:
        return "getitem"
    return str(target)


def origin(node):
    """The user code line that made `node`, from its stack trace."""
    trace = node.meta.get("stack_trace") or ""
    lines = trace.rstrip().splitlines()
    for i in range(len(lines) - 1, -1, -1):
        m = re.match(r'\s*File "(.+)", line (\d+), in (\S+)', lines[i])
        if m:
            code = lines[i + 1].strip() if i + 1 < len(lines) else ""
            where = f"{m.group(1)}:{m.group(2)} in {m.group(3)}"
            return f"{where}: {code}" if code else where
    return "no stack trace"


def broadcast_shapes(*shapes):
    rank = max(len(s) for s in shapes)
    out = []
    for i in range(rank):
        dims = {s[len(s) - rank + i] for s in shapes if len(s) - rank + i >= 0} - {1}
        if len(dims) > 1:
            raise ExportError(f"shapes {[list(s) for s in shapes]} do not broadcast")
        out.append(dims.pop() if dims else 1)
    return tuple(out)


_CATEGORY = {"i1": 0, "i32": 1, "i64": 1, "f16": 2, "bf16": 2, "f32": 2}


def promote_types(x, y):
    """torch.promote_types on gpuos dtypes."""
    if x == y:
        return x
    if _CATEGORY[x] != _CATEGORY[y]:
        return x if _CATEGORY[x] > _CATEGORY[y] else y
    return "i64" if _CATEGORY[x] == 1 else "f32"


def is_node(arg):
    return hasattr(arg, "op") and hasattr(arg, "name") and hasattr(arg, "meta")


class Unavailable:
    """A result of a multi-result ATen op that has no gpuos counterpart."""

    def __init__(self, what):
        self.what = what


class Lowering:
    """Maps each FX node to gpuos values, in graph order."""

    def __init__(self, builder):
        self.b = builder
        self.env = {}
        self.node = None
        # Value name -> the Value it equals with the last two dims swapped, so
        # that matmul can read the source with a transpose flag instead.
        self.swapped = {}

    # -- errors and arguments -------------------------------------------------

    def where(self, node=None):
        node = node or self.node
        return f"node %{node.name} (from {origin(node)})"

    def fail(self, message):
        raise ExportError(f"{message}, at {self.where()}")

    def arg(self, index, name, default=None):
        args, kwargs = self.node.args, self.node.kwargs
        if index < len(args):
            return args[index]
        return kwargs.get(name, default)

    def result_meta(self, node=None):
        node = node or self.node
        val = node.meta.get("val")
        if val is None or not hasattr(val, "shape"):
            self.fail(f"node %{node.name} has no tensor metadata")
        try:
            shape = tuple(int(d) for d in val.shape)
        except (TypeError, ValueError):
            self.fail(f"dynamic shape {list(val.shape)} (gpuos needs static shapes)")
        return shape, gpuos_dtype(val.dtype, f"node %{node.name} (from {origin(node)})")

    def result_meta_first(self):
        """Shape and dtype of the node's first result (of a tuple, if several)."""
        val = self.node.meta.get("val")
        if isinstance(val, (list, tuple)):
            return (tuple(int(d) for d in val[0].shape), gpuos_dtype(val[0].dtype, self.where()))
        return self.result_meta()

    @property
    def out_shape(self):
        return self.result_meta()[0]

    @property
    def out_dtype(self):
        return self.result_meta()[1]

    def tensor(self, arg):
        if not is_node(arg):
            self.fail(f"expected a tensor operand but got {arg!r}")
        value = self.env[arg.name]
        if isinstance(value, Unavailable):
            self.fail(value.what)
        if not isinstance(value, Value):
            self.fail(f"operand %{arg.name} is a tuple, not a tensor")
        return value

    def dim(self, d, rank):
        d = int(d)
        if not -max(rank, 1) <= d < max(rank, 1):
            self.fail(f"dimension {d} out of range for rank {rank}")
        return d % rank if rank else 0

    def dims(self, ds, rank):
        """Sorted non-negative axes; None or [] mean all."""
        if ds is None or (isinstance(ds, (list, tuple)) and len(ds) == 0):
            return list(range(rank))
        if isinstance(ds, int):
            ds = [ds]
        return sorted({self.dim(d, rank) for d in ds})

    # -- emitting ---------------------------------------------------------------

    def emit(self, text, operands, shape, dtype):
        return self.b.op(self.node.name, text, operands, shape, dtype)

    def fill(self, value, dtype, shape=()):
        if isinstance(value, float) and dtype not in FLOAT_TYPES and dtype != "i1":
            if not value.is_integer():
                self.fail(f"scalar {value} used with an {dtype} tensor")
        return self.emit(f"gpuos.fill {scalar_attr(value, dtype)} -> {tensor_type(shape, dtype)}",
                         [], shape, dtype)

    def constant(self, array, dtype):
        return self.emit(f"gpuos.constant {dense_attr(array, dtype)} : "
                         f"{tensor_type(array.shape, dtype)}", [], array.shape, dtype)

    def cast(self, v, dtype):
        if v.dtype == dtype:
            return v
        return self.emit(f"gpuos.cast {{0}} : {v.type} -> {tensor_type(v.shape, dtype)}",
                         [v], v.shape, dtype)

    def operand(self, arg, dtype):
        """A tensor operand cast to `dtype`, or a scalar as a rank-0 fill."""
        if is_node(arg):
            return self.cast(self.tensor(arg), dtype)
        if isinstance(arg, (bool, int, float)):
            return self.fill(arg, dtype)
        self.fail(f"unsupported operand {arg!r}")

    def binary(self, op, lhs, rhs, dtype=None):
        shape = broadcast_shapes(lhs.shape, rhs.shape)
        return self.emit(f"gpuos.{op} {{0}}, {{1}} : {lhs.type}, {rhs.type} -> "
                         f"{tensor_type(shape, dtype or lhs.dtype)}", [lhs, rhs], shape,
                         dtype or lhs.dtype)

    def unary(self, op, v):
        return self.emit(f"gpuos.{op} {{0}} : {v.type}", [v], v.shape, v.dtype)

    def compare(self, predicate, lhs, rhs):
        shape = broadcast_shapes(lhs.shape, rhs.shape)
        return self.emit(f"gpuos.cmp {predicate}, {{0}}, {{1}} : {lhs.type}, {rhs.type} -> "
                         f"{tensor_type(shape, 'i1')}", [lhs, rhs], shape, "i1")

    def select(self, cond, a, b):
        shape = broadcast_shapes(cond.shape, a.shape, b.shape)
        return self.emit(f"gpuos.select {{0}}, {{1}}, {{2}} : {cond.type}, {a.type}, {b.type} -> "
                         f"{tensor_type(shape, a.dtype)}", [cond, a, b], shape, a.dtype)

    def reshape(self, v, shape):
        shape = tuple(shape)
        if v.shape == shape:
            return v
        if math.prod(shape) != math.prod(v.shape):
            self.fail(f"cannot reshape {list(v.shape)} to {list(shape)}")
        return self.emit(f"gpuos.reshape {{0}} : {v.type} -> {tensor_type(shape, v.dtype)}",
                         [v], shape, v.dtype)

    def permute(self, v, perm):
        perm = [self.dim(p, v.rank) for p in perm]
        if sorted(perm) != list(range(v.rank)):
            self.fail(f"{perm} is not a permutation of rank {v.rank}")
        if perm == list(range(v.rank)):
            return v
        if v.name in self.swapped and perm == self.last_two_swapped(v.rank):
            return self.swapped[v.name]
        shape = tuple(v.shape[p] for p in perm)
        result = self.emit(f"gpuos.permute {{0}} [{', '.join(map(str, perm))}] : {v.type} -> "
                           f"{tensor_type(shape, v.dtype)}", [v], shape, v.dtype)
        if perm == self.last_two_swapped(v.rank):
            self.swapped[result.name] = v
        return result

    @staticmethod
    def last_two_swapped(rank):
        return list(range(rank - 2)) + [rank - 1, rank - 2] if rank >= 2 else None

    def broadcast_to(self, v, shape):
        shape = tuple(shape)
        if v.shape == shape:
            return v
        return self.emit(f"gpuos.broadcast_to {{0}} : {v.type} -> {tensor_type(shape, v.dtype)}",
                         [v], shape, v.dtype)

    def slice(self, v, starts, limits, strides):
        shape = tuple(max(0, -(-(hi - lo) // st)) for lo, hi, st in zip(starts, limits, strides))
        if shape == v.shape:
            return v
        text = (f"gpuos.slice {{0}} starts = [{', '.join(map(str, starts))}] "
                f"limits = [{', '.join(map(str, limits))}] "
                f"strides = [{', '.join(map(str, strides))}] : {v.type} -> "
                f"{tensor_type(shape, v.dtype)}")
        return self.emit(text, [v], shape, v.dtype)

    def slice_dim(self, v, dim, start, end, step=1):
        size = v.shape[dim]
        start = 0 if start is None else int(start)
        end = size if end is None else int(end)
        start = min(max(start + size if start < 0 else start, 0), size)
        end = min(max(end + size if end < 0 else end, start), size)
        if step < 1:
            self.fail(f"slice step {step} must be positive")
        starts, limits, strides = [0] * v.rank, list(v.shape), [1] * v.rank
        starts[dim], limits[dim], strides[dim] = start, end, int(step)
        return self.slice(v, starts, limits, strides)

    def concat(self, values, axis):
        if len(values) == 1:
            return values[0]
        shape = list(values[0].shape)
        shape[axis] = sum(v.shape[axis] for v in values)
        names = ", ".join(f"{{{i}}}" for i in range(len(values)))
        types = ", ".join(v.type for v in values)
        return self.emit(f"gpuos.concat {names} axis = {axis} : {types} -> "
                         f"{tensor_type(shape, values[0].dtype)}", values, shape,
                         values[0].dtype)

    def reduce(self, kind, v, axes, keepdim):
        if not axes:
            return v
        shape = tuple(1 if i in axes else d for i, d in enumerate(v.shape)) if keepdim else \
            tuple(d for i, d in enumerate(v.shape) if i not in axes)
        keep = " keepdim" if keepdim else ""
        return self.emit(f"gpuos.reduce {kind} {{0}} axes = [{', '.join(map(str, axes))}]{keep} : "
                         f"{v.type} -> {tensor_type(shape, v.dtype)}", [v], shape, v.dtype)

    def matmul(self, a, b):
        if a.rank < 2 or b.rank < 2:
            self.fail("matmul operands need rank >= 2")
        lhs, rhs, flags = a, b, ""
        if a.name in self.swapped:
            lhs, flags = self.swapped[a.name], flags + " transpose_lhs"
        if b.name in self.swapped:
            rhs, flags = self.swapped[b.name], flags + " transpose_rhs"
        if a.shape[-1] != b.shape[-2]:
            self.fail(f"matmul of {list(a.shape)} and {list(b.shape)}")
        shape = broadcast_shapes(a.shape[:-2], b.shape[:-2]) + (a.shape[-2], b.shape[-1])
        return self.emit(f"gpuos.matmul {{0}}, {{1}}{flags} : {lhs.type}, {rhs.type} -> "
                         f"{tensor_type(shape, a.dtype)}", [lhs, rhs], shape, a.dtype)

    def scaled(self, v, factor):
        """v * factor, skipped when factor is 1."""
        if factor == 1:
            return v
        return self.binary("mul", v, self.fill(factor, v.dtype))

    def promoted(self, *args):
        """torch.result_type of tensors and scalars, on gpuos dtypes."""
        state = {}
        for a in args:
            if is_node(a):
                v = self.tensor(a)
                kind, dtype = ("dim" if v.rank else "zero"), v.dtype
            elif isinstance(a, bool):
                kind, dtype = "scalar", "i1"
            elif isinstance(a, int):
                kind, dtype = "scalar", "i64"
            else:
                kind, dtype = "scalar", "f32"
            state[kind] = promote_types(state[kind], dtype) if kind in state else dtype
        result = None
        for kind in ("dim", "zero", "scalar"):
            if kind in state:
                if result is None:
                    result = state[kind]
                elif _CATEGORY[state[kind]] > _CATEGORY[result]:
                    result = promote_types(result, state[kind])
        return result

    # -- driving ----------------------------------------------------------------

    def lower(self, node):
        self.node = node
        if node.op != "call_function":
            self.fail(f"unsupported FX node kind '{node.op}'")
        name = target_name(node.target)
        if RUNTIME_CHECKS.match(name):
            self.env[node.name] = None
            return
        handler = HANDLERS.get(name)
        if handler is None:
            raise ExportError(f"unsupported ATen op {name} used by node %{node.name} "
                              f"(from {origin(node)})")
        result = handler(self, node)
        if isinstance(result, Value):
            shape, dtype = self.result_meta()
            if (result.shape, result.dtype) != (shape, dtype):
                self.fail(f"internal error: lowered {name} to {result.type} but PyTorch says "
                          f"{tensor_type(shape, dtype)}")
        self.env[node.name] = result


# -- elementwise --------------------------------------------------------------

def _arith(op, alpha_scales_rhs=False):
    def handler(self, node):
        dtype = self.out_dtype
        lhs, rhs = self.operand(self.arg(0, "self"), dtype), self.operand(self.arg(1, "other"), dtype)
        if alpha_scales_rhs:
            rhs = self.scaled(rhs, self.arg(2, "alpha", 1))
        return self.binary(op, lhs, rhs)
    return handler


lowers("aten.add.Tensor", "aten.add.Scalar")(_arith("add", alpha_scales_rhs=True))
lowers("aten.sub.Tensor", "aten.sub.Scalar")(_arith("sub", alpha_scales_rhs=True))
lowers("aten.mul.Tensor", "aten.mul.Scalar")(_arith("mul"))
lowers("aten.div.Tensor", "aten.div.Scalar")(_arith("div"))
lowers("aten.maximum.default")(_arith("max"))
lowers("aten.minimum.default")(_arith("min"))
lowers("aten.pow.Tensor_Tensor", "aten.pow.Tensor_Scalar", "aten.pow.Scalar")(_arith("pow"))


@lowers("aten.div.Tensor_mode", "aten.div.Scalar_mode")
def _div_mode(self, node):
    mode = self.arg(2, "rounding_mode")
    dtype = self.out_dtype
    if mode is not None and not (mode == "trunc" and dtype in INT_TYPES):
        self.fail(f"division with rounding_mode='{mode}' on {dtype} is not supported")
    return self.binary("div", self.operand(self.arg(0, "self"), dtype),
                       self.operand(self.arg(1, "other"), dtype))


@lowers("aten.rsub.Scalar", "aten.rsub.Tensor")
def _rsub(self, node):
    dtype = self.out_dtype
    x = self.scaled(self.operand(self.arg(0, "self"), dtype), self.arg(2, "alpha", 1))
    return self.binary("sub", self.operand(self.arg(1, "other"), dtype), x)


def _unary(op):
    def handler(self, node):
        return self.unary(op, self.operand(self.arg(0, "self"), self.out_dtype))
    return handler


for _op in ("neg", "abs", "exp", "log", "sqrt", "rsqrt", "tanh", "sigmoid", "relu", "silu",
            "sin", "cos"):
    lowers(f"aten.{_op}.default")(_unary(_op))


@lowers("aten.gelu.default")
def _gelu(self, node):
    approximate = self.arg(1, "approximate", "none")
    if approximate not in ("none", "tanh"):
        self.fail(f"gelu approximation '{approximate}'")
    x = self.operand(self.arg(0, "self"), self.out_dtype)
    kind = "erf" if approximate == "none" else "tanh"
    return self.emit(f"gpuos.gelu {kind} {{0}} : {x.type}", [x], x.shape, x.dtype)


@lowers("aten.reciprocal.default")
def _reciprocal(self, node):
    x = self.operand(self.arg(0, "self"), self.out_dtype)
    return self.binary("div", self.fill(1.0, x.dtype), x)


@lowers("aten.square.default")
def _square(self, node):
    x = self.operand(self.arg(0, "self"), self.out_dtype)
    return self.binary("mul", x, x)


def _compare(predicate):
    def handler(self, node):
        a, b = self.arg(0, "self"), self.arg(1, "other")
        dtype = self.promoted(a, b)
        return self.compare(predicate, self.operand(a, dtype), self.operand(b, dtype))
    return handler


for _name, _pred in (("eq", "eq"), ("ne", "ne"), ("lt", "lt"), ("le", "le"), ("gt", "gt"),
                     ("ge", "ge")):
    lowers(f"aten.{_name}.Tensor", f"aten.{_name}.Scalar")(_compare(_pred))


@lowers("aten.logical_not.default", "aten.bitwise_not.default")
def _logical_not(self, node):
    x = self.tensor(self.arg(0, "self"))
    if "bitwise" in target_name(node.target) and x.dtype != "i1":
        self.fail("bitwise_not of integers is not supported")
    return self.compare("eq", x, self.fill(0, x.dtype))


@lowers("aten.where.self", "aten.where.ScalarSelf", "aten.where.ScalarOther", "aten.where.Scalar")
def _where(self, node):
    cond = self.tensor(self.arg(0, "condition"))
    if cond.dtype != "i1":
        cond = self.compare("ne", cond, self.fill(0, cond.dtype))
    dtype = self.out_dtype
    return self.select(cond, self.operand(self.arg(1, "self"), dtype),
                       self.operand(self.arg(2, "other"), dtype))


@lowers("aten.masked_fill.Scalar", "aten.masked_fill.Tensor")
def _masked_fill(self, node):
    x = self.tensor(self.arg(0, "self"))
    mask = self.tensor(self.arg(1, "mask"))
    return self.select(mask, self.operand(self.arg(2, "value"), x.dtype), x)


@lowers("aten.clamp.default", "aten.clamp.Tensor", "aten.clamp_min.default",
        "aten.clamp_max.default", "aten.clamp_min.Tensor", "aten.clamp_max.Tensor")
def _clamp(self, node):
    name = target_name(node.target)
    dtype = self.out_dtype
    x = self.operand(self.arg(0, "self"), dtype)
    if "clamp_min" in name:
        low, high = self.arg(1, "min"), None
    elif "clamp_max" in name:
        low, high = None, self.arg(1, "max")
    else:
        low, high = self.arg(1, "min"), self.arg(2, "max")
    if low is not None:
        x = self.binary("max", x, self.operand(low, dtype))
    if high is not None:
        x = self.binary("min", x, self.operand(high, dtype))
    return x


@lowers("aten._to_copy.default", "aten.to.dtype", "aten.to.dtype_layout", "aten.to.device",
        "aten.to.other", "aten.type_as.default")
def _to(self, node):
    return self.cast(self.tensor(self.arg(0, "self")), self.out_dtype)


@lowers("aten.clone.default", "aten.alias.default", "aten.detach.default",
        "aten.lift_fresh_copy.default", "aten.contiguous.default", "aten.lift_fresh.default")
def _identity(self, node):
    return self.tensor(self.arg(0, "self"))


@lowers("aten.dropout.default", "aten.native_dropout.default")
def _dropout(self, node):
    x = self.tensor(self.arg(0, "input"))
    if self.arg(2, "train", True) is not False:
        self.fail("dropout in training mode (export the module in eval mode)")
    return x if "native" not in target_name(node.target) else (x, Unavailable("dropout mask"))


# -- matrix products ------------------------------------------------------------

@lowers("aten.mm.default", "aten.bmm.default")
def _mm(self, node):
    return self.matmul(self.tensor(self.arg(0, "self")), self.tensor(self.arg(1, "mat2")))


@lowers("aten.matmul.default")
def _matmul(self, node):
    a, b = self.tensor(self.arg(0, "self")), self.tensor(self.arg(1, "other"))
    a2 = self.reshape(a, (1,) + a.shape) if a.rank == 1 else a
    b2 = self.reshape(b, b.shape + (1,)) if b.rank == 1 else b
    return self.reshape(self.matmul(a2, b2), self.out_shape)


@lowers("aten.addmm.default", "aten.baddbmm.default")
def _addmm(self, node):
    bias = self.tensor(self.arg(0, "self"))
    product = self.matmul(self.tensor(self.arg(1, "mat1")), self.tensor(self.arg(2, "mat2")))
    product = self.scaled(product, self.arg(4, "alpha", 1))
    beta = self.arg(3, "beta", 1)
    if beta == 0:
        return product
    return self.binary("add", product, self.scaled(self.cast(bias, product.dtype), beta))


@lowers("aten.linear.default")
def _linear(self, node):
    x, w = self.tensor(self.arg(0, "input")), self.tensor(self.arg(1, "weight"))
    wt = self.permute(w, [1, 0]) if w.rank == 2 else w
    x2 = self.reshape(x, (1,) + x.shape) if x.rank == 1 else x
    y = self.reshape(self.matmul(x2, wt), self.out_shape)
    bias = self.arg(2, "bias")
    return self.binary("add", y, self.tensor(bias)) if bias is not None else y


def _attention(self, q, k, v, mask, causal, scale):
    """softmax(q @ k^T * scale + mask) @ v, as the math backend of SDPA."""
    if q.rank < 2:
        self.fail("attention needs rank >= 2")
    length, source = q.shape[-2], k.shape[-2]
    scale = 1.0 / math.sqrt(q.shape[-1]) if scale is None else scale
    kt = self.permute(k, self.last_two_swapped(k.rank))
    scores = self.binary("mul", self.matmul(q, kt), self.fill(scale, q.dtype))
    minus_inf = self.fill(float("-inf"), q.dtype)
    if causal:
        keep = self.constant(np.tril(np.ones((length, source), dtype=bool)), "i1")
        scores = self.select(keep, scores, minus_inf)
    if mask is not None:
        m = self.tensor(mask)
        scores = self.select(m, scores, minus_inf) if m.dtype == "i1" else \
            self.binary("add", scores, self.cast(m, scores.dtype))
    probs = self.emit(f"gpuos.softmax {{0}} axis = {scores.rank - 1} : {scores.type}", [scores],
                      scores.shape, scores.dtype)
    return self.matmul(probs, v)


@lowers("aten.scaled_dot_product_attention.default")
def _sdpa(self, node):
    if self.arg(4, "dropout_p", 0.0):
        self.fail("attention dropout")
    if node.kwargs.get("enable_gqa", False):
        self.fail("grouped-query attention (enable_gqa)")
    q, k, v = (self.tensor(self.arg(i, n)) for i, n in enumerate(("query", "key", "value")))
    return _attention(self, q, k, v, self.arg(3, "attn_mask"), self.arg(5, "is_causal", False),
                      node.kwargs.get("scale"))


@lowers("aten._scaled_dot_product_flash_attention_for_cpu.default",
        "aten._scaled_dot_product_flash_attention.default",
        "aten._scaled_dot_product_efficient_attention.default")
def _sdpa_fused(self, node):
    name = target_name(node.target)
    efficient = "efficient" in name
    dropout = self.arg(5 if efficient else 3, "dropout_p", 0.0)
    causal = self.arg(6 if efficient else 4, "is_causal", False)
    mask = self.arg(3, "attn_bias") if efficient else node.kwargs.get("attn_mask")
    if dropout:
        self.fail("attention dropout")
    q, k, v = (self.tensor(self.arg(i, n)) for i, n in enumerate(("query", "key", "value")))
    out = _attention(self, q, k, v, mask, causal, node.kwargs.get("scale"))
    val = node.meta.get("val")
    count = len(val) if isinstance(val, (list, tuple)) else 1
    return (out,) + tuple(Unavailable(f"result #{i} of {name}") for i in range(1, count))


# -- normalizations and softmax ---------------------------------------------------

def _norm(self, op, x, weight, bias, dims, eps):
    operands, text = [x], f"gpuos.{op} {{0}}"
    for label, arg in (("weight", weight), ("bias", bias)):
        if arg is not None:
            v = self.cast(self.tensor(arg), x.dtype)
            text += f" {label}({{{len(operands)}}} : {v.type})"
            operands.append(v)
    text += f" dims = {dims} eps = {float_literal(float(eps))} : {x.type}"
    return self.emit(text, operands, x.shape, x.dtype)


@lowers("aten.native_layer_norm.default", "aten.layer_norm.default")
def _layer_norm(self, node):
    x = self.operand(self.arg(0, "input"), self.result_meta_first()[1])
    dims = len(self.arg(1, "normalized_shape"))
    out = _norm(self, "layer_norm", x, self.arg(2, "weight"), self.arg(3, "bias"), dims,
                self.arg(4, "eps", 1e-5))
    if "native" in target_name(node.target):
        return (out, Unavailable("the mean of native_layer_norm"),
                Unavailable("the inverse deviation of native_layer_norm"))
    return out


@lowers("aten.rms_norm.default", "aten._fused_rms_norm.default")
def _rms_norm(self, node):
    x = self.operand(self.arg(0, "input"), self.result_meta_first()[1])
    eps = self.arg(3, "eps")
    eps = FLOAT_EPS[x.dtype] if eps is None else eps
    out = _norm(self, "rms_norm", x, self.arg(2, "weight"), None,
                len(self.arg(1, "normalized_shape")), eps)
    if "fused" in target_name(node.target):
        return out, Unavailable("the inverse RMS of _fused_rms_norm")
    return out


@lowers("aten._softmax.default", "aten.softmax.int", "aten._safe_softmax.default")
def _softmax(self, node):
    x = self.operand(self.arg(0, "self"), self.out_dtype)
    axis = self.dim(self.arg(1, "dim"), x.rank)
    p = self.emit(f"gpuos.softmax {{0}} axis = {axis} : {x.type}", [x], x.shape, x.dtype)
    if "safe" in target_name(node.target):
        # Rows that are all -inf give NaN in softmax and 0 in _safe_softmax.
        p = self.select(self.compare("ne", p, p), self.fill(0.0, p.dtype), p)
    return p


@lowers("aten._log_softmax.default", "aten.log_softmax.int")
def _log_softmax(self, node):
    x = self.operand(self.arg(0, "self"), self.out_dtype)
    axis = self.dim(self.arg(1, "dim"), x.rank)
    shifted = self.binary("sub", x, self.reduce("max", x, [axis], True))
    total = self.reduce("sum", self.unary("exp", shifted), [axis], True)
    return self.binary("sub", shifted, self.unary("log", total))


# -- reductions ---------------------------------------------------------------------

def _reduction(kind, dim_index=1, keepdim_index=2):
    def handler(self, node):
        x = self.operand(self.arg(0, "self"), self.out_dtype)
        dims = self.arg(dim_index, "dim") if dim_index is not None else None
        keepdim = bool(self.arg(keepdim_index, "keepdim", False)) if keepdim_index else False
        return self.reduce(kind, x, self.dims(dims, x.rank), keepdim)
    return handler


lowers("aten.sum.dim_IntList")(_reduction("sum"))
lowers("aten.mean.dim")(_reduction("mean"))
lowers("aten.sum.default")(_reduction("sum", None, None))
lowers("aten.mean.default")(_reduction("mean", None, None))
lowers("aten.amax.default")(_reduction("max"))
lowers("aten.amin.default")(_reduction("min"))
lowers("aten.prod.dim_int")(_reduction("prod"))
lowers("aten.prod.default")(_reduction("prod", None, None))


@lowers("aten.max.dim", "aten.min.dim")
def _max_dim(self, node):
    x = self.tensor(self.arg(0, "self"))
    kind = "max" if target_name(node.target) == "aten.max.dim" else "min"
    values = self.reduce(kind, x, [self.dim(self.arg(1, "dim"), x.rank)],
                         bool(self.arg(2, "keepdim", False)))
    return values, Unavailable(f"the indices of aten.{kind}.dim")


def _variance(self, x, dims, correction, keepdim):
    mean = self.reduce("mean", x, dims, True)
    centered = self.binary("sub", x, mean)
    total = self.reduce("sum", self.binary("mul", centered, centered), dims, keepdim)
    count = math.prod(x.shape[d] for d in dims)
    return self.binary("div", total, self.fill(float(max(count - correction, 0)), x.dtype)), mean


@lowers("aten.var.correction", "aten.var_mean.correction", "aten.std.correction")
def _var(self, node):
    x = self.tensor(self.arg(0, "self"))
    dims = self.dims(self.arg(1, "dim"), x.rank)
    correction = node.kwargs.get("correction", self.arg(2, "correction"))
    correction = 1 if correction is None else correction
    keepdim = bool(node.kwargs.get("keepdim", self.arg(3, "keepdim", False)))
    var, mean = _variance(self, x, dims, correction, keepdim)
    name = target_name(node.target)
    if name.startswith("aten.std"):
        return self.unary("sqrt", var)
    if name.startswith("aten.var_mean"):
        return var, (mean if keepdim else self.reshape(mean, var.shape))
    return var


# -- views and data movement -----------------------------------------------------------

@lowers("aten.view.default", "aten.reshape.default", "aten._unsafe_view.default",
        "aten.unsqueeze.default", "aten.squeeze.dim", "aten.squeeze.dims", "aten.squeeze.default",
        "aten.flatten.using_ints", "aten.view_as.default", "aten.reshape_as.default")
def _reshape(self, node):
    return self.reshape(self.tensor(self.arg(0, "self")), self.out_shape)


@lowers("aten.permute.default")
def _permute(self, node):
    return self.permute(self.tensor(self.arg(0, "self")), self.arg(1, "dims"))


@lowers("aten.transpose.int", "aten.t.default", "aten.numpy_T.default")
def _transpose(self, node):
    x = self.tensor(self.arg(0, "self"))
    if x.rank < 2:
        return x
    if target_name(node.target) == "aten.transpose.int":
        d0, d1 = self.dim(self.arg(1, "dim0"), x.rank), self.dim(self.arg(2, "dim1"), x.rank)
        perm = list(range(x.rank))
        perm[d0], perm[d1] = perm[d1], perm[d0]
    else:
        perm = list(reversed(range(x.rank)))
    return self.permute(x, perm)


@lowers("aten.expand.default", "aten.expand_as.default", "aten.broadcast_to.default")
def _expand(self, node):
    return self.broadcast_to(self.tensor(self.arg(0, "self")), self.out_shape)


@lowers("aten.slice.Tensor")
def _slice(self, node):
    x = self.tensor(self.arg(0, "self"))
    dim = self.dim(self.arg(1, "dim", 0), x.rank)
    return self.slice_dim(x, dim, self.arg(2, "start"), self.arg(3, "end"), self.arg(4, "step", 1))


@lowers("aten.select.int")
def _select(self, node):
    x = self.tensor(self.arg(0, "self"))
    dim = self.dim(self.arg(1, "dim"), x.rank)
    index = int(self.arg(2, "index"))
    if not -x.shape[dim] <= index < x.shape[dim]:
        self.fail(f"index {index} out of range for dimension of size {x.shape[dim]}")
    index %= x.shape[dim]
    return self.reshape(self.slice_dim(x, dim, index, index + 1), self.out_shape)


@lowers("aten.cat.default", "aten.concat.default", "aten.concatenate.default")
def _cat(self, node):
    values = [self.tensor(t) for t in self.arg(0, "tensors")]
    dtype = self.out_dtype
    # torch.cat skips 1-D empty tensors whatever the other shapes.
    values = [self.cast(v, dtype) for v in values if v.shape != (0,)]
    if not values:
        self.fail("cat of empty tensors only")
    return self.concat(values, self.dim(self.arg(1, "dim", 0), values[0].rank))


def _pieces(self, x, dim, sizes):
    pieces, start = [], 0
    for size in sizes:
        pieces.append(self.slice_dim(x, dim, start, start + size))
        start += size
    return tuple(pieces)


@lowers("aten.split.Tensor", "aten.split_with_sizes.default", "aten.chunk.default",
        "aten.unbind.int")
def _split(self, node):
    x = self.tensor(self.arg(0, "self"))
    name = target_name(node.target)
    dim = self.dim(self.arg(1 if name == "aten.unbind.int" else 2, "dim", 0), x.rank)
    size = x.shape[dim]
    if name == "aten.unbind.int":
        return tuple(self.reshape(p, x.shape[:dim] + x.shape[dim + 1:])
                     for p in _pieces(self, x, dim, [1] * size))
    if name == "aten.split_with_sizes.default":
        sizes = list(self.arg(1, "split_sizes"))
    else:
        step = int(self.arg(1, "split_size" if name == "aten.split.Tensor" else "chunks"))
        if name == "aten.chunk.default":
            step = -(-size // step)
        sizes = [min(step, size - s) for s in range(0, size, step)] or [0]
    return _pieces(self, x, dim, sizes)


@lowers("getitem")
def _getitem(self, node):
    source, index = node.args
    value = self.env[source.name]
    if not isinstance(value, tuple):
        self.fail(f"getitem of %{source.name}, which is not a tuple")
    picked = value[index]
    if isinstance(picked, Unavailable):
        if not node.users:
            return None
        self.fail(f"{picked.what} is used but has no gpuos counterpart")
    return picked


# -- constants ---------------------------------------------------------------------------

@lowers("aten.full.default", "aten.full_like.default", "aten.new_full.default")
def _full(self, node):
    name = target_name(node.target)
    value = self.arg(2 if name == "aten.new_full.default" else 1, "fill_value")
    return self.fill(value, self.out_dtype, self.out_shape)


@lowers("aten.zeros.default", "aten.zeros_like.default", "aten.new_zeros.default")
def _zeros(self, node):
    return self.fill(0, self.out_dtype, self.out_shape)


@lowers("aten.ones.default", "aten.ones_like.default", "aten.new_ones.default")
def _ones(self, node):
    return self.fill(1, self.out_dtype, self.out_shape)


@lowers("aten.empty.memory_format", "aten.empty_like.default", "aten.empty_strided.default",
        "aten.new_empty.default")
def _empty(self, node):
    # Uninitialized memory: zeros are as good as any value.
    return self.fill(0, self.out_dtype, self.out_shape)


@lowers("aten.fill.Scalar", "aten.fill.Tensor")
def _fill(self, node):
    value = self.arg(1, "value")
    if is_node(value):
        return self.broadcast_to(self.cast(self.tensor(value), self.out_dtype), self.out_shape)
    return self.fill(value, self.out_dtype, self.out_shape)


@lowers("aten.copy.default")
def _copy(self, node):
    return self.broadcast_to(self.cast(self.tensor(self.arg(1, "src")), self.out_dtype),
                             self.out_shape)


@lowers("aten.scalar_tensor.default")
def _scalar_tensor(self, node):
    return self.fill(self.arg(0, "s"), self.out_dtype, ())


@lowers("aten.arange.default", "aten.arange.start", "aten.arange.start_step")
def _arange(self, node):
    name = target_name(node.target)
    if name == "aten.arange.default":
        start, step = 0, 1
    else:
        start, step = self.arg(0, "start"), self.arg(2, "step", 1)
    shape, dtype = self.result_meta()
    values = np.array([start + i * step for i in range(shape[0])], dtype=np.float64)
    if dtype == "bf16":
        array = np.array([bf16_bits(v) for v in values], dtype=np.uint16)
    else:
        array = values.astype(NUMPY_DTYPES[dtype])
    return self.constant(array, dtype)
