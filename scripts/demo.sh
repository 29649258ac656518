#!/usr/bin/env bash
# Sets up (if needed), then compiles the example graph shipped in the repo
# (examples/default.mlir) through the gpuos-opt pipeline and runs it, printing
# each output's shape, checksum and range. The uncompiled graph runs too, so
# the two checksums can be compared.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-$root/build}"
"$root/scripts/setup.sh" >/dev/null
bin="$build/bin"
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
