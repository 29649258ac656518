gpuos.graph @fine(%x: tensor<2xf32>) -> tensor<2xf32> {
  gpuos.return %x : tensor<2xf32>
}
%top = gpuos.fill 1.0 : f32 -> tensor<2xf32>
