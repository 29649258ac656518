#!/usr/bin/env bash
# Sets up (if needed), then compiles the example graph shipped in the repo
# (examples/default.mlir) through the gpuos-opt pipeline and runs it, printing
# each output's shape, checksum and range. The uncompiled graph runs too, so
# the two checksums can be compared.
#
# GPUOS_TOOLS_DIR=DIR uses prebuilt tools from DIR and installs nothing: how
# the demo runs on a GPU machine without LLVM, with tools linked statically
# elsewhere (-DGPUOS_LINK_STATIC=ON, docs/building.md).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-$root/build}"
if [ -n "${GPUOS_TOOLS_DIR:-}" ]; then
  bin="$GPUOS_TOOLS_DIR"
else
  "$root/scripts/setup.sh" >/dev/null
  bin="$build/bin"
fi
example="$root/examples/default.mlir"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if "$bin/gpuos-opt" --help 2>/dev/null | grep -q -- '--gpuos-pipeline'; then
  passes=(--gpuos-pipeline)
else
  passes=(--canonicalize --cse)
fi
echo "== compiling $example with gpuos-opt ${passes[*]}"
"$bin/gpuos-opt" "${passes[@]}" "$example" -o "$work/compiled.mlir"
echo "== reference run of the source graph"
"$bin/gpuos-run" "$example" --output-dir "$work/source"
echo "== run of the compiled graph"
"$bin/gpuos-run" "$work/compiled.mlir" --output-dir "$work/compiled"
echo "== compiled vs source (decomposed composites round differently, so"
echo "   checksums may differ; relative errors must be tiny)"
python3 - "$work/source" "$work/compiled" <<'PY'
import glob, os, sys
import numpy as np
source, compiled = sys.argv[1], sys.argv[2]
worst = 0.0
for path in sorted(glob.glob(os.path.join(source, "*.npy"))):
    a = np.load(path).astype(np.float64)
    b = np.load(os.path.join(compiled, os.path.basename(path))).astype(np.float64)
    err = np.linalg.norm(b - a) / max(np.linalg.norm(a), 1e-300)
    worst = max(worst, err)
    print(f"{os.path.basename(path)}: relative error {err:.2e}")
sys.exit(0 if worst <= 1e-5 else 1)
PY

# With a GPU: the compiled graph as a bundle, run on the GPU through the
# runtime and checked against the reference executor (docs/gpu-run.md).
if command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi -L >/dev/null 2>&1; then
  if [[ "${passes[*]}" == --gpuos-pipeline ]] &&
     "$bin/gpuos-translate" --help 2>/dev/null | grep -q -- '--gpuos-to-bundle'; then
    echo "== GPU: bundle of the compiled graph, run and checked with gpuos-run --check"
    "$bin/gpuos-translate" --gpuos-to-bundle "$work/compiled.mlir" -o "$work/default.bundle"
    "$bin/gpuos-run" "$work/default.bundle" --check --graph-mlir "$example" --bench 100
  else
    echo "== GPU found, but this build cannot make bundles (needs --gpuos-pipeline and gpuos-translate --gpuos-to-bundle)"
  fi
else
  echo "== no GPU (nvidia-smi -L found none): the bundle run on the GPU is skipped"
fi
