gpuos.graph @mismatch(%x: tensor<4xf32>, %y: tensor<3xf32>) -> tensor<4xf32> {
  %0 = gpuos.add %x, %y : tensor<4xf32>, tensor<3xf32> -> tensor<4xf32>
  gpuos.return %0 : tensor<4xf32>
}
