// RUN: gpuos-translate --gpuos-to-cuda %s | FileCheck %s
// RUN: gpuos-translate --gpuos-to-cuda %s | gpuos-cuda-check -
// REQUIRES: nvrtc

// Small-M matmuls take several rows per pass, each with its own accumulator,
// so that a lane's loads for all of them are in flight together.

// K-contiguous operands (transposed rhs), M = 3, K = 40 (not a multiple of
// the warp), the lhs batch broadcast over the rhs batch: a warp takes 8 of
// its tile's 240 rows per pass; rows past the tile's end repeat its last
// row and store nothing.
// CHECK-LABEL: extern "C" __device__ void rows_t_task0(
// CHECK:        { // stage 0: matmul at {{.*}}, 240 rows of 40, a warp per row
// CHECK:          for (gpuos_i64 row = 240 * tile / ntiles + warp * 8; row < row_end; row += nwarps * 8) {
// CHECK-NEXT:       const gpuos_i32 [[B0:t[0-9]+]] = ((gpuos_i32)row / 120);
// CHECK-NEXT:       const gpuos_i32 [[M0:t[0-9]+]] = ((gpuos_i32)row / 40) % 3;
// CHECK-NEXT:       const gpuos_i32 [[N0:t[0-9]+]] = (gpuos_i32)row % 40;
// CHECK-NEXT:       const gpuos_i64 row_1 = row + 1 < row_end ? row + 1 : row_end - 1;
// CHECK-NEXT:       const gpuos_i32 [[B1:t[0-9]+]] = ((gpuos_i32)row_1 / 120);
// CHECK-NEXT:       const gpuos_i32 [[M1:t[0-9]+]] = ((gpuos_i32)row_1 / 40) % 3;
// CHECK-NEXT:       const gpuos_i32 [[N1:t[0-9]+]] = (gpuos_i32)row_1 % 40;
// CHECK:            const gpuos_i64 row_7 = row + 7 < row_end ? row + 7 : row_end - 1;
// CHECK:            float [[ACC0:acc[0-9]+]] = 0.0f;
// CHECK-NEXT:       float [[ACC1:acc[0-9]+]] = 0.0f;
// CHECK:            #pragma unroll
// CHECK-NEXT:       for (gpuos_i64 col = lane; col < 40; col += 32) {
// CHECK-NEXT:         const float [[A0:v[0-9]+]] = in0[[[M0]] * in0_s1 + col * in0_s2];
// CHECK-NEXT:         const float [[W0:v[0-9]+]] = in1[[[B0]] * in1_s0 + [[N0]] * in1_s1 + col * in1_s2];
// CHECK-NEXT:         const float [[P0:p[0-9]+]] = [[A0]] * [[W0]];
// CHECK-NEXT:         [[ACC0]] += [[P0]];
// CHECK-NEXT:         const float [[A1:v[0-9]+]] = in0[[[M1]] * in0_s1 + col * in0_s2];
// CHECK-NEXT:         const float [[W1:v[0-9]+]] = in1[[[B1]] * in1_s0 + [[N1]] * in1_s1 + col * in1_s2];
// CHECK-NEXT:         const float [[P1:p[0-9]+]] = [[A1]] * [[W1]];
// CHECK-NEXT:         [[ACC1]] += [[P1]];
// CHECK:            const float [[R0:red[0-9]+]] = gpuos_warp_reduce([[ACC0]], gpuos_op_sum());
// CHECK-NEXT:       const float [[R1:red[0-9]+]] = gpuos_warp_reduce([[ACC1]], gpuos_op_sum());
// CHECK:            if (lane == 0) {
// CHECK-NEXT:         out0[[[B0]] * out0_s0 + [[M0]] * out0_s1 + [[N0]] * out0_s2] = [[R0]];
// CHECK-NEXT:         if (row + 1 < row_end) {
// CHECK-NEXT:           out0[[[B1]] * out0_s0 + [[M1]] * out0_s1 + [[N1]] * out0_s2] = [[R1]];
// CHECK-NEXT:         }
gpuos.graph @rows_t(%a: tensor<1x3x40xf32>, %b: tensor<2x40x40xf32>) -> tensor<2x3x40xf32> {
  %r = gpuos.task ins(%a, %b : tensor<1x3x40xf32>, tensor<2x40x40xf32>) -> tensor<2x3x40xf32> attributes {gpuos.tiles = 1 : i64} {
  ^bb0(%x: tensor<1x3x40xf32>, %y: tensor<2x40x40xf32>):
    %m = gpuos.matmul %x, %y transpose_rhs : tensor<1x3x40xf32>, tensor<2x40x40xf32> -> tensor<2x3x40xf32>
    gpuos.yield %m : tensor<2x3x40xf32>
  }
  gpuos.return %r : tensor<2x3x40xf32>
}

