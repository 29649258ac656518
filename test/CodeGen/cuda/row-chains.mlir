// RUN: gpuos-translate --gpuos-to-cuda %s | FileCheck %s
// RUN: gpuos-translate --gpuos-to-cuda %s | gpuos-cuda-check -
// REQUIRES: nvrtc
// Numerics: simulate-row-chains.test.

// Independent reductions of the same rows share one loop over them: every
// thread loads its part of all rows (16-byte loads of dense f32 inputs, a
// scalar loop when an input is not dense or aligned) before one block
// reduction combines a slot per warp and reduction.
// CHECK-LABEL: extern "C" __device__ void batch_task0(
// CHECK:      { // stages 0-3 in one loop over 4 rows of 1024, the block per row
// CHECK-NEXT:   // stage 0: reduce at row-chains.mlir:{{[0-9]+}}:{{[0-9]+}}
// CHECK-NEXT:   // stage 1: reduce at {{.*}}, in the column loop of the stage before
// CHECK-NEXT:   // stage 2: reduce at {{.*}}, in the column loop of the stage before
// CHECK-NEXT:   // stage 3: reduce at {{.*}}, in the column loop of the stage before
// CHECK:        for (gpuos_i64 row = 4 * tile / ntiles; row < row_end; row += 1) {
// CHECK-NEXT:     float [[S:acc[0-9]+]] = 0.0f;
// CHECK-NEXT:     float [[M:acc[0-9]+]] = __int_as_float(0xff800000);
// CHECK-NEXT:     float [[N:acc[0-9]+]] = 0.0f;
// CHECK-NEXT:     float [[L:acc[0-9]+]] = __int_as_float(0x7f800000);
// CHECK-NEXT:     if (gpuos_vec4_ok(&ctx->args[0]) && gpuos_vec4_ok(&ctx->args[1]) && gpuos_vec4_ok(&ctx->args[2])) {
// CHECK-NEXT:       const gpuos_i64 base = row * 256;
// CHECK-NEXT:       for (gpuos_i64 q0 = threadIdx.x; q0 < 256; q0 += 2 * blockDim.x) {
// CHECK:                x0[u] = ((const float4*)in0)[base + q];
// CHECK-NEXT:           x1[u] = ((const float4*)in1)[base + q];
// CHECK-NEXT:           x2[u] = ((const float4*)in2)[base + q];
// CHECK:              [[S]] += ((x0[u].x + x0[u].y) + (x0[u].z + x0[u].w));
// CHECK-NEXT:         [[M]] = gpuos_op_max()([[M]], gpuos_op_max()(gpuos_op_max()(x1[u].x, x1[u].y), gpuos_op_max()(x1[u].z, x1[u].w)));
// CHECK-NEXT:         [[N]] += ((x2[u].x + x2[u].y) + (x2[u].z + x2[u].w));
// CHECK-NEXT:         [[L]] = gpuos_op_min()([[L]], gpuos_op_min()(gpuos_op_min()(x0[u].x, x0[u].y), gpuos_op_min()(x0[u].z, x0[u].w)));
// CHECK:          } else {
// CHECK-NEXT:       for (gpuos_i64 col = threadIdx.x; col < 1024; col += blockDim.x) {
// CHECK-NEXT:         const float [[X:v[0-9]+]] = in0[row * in0_s0 + col * in0_s1];
// CHECK-NEXT:         const float [[Y:v[0-9]+]] = in1[row * in1_s0 + col * in1_s1];
// CHECK-NEXT:         const float [[Z:v[0-9]+]] = in2[row * in2_s0 + col * in2_s1];
// CHECK-NEXT:         [[S]] += [[X]];
// CHECK-NEXT:         [[M]] = gpuos_op_max()([[M]], [[Y]]);
// CHECK-NEXT:         [[N]] += [[Z]];
// CHECK-NEXT:         [[L]] = gpuos_op_min()([[L]], [[X]]);
// CHECK:          const float [[WS:red[0-9]+]] = gpuos_warp_reduce([[S]], gpuos_op_sum());
// CHECK-NEXT:     const float [[WM:red[0-9]+]] = gpuos_warp_reduce([[M]], gpuos_op_max());
// CHECK-NEXT:     const float [[WN:red[0-9]+]] = gpuos_warp_reduce([[N]], gpuos_op_sum());
// CHECK-NEXT:     const float [[WL:red[0-9]+]] = gpuos_warp_reduce([[L]], gpuos_op_min());
// CHECK-NEXT:     __syncthreads(); // earlier reductions may still read the slots
// CHECK-NEXT:     if (lane == 0) {
// CHECK-NEXT:       ((float*)((char*)ctx->smem + 0))[warp] = [[WS]];
// CHECK-NEXT:       ((float*)((char*)ctx->smem + 256))[warp] = [[WM]];
// CHECK-NEXT:       ((float*)((char*)ctx->smem + 512))[warp] = [[WN]];
// CHECK-NEXT:       ((float*)((char*)ctx->smem + 768))[warp] = [[WL]];
// CHECK-NEXT:     }
// CHECK-NEXT:     __syncthreads();
// CHECK-NOT:      __syncthreads
// CHECK:          for (unsigned w = 1; w < nwarps; ++w) {
// CHECK-NEXT:       [[TS:red[0-9]+]] = ([[TS]] + ((float*)((char*)ctx->smem + 0))[w]);
// CHECK-NEXT:       [[TM:red[0-9]+]] = gpuos_op_max()([[TM]], ((float*)((char*)ctx->smem + 256))[w]);
// CHECK-NEXT:       [[TN:red[0-9]+]] = ([[TN]] + ((float*)((char*)ctx->smem + 512))[w]);
// CHECK-NEXT:       [[TL:red[0-9]+]] = gpuos_op_min()([[TL]], ((float*)((char*)ctx->smem + 768))[w]);
// CHECK:          out0[row * out0_s0] = [[TS]];
// CHECK:          out1[row * out1_s0] = [[TM]];
// CHECK:          const float [[MEAN:mean[0-9]+]] = [[TN]] / (float)1024;
// CHECK:          out2[row * out2_s0] = [[MEAN]];
// CHECK:          const float [[E:v[0-9]+]] = expf([[TL]]);
// CHECK-NEXT:     out3[row * out3_s0] = [[E]];
// CHECK-LABEL: GPUOS_EXPORT_OP(batch_task0);
gpuos.graph @batch(%a: tensor<4x1024xf32>, %b: tensor<4x1024xf32>, %c: tensor<4x1024xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4x1xf32>, tensor<4xf32>) {
  %r:4 = gpuos.task ins(%a, %b, %c : tensor<4x1024xf32>, tensor<4x1024xf32>, tensor<4x1024xf32>) -> tensor<4xf32>, tensor<4xf32>, tensor<4x1xf32>, tensor<4xf32> {
  ^bb0(%x: tensor<4x1024xf32>, %y: tensor<4x1024xf32>, %z: tensor<4x1024xf32>):
    %s = gpuos.reduce sum %x axes = [1] : tensor<4x1024xf32> -> tensor<4xf32>
    %m = gpuos.reduce max %y axes = [1] : tensor<4x1024xf32> -> tensor<4xf32>
    %n = gpuos.reduce mean %z axes = [1] keepdim : tensor<4x1024xf32> -> tensor<4x1xf32>
    %l = gpuos.reduce min %x axes = [1] : tensor<4x1024xf32> -> tensor<4xf32>
    %e = gpuos.exp %l : tensor<4xf32>
    gpuos.yield %s, %m, %n, %e : tensor<4xf32>, tensor<4xf32>, tensor<4x1xf32>, tensor<4xf32>
  }
  gpuos.return %r#0, %r#1, %r#2, %r#3 : tensor<4xf32>, tensor<4xf32>, tensor<4x1xf32>, tensor<4xf32>
}

