// RUN: gpuos-translate --gpuos-to-cuda %s | FileCheck %s
// RUN: gpuos-translate --gpuos-to-cuda %s | gpuos-cuda-check -
// REQUIRES: nvrtc

// Trailing-axis sum with an exp prologue and a log epilogue (logsumexp
// without the max): a warp per row, lanes stride over the row, a shuffle
// reduction, lane 0 writes. Rows are split across tiles.
// CHECK-LABEL: // Operator lse_task0:
// CHECK:      //   tiles: 8 (from size); any ctx->ntiles works
// CHECK:      { // stage 0: reduce at reduce.mlir:{{[0-9]+}}:{{[0-9]+}}, 64 rows of 512, a warp per row
// CHECK-NEXT:   const gpuos_i64 tile = ctx->tile, ntiles = ctx->ntiles;
// CHECK-NEXT:   const unsigned lane = threadIdx.x & 31u, warp = threadIdx.x >> 5, nwarps = blockDim.x >> 5;
// CHECK-NEXT:   const gpuos_i64 row_end = 64 * (tile + 1) / ntiles;
// CHECK-NEXT:   for (gpuos_i64 row = 64 * tile / ntiles + warp; row < row_end; row += nwarps) {
// CHECK-NEXT:     float [[ACC:acc[0-9]+]] = 0.0f;
// CHECK-NEXT:     for (gpuos_i64 col = lane; col < 512; col += 32) {
// CHECK-NEXT:       const float [[X:v[0-9]+]] = in0[row * in0_s0 + col * in0_s1];
// CHECK-NEXT:       const float [[E:v[0-9]+]] = expf([[X]]);
// CHECK-NEXT:       [[ACC]] += [[E]];
// CHECK-NEXT:     }
// CHECK-NEXT:     const float [[T:red[0-9]+]] = gpuos_warp_reduce([[ACC]], gpuos_op_sum());
// CHECK-NEXT:     if (lane == 0) {
// CHECK-NEXT:       const float [[L:v[0-9]+]] = logf([[T]]);
// CHECK-NEXT:       out0[row * out0_s0] = [[L]];
// CHECK-NEXT:     }
gpuos.graph @lse(%a: tensor<64x512xf32>) -> tensor<64xf32> {
  %r = gpuos.task ins(%a : tensor<64x512xf32>) -> tensor<64xf32> {
  ^bb0(%x: tensor<64x512xf32>):
    %e = gpuos.exp %x : tensor<64x512xf32>
    %s = gpuos.reduce sum %e axes = [1] : tensor<64x512xf32> -> tensor<64xf32>
    %l = gpuos.log %s : tensor<64xf32>
    gpuos.yield %l : tensor<64xf32>
  }
  gpuos.return %r : tensor<64xf32>
}

// A middle axis with keepdim through index math: rows are (d0, d2), columns
// d1; 8 columns per row need no warp, a thread per row. f16 max accumulates
// in float and rounds once.
// CHECK-LABEL: extern "C" __device__ void colmax_task0(
// CHECK:      { // stage 0: reduce at {{.*}}, 64 rows of 8, a thread per row
// CHECK:        for (gpuos_i64 row = 64 * tile / ntiles + threadIdx.x; row < row_end; row += blockDim.x) {
// CHECK-NEXT:     const gpuos_i32 [[D0:t[0-9]+]] = ((gpuos_i32)row / 16);
// CHECK-NEXT:     const gpuos_i32 [[D2:t[0-9]+]] = (gpuos_i32)row % 16;
// CHECK-NEXT:     float [[ACC:acc[0-9]+]] = __int_as_float(0xff800000);
// CHECK-NEXT:     #pragma unroll 4
// CHECK-NEXT:     for (gpuos_i64 col = 0; col < 8; col += 1) {
// CHECK-NEXT:       const float [[X:v[0-9]+]] = gpuos_f16_to_f32(in0[[[D0]] * in0_s0 + col * in0_s1 + [[D2]] * in0_s2]);
// CHECK-NEXT:       [[ACC]] = gpuos_op_max()([[ACC]], [[X]]);
// CHECK-NEXT:     }
// CHECK-NEXT:     const float [[R:r[0-9]+]] = gpuos_round_f16([[ACC]]);
// CHECK-NEXT:     out0[[[D0]] * out0_s0 + [[D2]] * out0_s2] = gpuos_f32_to_f16([[R]]);
gpuos.graph @colmax(%b: tensor<4x8x16xf16>) -> tensor<4x1x16xf16> {
  %r = gpuos.task ins(%b : tensor<4x8x16xf16>) -> tensor<4x1x16xf16> {
  ^bb0(%y: tensor<4x8x16xf16>):
    %m = gpuos.reduce max %y axes = [1] keepdim : tensor<4x8x16xf16> -> tensor<4x1x16xf16>
    gpuos.yield %m : tensor<4x1x16xf16>
  }
  gpuos.return %r : tensor<4x1x16xf16>
}

