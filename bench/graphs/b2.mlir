// B2: 6 x (layer_norm, gelu, residual add) on 8x768 f32.
gpuos.graph @b2(%x: tensor<8x768xf32>, %ln_w0: tensor<768xf32>, %ln_b0: tensor<768xf32>, %ln_w1: tensor<768xf32>, %ln_b1: tensor<768xf32>, %ln_w2: tensor<768xf32>, %ln_b2: tensor<768xf32>, %ln_w3: tensor<768xf32>, %ln_b3: tensor<768xf32>, %ln_w4: tensor<768xf32>, %ln_b4: tensor<768xf32>, %ln_w5: tensor<768xf32>, %ln_b5: tensor<768xf32>) -> (tensor<8x768xf32>) {
  %op0 = gpuos.layer_norm %x weight(%ln_w0 : tensor<768xf32>) bias(%ln_b0 : tensor<768xf32>) dims = 1 eps = 1.000000e-05 : tensor<8x768xf32>
  %op1 = gpuos.gelu tanh %op0 : tensor<8x768xf32>
  %op2 = gpuos.add %op1, %x : tensor<8x768xf32>, tensor<8x768xf32> -> tensor<8x768xf32>
  %op3 = gpuos.layer_norm %op2 weight(%ln_w1 : tensor<768xf32>) bias(%ln_b1 : tensor<768xf32>) dims = 1 eps = 1.000000e-05 : tensor<8x768xf32>
  %op4 = gpuos.gelu tanh %op3 : tensor<8x768xf32>
  %op5 = gpuos.add %op4, %op2 : tensor<8x768xf32>, tensor<8x768xf32> -> tensor<8x768xf32>
  %op6 = gpuos.layer_norm %op5 weight(%ln_w2 : tensor<768xf32>) bias(%ln_b2 : tensor<768xf32>) dims = 1 eps = 1.000000e-05 : tensor<8x768xf32>
  %op7 = gpuos.gelu tanh %op6 : tensor<8x768xf32>
  %op8 = gpuos.add %op7, %op5 : tensor<8x768xf32>, tensor<8x768xf32> -> tensor<8x768xf32>
  %op9 = gpuos.layer_norm %op8 weight(%ln_w3 : tensor<768xf32>) bias(%ln_b3 : tensor<768xf32>) dims = 1 eps = 1.000000e-05 : tensor<8x768xf32>
  %op10 = gpuos.gelu tanh %op9 : tensor<8x768xf32>
  %op11 = gpuos.add %op10, %op8 : tensor<8x768xf32>, tensor<8x768xf32> -> tensor<8x768xf32>
  %op12 = gpuos.layer_norm %op11 weight(%ln_w4 : tensor<768xf32>) bias(%ln_b4 : tensor<768xf32>) dims = 1 eps = 1.000000e-05 : tensor<8x768xf32>
  %op13 = gpuos.gelu tanh %op12 : tensor<8x768xf32>
  %op14 = gpuos.add %op13, %op11 : tensor<8x768xf32>, tensor<8x768xf32> -> tensor<8x768xf32>
  %op15 = gpuos.layer_norm %op14 weight(%ln_w5 : tensor<768xf32>) bias(%ln_b5 : tensor<768xf32>) dims = 1 eps = 1.000000e-05 : tensor<8x768xf32>
  %op16 = gpuos.gelu tanh %op15 : tensor<8x768xf32>
  %op17 = gpuos.add %op16, %op14 : tensor<8x768xf32>, tensor<8x768xf32> -> tensor<8x768xf32>
  gpuos.return %op17 : tensor<8x768xf32>
}