// Rows of 250 (no 16-byte path) and a warp per row: shuffles only.
// CHECK-LABEL: extern "C" __device__ void odd_task0(
// CHECK:      { // stages 0-1 in one loop over 8 rows of 250, a warp per row
// CHECK-NOT:  gpuos_vec4_ok
// CHECK:        for (gpuos_i64 row = 8 * tile / ntiles + warp; row < row_end; row += nwarps) {
// CHECK-NEXT:     float [[S:acc[0-9]+]] = 0.0f;
// CHECK-NEXT:     float [[P:acc[0-9]+]] = 1.0f;
// CHECK-NEXT:     for (gpuos_i64 col = lane; col < 250; col += 32) {
// CHECK-NEXT:       const float [[X:v[0-9]+]] = in0[row * in0_s0 + col * in0_s1];
// CHECK-NEXT:       const float [[Y:v[0-9]+]] = in1[row * in1_s0 + col * in1_s1];
// CHECK-NEXT:       [[S]] += [[X]];
// CHECK-NEXT:       [[P]] *= [[Y]];
// CHECK-NEXT:     }
// CHECK-NEXT:     const float [[TS:red[0-9]+]] = gpuos_warp_reduce([[S]], gpuos_op_sum());
// CHECK-NEXT:     const float [[TP:red[0-9]+]] = gpuos_warp_reduce([[P]], gpuos_op_prod());
// CHECK-NEXT:     if (lane == 0) {
// CHECK-NEXT:       out0[row * out0_s0] = [[TS]];
// CHECK-NEXT:     }
// CHECK-NEXT:     if (lane == 0) {
// CHECK-NEXT:       out1[row * out1_s0] = [[TP]];
// CHECK-NEXT:     }
// CHECK-NOT:  __syncthreads
// CHECK-LABEL: GPUOS_EXPORT_OP(odd_task0);
gpuos.graph @odd(%a: tensor<8x250xf32>, %b: tensor<8x250xf32>) -> (tensor<8xf32>, tensor<8xf32>) {
  %r:2 = gpuos.task ins(%a, %b : tensor<8x250xf32>, tensor<8x250xf32>) -> tensor<8xf32>, tensor<8xf32> {
  ^bb0(%x: tensor<8x250xf32>, %y: tensor<8x250xf32>):
    %s = gpuos.reduce sum %x axes = [1] : tensor<8x250xf32> -> tensor<8xf32>
    %p = gpuos.reduce prod %y axes = [1] : tensor<8x250xf32> -> tensor<8xf32>
    gpuos.yield %s, %p : tensor<8xf32>, tensor<8xf32>
  }
  gpuos.return %r#0, %r#1 : tensor<8xf32>, tensor<8xf32>
}

