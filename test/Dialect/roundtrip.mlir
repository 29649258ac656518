// RUN: gpuos-opt %s | gpuos-opt | FileCheck %s
// RUN: gpuos-opt %s -mlir-print-op-generic | gpuos-opt | FileCheck %s

// CHECK-LABEL: gpuos.graph @binary
gpuos.graph @binary(%a: tensor<4x8xf32>, %b: tensor<8xf32>) -> tensor<4x8xf32> {
  // CHECK: gpuos.add %{{.*}}, %{{.*}} : tensor<4x8xf32>, tensor<8xf32> -> tensor<4x8xf32>
  %0 = gpuos.add %a, %b : tensor<4x8xf32>, tensor<8xf32> -> tensor<4x8xf32>
  gpuos.return %0 : tensor<4x8xf32>
}
