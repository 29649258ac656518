#!/usr/bin/env bash
# Compiles the benchmark workloads' exported graphs (the fixtures in
# test/Export/Inputs, exported from python/gpuos/workloads.py by
# `python -m gpuos.export`) into bundles, for run_suite.py --bundles on a GPU
# machine that has PyTorch but no MLIR tools:
#   bench/suite/prepare_bundles.sh OUT_DIR [BUILD_DIR] [WORKLOAD...]
# GPUOS_PIPELINE_OPTIONS (e.g. "max-serial-work=4096") is passed to
# --gpuos-pipeline, for comparing compiler settings.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:?usage: prepare_bundles.sh OUT_DIR [BUILD_DIR] [WORKLOAD...]}"
build="${2:-$root/build}"
shift $(( $# >= 2 ? 2 : 1 ))
workloads=("$@")
[ ${#workloads[@]} -gt 0 ] || workloads=(a2 a3 a4 b1 b2 b3 b4 b5)
mkdir -p "$out"
for w in "${workloads[@]}"; do
  src="$root/test/Export/Inputs/$w/$w.mlir"
  [ -f "$src" ] || { echo "prepare_bundles: no exported graph $src" >&2; exit 1; }
  cp "$src" "$out/$w.mlir"
  "$build/bin/gpuos-opt" "--gpuos-pipeline=${GPUOS_PIPELINE_OPTIONS:-}" "$src" -o "$out/$w.planned.mlir"
  "$build/bin/gpuos-translate" --gpuos-to-bundle "$out/$w.planned.mlir" -o "$out/$w.bundle"
  rm "$out/$w.planned.mlir"
  echo "prepare_bundles: $w -> $out/$w.bundle"
done
