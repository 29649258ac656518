gpuos.graph @b5(%x: tensor<1x512xf32>, %cos: tensor<1x512xf32>, %sin: tensor<1x512xf32>, %p_layers_0_norm: tensor<512xf32>, %p_layers_0_gate_weight: tensor<1024x512xf32>, %p_layers_0_up_weight: tensor<1024x512xf32>, %p_layers_0_down_weight: tensor<512x1024xf32>, %p_layers_1_norm: tensor<512xf32>, %p_layers_1_gate_weight: tensor<1024x512xf32>, %p_layers_1_up_weight: tensor<1024x512xf32>, %p_layers_1_down_weight: tensor<512x1024xf32>, %p_layers_2_norm: tensor<512xf32>, %p_layers_2_gate_weight: tensor<1024x512xf32>, %p_layers_2_up_weight: tensor<1024x512xf32>, %p_layers_2_down_weight: tensor<512x1024xf32>, %p_layers_3_norm: tensor<512xf32>, %p_layers_3_gate_weight: tensor<1024x512xf32>, %p_layers_3_up_weight: tensor<1024x512xf32>, %p_layers_3_down_weight: tensor<512x1024xf32>) -> (tensor<1x512xf32>) {
  %rms_norm = gpuos.rms_norm %x weight(%p_layers_0_norm : tensor<512xf32>) dims = 1 eps = 1.0e-06 : tensor<1x512xf32>
  %slice_1 = gpuos.slice %rms_norm starts = [0, 256] limits = [1, 512] strides = [1, 1] : tensor<1x512xf32> -> tensor<1x256xf32>
  %neg = gpuos.neg %slice_1 : tensor<1x256xf32>
  %slice_2 = gpuos.slice %rms_norm starts = [0, 0] limits = [1, 256] strides = [1, 1] : tensor<1x512xf32> -> tensor<1x256xf32>
  %cat = gpuos.concat %neg, %slice_2 axis = 1 : tensor<1x256xf32>, tensor<1x256xf32> -> tensor<1x512xf32>
  %mul = gpuos.mul %rms_norm, %cos : tensor<1x512xf32>, tensor<1x512xf32> -> tensor<1x512xf32>
  %mul_1 = gpuos.mul %cat, %sin : tensor<1x512xf32>, tensor<1x512xf32> -> tensor<1x512xf32>
  %add = gpuos.add %mul, %mul_1 : tensor<1x512xf32>, tensor<1x512xf32> -> tensor<1x512xf32>
  %mm = gpuos.matmul %add, %p_layers_0_gate_weight transpose_rhs : tensor<1x512xf32>, tensor<1024x512xf32> -> tensor<1x1024xf32>
  %silu = gpuos.silu %mm : tensor<1x1024xf32>
  %mm_1 = gpuos.matmul %add, %p_layers_0_up_weight transpose_rhs : tensor<1x512xf32>, tensor<1024x512xf32> -> tensor<1x1024xf32>
  %mul_2 = gpuos.mul %silu, %mm_1 : tensor<1x1024xf32>, tensor<1x1024xf32> -> tensor<1x1024xf32>
  %mm_2 = gpuos.matmul %mul_2, %p_layers_0_down_weight transpose_rhs : tensor<1x1024xf32>, tensor<512x1024xf32> -> tensor<1x512xf32>
  %add_1 = gpuos.add %x, %mm_2 : tensor<1x512xf32>, tensor<1x512xf32> -> tensor<1x512xf32>
  %rms_norm_1 = gpuos.rms_norm %add_1 weight(%p_layers_1_norm : tensor<512xf32>) dims = 1 eps = 1.0e-06 : tensor<1x512xf32>
  %slice_3 = gpuos.slice %rms_norm_1 starts = [0, 256] limits = [1, 512] strides = [1, 1] : tensor<1x512xf32> -> tensor<1x256xf32>
  %neg_1 = gpuos.neg %slice_3 : tensor<1x256xf32>
  %slice_4 = gpuos.slice %rms_norm_1 starts = [0, 0] limits = [1, 256] strides = [1, 1] : tensor<1x512xf32> -> tensor<1x256xf32>
  %cat_1 = gpuos.concat %neg_1, %slice_4 axis = 1 : tensor<1x256xf32>, tensor<1x256xf32> -> tensor<1x512xf32>
  %mul_3 = gpuos.mul %rms_norm_1, %cos : tensor<1x512xf32>, tensor<1x512xf32> -> tensor<1x512xf32>
  %mul_4 = gpuos.mul %cat_1, %sin : tensor<1x512xf32>, tensor<1x512xf32> -> tensor<1x512xf32>
  %add_2 = gpuos.add %mul_3, %mul_4 : tensor<1x512xf32>, tensor<1x512xf32> -> tensor<1x512xf32>
  %mm_3 = gpuos.matmul %add_2, %p_layers_1_gate_weight transpose_rhs : tensor<1x512xf32>, tensor<1024x512xf32> -> tensor<1x1024xf32>
  %silu_1 = gpuos.silu %mm_3 : tensor<1x1024xf32>
  %mm_4 = gpuos.matmul %add_2, %p_layers_1_up_weight transpose_rhs : tensor<1x512xf32>, tensor<1024x512xf32> -> tensor<1x1024xf32>
  %mul_5 = gpuos.mul %silu_1, %mm_4 : tensor<1x1024xf32>, tensor<1x1024xf32> -> tensor<1x1024xf32>
  %mm_5 = gpuos.matmul %mul_5, %p_layers_1_down_weight transpose_rhs : tensor<1x1024xf32>, tensor<512x1024xf32> -> tensor<1x512xf32>
  %add_3 = gpuos.add %add_1, %mm_5 : tensor<1x512xf32>, tensor<1x512xf32> -> tensor<1x512xf32>
  %rms_norm_2 = gpuos.rms_norm %add_3 weight(%p_layers_2_norm : tensor<512xf32>) dims = 1 eps = 1.0e-06 : tensor<1x512xf32>
  %slice_5 = gpuos.slice %rms_norm_2 starts = [0, 256] limits = [1, 512] strides = [1, 1] : tensor<1x512xf32> -> tensor<1x256xf32>
  %neg_2 = gpuos.neg %slice_5 : tensor<1x256xf32>
  %slice_6 = gpuos.slice %rms_norm_2 starts = [0, 0] limits = [1, 256] strides = [1, 1] : tensor<1x512xf32> -> tensor<1x256xf32>
  %cat_2 = gpuos.concat %neg_2, %slice_6 axis = 1 : tensor<1x256xf32>, tensor<1x256xf32> -> tensor<1x512xf32>
  %mul_6 = gpuos.mul %rms_norm_2, %cos : tensor<1x512xf32>, tensor<1x512xf32> -> tensor<1x512xf32>
  %mul_7 = gpuos.mul %cat_2, %sin : tensor<1x512xf32>, tensor<1x512xf32> -> tensor<1x512xf32>
  %add_4 = gpuos.add %mul_6, %mul_7 : tensor<1x512xf32>, tensor<1x512xf32> -> tensor<1x512xf32>
  %mm_6 = gpuos.matmul %add_4, %p_layers_2_gate_weight transpose_rhs : tensor<1x512xf32>, tensor<1024x512xf32> -> tensor<1x1024xf32>
  %silu_2 = gpuos.silu %mm_6 : tensor<1x1024xf32>
  %mm_7 = gpuos.matmul %add_4, %p_layers_2_up_weight transpose_rhs : tensor<1x512xf32>, tensor<1024x512xf32> -> tensor<1x1024xf32>
  %mul_8 = gpuos.mul %silu_2, %mm_7 : tensor<1x1024xf32>, tensor<1x1024xf32> -> tensor<1x1024xf32>
  %mm_8 = gpuos.matmul %mul_8, %p_layers_2_down_weight transpose_rhs : tensor<1x1024xf32>, tensor<512x1024xf32> -> tensor<1x512xf32>
  %add_5 = gpuos.add %add_3, %mm_8 : tensor<1x512xf32>, tensor<1x512xf32> -> tensor<1x512xf32>
  %rms_norm_3 = gpuos.rms_norm %add_5 weight(%p_layers_3_norm : tensor<512xf32>) dims = 1 eps = 1.0e-06 : tensor<1x512xf32>
  %slice_7 = gpuos.slice %rms_norm_3 starts = [0, 256] limits = [1, 512] strides = [1, 1] : tensor<1x512xf32> -> tensor<1x256xf32>
  %neg_3 = gpuos.neg %slice_7 : tensor<1x256xf32>
  %slice_8 = gpuos.slice %rms_norm_3 starts = [0, 0] limits = [1, 256] strides = [1, 1] : tensor<1x512xf32> -> tensor<1x256xf32>
  %cat_3 = gpuos.concat %neg_3, %slice_8 axis = 1 : tensor<1x256xf32>, tensor<1x256xf32> -> tensor<1x512xf32>
  %mul_9 = gpuos.mul %rms_norm_3, %cos : tensor<1x512xf32>, tensor<1x512xf32> -> tensor<1x512xf32>
  %mul_10 = gpuos.mul %cat_3, %sin : tensor<1x512xf32>, tensor<1x512xf32> -> tensor<1x512xf32>
  %add_6 = gpuos.add %mul_9, %mul_10 : tensor<1x512xf32>, tensor<1x512xf32> -> tensor<1x512xf32>
  %mm_9 = gpuos.matmul %add_6, %p_layers_3_gate_weight transpose_rhs : tensor<1x512xf32>, tensor<1024x512xf32> -> tensor<1x1024xf32>
  %silu_3 = gpuos.silu %mm_9 : tensor<1x1024xf32>
  %mm_10 = gpuos.matmul %add_6, %p_layers_3_up_weight transpose_rhs : tensor<1x512xf32>, tensor<1024x512xf32> -> tensor<1x1024xf32>
  %mul_11 = gpuos.mul %silu_3, %mm_10 : tensor<1x1024xf32>, tensor<1x1024xf32> -> tensor<1x1024xf32>
  %mm_11 = gpuos.matmul %mul_11, %p_layers_3_down_weight transpose_rhs : tensor<1x1024xf32>, tensor<512x1024xf32> -> tensor<1x512xf32>
  %add_7 = gpuos.add %add_5, %mm_11 : tensor<1x512xf32>, tensor<1x512xf32> -> tensor<1x512xf32>
  gpuos.return %add_7 : tensor<1x512xf32>
}
