// RUN: gpuos-translate --gpuos-to-cuda %s | FileCheck %s
// RUN: gpuos-translate --gpuos-to-cuda %s | gpuos-cuda-check -
// REQUIRES: nvrtc

// Splat constants and fills become literals; other dense constants become
// __device__ const arrays (floats as bits) named after the operator, emitted
// before it and indexed by the linearized element index.
// CHECK:      // gpuos.constant at constants.mlir:{{[0-9]+}}:{{[0-9]+}}
// CHECK-NEXT: static __device__ const gpuos_u16 scale_task0_cst0[4] = {
// CHECK-NEXT:     0x3e00, 0xc000, 0x3400, 0x4200,
// CHECK-NEXT: };
// CHECK:      static __device__ const gpuos_i32 scale_task0_cst1[8] = {
// CHECK-NEXT:     1, 2, 3, 4, 5, 6, 7, (-2147483647 - 1),
// CHECK-NEXT: };
// CHECK:      static __device__ const gpuos_u32 scale_task0_cst2[3] = {
// CHECK-NEXT:     0x3f000000, 0xf149f2ca, 0x7f800000,
// CHECK-NEXT: };
// CHECK-LABEL: extern "C" __device__ void scale_task0(
// CHECK:          const float [[W:v[0-9]+]] = gpuos_f16_to_f32(scale_task0_cst0[{{t[0-9]+}}]);
// CHECK:          const gpuos_i32 [[L:t[0-9]+]] = {{t[0-9]+}} * 4 + {{t[0-9]+}};
// CHECK-NEXT:     const gpuos_i32 [[I:v[0-9]+]] = scale_task0_cst1[[[L]]];
// CHECK-NEXT:     const gpuos_i32 {{v[0-9]+}} = [[I]] + (-7);
// CHECK:          const float [[F:v[0-9]+]] = __uint_as_float(scale_task0_cst2[i]);
// CHECK-NEXT:     const float {{v[0-9]+}} = [[F]] * 3.0f;
gpuos.graph @scale(%x: tensor<2x4xf16>) -> (tensor<2x4xf16>, tensor<2x4xi32>, tensor<3xf32>) {
  %r:3 = gpuos.task ins(%x : tensor<2x4xf16>) -> tensor<2x4xf16>, tensor<2x4xi32>, tensor<3xf32> {
  ^bb0(%a: tensor<2x4xf16>):
    %c = gpuos.constant dense<[1.5, -2.0, 0.25, 3.0]> : tensor<4xf16>
    %b = gpuos.broadcast_to %c : tensor<4xf16> -> tensor<2x4xf16>
    %s = gpuos.mul %a, %b : tensor<2x4xf16>, tensor<2x4xf16> -> tensor<2x4xf16>
    %i = gpuos.constant dense<[[1, 2, 3, 4], [5, 6, 7, -2147483648]]> : tensor<2x4xi32>
    %k = gpuos.constant dense<-7> : tensor<2x4xi32>
    %t = gpuos.add %i, %k : tensor<2x4xi32>, tensor<2x4xi32> -> tensor<2x4xi32>
    %f = gpuos.constant dense<[0.5, -1.0e30, 0x7F800000]> : tensor<3xf32>
    %three = gpuos.fill 3.000000e+00 : f32 -> tensor<3xf32>
    %m = gpuos.mul %f, %three : tensor<3xf32>, tensor<3xf32> -> tensor<3xf32>
    gpuos.yield %s, %t, %m : tensor<2x4xf16>, tensor<2x4xi32>, tensor<3xf32>
  }
  gpuos.return %r#0, %r#1, %r#2 : tensor<2x4xf16>, tensor<2x4xi32>, tensor<3xf32>
}

// Booleans and 64-bit integers: i1 arrays hold 0 / 1 bytes read as bool.
// CHECK:      static __device__ const gpuos_u8 flags_task0_cst0[3] = {
// CHECK-NEXT:     1, 0, 1,
// CHECK-LABEL: extern "C" __device__ void flags_task0(
// CHECK:          const bool [[B:v[0-9]+]] = (flags_task0_cst0[i] != 0);
// CHECK-NEXT:     const gpuos_i64 {{v[0-9]+}} = [[B]] ? (-9223372036854775807LL - 1) : 42LL;
gpuos.graph @flags() -> tensor<3xi64> {
  %r = gpuos.task -> tensor<3xi64> {
    %c = gpuos.constant dense<[true, false, true]> : tensor<3xi1>
    %lo = gpuos.fill -9223372036854775808 : i64 -> tensor<3xi64>
    %hi = gpuos.fill 42 : i64 -> tensor<3xi64>
    %s = gpuos.select %c, %lo, %hi : tensor<3xi1>, tensor<3xi64>, tensor<3xi64> -> tensor<3xi64>
    gpuos.yield %s : tensor<3xi64>
  }
  gpuos.return %r : tensor<3xi64>
}