// A long row (all of a [2, 4096] tensor into one value): the whole block per
// row, a block reduction through ctx->smem, whose size the operator checks.
// Integer mean truncates.
// CHECK-LABEL: // Operator total_task0:
// CHECK:      //   smem: 256 bytes
// CHECK:        if (ctx->smem_bytes < 256)
// CHECK-NEXT:     __trap();
// CHECK:      { // stage 0: reduce at {{.*}}, 1 rows of 8192, the block per row
// CHECK:        for (gpuos_i64 row = 1 * tile / ntiles; row < row_end; row += 1) {
// CHECK-NEXT:     gpuos_i32 [[ACC:acc[0-9]+]] = 0;
// CHECK-NEXT:     for (gpuos_i64 col = threadIdx.x; col < 8192; col += blockDim.x) {
// CHECK-NEXT:       const gpuos_i32 [[C0:t[0-9]+]] = ((gpuos_i32)col / 4096);
// CHECK-NEXT:       const gpuos_i32 [[C1:t[0-9]+]] = (gpuos_i32)col % 4096;
// CHECK-NEXT:       const gpuos_i32 [[X:v[0-9]+]] = in0[[[C0]] * in0_s0 + [[C1]] * in0_s1];
// CHECK-NEXT:       [[ACC]] += [[X]];
// CHECK-NEXT:     }
// CHECK-NEXT:     const gpuos_i32 [[T:red[0-9]+]] = gpuos_block_reduce([[ACC]], gpuos_op_sum(), ctx->smem);
// CHECK-NEXT:     const gpuos_i32 [[M:mean[0-9]+]] = [[T]] / (gpuos_i32)8192;
// CHECK-NEXT:     if (threadIdx.x == 0) {
// CHECK-NEXT:       out0[0] = [[M]];
gpuos.graph @total(%a: tensor<2x4096xi32>) -> tensor<i32> {
  %r = gpuos.task ins(%a : tensor<2x4096xi32>) -> tensor<i32> {
  ^bb0(%x: tensor<2x4096xi32>):
    %s = gpuos.reduce mean %x axes = [0, 1] : tensor<2x4096xi32> -> tensor<i32>
    gpuos.yield %s : tensor<i32>
  }
  gpuos.return %r : tensor<i32>
}

