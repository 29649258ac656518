// RUN: gpuos-opt %s -gpuos-tile | FileCheck %s
// RUN: gpuos-opt %s -gpuos-tile="num-sms=2 max-tiles-per-sm=1" | FileCheck %s --check-prefix=TWO
// RUN: not gpuos-opt %s -gpuos-tile=block-size=0 2>&1 | FileCheck %s --check-prefix=BAD

// BAD: error: gpuos-tile: num-sms, block-size, elements-per-thread, max-tiles-per-sm and matmul-outputs-per-warp must be positive

// CHECK-LABEL: gpuos.graph @tiles
gpuos.graph @tiles(%x: tensor<64x256xf32>, %r: tensor<8x2048xf32>, %s: tensor<4xf32>, %h: tensor<1000000xf32>) -> (tensor<64x256xf32>, tensor<8xf32>, tensor<4xf32>, tensor<1000000xf32>, tensor<f32>) {
  // 16384 elements, 1024 per tile (256 threads x 4): 16 tiles of 1024 rows.
  // CHECK: gpuos.task {{.*}}gpuos.rows_per_tile = 1024 : i64, gpuos.tiles = 16 : i64
  // TWO:   gpuos.task {{.*}}gpuos.rows_per_tile = 8192 : i64, gpuos.tiles = 2 : i64
  %0 = gpuos.task ins(%x : tensor<64x256xf32>) -> tensor<64x256xf32> attributes {gpuos.domain = array<i64: 64, 256>} {
  ^bb0(%a: tensor<64x256xf32>):
    %y = gpuos.exp %a : tensor<64x256xf32>
    gpuos.yield %y : tensor<64x256xf32>
  }
  // 16 tiles' worth of work, but only 8 rows: one row per tile.
  // CHECK: gpuos.task {{.*}}gpuos.rows_per_tile = 1 : i64, gpuos.tiles = 8 : i64
  // TWO:   gpuos.task {{.*}}gpuos.rows_per_tile = 4 : i64, gpuos.tiles = 2 : i64
  %1 = gpuos.task ins(%r : tensor<8x2048xf32>) -> tensor<8xf32> attributes {gpuos.domain = array<i64: 8>} {
  ^bb0(%a: tensor<8x2048xf32>):
    %y = gpuos.reduce sum %a axes = [1] : tensor<8x2048xf32> -> tensor<8xf32>
    gpuos.yield %y : tensor<8xf32>
  }
  // Small work: one tile.
  // CHECK: gpuos.task {{.*}}gpuos.rows_per_tile = 4 : i64, gpuos.tiles = 1 : i64
  %2 = gpuos.task ins(%s : tensor<4xf32>) -> tensor<4xf32> attributes {gpuos.domain = array<i64: 4>} {
  ^bb0(%a: tensor<4xf32>):
    %y = gpuos.neg %a : tensor<4xf32>
    gpuos.yield %y : tensor<4xf32>
  }
  // 977 tiles wanted, at most 132 SMs x 4: 528 tiles of 1894 rows.
  // CHECK: gpuos.task {{.*}}gpuos.rows_per_tile = 1894 : i64, gpuos.tiles = 528 : i64
  %3 = gpuos.task ins(%h : tensor<1000000xf32>) -> tensor<1000000xf32> attributes {gpuos.domain = array<i64: 1000000>} {
  ^bb0(%a: tensor<1000000xf32>):
    %y = gpuos.neg %a : tensor<1000000xf32>
    gpuos.yield %y : tensor<1000000xf32>
  }
  // No parallel dims (or no domain at all): one tile.
  // CHECK: gpuos.task {{.*}}gpuos.rows_per_tile = 1 : i64, gpuos.tiles = 1 : i64
  %4 = gpuos.task ins(%s : tensor<4xf32>) -> tensor<f32> {
  ^bb0(%a: tensor<4xf32>):
    %y = gpuos.reduce sum %a axes = [0] : tensor<4xf32> -> tensor<f32>
    gpuos.yield %y : tensor<f32>
  }
  gpuos.return %0, %1, %2, %3, %4 : tensor<64x256xf32>, tensor<8xf32>, tensor<4xf32>, tensor<1000000xf32>, tensor<f32>
}

