#!/usr/bin/env bash
# GPU check of bundles (docs/bundle.md), run on a machine with a GPU from the repo root:
#   test/GPU/run-bundles.sh [cases.tar.gz]
# The cases (bundles, seeds, non-f32 inputs, reference outputs) are made beforehand on any
# machine by test/GPU/make_bundles.py and packed with `tar -C CASES -czf cases.tar.gz .`.
# Builds the runtime and test/GPU/driver with cmake/ninja, runs every case (outputs
# poisoned with NaN before each run, compared with the reference), the large elementwise
# bundle against a device-to-device copy, then a subset under compute-sanitizer memcheck.
# Logs go to $OUT (default /tmp/bundle-check); the summary is printed last.
set -u
export PATH=$PATH:/usr/local/cuda/bin
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${OUT:-/tmp/bundle-check}
TGZ=${1:-$ROOT/.gpu-bundles/cases.tar.gz}
B=/tmp/bundle-driver-build
C=/tmp/bundle-cases
BUDGET=${BUDGET:-280}  # seconds for the whole script
START=$(date +%s)
mkdir -p "$OUT" "$C"
: >"$OUT/summary.txt"
say() { echo "$*" | tee -a "$OUT/summary.txt"; }
left() { echo $(( BUDGET - ($(date +%s) - START) )); }

nvidia-smi -L 2>&1 | head -1 | tee -a "$OUT/summary.txt"
t0=$(date +%s)
if ! { cmake -G Ninja -S "$ROOT/test/GPU/driver" -B "$B" -DCMAKE_BUILD_TYPE=Release &&
       timeout 150 ninja -C "$B" bundle_driver; } >"$OUT/build.log" 2>&1; then
  tail -40 "$OUT/build.log"
  say "build FAILED"
  exit 1
fi
say "build: $(( $(date +%s) - t0 )) s"
tar -C "$C" -xzf "$TGZ" || { say "cannot unpack $TGZ"; exit 1; }
CASES=$(ls -d "$C"/*/ | grep -v '/bench/$' | sed 's|/$||')

# One process per case: a case that faults the device context cannot hide the
# results of the cases after it.
t0=$(date +%s)
: >"$OUT/check.log"
for c in $CASES; do
  [ "$(left)" -gt 100 ] || { echo "ERROR out of time before $c" >>"$OUT/check.log"; break; }
  timeout 60 "$B/bundle_driver" check "$c" >>"$OUT/check.log" 2>&1
done
failed=$(grep -cE '^RESULT .*(FAIL|ERROR)|^ERROR' "$OUT/check.log")
say "check: $(grep -c '^RESULT' "$OUT/check.log") results, $failed failed ($(( $(date +%s) - t0 )) s)"

t0=$(date +%s)
timeout 30 "$B/bundle_driver" bench "$C/bench/graph.bundle" >"$OUT/bench.log" 2>&1
say "bench rc=$? ($(( $(date +%s) - t0 )) s)"

SUBSET="b1 b5 a3 mixed_f16 mlp_bf16 op_coverage transformer_block random0 random1"
t0=$(date +%s)
: >"$OUT/memcheck.log"
for c in $SUBSET; do
  [ "$(left)" -gt 10 ] || break
  timeout $(( $(left) - 5 )) compute-sanitizer --tool memcheck --report-api-errors no --error-exitcode 99 \
    --print-limit 20 "$B/bundle_driver" check "$C/$c" >>"$OUT/memcheck.log" 2>&1
done
say "memcheck ($(( $(date +%s) - t0 )) s): $(grep -E 'ERROR SUMMARY' "$OUT/memcheck.log" | tr '\n' ' ')"
echo
echo "== per graph (max relative error of each output; limits 1e-5 f32, 1e-2 f16/bf16) =="
grep -E '^(RESULT|ERROR)' "$OUT/check.log" | sed 's|/tmp/bundle-cases/||'
echo "== memcheck subset =="
grep -E '^(RESULT|SUMMARY|ERROR)|ERROR SUMMARY' "$OUT/memcheck.log" | sed 's|/tmp/bundle-cases/||'
echo "== bandwidth =="
cat "$OUT/bench.log"
echo "== steps =="
cat "$OUT/summary.txt"
