gpuos.graph @b2(%x: tensor<8x768xf32>, %p_norms_0_weight: tensor<768xf32>, %p_norms_0_bias: tensor<768xf32>, %p_norms_1_weight: tensor<768xf32>, %p_norms_1_bias: tensor<768xf32>, %p_norms_2_weight: tensor<768xf32>, %p_norms_2_bias: tensor<768xf32>, %p_norms_3_weight: tensor<768xf32>, %p_norms_3_bias: tensor<768xf32>, %p_norms_4_weight: tensor<768xf32>, %p_norms_4_bias: tensor<768xf32>, %p_norms_5_weight: tensor<768xf32>, %p_norms_5_bias: tensor<768xf32>) -> (tensor<8x768xf32>) {
  %native_layer_norm = gpuos.layer_norm %x weight(%p_norms_0_weight : tensor<768xf32>) bias(%p_norms_0_bias : tensor<768xf32>) dims = 1 eps = 1.0e-05 : tensor<8x768xf32>
  %gelu = gpuos.gelu tanh %native_layer_norm : tensor<8x768xf32>
  %add = gpuos.add %gelu, %x : tensor<8x768xf32>, tensor<8x768xf32> -> tensor<8x768xf32>
  %native_layer_norm_1 = gpuos.layer_norm %add weight(%p_norms_1_weight : tensor<768xf32>) bias(%p_norms_1_bias : tensor<768xf32>) dims = 1 eps = 1.0e-05 : tensor<8x768xf32>
  %gelu_1 = gpuos.gelu tanh %native_layer_norm_1 : tensor<8x768xf32>
  %add_1 = gpuos.add %gelu_1, %add : tensor<8x768xf32>, tensor<8x768xf32> -> tensor<8x768xf32>
  %native_layer_norm_2 = gpuos.layer_norm %add_1 weight(%p_norms_2_weight : tensor<768xf32>) bias(%p_norms_2_bias : tensor<768xf32>) dims = 1 eps = 1.0e-05 : tensor<8x768xf32>
  %gelu_2 = gpuos.gelu tanh %native_layer_norm_2 : tensor<8x768xf32>
  %add_2 = gpuos.add %gelu_2, %add_1 : tensor<8x768xf32>, tensor<8x768xf32> -> tensor<8x768xf32>
  %native_layer_norm_3 = gpuos.layer_norm %add_2 weight(%p_norms_3_weight : tensor<768xf32>) bias(%p_norms_3_bias : tensor<768xf32>) dims = 1 eps = 1.0e-05 : tensor<8x768xf32>
  %gelu_3 = gpuos.gelu tanh %native_layer_norm_3 : tensor<8x768xf32>
  %add_3 = gpuos.add %gelu_3, %add_2 : tensor<8x768xf32>, tensor<8x768xf32> -> tensor<8x768xf32>
  %native_layer_norm_4 = gpuos.layer_norm %add_3 weight(%p_norms_4_weight : tensor<768xf32>) bias(%p_norms_4_bias : tensor<768xf32>) dims = 1 eps = 1.0e-05 : tensor<8x768xf32>
  %gelu_4 = gpuos.gelu tanh %native_layer_norm_4 : tensor<8x768xf32>
  %add_4 = gpuos.add %gelu_4, %add_3 : tensor<8x768xf32>, tensor<8x768xf32> -> tensor<8x768xf32>
  %native_layer_norm_5 = gpuos.layer_norm %add_4 weight(%p_norms_5_weight : tensor<768xf32>) bias(%p_norms_5_bias : tensor<768xf32>) dims = 1 eps = 1.0e-05 : tensor<8x768xf32>
  %gelu_5 = gpuos.gelu tanh %native_layer_norm_5 : tensor<8x768xf32>
  %add_5 = gpuos.add %gelu_5, %add_4 : tensor<8x768xf32>, tensor<8x768xf32> -> tensor<8x768xf32>
  gpuos.return %add_5 : tensor<8x768xf32>
}
