gpuos.graph @b4(%x: tensor<4x256xf32>, %p_layers_0_weight: tensor<256x256xf32>, %p_layers_0_bias: tensor<256xf32>, %p_layers_1_weight: tensor<256x256xf32>, %p_layers_1_bias: tensor<256xf32>, %p_layers_2_weight: tensor<256x256xf32>, %p_layers_2_bias: tensor<256xf32>, %p_layers_3_weight: tensor<256x256xf32>, %p_layers_3_bias: tensor<256xf32>, %p_layers_4_weight: tensor<256x256xf32>, %p_layers_4_bias: tensor<256xf32>, %p_layers_5_weight: tensor<256x256xf32>, %p_layers_5_bias: tensor<256xf32>, %p_layers_6_weight: tensor<256x256xf32>, %p_layers_6_bias: tensor<256xf32>, %p_layers_7_weight: tensor<256x256xf32>, %p_layers_7_bias: tensor<256xf32>) -> (tensor<4x256xf32>) {
  %addmm = gpuos.matmul %x, %p_layers_0_weight transpose_rhs : tensor<4x256xf32>, tensor<256x256xf32> -> tensor<4x256xf32>
  %addmm_1 = gpuos.add %addmm, %p_layers_0_bias : tensor<4x256xf32>, tensor<256xf32> -> tensor<4x256xf32>
  %relu = gpuos.relu %addmm_1 : tensor<4x256xf32>
  %addmm_1_1 = gpuos.matmul %relu, %p_layers_1_weight transpose_rhs : tensor<4x256xf32>, tensor<256x256xf32> -> tensor<4x256xf32>
  %addmm_1_2 = gpuos.add %addmm_1_1, %p_layers_1_bias : tensor<4x256xf32>, tensor<256xf32> -> tensor<4x256xf32>
  %relu_1 = gpuos.relu %addmm_1_2 : tensor<4x256xf32>
  %addmm_2 = gpuos.matmul %relu_1, %p_layers_2_weight transpose_rhs : tensor<4x256xf32>, tensor<256x256xf32> -> tensor<4x256xf32>
  %addmm_2_1 = gpuos.add %addmm_2, %p_layers_2_bias : tensor<4x256xf32>, tensor<256xf32> -> tensor<4x256xf32>
  %relu_2 = gpuos.relu %addmm_2_1 : tensor<4x256xf32>
  %addmm_3 = gpuos.matmul %relu_2, %p_layers_3_weight transpose_rhs : tensor<4x256xf32>, tensor<256x256xf32> -> tensor<4x256xf32>
  %addmm_3_1 = gpuos.add %addmm_3, %p_layers_3_bias : tensor<4x256xf32>, tensor<256xf32> -> tensor<4x256xf32>
  %relu_3 = gpuos.relu %addmm_3_1 : tensor<4x256xf32>
  %addmm_4 = gpuos.matmul %relu_3, %p_layers_4_weight transpose_rhs : tensor<4x256xf32>, tensor<256x256xf32> -> tensor<4x256xf32>
  %addmm_4_1 = gpuos.add %addmm_4, %p_layers_4_bias : tensor<4x256xf32>, tensor<256xf32> -> tensor<4x256xf32>
  %relu_4 = gpuos.relu %addmm_4_1 : tensor<4x256xf32>
  %addmm_5 = gpuos.matmul %relu_4, %p_layers_5_weight transpose_rhs : tensor<4x256xf32>, tensor<256x256xf32> -> tensor<4x256xf32>
  %addmm_5_1 = gpuos.add %addmm_5, %p_layers_5_bias : tensor<4x256xf32>, tensor<256xf32> -> tensor<4x256xf32>
  %relu_5 = gpuos.relu %addmm_5_1 : tensor<4x256xf32>
  %addmm_6 = gpuos.matmul %relu_5, %p_layers_6_weight transpose_rhs : tensor<4x256xf32>, tensor<256x256xf32> -> tensor<4x256xf32>
  %addmm_6_1 = gpuos.add %addmm_6, %p_layers_6_bias : tensor<4x256xf32>, tensor<256xf32> -> tensor<4x256xf32>
  %relu_6 = gpuos.relu %addmm_6_1 : tensor<4x256xf32>
  %addmm_7 = gpuos.matmul %relu_6, %p_layers_7_weight transpose_rhs : tensor<4x256xf32>, tensor<256x256xf32> -> tensor<4x256xf32>
  %addmm_7_1 = gpuos.add %addmm_7, %p_layers_7_bias : tensor<4x256xf32>, tensor<256xf32> -> tensor<4x256xf32>
  %relu_7 = gpuos.relu %addmm_7_1 : tensor<4x256xf32>
  gpuos.return %relu_7 : tensor<4x256xf32>
}
