// RUN: gpuos-translate --gpuos-to-cuda %s | FileCheck %s
// RUN: gpuos-translate --gpuos-to-cuda %s | gpuos-cuda-check -
// REQUIRES: nvrtc

// f16 and bf16 are stored as bits and computed in float; every op result of
// those dtypes is rounded to its dtype, so a cast chain rounds at each step.
// Every result is computed before any is stored (results may be placed over
// inputs by gpuos-plan-memory).
// CHECK-LABEL: extern "C" __device__ void chain_task0(
// CHECK:      const float* in0 = (const float*)ctx->args[0].data;
// CHECK:      gpuos_u16* out0 = (gpuos_u16*)ctx->args[2].data;
// CHECK:      gpuos_i64* out1 = (gpuos_i64*)ctx->args[3].data;
// CHECK:      gpuos_u8* out2 = (gpuos_u8*)ctx->args[4].data;
// CHECK:      const float [[X:v[0-9]+]] = in0[i * in0_s0];
// CHECK-NEXT: const float [[H:v[0-9]+]] = gpuos_round_f16([[X]]);
// CHECK-NEXT: const float [[B:v[0-9]+]] = gpuos_round_bf16([[H]]);
// CHECK-NEXT: const bool [[G:v[0-9]+]] = [[X]] > 0.0f;
// CHECK-NEXT: const bool [[M:v[0-9]+]] = (in1[i * in1_s0] != 0);
// CHECK-NEXT: const bool [[O:v[0-9]+]] = (((int)[[G]] + (int)[[M]]) & 1) != 0;
// CHECK-NEXT: const gpuos_i64 [[I:v[0-9]+]] = __float2ll_rz([[B]]);
// CHECK-NEXT: const gpuos_i64 [[S:v[0-9]+]] = [[O]] ? [[I]] : 5LL;
// CHECK-NEXT: out0[i * out0_s0] = gpuos_f32_to_bf16([[B]]);
// CHECK-NEXT: out1[i * out1_s0] = [[S]];
// CHECK-NEXT: out2[i * out2_s0] = (gpuos_u8)([[O]]);
gpuos.graph @chain(%x: tensor<16xf32>, %m: tensor<16xi1>) -> (tensor<16xbf16>, tensor<16xi64>, tensor<16xi1>) {
  %r:3 = gpuos.task ins(%x, %m : tensor<16xf32>, tensor<16xi1>) -> tensor<16xbf16>, tensor<16xi64>, tensor<16xi1> {
  ^bb0(%a: tensor<16xf32>, %mm: tensor<16xi1>):
    %h = gpuos.cast %a : tensor<16xf32> -> tensor<16xf16>
    %b = gpuos.cast %h : tensor<16xf16> -> tensor<16xbf16>
    %i = gpuos.cast %b : tensor<16xbf16> -> tensor<16xi64>
    %z = gpuos.fill 0.000000e+00 : f32 -> tensor<16xf32>
    %g = gpuos.cmp gt, %a, %z : tensor<16xf32>, tensor<16xf32> -> tensor<16xi1>
    %o = gpuos.add %g, %mm : tensor<16xi1>, tensor<16xi1> -> tensor<16xi1>
    %five = gpuos.fill 5 : i64 -> tensor<16xi64>
    %sel = gpuos.select %o, %i, %five : tensor<16xi1>, tensor<16xi64>, tensor<16xi64> -> tensor<16xi64>
    gpuos.yield %b, %sel, %o : tensor<16xbf16>, tensor<16xi64>, tensor<16xi1>
  }
  gpuos.return %r#0, %r#1, %r#2 : tensor<16xbf16>, tensor<16xi64>, tensor<16xi1>
}

// f16 arithmetic: loads convert, each result rounds, the store converts back.
// Integer to float, float to i32 (saturating, toward zero) and to i1.
// CHECK-LABEL: extern "C" __device__ void half_math_task0(
// CHECK:      const float [[A:v[0-9]+]] = gpuos_f16_to_f32(in0[i * in0_s0]);
// CHECK-NEXT: const float [[E:v[0-9]+]] = gpuos_round_f16(expf([[A]]));
// CHECK-NEXT: const gpuos_i32 [[K:v[0-9]+]] = in1[i * in1_s0];
// CHECK-NEXT: const float [[KF:v[0-9]+]] = gpuos_round_f16((float)[[K]]);
// CHECK-NEXT: const float [[P:v[0-9]+]] = gpuos_round_f16([[E]] * [[KF]]);
// CHECK-NEXT: const gpuos_i32 [[T:v[0-9]+]] = __float2int_rz([[P]]);
// CHECK-NEXT: const bool [[NZ:v[0-9]+]] = [[P]] != 0.0f;
// CHECK-NEXT: out0[i * out0_s0] = gpuos_f32_to_f16([[P]]);
// CHECK-NEXT: out1[i * out1_s0] = [[T]];
// CHECK-NEXT: out2[i * out2_s0] = (gpuos_u8)([[NZ]]);
gpuos.graph @half_math(%x: tensor<8xf16>, %k: tensor<8xi32>) -> (tensor<8xf16>, tensor<8xi32>, tensor<8xi1>) {
  %r:3 = gpuos.task ins(%x, %k : tensor<8xf16>, tensor<8xi32>) -> tensor<8xf16>, tensor<8xi32>, tensor<8xi1> {
  ^bb0(%a: tensor<8xf16>, %b: tensor<8xi32>):
    %e = gpuos.exp %a : tensor<8xf16>
    %kf = gpuos.cast %b : tensor<8xi32> -> tensor<8xf16>
    %p = gpuos.mul %e, %kf : tensor<8xf16>, tensor<8xf16> -> tensor<8xf16>
    %t = gpuos.cast %p : tensor<8xf16> -> tensor<8xi32>
    %nz = gpuos.cast %p : tensor<8xf16> -> tensor<8xi1>
    gpuos.yield %p, %t, %nz : tensor<8xf16>, tensor<8xi32>, tensor<8xi1>
  }
  gpuos.return %r#0, %r#1, %r#2 : tensor<8xf16>, tensor<8xi32>, tensor<8xi1>
}
