// RUN: gpuos-opt %s -split-input-file -gpuos-fuse | FileCheck %s
// RUN: gpuos-opt %s -split-input-file -gpuos-fuse=cost-model=bytes | FileCheck %s --check-prefix=BYTES
// RUN: gpuos-opt %s -split-input-file -gpuos-fuse=horizontal=false | FileCheck %s --check-prefix=NOHORIZ
// RUN: gpuos-opt %s -split-input-file -gpuos-fuse=max-ops-per-task=2 | FileCheck %s --check-prefix=SMALL
// RUN: gpuos-opt %s -split-input-file -gpuos-fuse="max-tile-bytes=1024" | FileCheck %s --check-prefix=SMEM
// RUN: not gpuos-opt %s -split-input-file -gpuos-fuse=cost-model=magic 2>&1 | FileCheck %s --check-prefix=BADMODEL

// RUN: not gpuos-opt %s -split-input-file -gpuos-fuse=max-ops-per-task=0 2>&1 | FileCheck %s --check-prefix=BADLIMIT

// BADMODEL: error: gpuos-fuse: unknown cost model 'magic' (registered: bytes, greedy)
// BADLIMIT: error: gpuos-fuse: max-ops-per-task, max-tile-bytes, min-parallel-rows and max-serial-work must be positive, recompute-max-ops >= 0

// A chain of elementwise ops with a broadcast operand and a cast: one task
// over the full shape; the constant is copied in.
// CHECK-LABEL: gpuos.graph @chain
// CHECK:       %[[T:.*]] = gpuos.task ins(%arg0, %arg1 : tensor<64x256xf32>, tensor<256xf32>) -> tensor<64x256xf16> attributes {gpuos.domain = array<i64: 64, 256>} {
// CHECK-NEXT:  ^bb0(%[[X:.*]]: tensor<64x256xf32>, %[[S:.*]]: tensor<256xf32>):
// CHECK-NEXT:    %[[C:.*]] = gpuos.fill 2.000000e+00
// CHECK-NEXT:    %[[M:.*]] = gpuos.mul %[[X]], %[[C]]
// CHECK-NEXT:    %[[A:.*]] = gpuos.add %[[M]], %[[S]]
// CHECK-NEXT:    %[[G:.*]] = gpuos.sigmoid %[[A]]
// CHECK-NEXT:    %[[H:.*]] = gpuos.cast %[[G]] : tensor<64x256xf32> -> tensor<64x256xf16>
// CHECK-NEXT:    gpuos.yield %[[H]]
// CHECK-NEXT:  }
// CHECK-NEXT:  gpuos.return %[[T]]
// SMALL-LABEL: gpuos.graph @chain
// SMALL-COUNT-2: gpuos.task
// SMALL-NOT:   gpuos.task
// SMALL:       gpuos.return
gpuos.graph @chain(%x: tensor<64x256xf32>, %shift: tensor<256xf32>) -> tensor<64x256xf16> {
  %two = gpuos.fill 2.000000e+00 : f32 -> tensor<f32>
  %0 = gpuos.mul %x, %two : tensor<64x256xf32>, tensor<f32> -> tensor<64x256xf32>
  %1 = gpuos.add %0, %shift : tensor<64x256xf32>, tensor<256xf32> -> tensor<64x256xf32>
  %2 = gpuos.sigmoid %1 : tensor<64x256xf32>
  %3 = gpuos.cast %2 : tensor<64x256xf32> -> tensor<64x256xf16>
  gpuos.return %3 : tensor<64x256xf16>
}

// -----

