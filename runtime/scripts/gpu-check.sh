#!/usr/bin/env bash
# Builds the runtime and runs everything that needs the GPU, in one go:
#   runtime/scripts/gpu-check.sh [build] [tests] [sanitize] [bench] [example] [probe] [stamps]
# (default: the first five). probe: host/device latency probes; stamps: a second build whose
# worker writes latency stamps, running the bench with the C1/C3 breakdowns.
# Logs go to $OUT (or /tmp/gpuos-check). Each stage has its own time limit.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${OUT:-/tmp/gpuos-check}
B=${GPUOS_BUILD:-/tmp/gpuos-rt-build}
mkdir -p "$OUT"
stages=("$@")
[ ${#stages[@]} -eq 0 ] && stages=(build tests sanitize bench example)
has() { local s; for s in "${stages[@]}"; do [ "$s" = "$1" ] && return 0; done; return 1; }
rc=0
summary() { echo "== $*" | tee -a "$OUT/summary.log"; }

nvidia-smi --query-gpu=name,driver_version,clocks.sm,clocks.max.sm --format=csv 2>&1 | tee "$OUT/gpu.txt"

if has build || [ ! -x "$B/tests/gpuos_runtime_test_gpu" ]; then
  t0=$(date +%s)
  cmake -S "$ROOT/runtime" -B "$B" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/tmp/gpuos-rt-install \
    >"$OUT/configure.log" 2>&1 && ninja -C "$B" >"$OUT/build.log" 2>&1
  r=$?; summary "build rc=$r ($(( $(date +%s) - t0 )) s)"; [ $r -ne 0 ] && { tail -30 "$OUT/build.log"; exit 1; }
fi

if has tests; then
  t0=$(date +%s)
  (cd "$B" && timeout 420 ctest -L runtime -V --timeout 150) >"$OUT/ctest.log" 2>&1
  r=$?; [ $r -ne 0 ] && rc=1
  summary "ctest rc=$r ($(( $(date +%s) - t0 )) s)"
  grep -E "^\s*[0-9]+/[0-9]+ Test|tests passed|Total Test" "$OUT/ctest.log" | tee -a "$OUT/summary.log"
  grep -E "^[0-9]+: (  |\[ (FAIL|RUN|  OK))" "$OUT/ctest.log" | sed 's/^[0-9]*: //' | grep -v "^\[ RUN" >"$OUT/gpu-tests.txt"
fi

if has sanitize; then
  SAN_CASES="dag_random fanout concurrent_graphs hot_swap register_hungry_jit aot_operators errors shutdown_rejects_calls"
  for tool in memcheck racecheck; do
    t0=$(date +%s)
    GPUOS_TEST_SMALL=1 GPUOS_TEST_WATCHDOG=200 timeout 240 compute-sanitizer --tool $tool --report-api-errors no --error-exitcode 99 --print-limit 20 \
      "$B/tests/gpuos_runtime_test_gpu" $SAN_CASES >"$OUT/sanitize-$tool.log" 2>&1
    r=$?; [ $r -ne 0 ] && rc=1
    summary "compute-sanitizer $tool rc=$r ($(( $(date +%s) - t0 )) s): $(grep -E 'ERROR SUMMARY|RACECHECK SUMMARY' "$OUT/sanitize-$tool.log" | tr '\n' ' ')"
  done
fi

if has bench; then
  if [ -x "$B/bench/gpuos_runtime_bench" ]; then
    t0=$(date +%s)
    timeout 150 "$B/bench/gpuos_runtime_bench" >"$OUT/bench.log" 2>&1
    r=$?; [ $r -ne 0 ] && rc=1
    summary "bench rc=$r ($(( $(date +%s) - t0 )) s)"; cat "$OUT/bench.log"
  else
    summary "bench: not built"
  fi
fi

if has probe; then
  timeout 60 "$B/bench/gpuos_runtime_probe" >"$OUT/probe.log" 2>&1
  summary "probe rc=$?"; cat "$OUT/probe.log"
fi

if has stamps; then
  t0=$(date +%s)
  BS=$B-stamps
  cmake -S "$ROOT/runtime" -B "$BS" -G Ninja -DCMAKE_BUILD_TYPE=Release -DGPUOS_RUNTIME_STAMPS=ON \
    -DGPUOS_RUNTIME_BUILD_TESTS=OFF >"$OUT/configure-stamps.log" 2>&1 && ninja -C "$BS" gpuos_runtime_bench \
    >"$OUT/build-stamps.log" 2>&1 && timeout 150 "$BS/bench/gpuos_runtime_bench" >"$OUT/bench-stamps.log" 2>&1
  r=$?; [ $r -ne 0 ] && rc=1
  summary "stamps bench rc=$r ($(( $(date +%s) - t0 )) s)"; grep -E "breakdown|per chain|one-task|^\| C[123]" "$OUT/bench-stamps.log"
fi

if has example; then
  t0=$(date +%s)
  {
    cmake --install "$B" --prefix /tmp/gpuos-rt-install &&
    cmake -S "$ROOT/examples/runtime-consumer" -B /tmp/gpuos-consumer -G Ninja -DCMAKE_PREFIX_PATH=/tmp/gpuos-rt-install &&
    ninja -C /tmp/gpuos-consumer && timeout 60 /tmp/gpuos-consumer/runtime_consumer &&
    timeout 60 /tmp/gpuos-consumer/runtime_consumer_static
  } >"$OUT/example.log" 2>&1
  r=$?; [ $r -ne 0 ] && rc=1
  summary "out-of-tree example rc=$r ($(( $(date +%s) - t0 )) s)"; tail -8 "$OUT/example.log"
fi
echo "---- summary"; cat "$OUT/summary.log"
[ -f "$OUT/gpu-tests.txt" ] && { echo "---- gpu test output"; cat "$OUT/gpu-tests.txt"; }
exit $rc
