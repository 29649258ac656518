// RUN: gpuos-translate --gpuos-to-cuda %s | FileCheck %s
// RUN: gpuos-translate --gpuos-to-cuda %s | gpuos-cuda-check -
// REQUIRES: nvrtc

// Views move no data: each is an index map applied while loading. Results of
// different shapes get one loop each, without barriers between them.
// CHECK-LABEL: extern "C" __device__ void views_task0(
// CHECK-NOT:  __syncthreads

// permute [2, 1, 0]: result index (i0, i1, i2) reads input (i2, i1, i0).
// CHECK:      { // stage 0: elementwise over [4, 3, 2]
// CHECK:          const gpuos_i32 [[I0:t[0-9]+]] = ((gpuos_i32)i / 6);
// CHECK-NEXT:     const gpuos_i32 [[I1:t[0-9]+]] = ((gpuos_i32)i / 2) % 3;
// CHECK-NEXT:     const gpuos_i32 [[I2:t[0-9]+]] = (gpuos_i32)i % 2;
// CHECK-NEXT:     const float [[X:v[0-9]+]] = in0[[[I2]] * in0_s0 + [[I1]] * in0_s1 + [[I0]] * in0_s2];
// CHECK-NEXT:     out0[[[I0]] * out0_s0 + [[I1]] * out0_s1 + [[I2]] * out0_s2] = [[X]];

// slice starts [1, 0] strides [2, 1]: row 1 + 2 * i0.
// CHECK:      { // stage 1: elementwise over [2, 6]
// CHECK:          const gpuos_i32 [[R:t[0-9]+]] = ((gpuos_i32)i / 6);
// CHECK-NEXT:     const gpuos_i32 [[C:t[0-9]+]] = (gpuos_i32)i % 6;
// CHECK-NEXT:     const gpuos_i32 [[S:t[0-9]+]] = 1 + [[R]] * 2;
// CHECK-NEXT:     const float [[Y:v[0-9]+]] = in1[[[S]] * in1_s0 + [[C]] * in1_s1];

// concat on axis 0 of a reshape and an input: only the input holding the
// element is read; the reshape re-linearizes the index.
// CHECK:      { // stage 2: elementwise over [8, 6]
// CHECK:          const gpuos_i32 [[R:t[0-9]+]] = ((gpuos_i32)i / 6);
// CHECK-NEXT:     const gpuos_i32 [[C:t[0-9]+]] = (gpuos_i32)i % 6;
// CHECK-NEXT:     float [[V:v[0-9]+]];
// CHECK-NEXT:     if ([[R]] < 4) {
// CHECK-NEXT:       const gpuos_i32 [[L:t[0-9]+]] = [[R]] * 6 + [[C]];
// CHECK-NEXT:       const gpuos_i32 [[A0:t[0-9]+]] = ([[L]] / 12);
// CHECK-NEXT:       const gpuos_i32 [[A1:t[0-9]+]] = ([[L]] / 4) % 3;
// CHECK-NEXT:       const gpuos_i32 [[A2:t[0-9]+]] = [[L]] % 4;
// CHECK-NEXT:       const float [[P:v[0-9]+]] = in0[[[A0]] * in0_s0 + [[A1]] * in0_s1 + [[A2]] * in0_s2];
// CHECK-NEXT:       [[V]] = [[P]];
// CHECK-NEXT:     } else {
// CHECK-NEXT:       const gpuos_i32 [[R2:t[0-9]+]] = [[R]] - 4;
// CHECK-NEXT:       const float [[Q:v[0-9]+]] = in1[[[R2]] * in1_s0 + [[C]] * in1_s1];
// CHECK-NEXT:       [[V]] = [[Q]];
// CHECK-NEXT:     }
// CHECK-NEXT:     out2[[[R]] * out2_s0 + [[C]] * out2_s1] = [[V]];
gpuos.graph @views(%x: tensor<2x3x4xf32>, %y: tensor<4x6xf32>) -> (tensor<4x3x2xf32>, tensor<2x6xf32>, tensor<8x6xf32>) {
  %r:3 = gpuos.task ins(%x, %y : tensor<2x3x4xf32>, tensor<4x6xf32>) -> tensor<4x3x2xf32>, tensor<2x6xf32>, tensor<8x6xf32> {
  ^bb0(%a: tensor<2x3x4xf32>, %b: tensor<4x6xf32>):
    %p = gpuos.permute %a [2, 1, 0] : tensor<2x3x4xf32> -> tensor<4x3x2xf32>
    %s = gpuos.slice %b starts = [1, 0] limits = [4, 6] strides = [2, 1] : tensor<4x6xf32> -> tensor<2x6xf32>
    %rs = gpuos.reshape %a : tensor<2x3x4xf32> -> tensor<4x6xf32>
    %c = gpuos.concat %rs, %b axis = 0 : tensor<4x6xf32>, tensor<4x6xf32> -> tensor<8x6xf32>
    gpuos.yield %p, %s, %c : tensor<4x3x2xf32>, tensor<2x6xf32>, tensor<8x6xf32>
  }
  gpuos.return %r#0, %r#1, %r#2 : tensor<4x3x2xf32>, tensor<2x6xf32>, tensor<8x6xf32>
}