// f16 and bf16 accumulate in float and round once; the scalar loop.
// CHECK-LABEL: extern "C" __device__ void halves_task0(
// CHECK-NOT:  gpuos_vec4_ok
// CHECK:          const float [[X:v[0-9]+]] = gpuos_f16_to_f32(in0[row * in0_s0 + col * in0_s1]);
// CHECK-NEXT:     const float [[Y:v[0-9]+]] = gpuos_bf16_to_f32(in1[row * in1_s0 + col * in1_s1]);
// CHECK:        const float [[R:r[0-9]+]] = gpuos_round_f16([[S:red[0-9]+]]);
// CHECK:          out0[row * out0_s0] = gpuos_f32_to_f16([[R]]);
// CHECK:        const float [[Q:r[0-9]+]] = gpuos_round_bf16([[M:red[0-9]+]]);
// CHECK:          out1[row * out1_s0] = gpuos_f32_to_bf16([[Q]]);
gpuos.graph @halves(%a: tensor<4x300xf16>, %b: tensor<4x300xbf16>) -> (tensor<4xf16>, tensor<4xbf16>) {
  %r:2 = gpuos.task ins(%a, %b : tensor<4x300xf16>, tensor<4x300xbf16>) -> tensor<4xf16>, tensor<4xbf16> {
  ^bb0(%x: tensor<4x300xf16>, %y: tensor<4x300xbf16>):
    %s = gpuos.reduce sum %x axes = [1] : tensor<4x300xf16> -> tensor<4xf16>
    %m = gpuos.reduce max %y axes = [1] : tensor<4x300xbf16> -> tensor<4xbf16>
    gpuos.yield %s, %m : tensor<4xf16>, tensor<4xbf16>
  }
  gpuos.return %r#0, %r#1 : tensor<4xf16>, tensor<4xbf16>
}

