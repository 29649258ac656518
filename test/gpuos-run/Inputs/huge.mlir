gpuos.graph @huge(%x: tensor<4xf32>) -> tensor<100000x100000xf32> {
  %0 = gpuos.broadcast_to %x : tensor<4xf32> -> tensor<100000x100000x4xf32>
  %1 = gpuos.reduce sum %0 axes = [2] : tensor<100000x100000x4xf32> -> tensor<100000x100000xf32>
  gpuos.return %1 : tensor<100000x100000xf32>
}
gpuos.graph @hugearg(%x: tensor<4000000000xf32>) -> tensor<4000000000xf32> {
  gpuos.return %x : tensor<4000000000xf32>
}
