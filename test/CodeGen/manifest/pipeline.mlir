// The whole compiler pipeline's output has a manifest whose tasks name the
// operators --gpuos-to-cuda emits, with scratch and shared memory they need.
// RUN: gpuos-opt --gpuos-pipeline %s -o %t.mlir
// RUN: gpuos-translate --gpuos-to-manifest %t.mlir > %t.out
// RUN: gpuos-translate --gpuos-to-cuda %t.mlir >> %t.out
// RUN: FileCheck %s < %t.out

// CHECK:      "name": "block",
// CHECK:      "operator": "block_task0",
// CHECK-NEXT: "symbol": "gpuos_opptr_block_task0",
// CHECK-NEXT: "tiles": 8,
// CHECK:      "scratch_bytes": [[SCRATCH:[0-9]+]],
// CHECK:      extern "C" __device__ void block_task0(
// CHECK-NEXT:   if (ctx->scratch_bytes < [[SCRATCH]])
gpuos.graph @block(%x: tensor<8x768xf32>, %w: tensor<768xf32>, %b: tensor<768xf32>, %w1: tensor<768x256xf32>) -> tensor<8x256xf32> {
  %y = gpuos.layer_norm %x weight(%w : tensor<768xf32>) bias(%b : tensor<768xf32>) dims = 1 eps = 1.000000e-05 : tensor<8x768xf32>
  %r = gpuos.add %y, %x : tensor<8x768xf32>, tensor<8x768xf32> -> tensor<8x768xf32>
  %m = gpuos.matmul %r, %w1 : tensor<8x768xf32>, tensor<768x256xf32> -> tensor<8x256xf32>
  %s = gpuos.softmax %m axis = 1 : tensor<8x256xf32>
  gpuos.return %s : tensor<8x256xf32>
}
