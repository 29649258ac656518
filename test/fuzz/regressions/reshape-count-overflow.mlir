gpuos.graph @reshape_count_overflow(%a: tensor<4611686018427387904x4xf32>) {
  %0 = gpuos.reshape %a : tensor<4611686018427387904x4xf32> -> tensor<16xf32>
  gpuos.return
}