// A decomposed row-wise softmax is one task over the rows; a value read
// after the task (the max) becomes a second result.
// CHECK-LABEL: gpuos.graph @softmax
// CHECK:       %[[T:.*]]:2 = gpuos.task ins(%arg0 : tensor<4x8xf32>) -> tensor<4x1xf32>, tensor<4x8xf32> attributes {gpuos.domain = array<i64: 4>}
// CHECK:         gpuos.reduce max
// CHECK-NEXT:    gpuos.sub
// CHECK-NEXT:    gpuos.exp
// CHECK-NEXT:    gpuos.reduce sum
// CHECK-NEXT:    gpuos.div
// CHECK-NEXT:    gpuos.yield
// CHECK-NOT:   gpuos.task
// CHECK:       gpuos.return %[[T]]#1, %[[T]]#0
// SMEM-LABEL:  gpuos.graph @softmax
// SMEM-COUNT-1: gpuos.task
// SMEM-NOT:    gpuos.task
// SMEM:        gpuos.return
gpuos.graph @softmax(%x: tensor<4x8xf32>) -> (tensor<4x8xf32>, tensor<4x1xf32>) {
  %m = gpuos.reduce max %x axes = [1] keepdim : tensor<4x8xf32> -> tensor<4x1xf32>
  %s = gpuos.sub %x, %m : tensor<4x8xf32>, tensor<4x1xf32> -> tensor<4x8xf32>
  %e = gpuos.exp %s : tensor<4x8xf32>
  %z = gpuos.reduce sum %e axes = [1] keepdim : tensor<4x8xf32> -> tensor<4x1xf32>
  %y = gpuos.div %e, %z : tensor<4x8xf32>, tensor<4x1xf32> -> tensor<4x8xf32>
  gpuos.return %y, %m : tensor<4x8xf32>, tensor<4x1xf32>
}

// -----

// An elementwise prologue and epilogue around a reduction, in one task. With
// a 1 KiB tile budget, the 8 KiB rows of a reduction fed from inside the task
// do not fit: the prologue stays apart.
// CHECK-LABEL: gpuos.graph @prologue_epilogue
// CHECK:       gpuos.task ins(%arg0 : tensor<4x2048xf32>) -> tensor<4xf32> attributes {gpuos.domain = array<i64: 4>}
// CHECK-NEXT:  ^bb0
// CHECK-NEXT:    gpuos.exp
// CHECK-NEXT:    gpuos.reduce sum
// CHECK-NEXT:    gpuos.log
// CHECK-NEXT:    gpuos.yield
// SMEM-LABEL:  gpuos.graph @prologue_epilogue
// SMEM:        gpuos.task
// SMEM-NEXT:   ^bb0
// SMEM-NEXT:     gpuos.exp
// SMEM-NEXT:     gpuos.yield
// SMEM:        gpuos.task
// SMEM-NEXT:   ^bb0
// SMEM-NEXT:     gpuos.reduce sum
// SMEM-NEXT:     gpuos.log
// SMEM-NEXT:     gpuos.yield
gpuos.graph @prologue_epilogue(%x: tensor<4x2048xf32>) -> tensor<4xf32> {
  %e = gpuos.exp %x : tensor<4x2048xf32>
  %s = gpuos.reduce sum %e axes = [1] : tensor<4x2048xf32> -> tensor<4xf32>
  %l = gpuos.log %s : tensor<4xf32>
  gpuos.return %l : tensor<4xf32>
}

// -----

// Linear + bias + relu twice: the rows of one matmul's result feed the rows
// of the next, so both layers share one task over the batch rows.
// CHECK-LABEL: gpuos.graph @mlp
// CHECK:       gpuos.task ins(%arg0, %arg1, %arg2, %arg3 : {{.*}}) -> tensor<4x32xf32> attributes {gpuos.domain = array<i64: 4>}
// CHECK:         gpuos.relu
// CHECK-NEXT:    gpuos.matmul
// CHECK-NEXT:    gpuos.add
// CHECK-NEXT:    gpuos.relu
// CHECK-NEXT:    gpuos.matmul
// CHECK-NEXT:    gpuos.add
// CHECK-NEXT:    gpuos.yield
// CHECK-NOT:   gpuos.task
gpuos.graph @mlp(%x: tensor<4x16xf32>, %w1: tensor<16x32xf32>, %b1: tensor<32xf32>, %w2: tensor<32x32xf32>) -> tensor<4x32xf32> {
  %r = gpuos.relu %x : tensor<4x16xf32>
  %0 = gpuos.matmul %r, %w1 : tensor<4x16xf32>, tensor<16x32xf32> -> tensor<4x32xf32>
  %1 = gpuos.add %0, %b1 : tensor<4x32xf32>, tensor<32xf32> -> tensor<4x32xf32>
  %2 = gpuos.relu %1 : tensor<4x32xf32>
  %3 = gpuos.matmul %2, %w2 : tensor<4x32xf32>, tensor<32x32xf32> -> tensor<4x32xf32>
  %4 = gpuos.add %3, %b1 : tensor<4x32xf32>, tensor<32xf32> -> tensor<4x32xf32>
  gpuos.return %4 : tensor<4x32xf32>
}

