gpuos.graph @b3(%q: tensor<12x1x64xf32>, %b_k0: tensor<12x128x64xf32>, %b_v0: tensor<12x128x64xf32>, %b_k1: tensor<12x128x64xf32>, %b_v1: tensor<12x128x64xf32>, %b_k2: tensor<12x128x64xf32>, %b_v2: tensor<12x128x64xf32>, %b_k3: tensor<12x128x64xf32>, %b_v3: tensor<12x128x64xf32>, %b_k4: tensor<12x128x64xf32>, %b_v4: tensor<12x128x64xf32>, %b_k5: tensor<12x128x64xf32>, %b_v5: tensor<12x128x64xf32>, %b_k6: tensor<12x128x64xf32>, %b_v6: tensor<12x128x64xf32>, %b_k7: tensor<12x128x64xf32>, %b_v7: tensor<12x128x64xf32>, %b_k8: tensor<12x128x64xf32>, %b_v8: tensor<12x128x64xf32>, %b_k9: tensor<12x128x64xf32>, %b_v9: tensor<12x128x64xf32>, %b_k10: tensor<12x128x64xf32>, %b_v10: tensor<12x128x64xf32>, %b_k11: tensor<12x128x64xf32>, %b_v11: tensor<12x128x64xf32>) -> (tensor<12x1x64xf32>) {
  %bmm = gpuos.matmul %q, %b_k0 transpose_rhs : tensor<12x1x64xf32>, tensor<12x128x64xf32> -> tensor<12x1x128xf32>
  %mul = gpuos.fill 0.125 : f32 -> tensor<f32>
  %mul_1 = gpuos.mul %bmm, %mul : tensor<12x1x128xf32>, tensor<f32> -> tensor<12x1x128xf32>
  %_softmax = gpuos.softmax %mul_1 axis = 2 : tensor<12x1x128xf32>
  %bmm_1 = gpuos.matmul %_softmax, %b_v0 : tensor<12x1x128xf32>, tensor<12x128x64xf32> -> tensor<12x1x64xf32>
  %bmm_2 = gpuos.matmul %bmm_1, %b_k1 transpose_rhs : tensor<12x1x64xf32>, tensor<12x128x64xf32> -> tensor<12x1x128xf32>
  %mul_1_1 = gpuos.fill 0.125 : f32 -> tensor<f32>
  %mul_1_2 = gpuos.mul %bmm_2, %mul_1_1 : tensor<12x1x128xf32>, tensor<f32> -> tensor<12x1x128xf32>
  %_softmax_1 = gpuos.softmax %mul_1_2 axis = 2 : tensor<12x1x128xf32>
  %bmm_3 = gpuos.matmul %_softmax_1, %b_v1 : tensor<12x1x128xf32>, tensor<12x128x64xf32> -> tensor<12x1x64xf32>
  %bmm_4 = gpuos.matmul %bmm_3, %b_k2 transpose_rhs : tensor<12x1x64xf32>, tensor<12x128x64xf32> -> tensor<12x1x128xf32>
  %mul_2 = gpuos.fill 0.125 : f32 -> tensor<f32>
  %mul_2_1 = gpuos.mul %bmm_4, %mul_2 : tensor<12x1x128xf32>, tensor<f32> -> tensor<12x1x128xf32>
  %_softmax_2 = gpuos.softmax %mul_2_1 axis = 2 : tensor<12x1x128xf32>
  %bmm_5 = gpuos.matmul %_softmax_2, %b_v2 : tensor<12x1x128xf32>, tensor<12x128x64xf32> -> tensor<12x1x64xf32>
  %bmm_6 = gpuos.matmul %bmm_5, %b_k3 transpose_rhs : tensor<12x1x64xf32>, tensor<12x128x64xf32> -> tensor<12x1x128xf32>
  %mul_3 = gpuos.fill 0.125 : f32 -> tensor<f32>
  %mul_3_1 = gpuos.mul %bmm_6, %mul_3 : tensor<12x1x128xf32>, tensor<f32> -> tensor<12x1x128xf32>
  %_softmax_3 = gpuos.softmax %mul_3_1 axis = 2 : tensor<12x1x128xf32>
  %bmm_7 = gpuos.matmul %_softmax_3, %b_v3 : tensor<12x1x128xf32>, tensor<12x128x64xf32> -> tensor<12x1x64xf32>
  %bmm_8 = gpuos.matmul %bmm_7, %b_k4 transpose_rhs : tensor<12x1x64xf32>, tensor<12x128x64xf32> -> tensor<12x1x128xf32>
  %mul_4 = gpuos.fill 0.125 : f32 -> tensor<f32>
  %mul_4_1 = gpuos.mul %bmm_8, %mul_4 : tensor<12x1x128xf32>, tensor<f32> -> tensor<12x1x128xf32>
  %_softmax_4 = gpuos.softmax %mul_4_1 axis = 2 : tensor<12x1x128xf32>
  %bmm_9 = gpuos.matmul %_softmax_4, %b_v4 : tensor<12x1x128xf32>, tensor<12x128x64xf32> -> tensor<12x1x64xf32>
  %bmm_10 = gpuos.matmul %bmm_9, %b_k5 transpose_rhs : tensor<12x1x64xf32>, tensor<12x128x64xf32> -> tensor<12x1x128xf32>
  %mul_5 = gpuos.fill 0.125 : f32 -> tensor<f32>
  %mul_5_1 = gpuos.mul %bmm_10, %mul_5 : tensor<12x1x128xf32>, tensor<f32> -> tensor<12x1x128xf32>
  %_softmax_5 = gpuos.softmax %mul_5_1 axis = 2 : tensor<12x1x128xf32>
  %bmm_11 = gpuos.matmul %_softmax_5, %b_v5 : tensor<12x1x128xf32>, tensor<12x128x64xf32> -> tensor<12x1x64xf32>
  %bmm_12 = gpuos.matmul %bmm_11, %b_k6 transpose_rhs : tensor<12x1x64xf32>, tensor<12x128x64xf32> -> tensor<12x1x128xf32>
  %mul_6 = gpuos.fill 0.125 : f32 -> tensor<f32>
  %mul_6_1 = gpuos.mul %bmm_12, %mul_6 : tensor<12x1x128xf32>, tensor<f32> -> tensor<12x1x128xf32>
  %_softmax_6 = gpuos.softmax %mul_6_1 axis = 2 : tensor<12x1x128xf32>
  %bmm_13 = gpuos.matmul %_softmax_6, %b_v6 : tensor<12x1x128xf32>, tensor<12x128x64xf32> -> tensor<12x1x64xf32>
  %bmm_14 = gpuos.matmul %bmm_13, %b_k7 transpose_rhs : tensor<12x1x64xf32>, tensor<12x128x64xf32> -> tensor<12x1x128xf32>
  %mul_7 = gpuos.fill 0.125 : f32 -> tensor<f32>
  %mul_7_1 = gpuos.mul %bmm_14, %mul_7 : tensor<12x1x128xf32>, tensor<f32> -> tensor<12x1x128xf32>
  %_softmax_7 = gpuos.softmax %mul_7_1 axis = 2 : tensor<12x1x128xf32>
  %bmm_15 = gpuos.matmul %_softmax_7, %b_v7 : tensor<12x1x128xf32>, tensor<12x128x64xf32> -> tensor<12x1x64xf32>
  %bmm_16 = gpuos.matmul %bmm_15, %b_k8 transpose_rhs : tensor<12x1x64xf32>, tensor<12x128x64xf32> -> tensor<12x1x128xf32>
  %mul_8 = gpuos.fill 0.125 : f32 -> tensor<f32>
  %mul_8_1 = gpuos.mul %bmm_16, %mul_8 : tensor<12x1x128xf32>, tensor<f32> -> tensor<12x1x128xf32>
  %_softmax_8 = gpuos.softmax %mul_8_1 axis = 2 : tensor<12x1x128xf32>
  %bmm_17 = gpuos.matmul %_softmax_8, %b_v8 : tensor<12x1x128xf32>, tensor<12x128x64xf32> -> tensor<12x1x64xf32>
  %bmm_18 = gpuos.matmul %bmm_17, %b_k9 transpose_rhs : tensor<12x1x64xf32>, tensor<12x128x64xf32> -> tensor<12x1x128xf32>
  %mul_9 = gpuos.fill 0.125 : f32 -> tensor<f32>
  %mul_9_1 = gpuos.mul %bmm_18, %mul_9 : tensor<12x1x128xf32>, tensor<f32> -> tensor<12x1x128xf32>
  %_softmax_9 = gpuos.softmax %mul_9_1 axis = 2 : tensor<12x1x128xf32>
  %bmm_19 = gpuos.matmul %_softmax_9, %b_v9 : tensor<12x1x128xf32>, tensor<12x128x64xf32> -> tensor<12x1x64xf32>
  %bmm_20 = gpuos.matmul %bmm_19, %b_k10 transpose_rhs : tensor<12x1x64xf32>, tensor<12x128x64xf32> -> tensor<12x1x128xf32>
  %mul_10 = gpuos.fill 0.125 : f32 -> tensor<f32>
  %mul_10_1 = gpuos.mul %bmm_20, %mul_10 : tensor<12x1x128xf32>, tensor<f32> -> tensor<12x1x128xf32>
  %_softmax_10 = gpuos.softmax %mul_10_1 axis = 2 : tensor<12x1x128xf32>
  %bmm_21 = gpuos.matmul %_softmax_10, %b_v10 : tensor<12x1x128xf32>, tensor<12x128x64xf32> -> tensor<12x1x64xf32>
  %bmm_22 = gpuos.matmul %bmm_21, %b_k11 transpose_rhs : tensor<12x1x64xf32>, tensor<12x128x64xf32> -> tensor<12x1x128xf32>
  %mul_11 = gpuos.fill 0.125 : f32 -> tensor<f32>
  %mul_11_1 = gpuos.mul %bmm_22, %mul_11 : tensor<12x1x128xf32>, tensor<f32> -> tensor<12x1x128xf32>
  %_softmax_11 = gpuos.softmax %mul_11_1 axis = 2 : tensor<12x1x128xf32>
  %bmm_23 = gpuos.matmul %_softmax_11, %b_v11 : tensor<12x1x128xf32>, tensor<12x128x64xf32> -> tensor<12x1x64xf32>
  gpuos.return %bmm_23 : tensor<12x1x64xf32>
}
