"""Command line: python -m gpuos.export pkg.module:factory --out graph.mlir

`factory()` returns (module, example_inputs). The graph is written to --out;
--save-inputs writes the tensors bound to the graph arguments as in0.npy,
in1.npy, ... (argument order) and --save-expected the eager outputs as
out0.npy, ..., ready for `gpuos-run --input ...`."""
import argparse
import importlib
import sys

from . import ExportError, export_module, save_npy, to_numpy


def load_factory(spec):
    module_name, sep, attr = spec.partition(":")
    if not sep or not module_name or not attr:
        raise ExportError(f"module spec '{spec}' is not of the form pkg.module:factory")
    try:
        module = importlib.import_module(module_name)
    except ImportError as e:
        raise ExportError(f"cannot import {module_name}: {e}") from e
    factory = getattr(module, attr, None)
    if not callable(factory):
        raise ExportError(f"{module_name} has no callable '{attr}'")
    try:
        made = factory()
    except Exception as e:
        raise ExportError(f"{spec}() failed: {type(e).__name__}: {e}") from e
    if not (isinstance(made, tuple) and len(made) == 2):
        raise ExportError(f"{spec}() must return (module, example_inputs)")
    return made


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m gpuos.export",
                                     description="Export a PyTorch module to a gpuos graph.")
    parser.add_argument("spec", help="pkg.module:factory returning (module, example_inputs)")
    parser.add_argument("--out", required=True, help="the .mlir file to write")
    parser.add_argument("--name", help="graph symbol name (default: the module's class)")
    parser.add_argument("--inline-params-below", type=int, default=0, metavar="N",
                        help="write parameters of fewer than N elements as constants")
    parser.add_argument("--save-inputs", metavar="DIR",
                        help="write the graph's input tensors as DIR/in<i>.npy")
    parser.add_argument("--save-expected", metavar="DIR",
                        help="write the module's eager outputs as DIR/out<i>.npy")
    args = parser.parse_args(argv)
    try:
        module, example_inputs = load_factory(args.spec)
        result = export_module(module, example_inputs, args.out, name=args.name,
                               inline_params_below=args.inline_params_below)
        if args.save_inputs:
            save_npy(args.save_inputs, [a.numpy() for a in result.inputs], "in")
        if args.save_expected:
            import torch
            with torch.no_grad():
                outputs = module(*example_inputs)
            outputs = outputs if isinstance(outputs, (list, tuple)) else [outputs]
            save_npy(args.save_expected, [to_numpy(o) for o in outputs], "out")
    except (ExportError, OSError) as e:
        print(f"gpuos.export: error: {e}", file=sys.stderr)
        return 1
    print(f"wrote graph @{result.name} to {args.out}: {len(result.inputs)} inputs "
          f"({len(result.inlined)} parameters inlined), {len(result.outputs)} outputs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