// -----

// Independent small ops with one domain and depth are batched into one task
// (horizontal fusion); with horizontal=false each is its own task.
// CHECK-LABEL: gpuos.graph @horizontal
// CHECK:       %[[T:.*]]:3 = gpuos.task ins(%arg0, %arg1, %arg2, %arg3 : {{.*}}) -> tensor<256xf32>, tensor<256xf32>, tensor<256xf32>
// CHECK-NEXT:  ^bb0
// CHECK-NEXT:    gpuos.add
// CHECK-NEXT:    gpuos.mul
// CHECK-NEXT:    gpuos.sub
// CHECK-NEXT:    gpuos.yield
// CHECK-NOT:   gpuos.task
// CHECK:       gpuos.return %[[T]]#0, %[[T]]#1, %[[T]]#2
// NOHORIZ-LABEL: gpuos.graph @horizontal
// NOHORIZ-COUNT-3: gpuos.task
// NOHORIZ-NOT: gpuos.task
// NOHORIZ:     gpuos.return
gpuos.graph @horizontal(%a: tensor<256xf32>, %b: tensor<256xf32>, %c: tensor<256xf32>, %d: tensor<256xf32>) -> (tensor<256xf32>, tensor<256xf32>, tensor<256xf32>) {
  %0 = gpuos.add %a, %b : tensor<256xf32>, tensor<256xf32> -> tensor<256xf32>
  %1 = gpuos.mul %c, %d : tensor<256xf32>, tensor<256xf32> -> tensor<256xf32>
  %2 = gpuos.sub %a, %d : tensor<256xf32>, tensor<256xf32> -> tensor<256xf32>
  gpuos.return %0, %1, %2 : tensor<256xf32>, tensor<256xf32>, tensor<256xf32>
}

// -----

// Must not fuse: %a feeds the matmul as its right operand (every row of the
// product reads all of %a), so the matmul cannot join %a's task; the add
// reads %a and the product, so joining %a's task would need the product
// inside it: a cycle. The add joins the matmul's task instead.
// CHECK-LABEL: gpuos.graph @cycle
// CHECK:       %[[A:.*]] = gpuos.task ins(%arg0 : tensor<8x4xf32>) -> tensor<8x4xf32>
// CHECK-NEXT:  ^bb0
// CHECK-NEXT:    gpuos.exp
// CHECK-NEXT:    gpuos.yield
// CHECK:       %[[M:.*]] = gpuos.task ins(%arg1, %[[A]] : tensor<8x8xf32>, tensor<8x4xf32>) -> tensor<8x4xf32>
// CHECK-NEXT:  ^bb0
// CHECK-NEXT:    gpuos.matmul
// CHECK-NEXT:    gpuos.add
// CHECK-NEXT:    gpuos.yield
// CHECK:       gpuos.return %[[M]]
gpuos.graph @cycle(%x: tensor<8x4xf32>, %w: tensor<8x8xf32>) -> tensor<8x4xf32> {
  %a = gpuos.exp %x : tensor<8x4xf32>
  %m = gpuos.matmul %w, %a : tensor<8x8xf32>, tensor<8x4xf32> -> tensor<8x4xf32>
  %s = gpuos.add %a, %m : tensor<8x4xf32>, tensor<8x4xf32> -> tensor<8x4xf32>
  gpuos.return %s : tensor<8x4xf32>
}

// -----

