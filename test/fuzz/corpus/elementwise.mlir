gpuos.graph @f(%a: tensor<4x8xf32>, %b: tensor<8xf32>) -> tensor<4x8xf32> {
  %0 = gpuos.add %a, %b : tensor<4x8xf32>, tensor<8xf32> -> tensor<4x8xf32>
  %1 = gpuos.gelu erf %0 : tensor<4x8xf32>
  %2 = gpuos.cmp gt, %1, %a : tensor<4x8xf32>, tensor<4x8xf32> -> tensor<4x8xi1>
  %3 = gpuos.select %2, %1, %b : tensor<4x8xi1>, tensor<4x8xf32>, tensor<8xf32> -> tensor<4x8xf32>
  gpuos.return %3 : tensor<4x8xf32>
}
