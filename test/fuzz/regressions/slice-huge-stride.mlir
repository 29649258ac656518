gpuos.graph @s(%a: tensor<4xf32>) {
  %0 = gpuos.slice %a starts = [1] limits = [4] strides = [9223372036854775807] : tensor<4xf32> -> tensor<1xf32>
  gpuos.return
}