// Must not fuse: a reduction over rows feeding a reduction over another
// axis (the second needs every row of the first).
// CHECK-LABEL: gpuos.graph @two_axes
// CHECK:       gpuos.task {{.*}} attributes {gpuos.domain = array<i64: 8>}
// CHECK-NEXT:  ^bb0
// CHECK-NEXT:    gpuos.reduce sum {{.*}} axes = [1]
// CHECK-NEXT:    gpuos.yield
// CHECK:       gpuos.task {{.*}} attributes {gpuos.domain = array<i64>}
// CHECK-NEXT:  ^bb0
// CHECK-NEXT:    gpuos.reduce max {{.*}} axes = [0]
// CHECK-NEXT:    gpuos.yield
gpuos.graph @two_axes(%x: tensor<8x16xf32>) -> tensor<1x1xf32> {
  %r = gpuos.reduce sum %x axes = [1] keepdim : tensor<8x16xf32> -> tensor<8x1xf32>
  %s = gpuos.reduce max %r axes = [0] keepdim : tensor<8x1xf32> -> tensor<1x1xf32>
  gpuos.return %s : tensor<1x1xf32>
}

// -----

// Must not fuse: the reshape merges the rows of the reduction's domain, so
// its rows are not the rows of the elementwise op before it.
// CHECK-LABEL: gpuos.graph @incompatible_shapes
// CHECK:       gpuos.task {{.*}} attributes {gpuos.domain = array<i64: 4, 8>}
// CHECK-NEXT:  ^bb0
// CHECK-NEXT:    gpuos.neg
// CHECK-NEXT:    gpuos.yield
// CHECK:       gpuos.task {{.*}} attributes {gpuos.domain = array<i64: 2>}
// CHECK-NEXT:  ^bb0
// CHECK-NEXT:    gpuos.reshape
// CHECK-NEXT:    gpuos.reduce sum
// CHECK-NEXT:    gpuos.yield
gpuos.graph @incompatible_shapes(%x: tensor<4x8xf32>) -> tensor<2xf32> {
  %n = gpuos.neg %x : tensor<4x8xf32>
  %r = gpuos.reshape %n : tensor<4x8xf32> -> tensor<2x16xf32>
  %s = gpuos.reduce sum %r axes = [1] : tensor<2x16xf32> -> tensor<2xf32>
  gpuos.return %s : tensor<2xf32>
}

// -----

// A small producer broadcast into a larger consumer would be computed again
// by every tile. greedy never duplicates work; bytes recomputes it when that
// is cheaper than a separate task and the round trip of its result, and says
// so in its report.
// CHECK-LABEL: gpuos.graph @recompute
// CHECK-COUNT-2: gpuos.task
// BYTES-LABEL: gpuos.graph @recompute
// BYTES:       gpuos.task ins(%arg1, %arg0 : tensor<16xf32>, tensor<4x16xf32>) -> tensor<4x16xf32>
// BYTES-NEXT:  ^bb0(%[[V:.*]]: tensor<16xf32>, %{{.*}}: tensor<4x16xf32>):
// BYTES-NEXT:    %[[E:.*]] = gpuos.exp %[[V]] : tensor<16xf32>
// BYTES-NEXT:    gpuos.mul %{{.*}}, %[[E]]
// BYTES-NEXT:    gpuos.yield
// BYTES-NEXT:  }
// BYTES-NEXT:  gpuos.return
gpuos.graph @recompute(%x: tensor<4x16xf32>, %v: tensor<16xf32>) -> tensor<4x16xf32> {
  %e = gpuos.exp %v : tensor<16xf32>
  %y = gpuos.mul %x, %e : tensor<4x16xf32>, tensor<16xf32> -> tensor<4x16xf32>
  gpuos.return %y : tensor<4x16xf32>
}

// -----

// Tasks formed before stay as they are; ops around them form new tasks. A
// constant the graph returns gets a task of its own.
// CHECK-LABEL: gpuos.graph @existing_task
// CHECK:       %[[T:.*]] = gpuos.task ins(%arg0 : tensor<8xf32>) -> tensor<8xf32> {
// CHECK-NEXT:  ^bb0
// CHECK-NEXT:    gpuos.tanh
// CHECK-NEXT:    gpuos.yield
// CHECK:       %[[C:.*]] = gpuos.task -> tensor<8xf32> attributes {gpuos.domain = array<i64: 8>}
// CHECK-NEXT:    gpuos.fill
// CHECK-NEXT:    gpuos.yield
// CHECK:       %[[R:.*]] = gpuos.task ins(%[[T]] : tensor<8xf32>) -> tensor<8xf32>
// CHECK-NEXT:  ^bb0
// CHECK-NEXT:    gpuos.relu
// CHECK-NEXT:    gpuos.yield
// CHECK:       gpuos.return %[[R]], %[[C]]
gpuos.graph @existing_task(%x: tensor<8xf32>) -> (tensor<8xf32>, tensor<8xf32>) {
  %t = gpuos.task ins(%x : tensor<8xf32>) -> tensor<8xf32> {
  ^bb0(%a: tensor<8xf32>):
    %h = gpuos.tanh %a : tensor<8xf32>
    gpuos.yield %h : tensor<8xf32>
  }
  %r = gpuos.relu %t : tensor<8xf32>
  %c = gpuos.fill 1.000000e+00 : f32 -> tensor<8xf32>
  gpuos.return %r, %c : tensor<8xf32>, tensor<8xf32>
}

