"""Exports a PyTorch module to a gpuos-dialect graph.

    from gpuos.export import export_module
    result = export_module(model.eval(), (x,), "model.mlir", name="model")
    for arg in result.inputs:          # graph arguments in order
        print(arg.name, arg.kind, arg.shape, arg.dtype)

torch.export traces the module to an ATen graph, run_decompositions brings it
to the core ATen opset (keeping the ops in PRESERVED, which map to single
gpuos ops), and every node is lowered by gpuos.export.aten. Graph arguments
are the user inputs, then the parameters, buffers and lifted constants not
inlined as `gpuos.constant`. An op without a lowering stops the export with
its name and the node and source line that use it; the file is written only
when the whole graph was lowered."""
import dataclasses
import os
import re

import numpy as np

from .aten import Lowering, gpuos_dtype, is_node
from .mlir import ExportError, GraphBuilder, write_atomically

__all__ = ["ExportError", "ExportResult", "GraphInput", "decomposed_program", "export_module",
           "export_program",
           "to_numpy", "PRESERVED"]

# Composite ops kept whole by run_decompositions: each is one gpuos op (or,
# for attention, the four the math backend computes).
PRESERVED = ("rms_norm.default", "scaled_dot_product_attention.default", "silu.default",
             "gelu.default")

_KINDS = {"USER_INPUT": "user_input", "PARAMETER": "parameter", "BUFFER": "buffer",
          "CONSTANT_TENSOR": "constant"}


@dataclasses.dataclass
class GraphInput:
    """One graph argument (or inlined constant) and the tensor it binds."""
    name: str      # the MLIR argument name, without '%'
    kind: str      # user_input, parameter, buffer or constant
    target: str    # the forward() argument name or the module's state name
    tensor: object  # torch.Tensor
    shape: tuple
    dtype: str     # gpuos element type

    def numpy(self):
        return to_numpy(self.tensor)


@dataclasses.dataclass
class ExportResult:
    path: str
    name: str
    text: str
    inputs: list       # GraphInput per graph argument, in argument order
    inlined: list      # GraphInput per parameter written as gpuos.constant
    outputs: list      # (shape, dtype) per graph result


def to_numpy(tensor):
    """A tensor as the NumPy array gpuos-run reads (bf16 as uint16 bits)."""
    import torch
    t = tensor.detach().cpu().contiguous()
    if t.dtype == torch.bfloat16:
        return t.view(torch.int16).numpy().view(np.uint16)
    gpuos_dtype(t.dtype, "a tensor")
    return t.numpy()


def _already_core(program, preserve):
    """Every op of the program is core ATen (or kept whole): decomposing would
    change nothing, and run_decompositions takes time quadratic in the number
    of graph inputs (minutes at thousands of inputs)."""
    import torch
    for node in program.graph.nodes:
        if node.op != "call_function":
            continue
        target = node.target
        if not isinstance(target, torch._ops.OpOverload):
            return False
        if torch.Tag.core not in target.tags and \
                target.name().removeprefix("aten::") not in preserve:
            return False
    return True


def _decompose(program, preserve):
    import torch
    if _already_core(program, preserve):
        return program
    try:
        table = torch.export.default_decompositions()
    except AttributeError:  # older PyTorch: no table to edit
        return program.run_decompositions()
    for name in preserve:
        packet, _, overload = name.partition(".")
        op = getattr(getattr(torch.ops.aten, packet, None), overload, None)
        if op is not None:
            try:
                del table[op]
            except Exception:  # not in the table: nothing to keep
                pass
    return program.run_decompositions(table)


def decomposed_program(module, example_inputs, preserve=PRESERVED):
    """torch.export of `module`, decomposed to core ATen but for `preserve`."""
    try:
        import torch
    except ImportError as e:
        raise ExportError("PyTorch is needed to export a module") from e
    try:
        program = torch.export.export(module, tuple(example_inputs))
    except Exception as e:
        raise ExportError(f"torch.export failed: {type(e).__name__}: {e}") from e
    return _decompose(program, preserve)


