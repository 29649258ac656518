// RUN: gpuos-opt %s -split-input-file -gpuos-schedule -gpuos-plan-memory=report -mlir-print-op-on-diagnostic=false -verify-diagnostics | FileCheck %s
// RUN: gpuos-opt %s -split-input-file -gpuos-plan-memory="alignment=64 in-place=false" | FileCheck %s --check-prefix=NOINPLACE
// RUN: not gpuos-opt %s -split-input-file -gpuos-plan-memory=alignment=100 2>&1 | FileCheck %s --check-prefix=BAD

// BAD: error: gpuos-plan-memory: alignment 100 must be a power of two

// %a (1 KiB) dies at the reduction; its block is reused by %c; %d is
// written in place over %c (same type, pure elementwise, %c dies there) and
// is the graph output, so it is external and %c's block is free again.
// CHECK-LABEL: gpuos.graph @reuse
// CHECK-SAME:  gpuos.arena_alignment = 256 : i64, gpuos.arena_size = 1280 : i64
// CHECK:       %[[A:.*]] = gpuos.task {{.*}}gpuos.result_offsets = array<i64: 0>, gpuos.result_outputs = array<i64: -1>, gpuos.result_sizes = array<i64: 1024>
// CHECK:       %[[B:.*]] = gpuos.task {{.*}}gpuos.result_offsets = array<i64: 1024>, gpuos.result_outputs = array<i64: -1>, gpuos.result_sizes = array<i64: 64>
// CHECK:       %[[C:.*]] = gpuos.task {{.*}}gpuos.result_offsets = array<i64: 0>, gpuos.result_outputs = array<i64: -1>, gpuos.result_sizes = array<i64: 1024>
// CHECK:       %[[D:.*]] = gpuos.task {{.*}}gpuos.result_offsets = array<i64: -1>, gpuos.result_outputs = array<i64: 0>, gpuos.result_sizes = array<i64: 1024>
// NOINPLACE-LABEL: gpuos.graph @reuse
// NOINPLACE-SAME:  gpuos.arena_alignment = 64 : i64, gpuos.arena_size = 1088 : i64
// expected-remark @below {{gpuos-plan-memory: arena-bytes=1280 naive-bytes=2304 intermediates=3 reused=1 in-place=0 ordering-deps=0}}
gpuos.graph @reuse(%x: tensor<256xf32>) -> tensor<16x16xf32> {
  %a = gpuos.task ins(%x : tensor<256xf32>) -> tensor<256xf32> {
  ^bb0(%v: tensor<256xf32>):
    %r = gpuos.exp %v : tensor<256xf32>
    gpuos.yield %r : tensor<256xf32>
  }
  %b = gpuos.task ins(%a : tensor<256xf32>) -> tensor<16xf32> {
  ^bb0(%v: tensor<256xf32>):
    %s = gpuos.reshape %v : tensor<256xf32> -> tensor<16x16xf32>
    %r = gpuos.reduce sum %s axes = [1] : tensor<16x16xf32> -> tensor<16xf32>
    gpuos.yield %r : tensor<16xf32>
  }
  %c = gpuos.task ins(%b : tensor<16xf32>) -> tensor<16x16xf32> {
  ^bb0(%v: tensor<16xf32>):
    %r = gpuos.broadcast_to %v : tensor<16xf32> -> tensor<16x16xf32>
    gpuos.yield %r : tensor<16x16xf32>
  }
  %d = gpuos.task ins(%c : tensor<16x16xf32>) -> tensor<16x16xf32> {
  ^bb0(%v: tensor<16x16xf32>):
    %r = gpuos.neg %v : tensor<16x16xf32>
    gpuos.yield %r : tensor<16x16xf32>
  }
  gpuos.return %d : tensor<16x16xf32>
}

// -----

