"""Exports the benchmark workloads with PyTorch and writes the fixtures of
test/Export: per workload the .mlir graph, manifest.json (graph inputs as
gpuos.testdata recipes), the inputs as .npy when small and the eager PyTorch
outputs as .npy. Also checks the error paths (unsupported op, CLI).

Needs PyTorch; plain asserts, no pytest:
    PYTHONPATH=python python3 python/tests/test_export.py --out DIR
"""
import argparse
import json
import os
import subprocess
import sys
import traceback

import numpy as np
import torch

from gpuos import workloads
from gpuos.export import (ExportError, decomposed_program, export_program, to_numpy)
from gpuos.testdata import generate

STORE_INPUTS_BELOW = 64 * 1024  # bytes: larger inputs are regenerated from recipes


def aten_ops(program):
    return sorted({str(n.target) for n in program.graph_module.graph.nodes
                   if n.op == "call_function"})


def export_fixture(name, factory, options, out):
    folder = os.path.join(out, name)
    os.makedirs(folder, exist_ok=True)
    module, inputs = factory()
    program = decomposed_program(module, inputs)
    with open(os.path.join(folder, "aten.txt"), "w") as f:
        f.write(str(program.graph_module.graph))
    print(f"[{name}] ATen ops: {', '.join(aten_ops(program))}")
    result = export_program(program, inputs, os.path.join(folder, name + ".mlir"), name,
                            options.get("inline_params_below", 0))
    assert f"gpuos.graph @{name}(" in result.text
    with torch.no_grad():
        outputs = module(*inputs)
    outputs = outputs if isinstance(outputs, (list, tuple)) else [outputs]
    assert len(outputs) == len(result.outputs), (len(outputs), result.outputs)

    user_index = 0
    entries, arrays = [], []
    for arg in result.inputs:
        if arg.kind == "user_input":
            r = module.input_recipes[user_index]
            user_index += 1
        else:
            r = module.state_recipes[arg.target]
        array = arg.numpy()
        assert np.array_equal(generate(r), array), f"recipe of {arg.name} does not match"
        assert list(array.shape) == list(arg.shape)
        entries.append(dict(name=arg.name, kind=arg.kind, target=arg.target, recipe=r))
        arrays.append(array)
    store = sum(a.nbytes for a in arrays) <= STORE_INPUTS_BELOW
    for i, (entry, array) in enumerate(zip(entries, arrays)):
        if store:
            entry["npy"] = f"in{i}.npy"
            np.save(os.path.join(folder, entry["npy"]), array)
    expected = []
    for i, o in enumerate(outputs):
        np.save(os.path.join(folder, f"out{i}.npy"), to_numpy(o))
        expected.append(f"out{i}.npy")
    manifest = dict(graph=name + ".mlir", name=name, inputs=entries, outputs=expected,
                    inlined=[a.target for a in result.inlined], aten_ops=aten_ops(program),
                    torch=torch.__version__, tolerance=options.get("tolerance", 1e-5))
    with open(os.path.join(folder, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
    print(f"[{name}] ok: {len(result.inputs)} inputs ({len(result.inlined)} inlined), "
          f"{len(outputs)} outputs, inputs {'stored' if store else 'as recipes'}")


def check_unsupported(out):
    module, inputs = workloads.unsupported()
    path = os.path.join(out, "unsupported.mlir")
    try:
        export_program(decomposed_program(module, inputs), inputs, path, "unsupported")
    except ExportError as e:
        message = str(e)
    else:
        raise AssertionError("cumsum was exported")
    print(f"[unsupported] {message}")
    assert message.startswith("unsupported ATen op aten.cumsum.default used by node %"), message
    assert "(from " in message and "workloads.py" in message, message
    assert not os.path.exists(path)
    with open(os.path.join(out, "unsupported_message.txt"), "w") as f:
        f.write(message + "\n")


def check_cli(out):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    folder = os.path.join(out, "cli")
    ok = subprocess.run([sys.executable, "-m", "gpuos.export", "gpuos.workloads:b4", "--out",
                         os.path.join(folder, "b4.mlir"), "--name", "b4", "--save-inputs",
                         folder, "--save-expected", folder], env=env, capture_output=True,
                        text=True)
    print(f"[cli] rc={ok.returncode} {ok.stdout.strip()} {ok.stderr.strip()}")
    assert ok.returncode == 0
    with open(os.path.join(folder, "b4.mlir")) as f, open(os.path.join(out, "b4", "b4.mlir")) as g:
        assert f.read() == g.read(), "CLI and API graphs differ"
    assert os.path.exists(os.path.join(folder, "in16.npy"))
    assert os.path.exists(os.path.join(folder, "out0.npy"))
    bad = subprocess.run([sys.executable, "-m", "gpuos.export", "gpuos.workloads:unsupported",
                          "--out", os.path.join(folder, "bad.mlir")], env=env,
                         capture_output=True, text=True)
    print(f"[cli] unsupported: rc={bad.returncode} {bad.stderr.strip()}")
    assert bad.returncode == 1
    assert "gpuos.export: error: unsupported ATen op aten.cumsum.default" in bad.stderr
    assert not os.path.exists(os.path.join(folder, "bad.mlir"))
    with open(os.path.join(out, "cli_error.txt"), "w") as f:
        f.write(bad.stderr)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--only", nargs="*")
    args = parser.parse_args()
    torch.manual_seed(0)
    print(f"torch {torch.__version__}, numpy {np.__version__}")
    passed, failed = [], []
    # The full-size part-A workloads are the benchmark suite's, not fixtures:
    # exported only when named.
    cases = [(n, lambda n=n: export_fixture(n, *workloads.ALL[n], args.out))
             for n in workloads.ALL
             if (n in args.only if args.only else not workloads.ALL[n][1].get("large"))]
    cases += [("unsupported", lambda: check_unsupported(args.out)),
              ("cli", lambda: check_cli(args.out))]
    for name, case in cases:
        try:
            case()
            passed.append(name)
        except Exception:
            traceback.print_exc()
            print(f"[{name}] FAILED")
            failed.append(name)
    print(f"summary: {len(passed)} passed, {len(failed)} failed {failed}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