// -----

// A recomputed producer that grows afterwards: %c joins the group of %a
// after that group was cloned into %b's; %d then needs %c, which is not
// among the clones although its group is.
// BYTES-LABEL: gpuos.graph @recompute_then_grow
// BYTES:       %[[T:.*]] = gpuos.task ins(%arg0, %arg1 : tensor<1x1xf32>, tensor<8xf32>) -> tensor<1x8xf32>
// BYTES-NEXT:  ^bb0
// BYTES-NEXT:    %[[A0:.*]] = gpuos.neg
// BYTES-NEXT:    %[[A:.*]] = gpuos.sin %[[A0]]
// BYTES-NEXT:    %[[B:.*]] = gpuos.div %[[A]],
// BYTES-NEXT:    %[[C:.*]] = gpuos.abs %[[A]]
// BYTES-NEXT:    %[[D:.*]] = gpuos.div %[[B]], %[[C]]
// BYTES-NEXT:    gpuos.yield %[[D]]
// BYTES-NEXT:  }
// BYTES-NEXT:  gpuos.return %[[T]]
gpuos.graph @recompute_then_grow(%x: tensor<1x1xf32>, %w: tensor<8xf32>) -> tensor<1x8xf32> {
  %a0 = gpuos.neg %x : tensor<1x1xf32>
  %a = gpuos.sin %a0 : tensor<1x1xf32>
  %b = gpuos.div %a, %w : tensor<1x1xf32>, tensor<8xf32> -> tensor<1x8xf32>
  %c = gpuos.abs %a : tensor<1x1xf32>
  %d = gpuos.div %b, %c : tensor<1x8xf32>, tensor<1x1xf32> -> tensor<1x8xf32>
  gpuos.return %d : tensor<1x8xf32>
}

// -----

// A clone reading a recomputed value: %c is cloned into the slice's task
// (and also merged into %t's, which recomputes %a). The slice's clone of %c
// still needs %a from %a's own task, which must therefore yield it.
// RUN: gpuos-opt %s -split-input-file -gpuos-fuse="cost-model=bytes recompute-max-ops=1" | FileCheck %s --check-prefix=CLONEREAD
// CLONEREAD-LABEL: gpuos.graph @clone_reads_recomputed
// CLONEREAD:       %[[A:.*]]:2 = gpuos.task ins(%arg0 : tensor<1x4xf32>) -> tensor<1x4xf32>, tensor<1x4xf32>
// CLONEREAD-NEXT:  ^bb0
// CLONEREAD-NEXT:    %[[NEG:.*]] = gpuos.neg
// CLONEREAD-NEXT:    %[[ABS:.*]] = gpuos.abs %[[NEG]]
// CLONEREAD-NEXT:    gpuos.yield %[[NEG]], %[[ABS]]
// CLONEREAD:       gpuos.task ins(%[[A]]#0, %arg2 : tensor<1x4xf32>, tensor<1x4xf32>) -> tensor<1x4xf32>
// CLONEREAD-NEXT:  ^bb0
// CLONEREAD-NEXT:    gpuos.concat
// CLONEREAD-NEXT:    gpuos.slice
gpuos.graph @clone_reads_recomputed(%x: tensor<1x4xf32>, %y: tensor<2x4xf32>, %z: tensor<1x4xf32>) -> (tensor<2x4xf32>, tensor<1x4xf32>, tensor<1x4xf32>) {
  %a = gpuos.neg %x : tensor<1x4xf32>
  %p = gpuos.mul %a, %y : tensor<1x4xf32>, tensor<2x4xf32> -> tensor<2x4xf32>
  %a2 = gpuos.abs %a : tensor<1x4xf32>
  %c = gpuos.concat %a, %z axis = 0 : tensor<1x4xf32>, tensor<1x4xf32> -> tensor<2x4xf32>
  %s = gpuos.slice %c starts = [0, 0] limits = [2, 4] strides = [2, 1] : tensor<2x4xf32> -> tensor<1x4xf32>
  %t = gpuos.add %p, %c : tensor<2x4xf32>, tensor<2x4xf32> -> tensor<2x4xf32>
  gpuos.return %t, %s, %a2 : tensor<2x4xf32>, tensor<1x4xf32>, tensor<1x4xf32>
}

