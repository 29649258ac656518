// RUN: gpuos-translate --gpuos-to-cuda %s | FileCheck %s
// RUN: gpuos-translate --gpuos-to-cuda %s | gpuos-cuda-check -
// REQUIRES: nvrtc

// The file starts with the ABI header and the helpers, once.
// CHECK: #include "gpuos/device_abi.h"
// CHECK: static __device__ __forceinline__ float gpuos_f16_to_f32(
// CHECK: gpuos_block_reduce(

// A broadcast chain fuses into one grid-stride loop over the result; the
// [256] operand is read with the row index dropped (stride 0 on dim 0).
// CHECK-LABEL: // Operator bias_relu_task0: gpuos.task at elementwise.mlir:
// CHECK-NEXT: //   ops:
// CHECK-NEXT: //     add (elementwise.mlir:{{[0-9]+}}:{{[0-9]+}}), relu (elementwise.mlir:{{[0-9]+}}:{{[0-9]+}})
// CHECK-NEXT: //   args (ctx->args[i]: task inputs, then task results):
// CHECK-NEXT: //     [0] in0: tensor<64x256xf32>
// CHECK-NEXT: //     [1] in1: tensor<256xf32>
// CHECK-NEXT: //     [2] out0: tensor<64x256xf32>
// CHECK-NEXT: //   tiles: 8 (from size); any ctx->ntiles works
// CHECK-NEXT: extern "C" __device__ void bias_relu_task0(const gpuos_task_ctx* ctx) {
// CHECK:        const float* in1 = (const float*)ctx->args[1].data;
// CHECK:        float* out0 = (float*)ctx->args[2].data;
// CHECK:        for (gpuos_i64 i = first; i < 16384; i += step) {
// CHECK-NEXT:     const gpuos_i32 [[R:t[0-9]+]] = ((gpuos_i32)i / 256);
// CHECK-NEXT:     const gpuos_i32 [[C:t[0-9]+]] = (gpuos_i32)i % 256;
// CHECK-NEXT:     const float [[X:v[0-9]+]] = in0[[[R]] * in0_s0 + [[C]] * in0_s1];
// CHECK-NEXT:     const float [[B:v[0-9]+]] = in1[[[C]] * in1_s0];
// CHECK-NEXT:     const float [[S:v[0-9]+]] = [[X]] + [[B]];
// CHECK-NEXT:     const float [[Y:v[0-9]+]] = ([[S]] < 0.0f ? 0.0f : [[S]]);
// CHECK-NEXT:     out0[[[R]] * out0_s0 + [[C]] * out0_s1] = [[Y]];
// CHECK-NEXT:   }
// CHECK:      GPUOS_EXPORT_OP(bias_relu_task0);
gpuos.graph @bias_relu(%a: tensor<64x256xf32>, %b: tensor<256xf32>) -> tensor<64x256xf32> {
  %r = gpuos.task ins(%a, %b : tensor<64x256xf32>, tensor<256xf32>) -> tensor<64x256xf32> {
  ^bb0(%x: tensor<64x256xf32>, %y: tensor<256xf32>):
    %s = gpuos.add %x, %y : tensor<64x256xf32>, tensor<256xf32> -> tensor<64x256xf32>
    %t = gpuos.relu %s : tensor<64x256xf32>
    gpuos.yield %t : tensor<64x256xf32>
  }
  gpuos.return %r : tensor<64x256xf32>
}

// Compare and select with a column operand ([4, 1]) and a scalar operand;
// a value used twice is computed once.
// CHECK-LABEL: extern "C" __device__ void clamp_task0(
// CHECK:        for (gpuos_i64 i = first; i < 32; i += step) {
// CHECK-NEXT:     const gpuos_i32 [[R:t[0-9]+]] = ((gpuos_i32)i / 8);
// CHECK-NEXT:     const gpuos_i32 [[C:t[0-9]+]] = (gpuos_i32)i % 8;
// CHECK-NEXT:     const float [[X:v[0-9]+]] = in0[[[R]] * in0_s0 + [[C]] * in0_s1];
// CHECK-NEXT:     const float [[L:v[0-9]+]] = in1[[[R]] * in1_s0];
// CHECK-NEXT:     const bool [[P:v[0-9]+]] = [[X]] > [[L]];
// CHECK-NEXT:     const float [[N:v[0-9]+]] = in2[0];
// CHECK-NEXT:     const float [[M:v[0-9]+]] = fminf([[X]], [[N]]);
// CHECK-NEXT:     const float [[Z:v[0-9]+]] = [[P]] ? [[M]] : (-1.0f);
// CHECK-NEXT:     out0[[[R]] * out0_s0 + [[C]] * out0_s1] = [[Z]];
gpuos.graph @clamp(%x: tensor<4x8xf32>, %lo: tensor<4x1xf32>, %hi: tensor<f32>) -> tensor<4x8xf32> {
  %r = gpuos.task ins(%x, %lo, %hi : tensor<4x8xf32>, tensor<4x1xf32>, tensor<f32>) -> tensor<4x8xf32> {
  ^bb0(%a: tensor<4x8xf32>, %l: tensor<4x1xf32>, %h: tensor<f32>):
    %p = gpuos.cmp gt, %a, %l : tensor<4x8xf32>, tensor<4x1xf32> -> tensor<4x8xi1>
    %m = gpuos.min %a, %h : tensor<4x8xf32>, tensor<f32> -> tensor<4x8xf32>
    %n = gpuos.fill -1.000000e+00 : f32 -> tensor<4x8xf32>
    %s = gpuos.select %p, %m, %n : tensor<4x8xi1>, tensor<4x8xf32>, tensor<4x8xf32> -> tensor<4x8xf32>
    gpuos.yield %s : tensor<4x8xf32>
  }
  gpuos.return %r : tensor<4x8xf32>
}

// Integer ops: truncating division, integer pow and max without fmaxf.
// CHECK-LABEL: extern "C" __device__ void ints_task0(
// CHECK:     const gpuos_i32 [[A:v[0-9]+]] = in0[i * in0_s0];
// CHECK-NEXT: const gpuos_i32 [[B:v[0-9]+]] = in1[i * in1_s0];
// CHECK-NEXT: const gpuos_i32 [[D:v[0-9]+]] = gpuos_idiv([[A]], [[B]]);
// CHECK-NEXT: const gpuos_i32 [[P:v[0-9]+]] = gpuos_ipow([[D]], 3);
// CHECK-NEXT: const gpuos_i32 [[M:v[0-9]+]] = ([[P]] > [[A]] ? [[P]] : [[A]]);
// CHECK-NEXT: out0[i * out0_s0] = [[M]];
gpuos.graph @ints(%x: tensor<10xi32>, %y: tensor<10xi32>) -> tensor<10xi32> {
  %r = gpuos.task ins(%x, %y : tensor<10xi32>, tensor<10xi32>) -> tensor<10xi32> {
  ^bb0(%a: tensor<10xi32>, %b: tensor<10xi32>):
    %d = gpuos.div %a, %b : tensor<10xi32>, tensor<10xi32> -> tensor<10xi32>
    %three = gpuos.fill 3 : i32 -> tensor<10xi32>
    %p = gpuos.pow %d, %three : tensor<10xi32>, tensor<10xi32> -> tensor<10xi32>
    %m = gpuos.max %p, %a : tensor<10xi32>, tensor<10xi32> -> tensor<10xi32>
    gpuos.yield %m : tensor<10xi32>
  }
  gpuos.return %r : tensor<10xi32>
}
