#!/usr/bin/env bash
# GPU check of bundles (docs/bundle.md), run on a machine with a GPU from the repo root:
#   test/GPU/run-bundles.sh [--sanitize] [cases.tar.gz]
# The cases (bundles, seeds, non-f32 inputs, reference outputs) are made beforehand on any
# machine by test/GPU/make_bundles.py (graphs from test/GPU/op_sweep.py among them) and
# packed with `tar -C CASES -czf cases.tar.gz .`.
# Builds the runtime and test/GPU/driver with cmake/ninja, runs every case (outputs
# poisoned with NaN before each run, compared with the reference: relative error <= 1e-5
# f32, <= 1e-2 f16/bf16, integers and i1 exact), the large elementwise bundle against a
# device-to-device copy, then compute-sanitizer memcheck on every case (--sanitize) or
# on a subset, and with --sanitize racecheck and initcheck on one case per op while the
# time budget (BUDGET seconds, default 280; 400 with --sanitize) lasts.
# Cases run in batches of BATCH (default 40) per process; a batch that faults or errs is
# run again one case per process, so a fault cannot hide the results of other cases.
# Logs go to $OUT (default /tmp/bundle-check); the greppable summary lines come last.
set -u
export PATH=$PATH:/usr/local/cuda/bin
SANITIZE=0
if [ "${1:-}" = "--sanitize" ]; then SANITIZE=1; shift; fi
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${OUT:-/tmp/bundle-check}
TGZ=${1:-$ROOT/.gpu-bundles/cases.tar.gz}
B=${DRIVER_BUILD:-/tmp/bundle-driver-build}
C=/tmp/bundle-cases
BATCH=${BATCH:-40}
BUDGET=${BUDGET:-$([ $SANITIZE = 1 ] && echo 400 || echo 280)}  # seconds for the whole script
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
NCASES=$(echo "$CASES" | wc -l)

# Runs the cases of stdin in batches of $2 (a tool prefix in $1, e.g. a sanitizer) and
# appends to $3; stops when fewer than $4 seconds are left; a process gets at most $5
# seconds (default: all that is left). A batch whose process ends abnormally or reports
# an ERROR is run again one case per process.
run_batches() {
  local prefix=$1 size=$2 log=$3 reserve=$4 cap=${5:-100000} batch tmp
  tmp=$(mktemp)
  xargs -n "$size" echo | while read -r batch; do
    [ -n "$batch" ] || continue
    if [ "$(left)" -le "$reserve" ]; then
      echo "OUT-OF-TIME before $(echo $batch | wc -w) cases" >>"$log"; continue
    fi
    timeout $(( $(left) - 5 < cap ? $(left) - 5 : cap )) $prefix "$B/bundle_driver" check $batch >"$tmp" 2>&1
    rc=$?
    if [ $rc = 124 ]; then
      echo "OUT-OF-TIME in a batch of $(echo $batch | wc -w) cases" >>"$log"
    elif [ $rc -gt 1 ] && [ $rc -ne 99 ] || grep -qE '^RESULT .* ERROR|^ERROR' "$tmp"; then
      echo "BATCH rc=$rc: rerunning its $(echo $batch | wc -w) cases one per process" >>"$log"
      sed 's/^/  batch: /' "$tmp" | grep -E 'ERROR|RESULT .* FAIL' >>"$log"
      for c in $batch; do
        [ "$(left)" -gt "$reserve" ] || { echo "OUT-OF-TIME before $c" >>"$log"; break; }
        timeout 60 $prefix "$B/bundle_driver" check "$c" >>"$log" 2>&1
      done
    else
      cat "$tmp" >>"$log"
    fi
  done
  rm -f "$tmp"
}

t0=$(date +%s)
: >"$OUT/check.log"
echo "$CASES" | run_batches "" "$BATCH" "$OUT/check.log" 100
failed=$(grep -cE '^RESULT .*(FAIL|ERROR)|^ERROR' "$OUT/check.log")
say "check: $(grep -c '^RESULT' "$OUT/check.log") results of $NCASES cases, $failed failed ($(( $(date +%s) - t0 )) s)"
for dt in f32 f16 bf16 i1 i32 i64; do
  grep -E "^RESULT \S+ +out[0-9]+ $dt " "$OUT/check.log" |
    awk -v dt=$dt '{ n++; if ($8 + 0 > m || n == 1) { m = $8 + 0; w = $2 } }
      END { if (n) printf "max error %-4s %.3e over %d outputs (%s)\n", dt, m, n, w }'
