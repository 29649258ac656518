#!/usr/bin/env bash
# End to end on a GPU machine that has no LLVM/MLIR installed. The tools are
# built elsewhere with -DGPUOS_LINK_STATIC=ON (self-contained binaries) and
# copied over; for each graph this compiles it (gpuos-opt --gpuos-pipeline,
# gpuos-translate --gpuos-to-bundle; all graphs at once, one process each) and
# then runs the bundles one after another on the GPU with gpuos-run --check
# (against the reference executor) and --bench.
#
#   test/GPU/run-tools.sh TOOLS_DIR [graph.mlir...]   (default: bench/graphs/*.mlir)
#
# Prints one line per graph and a summary; exit 1 when any graph fails.
set -u
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tools="${1:?usage: run-tools.sh TOOLS_DIR [graph.mlir...]}"
shift
graphs=("$@")
[ ${#graphs[@]} -gt 0 ] || graphs=("$root"/bench/graphs/*.mlir)
for t in gpuos-opt gpuos-translate gpuos-run; do
  [ -x "$tools/$t" ] || { echo "run-tools: no $tools/$t" >&2; exit 2; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

compile() {  # graph name
  "$tools/gpuos-opt" --gpuos-pipeline "$1" -o "$work/$2.planned.mlir" &&
    "$tools/gpuos-translate" --gpuos-to-bundle "$work/$2.planned.mlir" -o "$work/$2.bundle"
}
start=$(date +%s)
for g in "${graphs[@]}"; do
  name="$(basename "$g" .mlir)"
  compile "$g" "$name" >"$work/$name.log" 2>&1 &
done
wait
echo "run-tools: compiled ${#graphs[@]} graphs in $(( $(date +%s) - start )) s"

failed=0
for g in "${graphs[@]}"; do
  name="$(basename "$g" .mlir)"
  log="$work/$name.log"
  if [ ! -s "$work/$name.bundle" ]; then
    echo "FAIL $name: compile"; sed 's/^/  /' "$log"; failed=$((failed + 1)); continue
  fi
  start=$(date +%s)
  if "$tools/gpuos-run" "$work/$name.bundle" --check --graph-mlir "$g" \
       --bench 200 >>"$log" 2>&1; then
    status=ok
  else
    status=FAIL; failed=$((failed + 1))
  fi
  # The worst relative error over the outputs, and the bench line.
  worst=$(grep -oE 'relative error [0-9.e+-]+' "$log" | awk '{print $3}' | sort -g | tail -1)
  bench=$(grep -E '^bench:' "$log" | sed 's/^bench: //')
  echo "$status $name: worst relative error ${worst:-?}; $bench [$(( $(date +%s) - start )) s]"
  [ "$status" = ok ] || sed 's/^/  /' "$log"
done
echo "run-tools: ${#graphs[@]} graphs, $failed failed"
[ "$failed" -eq 0 ]