def export_module(module, example_inputs, path, name=None, inline_params_below=0,
                  preserve=PRESERVED, comment=None):
    """Traces `module` on `example_inputs` (a tuple of tensors) and writes the
    gpuos graph to `path`. Raises ExportError, and writes nothing, when some
    part of the graph has no gpuos form."""
    example_inputs = tuple(example_inputs)
    program = decomposed_program(module, example_inputs, preserve)
    name = name or re.sub(r"\W", "_", type(module).__name__)
    return export_program(program, example_inputs, path, name, inline_params_below, comment)


def export_program(program, example_inputs, path, name, inline_params_below=0, comment=None):
    """Writes the gpuos graph of an ExportedProgram already decomposed to ATen."""
    import torch
    signature = program.graph_signature
    placeholders = {n.name: n for n in program.graph_module.graph.nodes if n.op == "placeholder"}
    users = iter(torch.utils._pytree.tree_leaves(example_inputs))

    bound = []  # (placeholder node, GraphInput)
    for spec in signature.input_specs:
        kind = _KINDS.get(spec.kind.name)
        arg_name = getattr(spec.arg, "name", None)
        if kind is None or arg_name not in placeholders:
            raise ExportError(f"graph input {spec.arg} of kind {spec.kind.name} is not supported")
        if kind == "user_input":
            tensor = next(users, None)
            target = arg_name
        else:
            target = spec.target
            tensor = program.state_dict[target] if target in program.state_dict \
                else program.constants.get(target)
        if not isinstance(tensor, torch.Tensor):
            raise ExportError(f"input {arg_name} ({target}) is not a tensor: {tensor!r}")
        bound.append((placeholders[arg_name], GraphInput(
            arg_name, kind, target, tensor, tuple(tensor.shape),
            gpuos_dtype(tensor.dtype, f"input {arg_name} ({target})"))))
    # User inputs first, then parameters, buffers and constants.
    bound.sort(key=lambda pair: pair[1].kind != "user_input")

    for spec in signature.output_specs:
        if spec.kind.name != "USER_OUTPUT":
            raise ExportError(f"the module writes {spec.target} ({spec.kind.name}); gpuos graphs "
                              "have no state: export a module that does not mutate buffers")

    builder = GraphBuilder(name)
    lowering = Lowering(builder)
    inputs, inlined = [], []
    for node, arg in bound:
        lowering.node = node
        if arg.kind != "user_input" and arg.tensor.numel() < inline_params_below:
            lowering.env[node.name] = lowering.constant(arg.numpy(), arg.dtype)
            inlined.append(arg)
        else:
            value = builder.argument(node.name, arg.shape, arg.dtype)
            arg.name = value.name
            lowering.env[node.name] = value
            inputs.append(arg)

    for node in program.graph_module.graph.nodes:
        if node.op == "placeholder":
            continue
        if node.op == "output":
            lowering.node = node
            results = node.args[0]
            results = results if isinstance(results, (list, tuple)) else [results]
            for i, result in enumerate(results):
                if not is_node(result):
                    raise ExportError(f"output #{i} is {result!r}, not a tensor")
                builder.results.append(lowering.tensor(result))
            continue
        lowering.lower(node)

    text = builder.text(comment)
    write_atomically(path, text)
    return ExportResult(path=path, name=name, text=text, inputs=inputs, inlined=inlined,
                        outputs=[(v.shape, v.dtype) for v in builder.results])


def save_npy(folder, arrays, stem):
    """Writes arrays as `<stem><i>.npy`; returns the paths."""
    os.makedirs(folder, exist_ok=True)
    paths = []
    for i, array in enumerate(arrays):
        p = os.path.join(folder, f"{stem}{i}.npy")
        np.save(p, array)
        paths.append(p)
    return paths
