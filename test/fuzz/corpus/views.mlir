gpuos.graph @v(%x: tensor<2x3x4xi32>, %w: tensor<4xbf16>) -> (tensor<1x2x2xi32>, tensor<2x6x4xi32>, tensor<3x4xbf16>) {
  %0 = gpuos.slice %x starts = [1, 0, 1] limits = [2, 3, 4] strides = [1, 2, 2] : tensor<2x3x4xi32> -> tensor<1x2x2xi32>
  %1 = gpuos.concat %x, %x axis = 1 : tensor<2x3x4xi32>, tensor<2x3x4xi32> -> tensor<2x6x4xi32>
  %2 = gpuos.broadcast_to %w : tensor<4xbf16> -> tensor<3x4xbf16>
  %3 = gpuos.rms_norm %2 weight(%w : tensor<4xbf16>) dims = 1 eps = 1.0e-06 : tensor<3x4xbf16>
  gpuos.return %0, %1, %3 : tensor<1x2x2xi32>, tensor<2x6x4xi32>, tensor<3x4xbf16>
}