// In place: %n overwrites %e, which dies in the task that computes %n (a
// broadcast constant reads no input, so it does not get in the way).
// CHECK-LABEL: gpuos.graph @in_place
// CHECK-SAME:  gpuos.arena_size = 1024 : i64
// CHECK:       gpuos.task {{.*}}gpuos.result_offsets = array<i64: 0>
// CHECK:       gpuos.task {{.*}}gpuos.result_offsets = array<i64: 0>
// CHECK:       gpuos.task {{.*}}gpuos.result_offsets = array<i64: -1>
// NOINPLACE-LABEL: gpuos.graph @in_place
// NOINPLACE-SAME:  gpuos.arena_size = 2048 : i64
// expected-remark @below {{gpuos-plan-memory: arena-bytes=1024 naive-bytes=2048 intermediates=2 reused=0 in-place=1 ordering-deps=0}}
gpuos.graph @in_place(%x: tensor<256xf32>) -> tensor<f32> {
  %e = gpuos.task ins(%x : tensor<256xf32>) -> tensor<256xf32> {
  ^bb0(%v: tensor<256xf32>):
    %r = gpuos.exp %v : tensor<256xf32>
    gpuos.yield %r : tensor<256xf32>
  }
  %n = gpuos.task ins(%e : tensor<256xf32>) -> tensor<256xf32> {
  ^bb0(%v: tensor<256xf32>):
    %one = gpuos.fill 1.000000e+00 : f32 -> tensor<f32>
    %r = gpuos.add %v, %one : tensor<256xf32>, tensor<f32> -> tensor<256xf32>
    gpuos.yield %r : tensor<256xf32>
  }
  %s = gpuos.task ins(%n : tensor<256xf32>) -> tensor<f32> {
  ^bb0(%v: tensor<256xf32>):
    %r = gpuos.reduce sum %v axes = [0] : tensor<256xf32> -> tensor<f32>
    gpuos.yield %r : tensor<f32>
  }
  gpuos.return %s : tensor<f32>
}

// -----

// %q's reader finishes with %p's block only when the reduction is done; %r
// does not depend on it, yet reuses the block: plan-memory adds the
// write-after-read dependency on the reduction's task.
// CHECK-LABEL: gpuos.graph @write_after_read
// CHECK:       gpuos.task ins(%arg0 {{.*}}gpuos.result_offsets = array<i64: 0>{{.*}}gpuos.task_id = 0
// CHECK:       gpuos.task ins({{.*}}gpuos.deps = array<i64: 0>{{.*}}gpuos.result_offsets = array<i64: -1>, gpuos.result_outputs = array<i64: 1>{{.*}}gpuos.task_id = 1
// CHECK:       gpuos.task ins(%arg1 {{.*}}gpuos.deps = array<i64: 1>{{.*}}gpuos.result_offsets = array<i64: 0>{{.*}}gpuos.task_id = 2
// expected-remark @below {{gpuos-plan-memory: arena-bytes=1024 naive-bytes=2048 intermediates=2 reused=1 in-place=0 ordering-deps=1}}
gpuos.graph @write_after_read(%x: tensor<256xf32>, %y: tensor<256xf32>) -> (tensor<f32>, tensor<f32>) {
  %p = gpuos.task ins(%x : tensor<256xf32>) -> tensor<256xf32> {
  ^bb0(%v: tensor<256xf32>):
    %r = gpuos.exp %v : tensor<256xf32>
    gpuos.yield %r : tensor<256xf32>
  }
  %q = gpuos.task ins(%p : tensor<256xf32>) -> tensor<f32> {
  ^bb0(%v: tensor<256xf32>):
    %r = gpuos.reduce sum %v axes = [0] : tensor<256xf32> -> tensor<f32>
    gpuos.yield %r : tensor<f32>
  }
  %r = gpuos.task ins(%y : tensor<256xf32>) -> tensor<256xf32> {
  ^bb0(%v: tensor<256xf32>):
    %r = gpuos.exp %v : tensor<256xf32>
    gpuos.yield %r : tensor<256xf32>
  }
  %s = gpuos.task ins(%r, %q : tensor<256xf32>, tensor<f32>) -> tensor<f32> {
  ^bb0(%v: tensor<256xf32>, %w: tensor<f32>):
    %t = gpuos.reduce max %v axes = [0] : tensor<256xf32> -> tensor<f32>
    %u = gpuos.add %t, %w : tensor<f32>, tensor<f32> -> tensor<f32>
    gpuos.yield %u : tensor<f32>
  }
  gpuos.return %s, %q : tensor<f32>, tensor<f32>
}

