// RUN: gpuos-translate --gpuos-to-cuda %s | FileCheck %s
// RUN: gpuos-translate --gpuos-to-cuda %s | gpuos-cuda-check -
// REQUIRES: nvrtc

// layer_norm + gelu + residual (a transformer block's tail): a warp per row;
// 768 values per row would spill from registers (24 per lane), so the warp
// rereads the row (from L1) in three passes: mean, centered variance, then
// the normalized value with the epilogue applied as each element is written.
// CHECK-LABEL: extern "C" __device__ void ln_gelu_task0(
// CHECK:        { // stage 0: layer_norm at {{.*}}, 8 rows of 768, a warp per row
// CHECK:          float [[S:s[0-9]+]] = 0.0f;
// CHECK-NEXT:     for (gpuos_i64 col = lane; col < 768; col += 32) {
// CHECK-NEXT:       const float [[X:v[0-9]+]] = in0[row * in0_s0 + col * in0_s1];
// CHECK-NEXT:       [[S]] += [[X]];
// CHECK-NEXT:     }
// CHECK-NEXT:     const float [[SUM:red[0-9]+]] = gpuos_warp_reduce([[S]], gpuos_op_sum());
// CHECK-NEXT:     const float [[MEAN:mean[0-9]+]] = [[SUM]] / 768.0f;
// CHECK-NEXT:     float [[Q:q[0-9]+]] = 0.0f;
// CHECK-NEXT:     for (gpuos_i64 col = lane; col < 768; col += 32) {
// CHECK-NEXT:       const float [[X2:v[0-9]+]] = in0[row * in0_s0 + col * in0_s1];
// CHECK-NEXT:       const float [[D:d[0-9]+]] = [[X2]] - [[MEAN]];
// CHECK-NEXT:       [[Q]] += [[D]] * [[D]];
// CHECK-NEXT:     }
// CHECK-NEXT:     const float [[VAR:red[0-9]+]] = gpuos_warp_reduce([[Q]], gpuos_op_sum());
// CHECK-NEXT:     const float [[RSTD:rstd[0-9]+]] = rsqrtf([[VAR]] / 768.0f + 1e-05f);
// CHECK-NEXT:     for (gpuos_i64 col = lane; col < 768; col += 32) {
// CHECK-NEXT:       const float [[X3:v[0-9]+]] = in0[row * in0_s0 + col * in0_s1];
// CHECK-NEXT:       const float [[W:v[0-9]+]] = in1[col * in1_s0];
// CHECK-NEXT:       const float [[B:v[0-9]+]] = in2[col * in2_s0];
// CHECK-NEXT:       const float [[Y:y[0-9]+]] = ([[X3]] - [[MEAN]]) * [[RSTD]] * [[W]] + [[B]];
// CHECK-NEXT:       const float [[G:v[0-9]+]] = 0.5f * [[Y]] * (1.0f + tanhf(0.797884561f * ([[Y]] + 0.044715f * [[Y]] * [[Y]] * [[Y]])));
// CHECK-NEXT:       const float [[R:v[0-9]+]] = in3[row * in3_s0 + col * in3_s1];
// CHECK-NEXT:       const float [[O:v[0-9]+]] = [[G]] + [[R]];
// CHECK-NEXT:       out0[row * out0_s0 + col * out0_s1] = [[O]];
gpuos.graph @ln_gelu(%x: tensor<8x768xf32>, %w: tensor<768xf32>, %b: tensor<768xf32>, %res: tensor<8x768xf32>) -> tensor<8x768xf32> {
  %r = gpuos.task ins(%x, %w, %b, %res : tensor<8x768xf32>, tensor<768xf32>, tensor<768xf32>, tensor<8x768xf32>) -> tensor<8x768xf32> {
  ^bb0(%a: tensor<8x768xf32>, %aw: tensor<768xf32>, %ab: tensor<768xf32>, %ar: tensor<8x768xf32>):
    %y = gpuos.layer_norm %a weight(%aw : tensor<768xf32>) bias(%ab : tensor<768xf32>) dims = 1 eps = 1.000000e-05 : tensor<8x768xf32>
    %g = gpuos.gelu tanh %y : tensor<8x768xf32>
    %o = gpuos.add %g, %ar : tensor<8x768xf32>, tensor<8x768xf32> -> tensor<8x768xf32>
    gpuos.yield %o : tensor<8x768xf32>
  }
  gpuos.return %r : tensor<8x768xf32>
}

// layer_norm over two trailing dims without affine parameters: columns are
// the flattened [4, 8] and the weightless output is (x - mean) * rstd.
// CHECK-LABEL: extern "C" __device__ void ln2d_task0(
// CHECK:        { // stage 0: layer_norm at {{.*}}, 3 rows of 32, a warp per row, row in registers
// CHECK:            const gpuos_i32 [[C0:t[0-9]+]] = ((gpuos_i32)col / 8);
// CHECK-NEXT:       const gpuos_i32 [[C1:t[0-9]+]] = (gpuos_i32)col % 8;
// CHECK-NEXT:       const float {{v[0-9]+}} = in0[row * in0_s0 + [[C0]] * in0_s1 + [[C1]] * in0_s2];
// CHECK:            const float [[Y:y[0-9]+]] = (v[j] - {{mean[0-9]+}}) * {{rstd[0-9]+}};
// CHECK-NEXT:       out0[row * out0_s0 + {{t[0-9]+}} * out0_s1 + {{t[0-9]+}} * out0_s2] = [[Y]];
gpuos.graph @ln2d(%x: tensor<3x4x8xf32>) -> tensor<3x4x8xf32> {
  %r = gpuos.task ins(%x : tensor<3x4x8xf32>) -> tensor<3x4x8xf32> {
  ^bb0(%a: tensor<3x4x8xf32>):
    %y = gpuos.layer_norm %a dims = 2 eps = 1.000000e-05 : tensor<3x4x8xf32>
    gpuos.yield %y : tensor<3x4x8xf32>
  }
  gpuos.return %r : tensor<3x4x8xf32>
}

