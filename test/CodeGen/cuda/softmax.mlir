// RUN: gpuos-translate --gpuos-to-cuda %s | FileCheck %s
// RUN: gpuos-translate --gpuos-to-cuda %s | gpuos-cuda-check -
// REQUIRES: nvrtc

// A row that fits in registers (128 = 4 x 32): one warp per row, the scaled
// input (the prologue) computed once into v[], exp kept in place, the
// epilogue (cast to f16) applied as the row is written.
// CHECK-LABEL: // Operator probs_task0:
// CHECK:      //   tiles: 2 (from size); any ctx->ntiles works
// CHECK:      { // stage 0: softmax at softmax.mlir:{{[0-9]+}}:{{[0-9]+}}, 12 rows of 128, a warp per row, row in registers
// CHECK:        for (gpuos_i64 row = 12 * tile / ntiles + warp; row < row_end; row += nwarps) {
// CHECK-NEXT:     float v[4];
// CHECK-NEXT:     #pragma unroll
// CHECK-NEXT:     for (int j = 0; j < 4; ++j) {
// CHECK-NEXT:       const gpuos_i64 col = lane + 32 * j;
// CHECK-NEXT:       const float [[X:v[0-9]+]] = in0[row * in0_s0 + col * in0_s1];
// CHECK-NEXT:       const float [[S:v[0-9]+]] = [[X]] * 0.125f;
// CHECK-NEXT:       v[j] = [[S]];
// CHECK-NEXT:     }
// CHECK-NEXT:     float [[M:m[0-9]+]] = __int_as_float(0xff800000);
// CHECK-NEXT:     #pragma unroll
// CHECK-NEXT:     for (int j = 0; j < 4; ++j) {
// CHECK-NEXT:       [[M]] = fmaxf([[M]], v[j]);
// CHECK-NEXT:     }
// CHECK-NEXT:     const float [[MAX:red[0-9]+]] = gpuos_warp_reduce([[M]], gpuos_op_max());
// CHECK-NEXT:     float [[SUM:s[0-9]+]] = 0.0f;
// CHECK-NEXT:     #pragma unroll
// CHECK-NEXT:     for (int j = 0; j < 4; ++j) {
// CHECK-NEXT:       v[j] = expf(v[j] - [[MAX]]);
// CHECK-NEXT:       [[SUM]] += v[j];
// CHECK-NEXT:     }
// CHECK-NEXT:     const float [[TOT:red[0-9]+]] = gpuos_warp_reduce([[SUM]], gpuos_op_sum());
// CHECK-NEXT:     const float [[INV:inv[0-9]+]] = 1.0f / [[TOT]];
// CHECK-NEXT:     #pragma unroll
// CHECK-NEXT:     for (int j = 0; j < 4; ++j) {
// CHECK-NEXT:       const gpuos_i64 col = lane + 32 * j;
// CHECK-NEXT:       const float [[Y:y[0-9]+]] = v[j] * [[INV]];
// CHECK-NEXT:       const float [[H:v[0-9]+]] = gpuos_round_f16([[Y]]);
// CHECK-NEXT:       out0[row * out0_s0 + col * out0_s1] = gpuos_f32_to_f16([[H]]);
// CHECK-NEXT:     }
gpuos.graph @probs(%s: tensor<12x128xf32>) -> tensor<12x128xf16> {
  %r = gpuos.task ins(%s : tensor<12x128xf32>) -> tensor<12x128xf16> {
  ^bb0(%x: tensor<12x128xf32>):
    %c = gpuos.fill 1.250000e-01 : f32 -> tensor<12x128xf32>
    %y = gpuos.mul %x, %c : tensor<12x128xf32>, tensor<12x128xf32> -> tensor<12x128xf32>
    %p = gpuos.softmax %y axis = 1 : tensor<12x128xf32>
    %h = gpuos.cast %p : tensor<12x128xf32> -> tensor<12x128xf16>
    gpuos.yield %h : tensor<12x128xf16>
  }
  gpuos.return %r : tensor<12x128xf16>
}

