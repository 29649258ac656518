gpuos.graph @mlp_bf16(%x: tensor<4x64xbf16>, %p_fc1_weight: tensor<128x64xbf16>, %p_fc1_bias: tensor<128xbf16>, %p_fc2_weight: tensor<64x128xbf16>, %p_fc2_bias: tensor<64xbf16>) -> (tensor<4x64xbf16>) {
  %addmm = gpuos.matmul %x, %p_fc1_weight transpose_rhs : tensor<4x64xbf16>, tensor<128x64xbf16> -> tensor<4x128xbf16>
  %addmm_1 = gpuos.add %addmm, %p_fc1_bias : tensor<4x128xbf16>, tensor<128xbf16> -> tensor<4x128xbf16>
  %gelu = gpuos.gelu tanh %addmm_1 : tensor<4x128xbf16>
  %addmm_1_1 = gpuos.matmul %gelu, %p_fc2_weight transpose_rhs : tensor<4x128xbf16>, tensor<64x128xbf16> -> tensor<4x64xbf16>
  %addmm_1_2 = gpuos.add %addmm_1_1, %p_fc2_bias : tensor<4x64xbf16>, tensor<64xbf16> -> tensor<4x64xbf16>
  %add = gpuos.add %x, %addmm_1_2 : tensor<4x64xbf16>, tensor<4x64xbf16> -> tensor<4x64xbf16>
  gpuos.return %add : tensor<4x64xbf16>
}
