"""The public benchmark suite (shared/bench/WORKLOADS.md), in one process.

Every workload of python/gpuos/workloads.py runs under PyTorch eager, a CUDA
graph captured from eager, torch.compile (default and reduce-overhead), and
GPUOS: exported to the gpuos dialect, `gpuos-opt --gpuos-pipeline`,
`gpuos-translate --gpuos-to-bundle`, run by the runtime through the Python
binding on the same tensors. Writes docs/benchmarks.md (table and the command
that made it) and docs/benchmarks.png (speedups, log scale; needs matplotlib).

    PYTHONPATH=python python3 bench/suite/run_suite.py --build build

A GPU machine without the MLIR tools runs what another machine prepared:

    # here: PyTorch (CPU is enough) and the tools; exports and compiles each workload
    PYTHONPATH=python python3 bench/suite/run_suite.py --prepare DIR --build build
    # there: PyTorch and a GPU; uses DIR's graphs and bundles, exports nothing
    PYTHONPATH=python python3 bench/suite/run_suite.py --bundles DIR

--prepare writes <workload>.mlir (the exporter's graph), <workload>.export.json
(its arguments: which forward() input or module state each one binds) and
<workload>.bundle. Exporting WORKLOADS.md's part A at full size (10,000 ops)
takes minutes, which is why it happens once, there.

Times are host clocks around one call and the wait for its completion
(eager & co.: the call, then a synchronize of PyTorch's stream; GPUOS: submit,
then wait), median over --reps calls after --warmup calls. Kernels per call
come from torch.profiler over one call; tasks per call from the bundle.

While a GPUOS runtime is open its persistent kernel holds the GPU, so every
PyTorch step of a workload (baselines, reference outputs, buffers) comes
first, then the runtime runs the bundle, then it is closed."""
import argparse
import datetime
import json
import math
import os
import platform
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
import traceback

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "python"))

BASELINES = ("eager", "cuda_graph", "compile", "compile_ro")
LABELS = {"eager": "eager", "cuda_graph": "CUDA graph", "compile": "torch.compile",
          "compile_ro": "compile (reduce-overhead)", "gpuos": "GPUOS"}
# WORKLOADS.md parts A and B at their specified sizes (python/gpuos/workloads.py;
# A3 is one token step, timed per token).
DEFAULT_WORKLOADS = ("a1_256", "a1_1024", "a1_4096", "a1_16384", "a2_1000", "a3",
                     "a4_8x256", "a4_32x128", "a4_64x512", "a4_128x1024",
                     "b1", "b2", "b3", "b4", "b5")
# Each measurement stops after this many seconds of calls (at least 5 calls), so
# workloads of 10,000 eager launches per call still finish.
MEASURE_BUDGET_S = 3.0


# ---- measuring ----------------------------------------------------------------------------

def median_us(call, sync, warmup, reps, budget_s=MEASURE_BUDGET_S):
    """Median host time of call() + sync(), in microseconds: `reps` calls after
    `warmup`, or fewer (never under 5) once the calls have taken `budget_s`."""
    began = time.perf_counter()
    for _ in range(warmup):
        call()
        sync()
        if time.perf_counter() - began > budget_s / 4:
            break
    times = []
    began = time.perf_counter()
    for _ in range(reps):
        start = time.perf_counter()
        call()
        sync()
        times.append((time.perf_counter() - start) * 1e6)
        if len(times) >= 5 and time.perf_counter() - began > budget_s:
            break
    return statistics.median(times)


def kernels_per_call(torch, call):
    """CUDA kernels launched by one call (torch.profiler; memcpy/memset not counted)."""
    from torch.profiler import ProfilerActivity, profile
    torch.cuda.synchronize()
    with profile(activities=[ProfilerActivity.CUDA]) as prof:
        call()
        torch.cuda.synchronize()
    count = 0
    for event in prof.events():
        if event.device_type != torch.autograd.DeviceType.CUDA:
            continue
        name = event.name.lower()
        if not (name.startswith("memcpy") or name.startswith("memset")):
            count += 1
    return count


def relative_error(got, want):
    """||got - want||_2 / ||want||_2 over every output, in float64 (the reference
    executor's measure)."""
    num = den = 0.0
    for g, w in zip(got, want):
        g, w = g.detach().double().cpu(), w.detach().double().cpu()
        num += float(((g - w) ** 2).sum())
        den += float((w ** 2).sum())
    return math.sqrt(num) / max(math.sqrt(den), 1e-300)


# ---- one workload -------------------------------------------------------------------------