// A row longer than registers hold: the block per row, three passes that
// reread the input, block reductions through ctx->smem.
// CHECK-LABEL: extern "C" __device__ void wide_task0(
// CHECK:        { // stage 0: softmax at {{.*}}, 2 rows of 3000, the block per row
// CHECK:          float [[M:m[0-9]+]] = __int_as_float(0xff800000);
// CHECK-NEXT:     for (gpuos_i64 col = threadIdx.x; col < 3000; col += blockDim.x) {
// CHECK-NEXT:       const float [[X:v[0-9]+]] = gpuos_bf16_to_f32(in0[row * in0_s0 + col * in0_s1]);
// CHECK-NEXT:       [[M]] = fmaxf([[M]], [[X]]);
// CHECK-NEXT:     }
// CHECK-NEXT:     const float [[MAX:red[0-9]+]] = gpuos_block_reduce([[M]], gpuos_op_max(), ctx->smem);
// CHECK-NEXT:     float [[S:s[0-9]+]] = 0.0f;
// CHECK-NEXT:     for (gpuos_i64 col = threadIdx.x; col < 3000; col += blockDim.x) {
// CHECK-NEXT:       const float [[X2:v[0-9]+]] = gpuos_bf16_to_f32(
// CHECK-NEXT:       [[S]] += expf([[X2]] - [[MAX]]);
// CHECK-NEXT:     }
// CHECK-NEXT:     const float [[TOT:red[0-9]+]] = gpuos_block_reduce([[S]], gpuos_op_sum(), ctx->smem);
// CHECK-NEXT:     const float [[INV:inv[0-9]+]] = 1.0f / [[TOT]];
// CHECK-NEXT:     for (gpuos_i64 col = threadIdx.x; col < 3000; col += blockDim.x) {
// CHECK-NEXT:       const float [[X3:v[0-9]+]] = gpuos_bf16_to_f32(
// CHECK-NEXT:       const float [[Y:y[0-9]+]] = gpuos_round_bf16(expf([[X3]] - [[MAX]]) * [[INV]]);
// CHECK-NEXT:       out0[row * out0_s0 + col * out0_s1] = gpuos_f32_to_bf16([[Y]]);
gpuos.graph @wide(%s: tensor<2x3000xbf16>) -> tensor<2x3000xbf16> {
  %r = gpuos.task ins(%s : tensor<2x3000xbf16>) -> tensor<2x3000xbf16> {
  ^bb0(%x: tensor<2x3000xbf16>):
    %p = gpuos.softmax %x axis = 1 : tensor<2x3000xbf16>
    gpuos.yield %p : tensor<2x3000xbf16>
  }
  gpuos.return %r : tensor<2x3000xbf16>
}

// Softmax over a middle axis: rows are (d0, d2), columns d1; a short row
// (7) is guarded in its single register slot, and padded with -inf.
// CHECK-LABEL: extern "C" __device__ void middle_task0(
// CHECK:        { // stage 0: softmax at {{.*}}, 15 rows of 7, a warp per row, row in registers
// CHECK:          const gpuos_i32 [[D0:t[0-9]+]] = ((gpuos_i32)row / 3);
// CHECK-NEXT:     const gpuos_i32 [[D2:t[0-9]+]] = (gpuos_i32)row % 3;
// CHECK-NEXT:     float v[1];
// CHECK-NEXT:     #pragma unroll
// CHECK-NEXT:     for (int j = 0; j < 1; ++j) {
// CHECK-NEXT:       const gpuos_i64 col = lane + 32 * j;
// CHECK-NEXT:       v[j] = __int_as_float(0xff800000);
// CHECK-NEXT:       if (col < 7) {
// CHECK-NEXT:         const float [[X:v[0-9]+]] = in0[[[D0]] * in0_s0 + col * in0_s1 + [[D2]] * in0_s2];
// CHECK:            out0[[[D0]] * out0_s0 + col * out0_s1 + [[D2]] * out0_s2] =
gpuos.graph @middle(%s: tensor<5x7x3xf32>) -> tensor<5x7x3xf32> {
  %r = gpuos.task ins(%s : tensor<5x7x3xf32>) -> tensor<5x7x3xf32> {
  ^bb0(%x: tensor<5x7x3xf32>):
    %p = gpuos.softmax %x axis = 1 : tensor<5x7x3xf32>
    gpuos.yield %p : tensor<5x7x3xf32>
  }
  gpuos.return %r : tensor<5x7x3xf32>
}