// -----

// Legal, but the bytes model declines it: the 128 KiB elementwise prologue
// would run on 8 rows (8 blocks) instead of spreading over the GPU, which
// costs more than the 256 KiB round trip it saves. greedy fuses.
// CHECK-LABEL: gpuos.graph @narrow_domain
// CHECK-COUNT-1: gpuos.task
// CHECK-NOT:   gpuos.task
// CHECK:       gpuos.return
// BYTES-LABEL: gpuos.graph @narrow_domain
// BYTES:       gpuos.task {{.*}}gpuos.domain = array<i64: 8, 4096>
// BYTES:       gpuos.task {{.*}}gpuos.domain = array<i64: 8>
gpuos.graph @narrow_domain(%x: tensor<8x4096xf32>) -> tensor<8xf32> {
  %e = gpuos.exp %x : tensor<8x4096xf32>
  %s = gpuos.reduce sum %e axes = [1] : tensor<8x4096xf32> -> tensor<8xf32>
  gpuos.return %s : tensor<8xf32>
}

// -----

// An operator takes at most 16 arguments (GPUOS_MAX_ARGS): this chain
// reads 17 inputs, so its group is cut in program order into a task of 15
// inputs and one result, and a task for the rest.
// RUN: gpuos-opt %s -split-input-file -gpuos-fuse=max-task-args=0 | FileCheck %s --check-prefix=NOLIMIT
// CHECK-LABEL: gpuos.graph @too_many_args
// CHECK:       %[[P:.*]] = gpuos.task ins(%arg0, %arg1, %arg2, %arg3, %arg4, %arg5, %arg6, %arg7, %arg8, %arg9, %arg10, %arg11, %arg12, %arg13, %arg14 : {{.*}}) -> tensor<8xf32>
// CHECK-COUNT-14: gpuos.add
// CHECK-NEXT:    gpuos.yield
// CHECK:       %[[Q:.*]] = gpuos.task ins(%[[P]], %arg15, %arg16 : tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
// CHECK-COUNT-2: gpuos.add
// CHECK-NEXT:    gpuos.yield
// CHECK:       gpuos.return %[[Q]]
// NOLIMIT-LABEL: gpuos.graph @too_many_args
// NOLIMIT-COUNT-1: gpuos.task
// NOLIMIT-NOT:  gpuos.task
// NOLIMIT:      gpuos.return
gpuos.graph @too_many_args(%x: tensor<8xf32>, %a0: tensor<8xf32>, %a1: tensor<8xf32>, %a2: tensor<8xf32>, %a3: tensor<8xf32>, %a4: tensor<8xf32>, %a5: tensor<8xf32>, %a6: tensor<8xf32>, %a7: tensor<8xf32>, %a8: tensor<8xf32>, %a9: tensor<8xf32>, %a10: tensor<8xf32>, %a11: tensor<8xf32>, %a12: tensor<8xf32>, %a13: tensor<8xf32>, %a14: tensor<8xf32>, %a15: tensor<8xf32>) -> tensor<8xf32> {
  %y0 = gpuos.add %x, %a0 : tensor<8xf32>, tensor<8xf32> -> tensor<8xf32>
  %y1 = gpuos.add %y0, %a1 : tensor<8xf32>, tensor<8xf32> -> tensor<8xf32>
  %y2 = gpuos.add %y1, %a2 : tensor<8xf32>, tensor<8xf32> -> tensor<8xf32>
  %y3 = gpuos.add %y2, %a3 : tensor<8xf32>, tensor<8xf32> -> tensor<8xf32>
  %y4 = gpuos.add %y3, %a4 : tensor<8xf32>, tensor<8xf32> -> tensor<8xf32>
  %y5 = gpuos.add %y4, %a5 : tensor<8xf32>, tensor<8xf32> -> tensor<8xf32>
  %y6 = gpuos.add %y5, %a6 : tensor<8xf32>, tensor<8xf32> -> tensor<8xf32>
  %y7 = gpuos.add %y6, %a7 : tensor<8xf32>, tensor<8xf32> -> tensor<8xf32>
  %y8 = gpuos.add %y7, %a8 : tensor<8xf32>, tensor<8xf32> -> tensor<8xf32>
  %y9 = gpuos.add %y8, %a9 : tensor<8xf32>, tensor<8xf32> -> tensor<8xf32>
  %y10 = gpuos.add %y9, %a10 : tensor<8xf32>, tensor<8xf32> -> tensor<8xf32>
  %y11 = gpuos.add %y10, %a11 : tensor<8xf32>, tensor<8xf32> -> tensor<8xf32>
  %y12 = gpuos.add %y11, %a12 : tensor<8xf32>, tensor<8xf32> -> tensor<8xf32>
  %y13 = gpuos.add %y12, %a13 : tensor<8xf32>, tensor<8xf32> -> tensor<8xf32>
  %y14 = gpuos.add %y13, %a14 : tensor<8xf32>, tensor<8xf32> -> tensor<8xf32>
  %y15 = gpuos.add %y14, %a15 : tensor<8xf32>, tensor<8xf32> -> tensor<8xf32>
  gpuos.return %y15 : tensor<8xf32>
}