// -----

// A result nobody reads is freed right after its task, but that task still
// writes it: the task reusing the block waits for the writer.
// CHECK-LABEL: gpuos.graph @dead_result
// CHECK:       gpuos.task ins(%arg0 {{.*}}gpuos.result_offsets = array<i64: 0, 1024>{{.*}}gpuos.task_id = 0
// CHECK:       gpuos.task ins(%arg1 {{.*}}gpuos.deps = array<i64: 0>{{.*}}gpuos.result_offsets = array<i64: 1024>{{.*}}gpuos.task_id = 1
// expected-remark @below {{gpuos-plan-memory: arena-bytes=2048 naive-bytes=3072 intermediates=3 reused=1 in-place=0 ordering-deps=1}}
gpuos.graph @dead_result(%x: tensor<256xf32>, %y: tensor<256xf32>) -> tensor<256xf32> {
  %a:2 = gpuos.task ins(%x : tensor<256xf32>) -> tensor<256xf32>, tensor<256xf32> {
  ^bb0(%v: tensor<256xf32>):
    %e = gpuos.exp %v : tensor<256xf32>
    %n = gpuos.neg %v : tensor<256xf32>
    gpuos.yield %e, %n : tensor<256xf32>, tensor<256xf32>
  }
  %b = gpuos.task ins(%y : tensor<256xf32>) -> tensor<256xf32> {
  ^bb0(%v: tensor<256xf32>):
    %e = gpuos.exp %v : tensor<256xf32>
    gpuos.yield %e : tensor<256xf32>
  }
  %c = gpuos.task ins(%a#0, %b : tensor<256xf32>, tensor<256xf32>) -> tensor<256xf32> {
  ^bb0(%v: tensor<256xf32>, %w: tensor<256xf32>):
    %s = gpuos.add %v, %w : tensor<256xf32>, tensor<256xf32> -> tensor<256xf32>
    gpuos.yield %s : tensor<256xf32>
  }
  gpuos.return %c : tensor<256xf32>
}

// -----

// Two results: not in place, even though both are elementwise over %e.
// expected-remark @below {{gpuos-plan-memory: arena-bytes=3072 naive-bytes=3072 intermediates=3 reused=0 in-place=0 ordering-deps=0}}
gpuos.graph @two_results(%x: tensor<256xf32>) -> tensor<256xf32> {
  %e = gpuos.task ins(%x : tensor<256xf32>) -> tensor<256xf32> {
  ^bb0(%v: tensor<256xf32>):
    %r = gpuos.exp %v : tensor<256xf32>
    gpuos.yield %r : tensor<256xf32>
  }
  %p:2 = gpuos.task ins(%e : tensor<256xf32>) -> tensor<256xf32>, tensor<256xf32> {
  ^bb0(%v: tensor<256xf32>):
    %a = gpuos.neg %v : tensor<256xf32>
    %b = gpuos.abs %v : tensor<256xf32>
    gpuos.yield %a, %b : tensor<256xf32>, tensor<256xf32>
  }
  %s = gpuos.task ins(%p#0, %p#1 : tensor<256xf32>, tensor<256xf32>) -> tensor<256xf32> {
  ^bb0(%v: tensor<256xf32>, %w: tensor<256xf32>):
    %r = gpuos.add %v, %w : tensor<256xf32>, tensor<256xf32> -> tensor<256xf32>
    gpuos.yield %r : tensor<256xf32>
  }
  gpuos.return %s : tensor<256xf32>
}
