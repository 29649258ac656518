gpuos.graph @masked_attention(%q: tensor<2x3x4x16xf32>, %k: tensor<2x3x6x16xf32>, %v: tensor<2x3x6x16xf32>, %keep: tensor<4x6xi1>, %bias: tensor<4x6xf32>) -> (tensor<2x3x4x16xf32>) {
  %scaled_dot_product_attention_1 = gpuos.matmul %q, %k transpose_rhs : tensor<2x3x4x16xf32>, tensor<2x3x6x16xf32> -> tensor<2x3x4x6xf32>
  %scaled_dot_product_attention_2 = gpuos.fill 0.25 : f32 -> tensor<f32>
  %scaled_dot_product_attention_3 = gpuos.mul %scaled_dot_product_attention_1, %scaled_dot_product_attention_2 : tensor<2x3x4x6xf32>, tensor<f32> -> tensor<2x3x4x6xf32>
  %scaled_dot_product_attention_4 = gpuos.fill 0xFF800000 : f32 -> tensor<f32>
  %scaled_dot_product_attention_5 = gpuos.select %keep, %scaled_dot_product_attention_3, %scaled_dot_product_attention_4 : tensor<4x6xi1>, tensor<2x3x4x6xf32>, tensor<f32> -> tensor<2x3x4x6xf32>
  %scaled_dot_product_attention_6 = gpuos.softmax %scaled_dot_product_attention_5 axis = 3 : tensor<2x3x4x6xf32>
  %scaled_dot_product_attention_7 = gpuos.matmul %scaled_dot_product_attention_6, %v : tensor<2x3x4x6xf32>, tensor<2x3x6x16xf32> -> tensor<2x3x4x16xf32>
  %rms_norm = gpuos.rms_norm %scaled_dot_product_attention_7 dims = 1 eps = 1.1920928955078125e-07 : tensor<2x3x4x16xf32>
  %scaled_dot_product_attention_1_2 = gpuos.matmul %rms_norm, %k transpose_rhs : tensor<2x3x4x16xf32>, tensor<2x3x6x16xf32> -> tensor<2x3x4x6xf32>
  %scaled_dot_product_attention_1_3 = gpuos.fill 0.20000000298023224 : f32 -> tensor<f32>
  %scaled_dot_product_attention_1_4 = gpuos.mul %scaled_dot_product_attention_1_2, %scaled_dot_product_attention_1_3 : tensor<2x3x4x6xf32>, tensor<f32> -> tensor<2x3x4x6xf32>
  %scaled_dot_product_attention_1_6 = gpuos.add %scaled_dot_product_attention_1_4, %bias : tensor<2x3x4x6xf32>, tensor<4x6xf32> -> tensor<2x3x4x6xf32>
  %scaled_dot_product_attention_1_7 = gpuos.softmax %scaled_dot_product_attention_1_6 axis = 3 : tensor<2x3x4x6xf32>
  %scaled_dot_product_attention_1_8 = gpuos.matmul %scaled_dot_product_attention_1_7, %v : tensor<2x3x4x6xf32>, tensor<2x3x6x16xf32> -> tensor<2x3x4x16xf32>
  gpuos.return %scaled_dot_product_attention_1_8 : tensor<2x3x4x16xf32>
}
