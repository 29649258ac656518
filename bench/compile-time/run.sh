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
  # Best of three: the machine is shared.
  best=
  for run in 1 2 3; do
    start=$(date +%s.%N)
    "$opt" "$tmp/g$n.mlir" --gpuos-pipeline -o "$tmp/out$n.mlir"
    end=$(date +%s.%N)
    t=$(echo "$end - $start" | bc)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
  done
  tasks=$(grep -o 'gpuos.num_tasks = [0-9]*' "$tmp/out$n.mlir" | grep -o '[0-9]*$')
  printf '%6d ops -> %5d tasks: %.2f s\n' "$n" "$tasks" "$best"
done