def leaves(torch, value):
    return [t for t in torch.utils._pytree.tree_leaves(value) if isinstance(t, torch.Tensor)]


def _captured(torch, eager):
    """A CUDA graph of eager: warmed up on a side stream, captured, replayed."""
    stream = torch.cuda.current_stream()
    side = torch.cuda.Stream()
    side.wait_stream(stream)
    with torch.cuda.stream(side):
        for _ in range(3):
            eager()
    stream.wait_stream(side)
    graph = torch.cuda.CUDAGraph()
    with torch.cuda.graph(graph):
        eager()
    return graph.replay


def _compiled(torch, module, inputs, mode):
    torch._dynamo.reset()
    compiled = torch.compile(module, mode=mode)
    for _ in range(3):  # compiles, then (reduce-overhead) records its CUDA graphs
        compiled(*inputs)
    return lambda: compiled(*inputs)


def run_baselines(torch, module, inputs, args, row, large=False):
    """Times each baseline; one that fails is recorded and the others still run.
    torch.compile of a graph of thousands of ops takes minutes: skipped for
    `large` workloads unless --compile-large."""
    sync = torch.cuda.current_stream().synchronize

    def eager():
        return module(*inputs)

    makers = {"eager": lambda: eager,
              "cuda_graph": lambda: _captured(torch, eager),
              "compile": lambda: _compiled(torch, module, inputs, "default"),
              "compile_ro": lambda: _compiled(torch, module, inputs, "reduce-overhead")}
    for key in args.baselines:
        if large and key.startswith("compile") and not args.compile_large:
            row["errors"][key] = "not run: torch.compile of this graph takes minutes " \
                                 "(--compile-large runs it)"
            continue
        try:
            call = makers[key]()
            sync()
            row["time_us"][key] = median_us(call, sync, args.warmup, args.reps)
            row["kernels"][key] = kernels_per_call(torch, call)
        except Exception as e:  # recorded in the table, the suite goes on
            row["errors"][key] = f"{type(e).__name__}: {e}".splitlines()[0][:200]


def reference_outputs(torch, module, inputs):
    """Eager outputs in float64 where the module allows it, else in its own dtype."""
    import copy
    try:
        wide = copy.deepcopy(module).double()
        wide_inputs = [t.double() if t.is_floating_point() else t for t in inputs]
        out = leaves(torch, wide(*wide_inputs))
        torch.cuda.synchronize()
        return out, "float64"
    except Exception:
        return leaves(torch, module(*inputs)), "eager dtype"


def compile_bundle(export, tools, work, name):
    planned = os.path.join(work, f"{name}.planned.mlir")
    bundle = os.path.join(work, f"{name}.bundle")
    for cmd in ([os.path.join(tools, "gpuos-opt"), "--gpuos-pipeline", export.path, "-o", planned],
                [os.path.join(tools, "gpuos-translate"), "--gpuos-to-bundle", planned,
                 "-o", bundle]):
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"{os.path.basename(cmd[0])} failed: "
                               + (done.stderr.strip().splitlines() or ["(no message)"])[0])
    return bundle


def prebuilt_bundle(export, bundles, name):
    """A bundle compiled elsewhere (--prepare, or bench/suite/prepare_bundles.sh)
    from the same exported graph: machines with PyTorch and a GPU may have no
    MLIR tools. A graph exported here must be the one the bundle was compiled
    from."""
    source = os.path.join(bundles, f"{name}.mlir")
    bundle = os.path.join(bundles, f"{name}.bundle")
    for path in (source, bundle):
        if not os.path.exists(path):
            raise FileNotFoundError(f"{path} is missing (run run_suite.py --prepare)")
    if os.path.abspath(export.path) != os.path.abspath(source):
        with open(source) as f, open(export.path) as g:
            if f.read() != g.read():
                raise RuntimeError(f"{source} differs from the graph exported here; "
                                   "the bundle was compiled from another export")
    return bundle


def save_export(export, directory):
    """<name>.export.json: what run_gpuos needs of an export, without the tensors."""
    info = {"name": export.name,
            "inputs": [{"name": a.name, "kind": a.kind, "target": a.target,
                        "shape": list(a.shape), "dtype": a.dtype} for a in export.inputs],
            "outputs": [[list(shape), dtype] for shape, dtype in export.outputs]}
    path = os.path.join(directory, f"{export.name}.export.json")
    with open(path + ".tmp", "w") as f:
        json.dump(info, f)
    os.replace(path + ".tmp", path)


