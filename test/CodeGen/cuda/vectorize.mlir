// RUN: gpuos-translate --gpuos-to-cuda %s | FileCheck %s
// RUN: gpuos-translate --gpuos-to-cuda %s | gpuos-cuda-check -
// REQUIRES: nvrtc

// Same-shape f32 chain: a float4 path taken when every argument is dense and
// 16-byte aligned (checked at run time), a scalar tail for 1001 % 4, and the
// strided scalar loop otherwise. Both results come from one loop. Each thread
// loads four vectors, one step apart, before computing or storing any.
// CHECK-LABEL: extern "C" __device__ void axpy_task0(
// CHECK:      if (gpuos_vec4_ok(&ctx->args[0]) && gpuos_vec4_ok(&ctx->args[1]) && gpuos_vec4_ok(&ctx->args[2]) && gpuos_vec4_ok(&ctx->args[3])) {
// CHECK-NEXT:   for (gpuos_i64 q0 = first; q0 < 250; q0 += 4 * step) {
// CHECK-NEXT:     float4 x0[4];
// CHECK-NEXT:     float4 x1[4];
// CHECK-NEXT:     #pragma unroll
// CHECK-NEXT:     for (int u = 0; u < 4; ++u) {
// CHECK-NEXT:       const gpuos_i64 q = q0 + u * step;
// CHECK-NEXT:       if (q < 250) {
// CHECK-NEXT:         x0[u] = ((const float4*)in0)[q];
// CHECK-NEXT:         x1[u] = ((const float4*)in1)[q];
// CHECK-NEXT:       }
// CHECK-NEXT:     }
// CHECK-NEXT:     #pragma unroll
// CHECK-NEXT:     for (int u = 0; u < 4; ++u) {
// CHECK-NEXT:       const gpuos_i64 q = q0 + u * step;
// CHECK-NEXT:       if (q >= 250)
// CHECK-NEXT:         break;
// CHECK-NEXT:       float4 r0;
// CHECK-NEXT:       float4 r1;
// CHECK-NEXT:       const float [[M:v[0-9]+]] = x0[u].x * 2.0f;
// CHECK-NEXT:       const float [[S:v[0-9]+]] = [[M]] + x1[u].x;
// CHECK-NEXT:       const float [[G:v[0-9]+]] = 1.0f / (1.0f + expf(-[[S]]));
// CHECK-NEXT:       r0.x = [[G]];
// CHECK-NEXT:       r1.x = [[S]];
// CHECK:            r1.w =
// CHECK-NEXT:       ((float4*)out0)[q] = r0;
// CHECK-NEXT:       ((float4*)out1)[q] = r1;
// CHECK-NEXT:     }
// CHECK-NEXT:   }
// CHECK-NEXT:   for (gpuos_i64 i = 1000 + first; i < 1001; i += step) {
// CHECK-NEXT:     const float [[A:v[0-9]+]] = in0[i];
// CHECK-NEXT:     const float [[B:v[0-9]+]] = in1[i];
// CHECK:          out0[i] =
// CHECK-NEXT:     out1[i] =
// CHECK-NEXT:   }
// CHECK-NEXT: } else {
// CHECK-NEXT:   for (gpuos_i64 i = first; i < 1001; i += step) {
// CHECK-NEXT:     const float {{v[0-9]+}} = in0[i * in0_s0];
// CHECK:          out1[i * out1_s0] =
gpuos.graph @axpy(%x: tensor<1001xf32>, %y: tensor<1001xf32>) -> (tensor<1001xf32>, tensor<1001xf32>) {
  %r:2 = gpuos.task ins(%x, %y : tensor<1001xf32>, tensor<1001xf32>) -> tensor<1001xf32>, tensor<1001xf32> {
  ^bb0(%a: tensor<1001xf32>, %b: tensor<1001xf32>):
    %two = gpuos.fill 2.000000e+00 : f32 -> tensor<1001xf32>
    %m = gpuos.mul %a, %two : tensor<1001xf32>, tensor<1001xf32> -> tensor<1001xf32>
    %s = gpuos.add %m, %b : tensor<1001xf32>, tensor<1001xf32> -> tensor<1001xf32>
    %t = gpuos.sigmoid %s : tensor<1001xf32>
    gpuos.yield %t, %s : tensor<1001xf32>, tensor<1001xf32>
  }
  gpuos.return %r#0, %r#1 : tensor<1001xf32>, tensor<1001xf32>
}

