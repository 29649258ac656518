// A3: one token step of token-by-token attention: one head of dim 64,
// sequence 128 (q @ K^T, / sqrt(64), softmax, @ V). The benchmark submits it
// once per token, 1000 times.
gpuos.graph @a3(%q: tensor<1x1x64xf32>, %k: tensor<1x128x64xf32>, %v: tensor<1x128x64xf32>) -> (tensor<1x1x64xf32>) {
  %op0 = gpuos.matmul %q, %k transpose_rhs : tensor<1x1x64xf32>, tensor<1x128x64xf32> -> tensor<1x1x128xf32>
  %op1 = gpuos.fill 1.250000e-01 : f32 -> tensor<f32>
  %op2 = gpuos.mul %op0, %op1 : tensor<1x1x128xf32>, tensor<f32> -> tensor<1x1x128xf32>
  %op3 = gpuos.softmax %op2 axis = 2 : tensor<1x1x128xf32>
  %op4 = gpuos.matmul %op3, %v : tensor<1x1x128xf32>, tensor<1x128x64xf32> -> tensor<1x1x64xf32>
  gpuos.return %op4 : tensor<1x1x64xf32>
}
