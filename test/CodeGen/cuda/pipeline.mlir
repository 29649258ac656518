// The compiler pipeline's tasks (decomposed, fused, tiled, scheduled,
// planned) emit and compile: a transformer block tail and a projection with
// softmax. The norm rows and the softmax rows are tasks over the row domain;
// the projection between them is its own task, its outputs spread over tiles
// (fused, it would run on the domain's 8 rows).
// RUN: gpuos-opt --gpuos-pipeline %s | gpuos-translate --gpuos-to-cuda | FileCheck %s
// RUN: gpuos-opt --gpuos-pipeline %s | gpuos-translate --gpuos-to-cuda | gpuos-cuda-check -
// REQUIRES: nvrtc

// CHECK-LABEL: // Operator block_task0:
// CHECK:      //   tiles: 8 (task attribute); tiles take whole rows of the domain [8]
// CHECK:      extern "C" __device__ void block_task0(const gpuos_task_ctx* ctx) {
// CHECK:      GPUOS_EXPORT_OP(block_task0);
// CHECK-LABEL: // Operator block_task1:
// CHECK:      //   tiles: 64 (task attribute); any ctx->ntiles works
// CHECK:      matmul
// CHECK:      GPUOS_EXPORT_OP(block_task1);
// CHECK-LABEL: // Operator block_task2:
// CHECK:      //   tiles: 8 (task attribute); tiles take whole rows of the domain [8]
// CHECK:      GPUOS_EXPORT_OP(block_task2);
gpuos.graph @block(%x: tensor<8x768xf32>, %w: tensor<768xf32>, %b: tensor<768xf32>, %w1: tensor<768x256xf32>) -> tensor<8x256xf32> {
  %y = gpuos.layer_norm %x weight(%w : tensor<768xf32>) bias(%b : tensor<768xf32>) dims = 1 eps = 1.000000e-05 : tensor<8x768xf32>
  %g = gpuos.gelu tanh %y : tensor<8x768xf32>
  %r = gpuos.add %g, %x : tensor<8x768xf32>, tensor<8x768xf32> -> tensor<8x768xf32>
  %m = gpuos.matmul %r, %w1 : tensor<8x768xf32>, tensor<768x256xf32> -> tensor<8x256xf32>
  %s = gpuos.softmax %m axis = 1 : tensor<8x256xf32>
  gpuos.return %s : tensor<8x256xf32>
}