// A multiple of 4 needs no tail loop.
// CHECK-LABEL: extern "C" __device__ void exact_task0(
// CHECK:      for (gpuos_i64 q0 = first; q0 < 64; q0 += 4 * step) {
// CHECK:      ((float4*)out0)[q] = r0;
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: } else {
gpuos.graph @exact(%x: tensor<16x16xf32>) -> tensor<16x16xf32> {
  %r = gpuos.task ins(%x : tensor<16x16xf32>) -> tensor<16x16xf32> {
  ^bb0(%a: tensor<16x16xf32>):
    %t = gpuos.tanh %a : tensor<16x16xf32>
    gpuos.yield %t : tensor<16x16xf32>
  }
  gpuos.return %r : tensor<16x16xf32>
}

// Broadcast operands, other dtypes and views keep the scalar loop only.
// CHECK-LABEL: extern "C" __device__ void no_vector_task0(
// CHECK-NOT:  float4
// CHECK:      GPUOS_EXPORT_OP(no_vector_task0);
gpuos.graph @no_vector(%x: tensor<16x16xf32>, %b: tensor<16xf32>) -> tensor<16x16xf32> {
  %r = gpuos.task ins(%x, %b : tensor<16x16xf32>, tensor<16xf32>) -> tensor<16x16xf32> {
  ^bb0(%a: tensor<16x16xf32>, %c: tensor<16xf32>):
    %t = gpuos.add %a, %c : tensor<16x16xf32>, tensor<16xf32> -> tensor<16x16xf32>
    gpuos.yield %t : tensor<16x16xf32>
  }
  gpuos.return %r : tensor<16x16xf32>
}

// Many vector inputs: fewer vectors in flight per thread, so the loaded
// vectors stay within 64 registers (16 / 5 inputs = 3 each, at least 1).
// CHECK-LABEL: extern "C" __device__ void wide_task0(
// CHECK:      for (gpuos_i64 q0 = first; q0 < 64; q0 += 3 * step) {
// CHECK-NEXT:   float4 x0[3];
// CHECK:        float4 x4[3];
gpuos.graph @wide(%a: tensor<256xf32>, %b: tensor<256xf32>, %c: tensor<256xf32>, %d: tensor<256xf32>, %e: tensor<256xf32>) -> tensor<256xf32> {
  %r = gpuos.task ins(%a, %b, %c, %d, %e : tensor<256xf32>, tensor<256xf32>, tensor<256xf32>, tensor<256xf32>, tensor<256xf32>) -> tensor<256xf32> {
  ^bb0(%x0: tensor<256xf32>, %x1: tensor<256xf32>, %x2: tensor<256xf32>, %x3: tensor<256xf32>, %x4: tensor<256xf32>):
    %s0 = gpuos.add %x0, %x1 : tensor<256xf32>, tensor<256xf32> -> tensor<256xf32>
    %s1 = gpuos.add %s0, %x2 : tensor<256xf32>, tensor<256xf32> -> tensor<256xf32>
    %s2 = gpuos.add %s1, %x3 : tensor<256xf32>, tensor<256xf32> -> tensor<256xf32>
    %s3 = gpuos.add %s2, %x4 : tensor<256xf32>, tensor<256xf32> -> tensor<256xf32>
    gpuos.yield %s3 : tensor<256xf32>
  }
  gpuos.return %r : tensor<256xf32>
}