done | tee -a "$OUT/summary.txt"

t0=$(date +%s)
timeout 30 "$B/bundle_driver" bench "$C/bench/graph.bundle" >"$OUT/bench.log" 2>&1
say "bench rc=$? ($(( $(date +%s) - t0 )) s)"

# Sums a sanitizer log's "ERROR SUMMARY: N errors" lines.
sanitizer_summary() {
  local tool=$1 log=$2 t0=$3 want=$4
  local runs errors done_cases
  runs=$(grep -cE '(ERROR|RACECHECK) SUMMARY' "$log")
  errors=$(grep -oE 'ERROR SUMMARY: [0-9]+|RACECHECK SUMMARY: .*\([0-9]+ error' "$log" | grep -oE '[0-9]+( error|$)' |
    awk '{ s += $1 } END { print s + 0 }')
  done_cases=$(grep -cE '^RESULT .* out0 |^RESULT .* ERROR' "$log")
  say "$tool: $done_cases of $want cases in $runs processes, $errors errors, $(grep -cE '^RESULT .*(FAIL|ERROR)' "$log") failed results ($(( $(date +%s) - t0 )) s)"
}
SAN="compute-sanitizer --report-api-errors no --error-exitcode 99 --print-limit 20"
t0=$(date +%s)
: >"$OUT/memcheck.log"
if [ $SANITIZE = 1 ]; then
  MEMCASES=$CASES
else
  MEMCASES=$(for c in b1 b5 a3 mixed_f16 mlp_bf16 op_coverage transformer_block random0 random1; do
    [ -d "$C/$c" ] && echo "$C/$c"; done)
fi
echo "$MEMCASES" | run_batches "$SAN --tool memcheck" 50 "$OUT/memcheck.log" $([ $SANITIZE = 1 ] && echo 60 || echo 10)
sanitizer_summary memcheck "$OUT/memcheck.log" "$t0" "$(echo "$MEMCASES" | wc -l)"
if [ $SANITIZE = 1 ]; then
  # One case per op (its fused variant where there is one, f32 first) plus the models.
  REPR=$( (echo "$CASES" | grep -E '/(a3|b[1-5]|mixed_f16|mlp_bf16|op_coverage|transformer_block|masked_attention)$'
           echo "$CASES" | grep -E '/[a-z_]+_(f32|i32|i1)_[a-z0-9_]*$' | sort -t/ -k4 |
             awk -F/ '{ n = $NF; sub(/_(f32|i32|i1)_.*/, "", n); if (!(n in seen) || $NF ~ /fused/ && !(n in fused)) { seen[n] = $0; if ($NF ~ /fused/) fused[n] = 1 } }
                  END { for (n in seen) print seen[n] }') | sort -u)
  # tool:batch:reserve:cap. initcheck instruments every load the persistent kernel's
  # idle workers make while they poll: one case per process, each given at most 60 s.
  for spec in racecheck:25:35:100000 initcheck:1:10:60; do
    IFS=: read -r tool size reserve cap <<<"$spec"
    t0=$(date +%s)
    : >"$OUT/$tool.log"
    echo "$REPR" | run_batches "$SAN --tool $tool" "$size" "$OUT/$tool.log" "$reserve" "$cap"
    sanitizer_summary $tool "$OUT/$tool.log" "$t0" "$(echo "$REPR" | wc -l)"
  done
fi

echo
echo "== failed (max relative error of each output; limits 1e-5 f32, 1e-2 f16/bf16, 0 integers) =="
grep -E '^RESULT .*(FAIL|ERROR)|^ERROR|^BATCH|^OUT-OF-TIME' "$OUT/check.log" | sed 's|/tmp/bundle-cases/||'
for tool in memcheck racecheck initcheck; do
  [ -f "$OUT/$tool.log" ] || continue
  echo "== $tool: errors and failures =="
  grep -E '^RESULT .*(FAIL|ERROR)|ERROR SUMMARY: [1-9]|RACECHECK SUMMARY: [1-9]|^BATCH|^OUT-OF-TIME|^=========     (Invalid|at |Race|Uninit)' "$OUT/$tool.log" |
    sed 's|/tmp/bundle-cases/||' | head -60
done
echo "== bandwidth =="
cat "$OUT/bench.log"
echo "== summary =="
cat "$OUT/summary.txt"
