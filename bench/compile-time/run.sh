#!/bin/sh
# Times `gpuos-opt --gpuos-pipeline` on generated graphs of 1k, 10k and 50k
# micro-ops; the times should grow about linearly.
#   bench/compile-time/run.sh [build-dir]     (default: build)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build}
opt=$build/bin/gpuos-opt
[ -x "$opt" ] || { echo "run.sh: no gpuos-opt at $opt (pass the build directory)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for n in 1000 10000 50000; do
  python3 "$here/make_graph.py" $n > "$tmp/g$n.mlir"
  # Median of five: the machine may be shared.
  times=
  for run in 1 2 3 4 5; do
    start=$(date +%s.%N)
    "$opt" "$tmp/g$n.mlir" --gpuos-pipeline -o "$tmp/out$n.mlir"
    end=$(date +%s.%N)
    times="$times $(echo "$end - $start" | bc)"
  done
  median=$(printf '%s\n' $times | sort -n | sed -n 3p)
  tasks=$(grep -o 'gpuos.num_tasks = [0-9]*' "$tmp/out$n.mlir" | grep -o '[0-9]*$')
  printf '%6d ops -> %5d tasks: median %.2f s\n' "$n" "$tasks" "$median"
done