// Batches of reductions of task inputs over the same rows (the CUDA emitter
// reads them in one pass) take tiles of at least 128 KB, still 33 (a quarter
// of the SMs) when the rows allow. Other tasks keep a row per tile.
// CHECK-LABEL: gpuos.graph @reduction_batches
gpuos.graph @reduction_batches(%a: tensor<128x1024xf32>, %b: tensor<128x1024xf32>, %c: tensor<128x8192xf32>, %d: tensor<128x8192xf32>) -> (tensor<128xf32>, tensor<128xf32>, tensor<128xf32>, tensor<128xf32>, tensor<128xf32>, tensor<128xf32>, tensor<128xf32>) {
  // 1 MB: 33 tiles wanted, 4 rows each, so 32.
  // CHECK: gpuos.task {{.*}}gpuos.rows_per_tile = 4 : i64, gpuos.tiles = 32 : i64
  %0:2 = gpuos.task ins(%a, %b : tensor<128x1024xf32>, tensor<128x1024xf32>) -> tensor<128xf32>, tensor<128xf32> attributes {gpuos.domain = array<i64: 128>} {
  ^bb0(%x: tensor<128x1024xf32>, %y: tensor<128x1024xf32>):
    %s = gpuos.reduce sum %x axes = [1] : tensor<128x1024xf32> -> tensor<128xf32>
    %m = gpuos.reduce max %y axes = [1] : tensor<128x1024xf32> -> tensor<128xf32>
    gpuos.yield %s, %m : tensor<128xf32>, tensor<128xf32>
  }
  // 8 MB: 64 tiles of 128 KB, 2 rows each.
  // CHECK: gpuos.task {{.*}}gpuos.rows_per_tile = 2 : i64, gpuos.tiles = 64 : i64
  %1:2 = gpuos.task ins(%c, %d : tensor<128x8192xf32>, tensor<128x8192xf32>) -> tensor<128xf32>, tensor<128xf32> attributes {gpuos.domain = array<i64: 128>} {
  ^bb0(%x: tensor<128x8192xf32>, %y: tensor<128x8192xf32>):
    %s = gpuos.reduce sum %x axes = [1] : tensor<128x8192xf32> -> tensor<128xf32>
    %m = gpuos.reduce min %y axes = [1] : tensor<128x8192xf32> -> tensor<128xf32>
    gpuos.yield %s, %m : tensor<128xf32>, tensor<128xf32>
  }
  // One reduction is no batch: a row per tile, up to a wave.
  // CHECK: gpuos.task {{.*}}gpuos.rows_per_tile = 1 : i64, gpuos.tiles = 128 : i64
  %2 = gpuos.task ins(%a : tensor<128x1024xf32>) -> tensor<128xf32> attributes {gpuos.domain = array<i64: 128>} {
  ^bb0(%x: tensor<128x1024xf32>):
    %s = gpuos.reduce sum %x axes = [1] : tensor<128x1024xf32> -> tensor<128xf32>
    gpuos.yield %s : tensor<128xf32>
  }
  // A reduction of a computed value is no batch either.
  // CHECK: gpuos.task {{.*}}gpuos.rows_per_tile = 1 : i64, gpuos.tiles = 128 : i64
  %3:2 = gpuos.task ins(%a, %b : tensor<128x1024xf32>, tensor<128x1024xf32>) -> tensor<128xf32>, tensor<128xf32> attributes {gpuos.domain = array<i64: 128>} {
  ^bb0(%x: tensor<128x1024xf32>, %y: tensor<128x1024xf32>):
    %e = gpuos.exp %y : tensor<128x1024xf32>
    %s = gpuos.reduce sum %x axes = [1] : tensor<128x1024xf32> -> tensor<128xf32>
    %m = gpuos.reduce sum %e axes = [1] : tensor<128x1024xf32> -> tensor<128xf32>
    gpuos.yield %s, %m : tensor<128xf32>, tensor<128xf32>
  }
  gpuos.return %0#0, %0#1, %1#0, %1#1, %2, %3#0, %3#1 : tensor<128xf32>, tensor<128xf32>, tensor<128xf32>, tensor<128xf32>, tensor<128xf32>, tensor<128xf32>, tensor<128xf32>
}