// broadcast_to then a view of the broadcast (dims of size 1 read index 0),
// feeding a reduction: the views fuse into the reduction's prologue.
// CHECK-LABEL: extern "C" __device__ void rows_task0(
// CHECK:          for (gpuos_i64 col = lane; col < 64; col += 32) {
// CHECK-NEXT:       const float [[X:v[0-9]+]] = in0[col * in0_s1];
// CHECK-NEXT:       [[ACC:acc[0-9]+]] += [[X]];
gpuos.graph @rows(%x: tensor<1x64xf32>) -> tensor<16xf32> {
  %r = gpuos.task ins(%x : tensor<1x64xf32>) -> tensor<16xf32> {
  ^bb0(%a: tensor<1x64xf32>):
    %b = gpuos.broadcast_to %a : tensor<1x64xf32> -> tensor<16x64xf32>
    %t = gpuos.permute %b [1, 0] : tensor<16x64xf32> -> tensor<64x16xf32>
    %s = gpuos.reduce sum %t axes = [0] : tensor<64x16xf32> -> tensor<16xf32>
    gpuos.yield %s : tensor<16xf32>
  }
  gpuos.return %r : tensor<16xf32>
}

// A task that returns its input unchanged copies it.
// CHECK-LABEL: extern "C" __device__ void copy_task0(
// CHECK:          const gpuos_i32 [[X:v[0-9]+]] = in0[i * in0_s0];
// CHECK-NEXT:     out0[i * out0_s0] = [[X]];
// CHECK-NEXT:     out1[i * out1_s0] = [[X]];
gpuos.graph @copy(%x: tensor<5xi32>) -> (tensor<5xi32>, tensor<5xi32>) {
  %r:2 = gpuos.task ins(%x : tensor<5xi32>) -> tensor<5xi32>, tensor<5xi32> {
  ^bb0(%a: tensor<5xi32>):
    gpuos.yield %a, %a : tensor<5xi32>, tensor<5xi32>
  }
  gpuos.return %r#0, %r#1 : tensor<5xi32>, tensor<5xi32>
}

// Tensors without elements: loops that never run, no index arithmetic on
// empty dims; a sum over no elements writes 0.
// CHECK-LABEL: extern "C" __device__ void empty_task0(
// CHECK-NOT:  / 0)
// CHECK-NOT:  % 0;
// CHECK:      for (gpuos_i64 col = 0; col < 0; col += 1) {
// CHECK:      out1[row * out1_s0] = {{acc[0-9]+}};
// CHECK:      for (gpuos_i64 i = first; i < 0; i += step) {
// CHECK:      GPUOS_EXPORT_OP(empty_task0);
gpuos.graph @empty(%x: tensor<0x4xf32>, %y: tensor<3x0xf32>) -> (tensor<0x4xf32>, tensor<3xf32>, tensor<4x0xf32>) {
  %r:3 = gpuos.task ins(%x, %y : tensor<0x4xf32>, tensor<3x0xf32>) -> tensor<0x4xf32>, tensor<3xf32>, tensor<4x0xf32> {
  ^bb0(%a: tensor<0x4xf32>, %b: tensor<3x0xf32>):
    %e = gpuos.exp %a : tensor<0x4xf32>
    %s = gpuos.reduce sum %b axes = [1] : tensor<3x0xf32> -> tensor<3xf32>
    %p = gpuos.permute %a [1, 0] : tensor<0x4xf32> -> tensor<4x0xf32>
    gpuos.yield %e, %s, %p : tensor<0x4xf32>, tensor<3xf32>, tensor<4x0xf32>
  }
  gpuos.return %r#0, %r#1, %r#2 : tensor<0x4xf32>, tensor<3xf32>, tensor<4x0xf32>
}
