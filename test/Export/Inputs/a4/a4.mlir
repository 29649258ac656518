gpuos.graph @a4(%x: tensor<64x512xf32>) -> (tensor<64xf32>) {
  %sum_1 = gpuos.reduce sum %x axes = [1] : tensor<64x512xf32> -> tensor<64xf32>
  gpuos.return %sum_1 : tensor<64xf32>
}
