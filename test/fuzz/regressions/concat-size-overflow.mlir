gpuos.graph @concat_size_overflow(%a: tensor<2x9223372036854775807xf32>, %b: tensor<2x1xf32>) {
  %0 = gpuos.concat %a, %b axis = 1 : tensor<2x9223372036854775807xf32>, tensor<2x1xf32> -> tensor<2x1xf32>
  gpuos.return
}
