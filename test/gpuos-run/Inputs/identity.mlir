gpuos.graph @identity(%x: tensor<4x16xf32>) -> tensor<4x16xf32> {
  gpuos.return %x : tensor<4x16xf32>
}