def stored_export(bundles, name, module, example):
    """The export --prepare made (graph, argument list), bound to this process's
    module and inputs; None where there is none. Every argument's shape must
    match the tensor it binds."""
    from gpuos.export import ExportResult, GraphInput
    path = os.path.join(bundles, f"{name}.export.json")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        info = json.load(f)
    state = dict(module.named_parameters())
    state.update(module.named_buffers())
    positional = iter(example)
    inputs = []
    for a in info["inputs"]:
        if a["kind"] == "user_input":
            tensor = next(positional, None)
        elif a["kind"] in ("parameter", "buffer"):
            tensor = state.get(a["target"])
        else:
            raise RuntimeError(f"{path}: argument %{a['name']} is a {a['kind']}; "
                               "re-export on this machine (drop the .export.json)")
        if tensor is None or list(tensor.shape) != a["shape"]:
            raise RuntimeError(f"{path}: argument %{a['name']} ({a['kind']} {a['target']}) "
                               f"does not match this module: shape {a['shape']}")
        inputs.append(GraphInput(a["name"], a["kind"], a["target"], tensor,
                                 tuple(a["shape"]), a["dtype"]))
    source = os.path.join(bundles, f"{name}.mlir")
    return ExportResult(path=source, name=name, text="", inputs=inputs, inlined=[],
                        outputs=[(tuple(shape), dtype) for shape, dtype in info["outputs"]])


def export_workload(name, options, module, example, folder):
    """The workload's module exported to FOLDER/<name>.mlir."""
    from gpuos.export import export_module
    return export_module(module, example, os.path.join(folder, f"{name}.mlir"), name=name,
                         inline_params_below=options.get("inline_params_below", 0))


def prepare(args):
    """--prepare: export and compile every workload into args.prepare (no GPU)."""
    from gpuos import workloads
    os.makedirs(args.prepare, exist_ok=True)
    failed = 0
    for name in args.workloads:
        start = time.perf_counter()
        try:
            factory, options = workloads.ALL[name]
            module, example = factory()
            export = export_workload(name, options, module, example, args.prepare)
            save_export(export, args.prepare)
            compile_bundle(export, args.tools, args.prepare, name)
            os.remove(os.path.join(args.prepare, f"{name}.planned.mlir"))
            print(f"prepared {name} in {time.perf_counter() - start:.0f} s", flush=True)
        except Exception as e:
            failed += 1
            print(f"prepare {name}: {type(e).__name__}: {e}", file=sys.stderr, flush=True)
    return 1 if failed else 0


def run_gpuos(torch, export, bundle_path, args, row):
    """Binds the exported graph's tensors on the GPU, runs the bundle, returns its outputs."""
    from gpuos import runtime as rt
    from gpuos.workloads import _TORCH
    with open(bundle_path, "rb") as f:
        data = f.read()
    info = rt.inspect(data)
    row["tasks"] = info["num_tasks"]
    graph_inputs = [arg.tensor.detach().to("cuda").contiguous() for arg in export.inputs]
    outputs = [torch.full(tuple(shape), float("nan"), dtype=_TORCH[dtype], device="cuda")
               if _TORCH[dtype].is_floating_point else
               torch.zeros(tuple(shape), dtype=_TORCH[dtype], device="cuda")
               for shape, dtype in export.outputs]
    torch.cuda.synchronize()  # the last device-wide wait until the runtime closes
    config = dict(op_smem_bytes=max(16384, info["max_smem_bytes"]),
                  scratch_bytes=max(65536, info["max_scratch_bytes"]))
    with rt.Runtime(**config) as runtime:
        bundle = runtime.load_bundle(data)
        bundle.bind(inputs=graph_inputs, outputs=outputs)
        bundle.run()  # first run: PyTorch's stream is idle from here on
        row["time_us"]["gpuos"] = median_us(lambda: bundle.run(sync_torch=False), lambda: None,
                                            args.warmup, args.reps)
    return outputs


def run_workload(name, args, work):
    import torch
    from gpuos import workloads
    factory, options = workloads.ALL[name]
    row = {"workload": name, "time_us": {}, "kernels": {}, "tasks": None, "rel_error": None,
           "reference": None, "errors": {}}
    module, example = factory()
    export = stored_export(args.bundles, name, module, example) if args.bundles else None
    if export is None:
        export = export_workload(name, options, module, example, work)
    module = module.to("cuda")
    inputs = [t.to("cuda") for t in example]
    with torch.no_grad():
        run_baselines(torch, module, inputs, args, row, large=options.get("large", False))
        want, row["reference"] = reference_outputs(torch, module, inputs)
        try:
            bundle = (prebuilt_bundle(export, args.bundles, name) if args.bundles
                      else compile_bundle(export, args.tools, work, name))
            got = run_gpuos(torch, export, bundle, args, row)
            row["rel_error"] = relative_error(got, want)
        except Exception as e:
            row["errors"]["gpuos"] = f"{type(e).__name__}: {e}".splitlines()[0][:300]
    return row


