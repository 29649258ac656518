gpuos.graph @g(%x: tensor<4xf64>, %y: tensor<2xf32>) -> tensor<2xf32> {
  gpuos.return %y : tensor<2xf32>
}
