gpuos.graph @a3(%q: tensor<1x1x64xf32>, %k: tensor<1x128x64xf32>, %v: tensor<1x128x64xf32>) -> (tensor<1x1x64xf32>) {
  %bmm = gpuos.matmul %q, %k transpose_rhs : tensor<1x1x64xf32>, tensor<1x128x64xf32> -> tensor<1x1x128xf32>
  %mul = gpuos.fill 0.125 : f32 -> tensor<f32>
  %mul_1 = gpuos.mul %bmm, %mul : tensor<1x1x128xf32>, tensor<f32> -> tensor<1x1x128xf32>
  %_softmax = gpuos.softmax %mul_1 axis = 2 : tensor<1x1x128xf32>
  %bmm_1 = gpuos.matmul %_softmax, %v : tensor<1x1x128xf32>, tensor<1x128x64xf32> -> tensor<1x1x64xf32>
  gpuos.return %bmm_1 : tensor<1x1x64xf32>
}