// A reduction read back broadcast along its rows is stored (a task result
// here, scratch otherwise) and the next stage waits for it at a barrier.
// Every stage reads stored values only within its own row of the domain [6],
// so tiles take whole rows of every stage.
// CHECK-LABEL: // Operator center_task0:
// CHECK:      //   tiles: 1 (from size); tiles take whole rows of the domain [6]
// CHECK-NEXT: //   scratch: 24 bytes
// CHECK-NEXT: extern "C" __device__ void center_task0(const gpuos_task_ctx* ctx) {
// CHECK-NEXT:   if (ctx->scratch_bytes < 24)
// CHECK-NEXT:     __trap();
// CHECK:        float* tmp0 = (float*)((char*)ctx->scratch + 0);
// CHECK:        { // stage 0: reduce
// CHECK-NEXT:     const gpuos_i64 tile = ctx->tile, ntiles = ctx->ntiles;
// CHECK:            out1[row * out1_s0] = [[MEAN:mean[0-9]+]];
// CHECK:        __syncthreads(); // earlier stages stored what later ones read
// CHECK-NEXT:   { // stage 1: reduce
// CHECK:            const float [[X:v[0-9]+]] = in0[row * in0_s0 + col * in0_s1];
// CHECK-NEXT:       const float [[M:v[0-9]+]] = out1[row * out1_s0];
// CHECK-NEXT:       const float [[C:v[0-9]+]] = [[X]] - [[M]];
// CHECK:            tmp0[row] = {{red[0-9]+}};
// CHECK:        __syncthreads(); // earlier stages stored what later ones read
// CHECK-NEXT:   { // stage 2: elementwise over [6, 100]
// CHECK-NEXT:     const gpuos_i64 tile = ctx->tile, ntiles = ctx->ntiles;
// CHECK-NEXT:     const gpuos_i64 end = (6 * (tile + 1) / ntiles) * 100;
// CHECK-NEXT:     for (gpuos_i64 i = (6 * tile / ntiles) * 100 + threadIdx.x; i < end; i += blockDim.x) {
// CHECK-NEXT:       const gpuos_i32 [[R:t[0-9]+]] = ((gpuos_i32)i / 100);
// CHECK:            const float {{v[0-9]+}} = tmp0[[[R]]];
gpuos.graph @center(%x: tensor<6x100xf32>) -> (tensor<6x100xf32>, tensor<6x1xf32>) {
  %r:2 = gpuos.task ins(%x : tensor<6x100xf32>) -> tensor<6x100xf32>, tensor<6x1xf32> {
  ^bb0(%a: tensor<6x100xf32>):
    %m = gpuos.reduce mean %a axes = [1] keepdim : tensor<6x100xf32> -> tensor<6x1xf32>
    %c = gpuos.sub %a, %m : tensor<6x100xf32>, tensor<6x1xf32> -> tensor<6x100xf32>
    %sq = gpuos.mul %c, %c : tensor<6x100xf32>, tensor<6x100xf32> -> tensor<6x100xf32>
    %v = gpuos.reduce sum %sq axes = [1] keepdim : tensor<6x100xf32> -> tensor<6x1xf32>
    %d = gpuos.div %c, %v : tensor<6x100xf32>, tensor<6x1xf32> -> tensor<6x100xf32>
    gpuos.yield %d, %m : tensor<6x100xf32>, tensor<6x1xf32>
  }
  gpuos.return %r#0, %r#1 : tensor<6x100xf32>, tensor<6x1xf32>
}

// Independent reductions batched in one task need no barrier: each stage
// spreads over all tiles. prod and min start from their identities.
// CHECK-LABEL: // Operator batch_task0:
// CHECK:      //   tiles: {{[0-9]+}} (from size); any ctx->ntiles works
// CHECK-NOT:  __syncthreads
// CHECK:      gpuos_i64 [[P:acc[0-9]+]] = 1LL;
// CHECK:      [[P]] *= {{v[0-9]+}};
// CHECK:      float [[N:acc[0-9]+]] = __int_as_float(0x7f800000);
// CHECK:      [[N]] = gpuos_op_min()([[N]], {{v[0-9]+}});
// CHECK:      GPUOS_EXPORT_OP(batch_task0);
gpuos.graph @batch(%a: tensor<32x40xi64>, %b: tensor<32x40xf32>) -> (tensor<32xi64>, tensor<40xf32>) {
  %r:2 = gpuos.task ins(%a, %b : tensor<32x40xi64>, tensor<32x40xf32>) -> tensor<32xi64>, tensor<40xf32> {
  ^bb0(%x: tensor<32x40xi64>, %y: tensor<32x40xf32>):
    %p = gpuos.reduce prod %x axes = [1] : tensor<32x40xi64> -> tensor<32xi64>
    %n = gpuos.reduce min %y axes = [0] : tensor<32x40xf32> -> tensor<40xf32>
    gpuos.yield %p, %n : tensor<32xi64>, tensor<40xf32>
  }
  gpuos.return %r#0, %r#1 : tensor<32xi64>, tensor<40xf32>
}

