// RUN: gpuos-opt %s -split-input-file -gpuos-schedule=report -mlir-print-op-on-diagnostic=false -verify-diagnostics | FileCheck %s
// RUN: not gpuos-opt %s -split-input-file -gpuos-schedule=chain-workers=false 2>/dev/null | FileCheck %s --check-prefix=NOCHAIN

// Chain A -> B -> C of one-tile tasks, each the only successor and only
// predecessor of its neighbour; D independent; E -> F with 8 tiles each; G
// joins C, D and F. Critical paths (in tiles): E 17, F 9, A 4, B 3, C 2,
// D 2, G 1. List scheduling starts the long path E -> F first.
//
// CHECK-LABEL: gpuos.graph @critical_path
// CHECK-SAME:  gpuos.num_chains = 1 : i64, gpuos.num_tasks = 7 : i64
// CHECK:       %[[E:.*]] = gpuos.task ins(%arg2 {{.*}}gpuos.deps = array<i64>, {{.*}}gpuos.priority = 17 : i64, gpuos.task_id = 0 : i64, gpuos.tiles = 8 : i64}
// CHECK:       %[[F:.*]] = gpuos.task ins(%[[E]] {{.*}}gpuos.deps = array<i64: 0>, {{.*}}gpuos.priority = 9 : i64, gpuos.task_id = 1 : i64, gpuos.tiles = 8 : i64}
// CHECK:       %[[A:.*]] = gpuos.task ins(%arg0 {{.*}}gpuos.deps = array<i64>, {{.*}}gpuos.priority = 4 : i64, gpuos.task_id = 2 : i64, gpuos.tiles = 1 : i64, gpuos.worker = 0 : i64}
// CHECK:       %[[B:.*]] = gpuos.task ins(%[[A]] {{.*}}gpuos.deps = array<i64: 2>, {{.*}}gpuos.priority = 3 : i64, gpuos.task_id = 3 : i64, gpuos.tiles = 1 : i64, gpuos.worker = 0 : i64}
// CHECK:       %[[C:.*]] = gpuos.task ins(%[[B]] {{.*}}gpuos.deps = array<i64: 3>, {{.*}}gpuos.priority = 2 : i64, gpuos.task_id = 4 : i64, gpuos.tiles = 1 : i64, gpuos.worker = 0 : i64}
// CHECK:       %[[D:.*]] = gpuos.task ins(%arg1 {{.*}}gpuos.deps = array<i64>, {{.*}}gpuos.priority = 2 : i64, gpuos.task_id = 5 : i64, gpuos.tiles = 1 : i64}
// CHECK:       %[[G:.*]] = gpuos.task ins(%[[C]], %[[D]], %[[F]] {{.*}}gpuos.deps = array<i64: 1, 4, 5>, {{.*}}gpuos.priority = 1 : i64, gpuos.task_id = 6 : i64, gpuos.tiles = 1 : i64}
// CHECK:       gpuos.return %[[G]]
// NOCHAIN-LABEL: gpuos.graph @critical_path
// NOCHAIN-SAME:  gpuos.num_chains = 0 : i64
// NOCHAIN-NOT:   gpuos.worker
// expected-remark @below {{gpuos-schedule: tasks=7 deps=6 chains=1 chained-edges=2 critical-path=17}}
gpuos.graph @critical_path(%x: tensor<4xf32>, %y: tensor<4xf32>, %z: tensor<4096xf32>) -> tensor<4xf32> {
  %a = gpuos.task ins(%x : tensor<4xf32>) -> tensor<4xf32> attributes {gpuos.tiles = 1 : i64} {
  ^bb0(%v: tensor<4xf32>):
    %r = gpuos.exp %v : tensor<4xf32>
    gpuos.yield %r : tensor<4xf32>
  }
  %b = gpuos.task ins(%a : tensor<4xf32>) -> tensor<4xf32> attributes {gpuos.tiles = 1 : i64} {
  ^bb0(%v: tensor<4xf32>):
    %r = gpuos.exp %v : tensor<4xf32>
    gpuos.yield %r : tensor<4xf32>
  }
  %c = gpuos.task ins(%b : tensor<4xf32>) -> tensor<4xf32> attributes {gpuos.tiles = 1 : i64} {
  ^bb0(%v: tensor<4xf32>):
    %r = gpuos.exp %v : tensor<4xf32>
    gpuos.yield %r : tensor<4xf32>
  }
  %d = gpuos.task ins(%y : tensor<4xf32>) -> tensor<4xf32> attributes {gpuos.tiles = 1 : i64} {
  ^bb0(%v: tensor<4xf32>):
    %r = gpuos.neg %v : tensor<4xf32>
    gpuos.yield %r : tensor<4xf32>
  }
  %e = gpuos.task ins(%z : tensor<4096xf32>) -> tensor<4096xf32> attributes {gpuos.tiles = 8 : i64} {
  ^bb0(%v: tensor<4096xf32>):
    %r = gpuos.exp %v : tensor<4096xf32>
    gpuos.yield %r : tensor<4096xf32>
  }
  %f = gpuos.task ins(%e : tensor<4096xf32>) -> tensor<4xf32> attributes {gpuos.tiles = 8 : i64} {
  ^bb0(%v: tensor<4096xf32>):
    %r = gpuos.slice %v starts = [0] limits = [4] strides = [1] : tensor<4096xf32> -> tensor<4xf32>
    gpuos.yield %r : tensor<4xf32>
  }
  %g = gpuos.task ins(%c, %d, %f : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32> attributes {gpuos.tiles = 1 : i64} {
  ^bb0(%p: tensor<4xf32>, %q: tensor<4xf32>, %s: tensor<4xf32>):
    %r = gpuos.add %p, %q : tensor<4xf32>, tensor<4xf32> -> tensor<4xf32>
    %t = gpuos.add %r, %s : tensor<4xf32>, tensor<4xf32> -> tensor<4xf32>
    gpuos.yield %t : tensor<4xf32>
  }
  gpuos.return %g : tensor<4xf32>
}

// -----

gpuos.graph @unfused(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @below {{gpuos-schedule expects every op of the graph in a gpuos.task; run gpuos-fuse first}}
  %y = gpuos.exp %x : tensor<4xf32>
  gpuos.return %y : tensor<4xf32>
}

// -----

// A -> B -> C, and C also reads A and a second value of B's: the edges A -> C
// is implied by the path through B and is dropped, so C has one predecessor
// (the runtime then starts it without a counter). D reads A and B: B is kept,
// A is implied.
//
// CHECK-LABEL: gpuos.graph @implied_deps
// CHECK:       %[[A:.*]] = gpuos.task ins(%arg0 {{.*}}gpuos.deps = array<i64>, {{.*}}gpuos.task_id = 0 : i64
// CHECK:       %[[B:.*]]:2 = gpuos.task ins(%[[A]] {{.*}}gpuos.deps = array<i64: 0>, {{.*}}gpuos.task_id = 1 : i64
// CHECK:       gpuos.task ins(%[[B]]#0, %[[A]], %[[B]]#1 {{.*}}gpuos.deps = array<i64: 1>,
// CHECK:       gpuos.task ins(%[[A]], %[[B]]#1 {{.*}}gpuos.deps = array<i64: 1>,
// expected-remark @below {{gpuos-schedule: tasks=4 deps=3 chains=0 chained-edges=0 critical-path=3}}
gpuos.graph @implied_deps(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %a = gpuos.task ins(%x : tensor<4xf32>) -> tensor<4xf32> attributes {gpuos.tiles = 1 : i64} {
  ^bb0(%v: tensor<4xf32>):
    %r = gpuos.exp %v : tensor<4xf32>
    gpuos.yield %r : tensor<4xf32>
  }
  %b:2 = gpuos.task ins(%a : tensor<4xf32>) -> tensor<4xf32>, tensor<4xf32> attributes {gpuos.tiles = 1 : i64} {
  ^bb0(%v: tensor<4xf32>):
    %r = gpuos.exp %v : tensor<4xf32>
    %s = gpuos.neg %v : tensor<4xf32>
    gpuos.yield %r, %s : tensor<4xf32>, tensor<4xf32>
  }
  %c = gpuos.task ins(%b#0, %a, %b#1 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32> attributes {gpuos.tiles = 1 : i64} {
  ^bb0(%v: tensor<4xf32>, %w: tensor<4xf32>, %u: tensor<4xf32>):
    %r = gpuos.add %v, %w : tensor<4xf32>, tensor<4xf32> -> tensor<4xf32>
    %t = gpuos.add %r, %u : tensor<4xf32>, tensor<4xf32> -> tensor<4xf32>
    gpuos.yield %t : tensor<4xf32>
  }
  %d = gpuos.task ins(%a, %b#1 : tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32> attributes {gpuos.tiles = 1 : i64} {
  ^bb0(%v: tensor<4xf32>, %w: tensor<4xf32>):
    %r = gpuos.sub %v, %w : tensor<4xf32>, tensor<4xf32> -> tensor<4xf32>
    gpuos.yield %r : tensor<4xf32>
  }
  gpuos.return %c, %d : tensor<4xf32>, tensor<4xf32>
}