// rms_norm of one long f16 row (decode): the block per row, two passes.
// CHECK-LABEL: extern "C" __device__ void rms_task0(
// CHECK:        { // stage 0: rms_norm at {{.*}}, 1 rows of 4096, the block per row
// CHECK:          float [[Q:q[0-9]+]] = 0.0f;
// CHECK-NEXT:     for (gpuos_i64 col = threadIdx.x; col < 4096; col += blockDim.x) {
// CHECK-NEXT:       const float [[X:v[0-9]+]] = gpuos_f16_to_f32(in0[col * in0_s1]);
// CHECK-NEXT:       [[Q]] += [[X]] * [[X]];
// CHECK-NEXT:     }
// CHECK-NEXT:     const float [[SS:red[0-9]+]] = gpuos_block_reduce([[Q]], gpuos_op_sum(), ctx->smem);
// CHECK-NEXT:     const float [[RSTD:rstd[0-9]+]] = rsqrtf([[SS]] / 4096.0f + 1e-06f);
// CHECK-NEXT:     for (gpuos_i64 col = threadIdx.x; col < 4096; col += blockDim.x) {
// CHECK-NEXT:       const float [[X2:v[0-9]+]] = gpuos_f16_to_f32(in0[col * in0_s1]);
// CHECK-NEXT:       const float [[W:v[0-9]+]] = gpuos_f16_to_f32(in1[col * in1_s0]);
// CHECK-NEXT:       const float [[Y:y[0-9]+]] = gpuos_round_f16([[X2]] * [[RSTD]] * [[W]]);
// CHECK-NEXT:       out0[col * out0_s1] = gpuos_f32_to_f16([[Y]]);
gpuos.graph @rms(%x: tensor<1x4096xf16>, %w: tensor<4096xf16>) -> tensor<1x4096xf16> {
  %r = gpuos.task ins(%x, %w : tensor<1x4096xf16>, tensor<4096xf16>) -> tensor<1x4096xf16> {
  ^bb0(%a: tensor<1x4096xf16>, %aw: tensor<4096xf16>):
    %y = gpuos.rms_norm %a weight(%aw : tensor<4096xf16>) dims = 1 eps = 1.000000e-06 : tensor<1x4096xf16>
    gpuos.yield %y : tensor<1x4096xf16>
  }
  gpuos.return %r : tensor<1x4096xf16>
}

// rms_norm of 256-wide rows, held in registers (8 values per lane, the
// loops fully unrolled), with a SiLU-gated epilogue reading a second input.
// CHECK-LABEL: extern "C" __device__ void rms_gate_task0(
// CHECK:        { // stage 0: rms_norm at {{.*}}, 4 rows of 256, a warp per row, row in registers
// CHECK:          float v[8];
// CHECK-NEXT:     #pragma unroll
// CHECK-NEXT:     for (int j = 0; j < 8; ++j) {
// CHECK-NEXT:       const gpuos_i64 col = lane + 32 * j;
// CHECK-NEXT:       const float [[X:v[0-9]+]] = in0[row * in0_s0 + col * in0_s1];
// CHECK-NEXT:       v[j] = [[X]];
// CHECK-NEXT:     }
// CHECK-NEXT:     float [[Q:q[0-9]+]] = 0.0f;
// CHECK-NEXT:     #pragma unroll
// CHECK-NEXT:     for (int j = 0; j < 8; ++j) {
// CHECK-NEXT:       [[Q]] += v[j] * v[j];
// CHECK:            const float [[Y:y[0-9]+]] = v[j] * {{rstd[0-9]+}} * {{v[0-9]+}};
// CHECK-NEXT:       const float [[G:v[0-9]+]] = in2[row * in2_s0 + col * in2_s1];
// CHECK-NEXT:       const float [[S:v[0-9]+]] = [[G]] / (1.0f + expf(-[[G]]));
// CHECK-NEXT:       const float [[O:v[0-9]+]] = [[Y]] * [[S]];
// CHECK-NEXT:       out0[row * out0_s0 + col * out0_s1] = [[O]];
gpuos.graph @rms_gate(%x: tensor<4x256xf32>, %w: tensor<256xf32>, %g: tensor<4x256xf32>) -> tensor<4x256xf32> {
  %r = gpuos.task ins(%x, %w, %g : tensor<4x256xf32>, tensor<256xf32>, tensor<4x256xf32>) -> tensor<4x256xf32> {
  ^bb0(%a: tensor<4x256xf32>, %aw: tensor<256xf32>, %ag: tensor<4x256xf32>):
    %y = gpuos.rms_norm %a weight(%aw : tensor<256xf32>) dims = 1 eps = 1.000000e-06 : tensor<4x256xf32>
    %s = gpuos.silu %ag : tensor<4x256xf32>
    %o = gpuos.mul %y, %s : tensor<4x256xf32>, tensor<4x256xf32> -> tensor<4x256xf32>
    gpuos.yield %o : tensor<4x256xf32>
  }
  gpuos.return %r : tensor<4x256xf32>
}
