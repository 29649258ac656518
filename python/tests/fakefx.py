"""A stand-in for the FX graphs torch.export makes: nodes with op, name,
target, args, kwargs, meta["val"] and users. It lets the ATen lowering be
tested where PyTorch is not installed."""
import operator

from gpuos.export.aten import Lowering
from gpuos.export.mlir import GraphBuilder


class DType:
    def __init__(self, name):
        self.name = name

    def __str__(self):
        return "torch." + self.name


class Meta:
    def __init__(self, shape, dtype):
        self.shape, self.dtype = tuple(shape), DType(dtype)


class Op:
    def __init__(self, name):
        self.name = name

    def __str__(self):
        return self.name


class Node:
    def __init__(self, op, name, target, args, kwargs, val):
        self.op, self.name, self.target = op, name, target
        self.args, self.kwargs = tuple(args), dict(kwargs)
        self.meta = {"val": val, "stack_trace":
                     f'  File "model.py", line {len(name)}, in forward\n    y = {name}(x)\n'}
        self.users = {}


class Graph:
    def __init__(self):
        self.nodes, self.outputs = [], []

    def _add(self, op, target, args, kwargs, val):
        # Named like torch.export names nodes: the ATen op's name, numbered.
        stem = "getitem" if target is operator.getitem else str(target).split(".")[1]
        node = Node(op, f"{stem}_{len(self.nodes)}", target, args, kwargs, val)
        for a in list(args) + list(kwargs.values()):
            for x in (a if isinstance(a, (list, tuple)) else [a]):
                if isinstance(x, Node):
                    x.users[node] = None
        self.nodes.append(node)
        return node

    def input(self, name, shape, dtype="float32"):
        node = Node("placeholder", name, name, (), {}, Meta(shape, dtype))
        self.nodes.append(node)
        return node

    def call(self, target, args, shape=None, out_dtype="float32", tuple_of=None, **kwargs):
        val = [Meta(s, d) for s, d in tuple_of] if tuple_of else Meta(shape, out_dtype)
        return self._add("call_function", Op(target), args, kwargs, val)

    def item(self, node, index):
        val = node.meta["val"][index]
        return self._add("call_function", operator.getitem, (node, index), {}, val)

    def lower(self, name):
        builder = GraphBuilder(name)
        lowering = Lowering(builder)
        for node in self.nodes:
            if node.op == "placeholder":
                lowering.env[node.name] = builder.argument(
                    node.name, node.meta["val"].shape,
                    {"float32": "f32", "float16": "f16", "bfloat16": "bf16", "bool": "i1",
                     "int32": "i32", "int64": "i64"}[node.meta["val"].dtype.name])
            else:
                lowering.lower(node)
        builder.results = [lowering.tensor(n) for n in self.outputs]
        return builder.text()