// An rms_norm feeding a GEMV: the norm is cheap next to the matmul, so every
// tile recomputes it into its own scratch and the matmul's rows still spread
// over all tiles.
// CHECK-LABEL: // Operator norm_gemv_task0:
// CHECK:      //   tiles: 43 (from size); every tile recomputes what later stages read, then takes its share
// CHECK-NEXT: //   scratch: 2048 bytes
// CHECK-NEXT: //   smem: 8192 bytes
// CHECK-NEXT: extern "C" __device__ void norm_gemv_task0(const gpuos_task_ctx* ctx) {
// CHECK-NEXT:   if (ctx->scratch_bytes < 2048)
// CHECK:        { // stage 0: rms_norm
// CHECK-NEXT:     const gpuos_i64 tile = 0, ntiles = 1; // all of it, in this block
// CHECK:              tmp0[col] = {{y[0-9]+}};
// CHECK:        __syncthreads(); // earlier stages stored what later ones read
// CHECK-NEXT:   { // stage 1: matmul at {{.*}}, 43 rows of 32 outputs (a lane each), K = 512 split over the warps
// CHECK-NEXT:     const gpuos_i64 tile = ctx->tile, ntiles = ctx->ntiles;
// CHECK:              const float {{v[0-9]+}} = tmp0[col];
gpuos.graph @norm_gemv(%x: tensor<1x512xf32>, %w: tensor<512xf32>, %up: tensor<512x1376xf32>) -> tensor<1x1376xf32> {
  %r = gpuos.task ins(%x, %w, %up : tensor<1x512xf32>, tensor<512xf32>, tensor<512x1376xf32>) -> tensor<1x1376xf32> {
  ^bb0(%a: tensor<1x512xf32>, %aw: tensor<512xf32>, %au: tensor<512x1376xf32>):
    %n = gpuos.rms_norm %a weight(%aw : tensor<512xf32>) dims = 1 eps = 1.000000e-06 : tensor<1x512xf32>
    %m = gpuos.matmul %n, %au : tensor<1x512xf32>, tensor<512x1376xf32> -> tensor<1x1376xf32>
    %s = gpuos.silu %m : tensor<1x1376xf32>
    gpuos.yield %s : tensor<1x1376xf32>
  }
  gpuos.return %r : tensor<1x1376xf32>
}

// Row sums read back along columns cross domain rows, so a tile cannot own
// whole rows of both stages: tile 0 runs both.
// CHECK-LABEL: // Operator across_task0:
// CHECK:      //   tiles: 1 (from size); stages depend on each other, so tile 0 runs them all
// CHECK:        if (ctx->tile != 0)
// CHECK-NEXT:     return;
// CHECK:        { // stage 1: elementwise over [64, 64]
// CHECK-NEXT:     const gpuos_i64 tile = 0, ntiles = 1; // all of it, in this block
// CHECK:            const gpuos_i32 [[C:t[0-9]+]] = (gpuos_i32)i % 64;
// CHECK:            const float {{v[0-9]+}} = tmp0[[[C]]];
gpuos.graph @across(%x: tensor<64x64xf32>) -> tensor<64x64xf32> {
  %r = gpuos.task ins(%x : tensor<64x64xf32>) -> tensor<64x64xf32> {
  ^bb0(%a: tensor<64x64xf32>):
    %s = gpuos.reduce sum %a axes = [1] : tensor<64x64xf32> -> tensor<64xf32>
    %y = gpuos.add %a, %s : tensor<64x64xf32>, tensor<64xf32> -> tensor<64x64xf32>
    gpuos.yield %y : tensor<64x64xf32>
  }
  gpuos.return %r : tensor<64x64xf32>
}