// A stage of a row loop that reads a stored value of an earlier stage at
// another element than its own (here y rotated by half a row) gets a block
// barrier first; reads at its own element need none.
// CHECK-LABEL: extern "C" __device__ void rotated_task0(
// CHECK:      { // stages 0-3 in one loop over 4 rows of 512, the block per row
// CHECK-NEXT:   // stage 0: reduce at {{.*}}
// CHECK-NEXT:   // stage 1: elementwise over [4, 512]
// CHECK-NEXT:   // stage 2: reduce at {{.*}}, in the column loop of the stage before
// CHECK-NEXT:   // stage 3: reduce at {{.*}}
// CHECK:            tmp16[row * 512 + col] = [[Y:v[0-9]+]];
// CHECK-NEXT:       {{acc[0-9]+}} += [[Y]];
// CHECK:            out0[row * out0_s0] =
// CHECK-NEXT:     }
// CHECK-NEXT:     __syncthreads(); // earlier stages of the loop stored what this one reads
// CHECK-NEXT:     float {{acc[0-9]+}} = __int_as_float(0xff800000);
// CHECK:              = tmp16[row * 512 + {{t[0-9]+}}];
gpuos.graph @rotated(%a: tensor<4x512xf32>) -> (tensor<4x1xf32>, tensor<4x1xf32>) {
  %r:2 = gpuos.task ins(%a : tensor<4x512xf32>) -> tensor<4x1xf32>, tensor<4x1xf32> {
  ^bb0(%x: tensor<4x512xf32>):
    %s = gpuos.reduce mean %x axes = [1] keepdim : tensor<4x512xf32> -> tensor<4x1xf32>
    %d = gpuos.sub %x, %s : tensor<4x512xf32>, tensor<4x1xf32> -> tensor<4x512xf32>
    %e1 = gpuos.tanh %d : tensor<4x512xf32>
    %e2 = gpuos.mul %e1, %d : tensor<4x512xf32>, tensor<4x512xf32> -> tensor<4x512xf32>
    %e3 = gpuos.sin %e2 : tensor<4x512xf32>
    %e4 = gpuos.add %e3, %e1 : tensor<4x512xf32>, tensor<4x512xf32> -> tensor<4x512xf32>
    %e5 = gpuos.cos %e4 : tensor<4x512xf32>
    %e6 = gpuos.mul %e5, %e4 : tensor<4x512xf32>, tensor<4x512xf32> -> tensor<4x512xf32>
    %e7 = gpuos.tanh %e6 : tensor<4x512xf32>
    %e8 = gpuos.add %e7, %e2 : tensor<4x512xf32>, tensor<4x512xf32> -> tensor<4x512xf32>
    %y = gpuos.sin %e8 : tensor<4x512xf32>
    %r1 = gpuos.reduce sum %y axes = [1] keepdim : tensor<4x512xf32> -> tensor<4x1xf32>
    %hi = gpuos.slice %y starts = [0, 256] limits = [4, 512] strides = [1, 1] : tensor<4x512xf32> -> tensor<4x256xf32>
    %lo = gpuos.slice %y starts = [0, 0] limits = [4, 256] strides = [1, 1] : tensor<4x512xf32> -> tensor<4x256xf32>
    %z = gpuos.concat %hi, %lo axis = 1 : tensor<4x256xf32>, tensor<4x256xf32> -> tensor<4x512xf32>
    %w = gpuos.mul %z, %r1 : tensor<4x512xf32>, tensor<4x1xf32> -> tensor<4x512xf32>
    %r2 = gpuos.reduce max %w axes = [1] keepdim : tensor<4x512xf32> -> tensor<4x1xf32>
    gpuos.yield %r1, %r2 : tensor<4x1xf32>, tensor<4x1xf32>
  }
  gpuos.return %r#0, %r#1 : tensor<4x1xf32>, tensor<4x1xf32>
}