# ---- report -------------------------------------------------------------------------------

def speedups(row):
    gpuos = row["time_us"].get("gpuos")
    return {b: row["time_us"][b] / gpuos for b in BASELINES
            if gpuos and b in row["time_us"]}


def _fmt(value, spec):
    return "n/a" if value is None else format(value, spec)


def markdown(rows, meta):
    lines = ["# Benchmarks", "",
             "Written by `bench/suite/run_suite.py`; do not edit by hand. Made with:", "",
             "```sh", meta["command"], "```", ""]
    if meta.get("bundles"):
        lines += ["The graphs and bundles of the `--bundles` folder were exported and compiled "
                  "beforehand, on a machine with PyTorch (CPU) and the tools, by "
                  "`PYTHONPATH=python python3 bench/suite/run_suite.py --prepare FOLDER "
                  "--tools TOOLS` (the GPU machine has no MLIR tools).", ""]
    lines += [f"{meta['date']} on {meta['device']}; PyTorch {meta['torch']}, "
             f"Python {meta['python']}. Median µs per call (host clock around the call and "
             f"the wait for its completion; GPUOS: submit and wait through the Python binding) "
             f"over {meta['reps']} calls after {meta['warmup']} warm-up calls; speedup = other / GPUOS (above 1: GPUOS is faster); kernels per "
             "call from torch.profiler; relative error ||GPUOS − eager||₂ / ||eager||₂ against "
             "eager in float64 where the module runs in float64.", "",
             "| workload | " + " | ".join(LABELS[k] + " µs" for k in BASELINES + ("gpuos",)) +
             " | " + " | ".join("× vs " + LABELS[k] for k in BASELINES) +
             " | kernels/call (eager, graph, compile, compile-ro) | GPUOS tasks/call "
             "| rel. error |",
             "|" + " --- |" * (2 * len(BASELINES) + 5)]
    for row in rows:
        up = speedups(row)
        cells = [row["workload"]]
        cells += [_fmt(row["time_us"].get(k), ".1f") for k in BASELINES + ("gpuos",)]
        cells += [_fmt(up.get(k), ".2f") for k in BASELINES]
        cells.append(", ".join(str(row["kernels"].get(k, "n/a")) for k in BASELINES))
        cells.append(_fmt(row["tasks"], "d"))
        cells.append(_fmt(row["rel_error"], ".2e"))
        lines.append("| " + " | ".join(cells) + " |")
    failures = [(row["workload"], stage, msg) for row in rows
                for stage, msg in row["errors"].items()]
    if failures:
        lines += ["", "## Failures", ""]
        lines += [f"- {w}, {LABELS.get(stage, stage)}: {msg}" for w, stage, msg in failures]
    if meta.get("plot"):
        lines += ["", f"![GPUOS speedups]({os.path.basename(meta['plot'])})"]
    return "\n".join(lines) + "\n"


def plot(rows, path):
    """Grouped bars of GPUOS's speedup over each baseline, log scale. Returns False
    (with a message) when matplotlib is missing or nothing was measured."""
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib is not installed: no plot written", file=sys.stderr)
        return False
    measured = [row for row in rows if speedups(row)]
    if not measured:
        print("no workload has GPUOS times: no plot written", file=sys.stderr)
        return False
    fig, ax = plt.subplots(figsize=(max(6, 1.2 * len(measured)), 4))
    width = 0.8 / len(BASELINES)
    for i, base in enumerate(BASELINES):
        xs = [j + (i - (len(BASELINES) - 1) / 2) * width for j in range(len(measured))]
        ax.bar(xs, [speedups(row).get(base, float("nan")) for row in measured], width,
               label="vs " + LABELS[base])
    ax.axhline(1.0, color="black", linewidth=0.8)
    ax.set_yscale("log")
    ax.set_xticks(range(len(measured)))
    ax.set_xticklabels([row["workload"] for row in measured])
    ax.set_ylabel("GPUOS speedup (×, log scale)")
    ax.legend(fontsize="small")
    fig.tight_layout()
    tmp = path + ".tmp.png"
    fig.savefig(tmp, dpi=120)
    os.replace(tmp, path)
    return True