// Row-major rhs broadcast over the lhs batch, K = 72: the block takes two
// rows of 32 outputs per pass (27 rows: the last pass repeats its first),
// warp r % nwarps sums row r's partials.
// CHECK-LABEL: extern "C" __device__ void rows_n_task0(
// CHECK:        { // stage 0: matmul at {{.*}}, 27 rows of 32 outputs (a lane each), K = 72 split over the warps
// CHECK:          for (gpuos_i64 row = 27 * tile / ntiles; row < row_end; row += 2) {
// CHECK-NEXT:       const gpuos_i64 item = row * 32 + lane;
// CHECK-NEXT:       const gpuos_i32 [[B0:t[0-9]+]] = ((gpuos_i32)item / 288);
// CHECK-NEXT:       const gpuos_i32 [[M0:t[0-9]+]] = ((gpuos_i32)item / 96) % 3;
// CHECK-NEXT:       const gpuos_i32 [[N0:t[0-9]+]] = (gpuos_i32)item % 96;
// CHECK-NEXT:       const gpuos_i64 row_1 = row + 1 < row_end ? row + 1 : row_end - 1;
// CHECK-NEXT:       const gpuos_i64 item_1 = row_1 * 32 + lane;
// CHECK:            float [[ACC0:acc[0-9]+]] = 0.0f;
// CHECK-NEXT:       float [[ACC1:acc[0-9]+]] = 0.0f;
// CHECK-NEXT:       #pragma unroll 16
// CHECK-NEXT:       for (gpuos_i64 col = warp; col < 72; col += nwarps) {
// CHECK-NEXT:         const float {{v[0-9]+}} = in0[[[B0]] * in0_s0 + [[M0]] * in0_s1 + col * in0_s2];
// CHECK-NEXT:         const float {{v[0-9]+}} = in1[col * in1_s1 + [[N0]] * in1_s2];
// CHECK:            ((float*)ctx->smem)[warp * 32 + lane] = [[ACC0]];
// CHECK-NEXT:       ((float*)ctx->smem)[(1 * nwarps + warp) * 32 + lane] = [[ACC1]];
// CHECK-NEXT:       __syncthreads();
// CHECK-NEXT:       if (warp == 0) {
// CHECK-NEXT:         float [[S0:red[0-9]+]] = ((float*)ctx->smem)[lane];
// CHECK:              out0[[[B0]] * out0_s0 + [[M0]] * out0_s1 + [[N0]] * out0_s2] = [[S0]];
// CHECK-NEXT:       }
// CHECK-NEXT:       if (warp == 1 % nwarps && row + 1 < row_end) {
// CHECK-NEXT:         float [[S1:red[0-9]+]] = ((float*)ctx->smem)[1 * nwarps * 32 + lane];
// CHECK-NEXT:         for (unsigned w = 1; w < nwarps; ++w)
// CHECK-NEXT:           [[S1]] += ((float*)ctx->smem)[(1 * nwarps + w) * 32 + lane];
// CHECK:            __syncthreads(); // the partials are read before the next pass
gpuos.graph @rows_n(%a: tensor<3x3x72xf32>, %b: tensor<1x72x96xf32>) -> tensor<3x3x96xf32> {
  %r = gpuos.task ins(%a, %b : tensor<3x3x72xf32>, tensor<1x72x96xf32>) -> tensor<3x3x96xf32> attributes {gpuos.tiles = 1 : i64} {
  ^bb0(%x: tensor<3x3x72xf32>, %y: tensor<1x72x96xf32>):
    %m = gpuos.matmul %x, %y : tensor<3x3x72xf32>, tensor<1x72x96xf32> -> tensor<3x3x96xf32>
    gpuos.yield %m : tensor<3x3x96xf32>
  }
  gpuos.return %r : tensor<3x3x96xf32>
}

// Half precision on the same paths (M below the tensor cores' 16): bf16
// with a row-major rhs and an epilogue, f16 with a transposed rhs; sums
// accumulate in f32 and round once.
// CHECK-LABEL: extern "C" __device__ void rows_half_task0(
// CHECK:        { // stage 0: matmul at {{.*}}, 8 rows of 32 outputs (a lane each), K = 200 split over the warps
// CHECK:            const float [[R:r[0-9]+]] = gpuos_round_bf16({{red[0-9]+}});
// CHECK:        { // stage 1: matmul at {{.*}}, 132 rows of 48, a warp per row
// CHECK:            const float {{r[0-9]+}} = gpuos_round_f16({{red[0-9]+}});
gpuos.graph @rows_half(%x: tensor<4x200xbf16>, %w: tensor<200x64xbf16>, %q: tensor<2x2x48xf16>, %k: tensor<2x33x48xf16>) -> (tensor<4x64xbf16>, tensor<2x2x33xf16>) {
  %r:2 = gpuos.task ins(%x, %w, %q, %k : tensor<4x200xbf16>, tensor<200x64xbf16>, tensor<2x2x48xf16>, tensor<2x33x48xf16>) -> tensor<4x64xbf16>, tensor<2x2x33xf16> attributes {gpuos.tiles = 2 : i64} {
  ^bb0(%ax: tensor<4x200xbf16>, %aw: tensor<200x64xbf16>, %aq: tensor<2x2x48xf16>, %ak: tensor<2x33x48xf16>):
    %m = gpuos.matmul %ax, %aw : tensor<4x200xbf16>, tensor<200x64xbf16> -> tensor<4x64xbf16>
    %s = gpuos.silu %m : tensor<4x64xbf16>
    %t = gpuos.matmul %aq, %ak transpose_rhs : tensor<2x2x48xf16>, tensor<2x33x48xf16> -> tensor<2x2x33xf16>
    gpuos.yield %s, %t : tensor<4x64xbf16>, tensor<2x2x33xf16>
  }
  gpuos.return %r#0, %r#1 : tensor<4x64xbf16>, tensor<2x2x33xf16>
}