// -----

// Decode-style chain: a norm feeds a GEMV, whose outputs feed another. The
// norm (512 element operations) fuses into the first projection: every tile
// recomputes it. The second projection reads the first's outputs across
// them, so fused it would run on the one row of the domain (one block for
// 1M multiply-adds): it stays a task of its own, its outputs spread over
// blocks. With the limit lifted, everything fuses.
// RUN: gpuos-opt %s -split-input-file -gpuos-fuse=max-serial-work=100000000 | FileCheck %s --check-prefix=UNLIMITED
// CHECK-LABEL: gpuos.graph @gemv_chain
// CHECK:       %[[A:.*]] = gpuos.task ins({{.*}}) -> tensor<1x1024xf32>
// CHECK-NEXT:  ^bb0
// CHECK-NEXT:    gpuos.rms_norm
// CHECK-NEXT:    gpuos.matmul
// CHECK-NEXT:    gpuos.yield
// CHECK:       %[[B:.*]] = gpuos.task ins(%[[A]], %arg2 : {{.*}}) -> tensor<1x512xf32>
// CHECK-NEXT:  ^bb0
// CHECK-NEXT:    gpuos.matmul
// CHECK-NEXT:    gpuos.yield
// CHECK:       gpuos.return %[[B]]
// BYTES-LABEL: gpuos.graph @gemv_chain
// BYTES-COUNT-2: gpuos.task
// UNLIMITED-LABEL: gpuos.graph @gemv_chain
// UNLIMITED-COUNT-1: gpuos.task
// UNLIMITED-NOT:  gpuos.task
// UNLIMITED:      gpuos.return
gpuos.graph @gemv_chain(%x: tensor<1x512xf32>, %w1: tensor<1024x512xf32>, %w2: tensor<512x1024xf32>, %g: tensor<512xf32>) -> tensor<1x512xf32> {
  %n = gpuos.rms_norm %x weight(%g : tensor<512xf32>) dims = 1 eps = 1.0e-06 : tensor<1x512xf32>
  %h = gpuos.matmul %n, %w1 transpose_rhs : tensor<1x512xf32>, tensor<1024x512xf32> -> tensor<1x1024xf32>
  %y = gpuos.matmul %h, %w2 transpose_rhs : tensor<1x1024xf32>, tensor<512x1024xf32> -> tensor<1x512xf32>
  gpuos.return %y : tensor<1x512xf32>
}