def write_report(rows, meta, out, plot_path):
    meta = dict(meta, plot=plot_path if plot_path and plot(rows, plot_path) else None)
    tmp = out + ".tmp"
    with open(tmp, "w") as f:
        f.write(markdown(rows, meta))
    os.replace(tmp, out)


# ---- main ---------------------------------------------------------------------------------

def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", default=os.path.join(ROOT, "build"),
                        help="build folder (bin/ tools, runtime/libgpuos_runtime.so)")
    parser.add_argument("--tools", help="folder of gpuos-opt and gpuos-translate "
                                        "(default: BUILD/bin)")
    parser.add_argument("--bundles", help="folder of <workload>.mlir + <workload>.bundle "
                                          "compiled elsewhere; no MLIR tools needed here")
    parser.add_argument("--workloads", default=",".join(DEFAULT_WORKLOADS),
                        help="comma-separated names from gpuos.workloads.ALL")
    parser.add_argument("--baselines", default=",".join(BASELINES),
                        help="comma-separated baselines to time ('' for none: "
                             "GPUOS variants only)")
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--reps", type=int, default=200)
    parser.add_argument("--out", default=os.path.join(ROOT, "docs", "benchmarks.md"))
    parser.add_argument("--plot", default=os.path.join(ROOT, "docs", "benchmarks.png"),
                        help="PNG of the speedups ('' for none)")
    parser.add_argument("--json", help="also write the raw results there")
    parser.add_argument("--prepare", metavar="DIR",
                        help="export and compile the workloads into DIR (no GPU needed), "
                             "for --bundles DIR on a GPU machine without the tools")
    parser.add_argument("--compile-large", action="store_true",
                        help="also run torch.compile on the large part-A workloads")
    args = parser.parse_args(argv)
    args.tools = args.tools or os.path.join(args.build, "bin")
    args.workloads = [w for w in args.workloads.split(",") if w]
    args.baselines = [b for b in args.baselines.split(",") if b]
    unknown = [b for b in args.baselines if b not in BASELINES]
    if unknown:
        parser.error(f"unknown baselines {unknown}; known: {list(BASELINES)}")
    if args.warmup < 0 or args.reps < 1:
        parser.error("--warmup must be >= 0 and --reps >= 1")
    return args


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    lib = os.path.join(args.build, "runtime", "libgpuos_runtime.so")
    if "GPUOS_RUNTIME_LIBRARY" not in os.environ and os.path.exists(lib):
        os.environ["GPUOS_RUNTIME_LIBRARY"] = lib
    if args.prepare and args.bundles:
        sys.exit("run_suite: --prepare and --bundles exclude each other")
    for tool in () if args.bundles else ("gpuos-opt", "gpuos-translate"):
        if not os.access(os.path.join(args.tools, tool), os.X_OK):
            sys.exit(f"run_suite: {tool} not found in {args.tools} (give --build or --tools)")
    try:
        import torch
    except ImportError:
        sys.exit("run_suite: PyTorch is needed")
    from gpuos import workloads
    unknown = [w for w in args.workloads if w not in workloads.ALL]
    if unknown:
        sys.exit(f"run_suite: unknown workloads {unknown}; known: {sorted(workloads.ALL)}")
    if args.prepare:
        return prepare(args)
    if not torch.cuda.is_available():
        sys.exit("run_suite: no CUDA device/driver")

    meta = {"command": "PYTHONPATH=python python3 bench/suite/run_suite.py "
                       + " ".join(shlex.quote(a) for a in (sys.argv[1:] if argv is None else argv)),
            "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "device": torch.cuda.get_device_name(0), "torch": torch.__version__,
            "python": platform.python_version(), "warmup": args.warmup, "reps": args.reps,
            "bundles": bool(args.bundles)}
    rows = []
    with tempfile.TemporaryDirectory() as work:
        for name in args.workloads:
            print(f"== {name}", flush=True)
            try:
                row = run_workload(name, args, work)
            except Exception as e:
                traceback.print_exc()
                row = {"workload": name, "time_us": {}, "kernels": {}, "tasks": None,
                       "rel_error": None, "reference": None,
                       "errors": {"setup": f"{type(e).__name__}: {e}".splitlines()[0][:300]}}
            print(json.dumps(row), flush=True)
            rows.append(row)
            # The table so far (no plot): a run cut short keeps what it measured.
            write_report(rows, meta, args.out, None)
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"meta": meta, "rows": rows}, f, indent=1)
    write_report(rows, meta, args.out, args.plot or None)
    print(f"wrote {args.out}" + (f" and {args.plot}" if args.plot else ""))
    return 0 if all(row["time_us"].get("gpuos") for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
