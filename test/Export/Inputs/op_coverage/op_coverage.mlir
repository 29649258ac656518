gpuos.graph @op_coverage(%x: tensor<4x6xf32>, %i: tensor<4x6xi64>) -> (tensor<4x6xf32>, tensor<4x6xi64>, tensor<4x6xi1>) {
  %exp = gpuos.exp %x : tensor<4x6xf32>
  %abs_1 = gpuos.abs %x : tensor<4x6xf32>
  %add = gpuos.fill 1.0 : f32 -> tensor<f32>
  %add_1 = gpuos.add %abs_1, %add : tensor<4x6xf32>, tensor<f32> -> tensor<4x6xf32>
  %log = gpuos.log %add_1 : tensor<4x6xf32>
  %add_1_1 = gpuos.add %exp, %log : tensor<4x6xf32>, tensor<4x6xf32> -> tensor<4x6xf32>
  %mul = gpuos.mul %x, %x : tensor<4x6xf32>, tensor<4x6xf32> -> tensor<4x6xf32>
  %add_2 = gpuos.fill 1.0 : f32 -> tensor<f32>
  %add_2_1 = gpuos.add %mul, %add_2 : tensor<4x6xf32>, tensor<f32> -> tensor<4x6xf32>
  %sqrt = gpuos.sqrt %add_2_1 : tensor<4x6xf32>
  %mul_1 = gpuos.mul %x, %x : tensor<4x6xf32>, tensor<4x6xf32> -> tensor<4x6xf32>
  %add_3 = gpuos.fill 2.0 : f32 -> tensor<f32>
  %add_3_1 = gpuos.add %mul_1, %add_3 : tensor<4x6xf32>, tensor<f32> -> tensor<4x6xf32>
  %rsqrt = gpuos.rsqrt %add_3_1 : tensor<4x6xf32>
  %mul_2 = gpuos.mul %sqrt, %rsqrt : tensor<4x6xf32>, tensor<4x6xf32> -> tensor<4x6xf32>
  %sub = gpuos.sub %add_1_1, %mul_2 : tensor<4x6xf32>, tensor<4x6xf32> -> tensor<4x6xf32>
  %sin = gpuos.sin %x : tensor<4x6xf32>
  %cos = gpuos.cos %x : tensor<4x6xf32>
  %mul_3 = gpuos.mul %sin, %cos : tensor<4x6xf32>, tensor<4x6xf32> -> tensor<4x6xf32>
  %pow_1 = gpuos.fill 2.0 : f32 -> tensor<f32>
  %pow_1_1 = gpuos.pow %x, %pow_1 : tensor<4x6xf32>, tensor<f32> -> tensor<4x6xf32>
  %add_4 = gpuos.fill 1.0 : f32 -> tensor<f32>
  %add_4_1 = gpuos.add %pow_1_1, %add_4 : tensor<4x6xf32>, tensor<f32> -> tensor<4x6xf32>
  %div = gpuos.div %mul_3, %add_4_1 : tensor<4x6xf32>, tensor<4x6xf32> -> tensor<4x6xf32>
  %neg = gpuos.neg %div : tensor<4x6xf32>
  %gt = gpuos.fill 0.0 : f32 -> tensor<f32>
  %gt_1 = gpuos.cmp gt, %x, %gt : tensor<4x6xf32>, tensor<f32> -> tensor<4x6xi1>
  %where = gpuos.select %gt_1, %sub, %neg : tensor<4x6xi1>, tensor<4x6xf32>, tensor<4x6xf32> -> tensor<4x6xf32>
  %clamp = gpuos.fill -0.5 : f32 -> tensor<f32>
  %clamp_1 = gpuos.max %where, %clamp : tensor<4x6xf32>, tensor<f32> -> tensor<4x6xf32>
  %clamp_2 = gpuos.fill 0.5 : f32 -> tensor<f32>
  %clamp_3 = gpuos.min %clamp_1, %clamp_2 : tensor<4x6xf32>, tensor<f32> -> tensor<4x6xf32>
  %relu = gpuos.relu %x : tensor<4x6xf32>
  %add_5 = gpuos.add %clamp_3, %relu : tensor<4x6xf32>, tensor<4x6xf32> -> tensor<4x6xf32>
  %silu = gpuos.silu %x : tensor<4x6xf32>
  %sub_1 = gpuos.sub %add_5, %silu : tensor<4x6xf32>, tensor<4x6xf32> -> tensor<4x6xf32>
  %gelu = gpuos.gelu erf %x : tensor<4x6xf32>
  %add_6 = gpuos.add %sub_1, %gelu : tensor<4x6xf32>, tensor<4x6xf32> -> tensor<4x6xf32>
  %sigmoid = gpuos.sigmoid %x : tensor<4x6xf32>
  %tanh = gpuos.tanh %x : tensor<4x6xf32>
  %mul_4 = gpuos.mul %sigmoid, %tanh : tensor<4x6xf32>, tensor<4x6xf32> -> tensor<4x6xf32>
  %add_7 = gpuos.add %add_6, %mul_4 : tensor<4x6xf32>, tensor<4x6xf32> -> tensor<4x6xf32>
  %abs_2 = gpuos.abs %x : tensor<4x6xf32>
  %add_8 = gpuos.fill 2.0 : f32 -> tensor<f32>
  %add_8_1 = gpuos.add %abs_2, %add_8 : tensor<4x6xf32>, tensor<f32> -> tensor<4x6xf32>
  %reciprocal = gpuos.fill 1.0 : f32 -> tensor<f32>
  %reciprocal_1 = gpuos.div %reciprocal, %add_8_1 : tensor<f32>, tensor<4x6xf32> -> tensor<4x6xf32>
  %add_9 = gpuos.add %add_7, %reciprocal_1 : tensor<4x6xf32>, tensor<4x6xf32> -> tensor<4x6xf32>
  %_to_copy = gpuos.cast %add_9 : tensor<4x6xf32> -> tensor<4x6xf16>
  %_to_copy_1 = gpuos.cast %_to_copy : tensor<4x6xf16> -> tensor<4x6xf32>
  %_to_copy_2 = gpuos.cast %add_9 : tensor<4x6xf32> -> tensor<4x6xbf16>
  %mul_5 = gpuos.fill 2.0 : bf16 -> tensor<bf16>
  %mul_5_1 = gpuos.mul %_to_copy_2, %mul_5 : tensor<4x6xbf16>, tensor<bf16> -> tensor<4x6xbf16>
  %_to_copy_3 = gpuos.cast %mul_5_1 : tensor<4x6xbf16> -> tensor<4x6xf32>
  %add_10 = gpuos.add %_to_copy_1, %_to_copy_3 : tensor<4x6xf32>, tensor<4x6xf32> -> tensor<4x6xf32>
  %amax = gpuos.reduce max %add_10 axes = [1] keepdim : tensor<4x6xf32> -> tensor<4x1xf32>
  %amin = gpuos.reduce min %add_10 axes = [0] : tensor<4x6xf32> -> tensor<6xf32>
  %sub_2 = gpuos.sub %amax, %amin : tensor<4x1xf32>, tensor<6xf32> -> tensor<4x6xf32>
  %mean = gpuos.reduce mean %sub_2 axes = [0] keepdim : tensor<4x6xf32> -> tensor<1x6xf32>
  %sum_1 = gpuos.reduce sum %sub_2 axes = [1] keepdim : tensor<4x6xf32> -> tensor<4x1xf32>
  %add_11 = gpuos.add %mean, %sum_1 : tensor<1x6xf32>, tensor<4x1xf32> -> tensor<4x6xf32>
  %slice_1 = gpuos.slice %add_11 starts = [0, 0] limits = [4, 6] strides = [1, 2] : tensor<4x6xf32> -> tensor<4x3xf32>
  %select = gpuos.slice %add_11 starts = [1, 0] limits = [2, 6] strides = [1, 1] : tensor<4x6xf32> -> tensor<1x6xf32>
  %select_1 = gpuos.reshape %select : tensor<1x6xf32> -> tensor<6xf32>
  %mul_6 = gpuos.fill 2.0 : f32 -> tensor<f32>
  %mul_6_1 = gpuos.mul %slice_1, %mul_6 : tensor<4x3xf32>, tensor<f32> -> tensor<4x3xf32>
  %cat = gpuos.concat %slice_1, %mul_6_1 axis = 1 : tensor<4x3xf32>, tensor<4x3xf32> -> tensor<4x6xf32>
  %full = gpuos.fill 1.0 : f32 -> tensor<4x6xf32>
  %mul_7 = gpuos.fill 0.25 : f32 -> tensor<f32>
  %mul_7_1 = gpuos.mul %full, %mul_7 : tensor<4x6xf32>, tensor<f32> -> tensor<4x6xf32>
  %add_12 = gpuos.add %cat, %mul_7_1 : tensor<4x6xf32>, tensor<4x6xf32> -> tensor<4x6xf32>
  %full_like = gpuos.fill 0.0 : f32 -> tensor<4x6xf32>
  %add_13 = gpuos.add %add_12, %full_like : tensor<4x6xf32>, tensor<4x6xf32> -> tensor<4x6xf32>
  %full_1 = gpuos.fill 3.0 : f32 -> tensor<6xf32>
  %add_14 = gpuos.add %add_13, %full_1 : tensor<4x6xf32>, tensor<6xf32> -> tensor<4x6xf32>
  %mul_8 = gpuos.fill 3 : i64 -> tensor<i64>
  %mul_8_1 = gpuos.mul %i, %mul_8 : tensor<4x6xi64>, tensor<i64> -> tensor<4x6xi64>
  %sub_3 = gpuos.fill 2 : i64 -> tensor<i64>
  %sub_3_1 = gpuos.sub %mul_8_1, %sub_3 : tensor<4x6xi64>, tensor<i64> -> tensor<4x6xi64>
  %_to_copy_4 = gpuos.cast %sub_3_1 : tensor<4x6xi64> -> tensor<4x6xf32>
  %gt_1_1 = gpuos.fill 0 : i64 -> tensor<i64>
  %gt_1_2 = gpuos.cmp gt, %i, %gt_1_1 : tensor<4x6xi64>, tensor<i64> -> tensor<4x6xi1>
  %scalar_tensor = gpuos.fill -1.0 : f32 -> tensor<f32>
  %where_1 = gpuos.select %gt_1_2, %scalar_tensor, %add_14 : tensor<4x6xi1>, tensor<f32>, tensor<4x6xf32> -> tensor<4x6xf32>
  %unsqueeze = gpuos.reshape %where_1 : tensor<4x6xf32> -> tensor<1x4x6xf32>
  %squeeze = gpuos.reshape %unsqueeze : tensor<1x4x6xf32> -> tensor<4x6xf32>
  %view = gpuos.reshape %squeeze : tensor<4x6xf32> -> tensor<24xf32>
  %view_1 = gpuos.reshape %view : tensor<24xf32> -> tensor<4x6xf32>
  %_softmax = gpuos.softmax %view_1 axis = 1 : tensor<4x6xf32>
  %_log_softmax = gpuos.reduce max %view_1 axes = [0] keepdim : tensor<4x6xf32> -> tensor<1x6xf32>
  %_log_softmax_1 = gpuos.sub %view_1, %_log_softmax : tensor<4x6xf32>, tensor<1x6xf32> -> tensor<4x6xf32>
  %_log_softmax_2 = gpuos.exp %_log_softmax_1 : tensor<4x6xf32>
  %_log_softmax_3 = gpuos.reduce sum %_log_softmax_2 axes = [0] keepdim : tensor<4x6xf32> -> tensor<1x6xf32>
  %_log_softmax_4 = gpuos.log %_log_softmax_3 : tensor<1x6xf32>
  %_log_softmax_5 = gpuos.sub %_log_softmax_1, %_log_softmax_4 : tensor<4x6xf32>, tensor<1x6xf32> -> tensor<4x6xf32>
  %add_15 = gpuos.add %_softmax, %_log_softmax_5 : tensor<4x6xf32>, tensor<4x6xf32> -> tensor<4x6xf32>
  %rms_norm = gpuos.rms_norm %view_1 dims = 1 eps = 1.0e-06 : tensor<4x6xf32>
  %add_16 = gpuos.add %add_15, %rms_norm : tensor<4x6xf32>, tensor<4x6xf32> -> tensor<4x6xf32>
  %mul_9 = gpuos.fill 0.10000000149011612 : f32 -> tensor<f32>
  %mul_9_1 = gpuos.mul %_to_copy_4, %mul_9 : tensor<4x6xf32>, tensor<f32> -> tensor<4x6xf32>
  %add_17 = gpuos.add %add_16, %mul_9_1 : tensor<4x6xf32>, tensor<4x6xf32> -> tensor<4x6xf32>
  %add_18 = gpuos.add %add_17, %select_1 : tensor<4x6xf32>, tensor<6xf32> -> tensor<4x6xf32>
  %max_1 = gpuos.reduce max %view_1 axes = [1] keepdim : tensor<4x6xf32> -> tensor<4x1xf32>
  %mul_10 = gpuos.fill 0.0 : f32 -> tensor<f32>
  %mul_10_1 = gpuos.mul %max_1, %mul_10 : tensor<4x1xf32>, tensor<f32> -> tensor<4x1xf32>
  %add_19 = gpuos.add %add_18, %mul_10_1 : tensor<4x6xf32>, tensor<4x1xf32> -> tensor<4x6xf32>
  %mul_11 = gpuos.fill 2 : i64 -> tensor<i64>
  %mul_11_1 = gpuos.mul %i, %mul_11 : tensor<4x6xi64>, tensor<i64> -> tensor<4x6xi64>
  %add_20 = gpuos.fill 1 : i64 -> tensor<i64>
  %add_20_1 = gpuos.add %mul_11_1, %add_20 : tensor<4x6xi64>, tensor<i64> -> tensor<4x6xi64>
  gpuos.return %add_19, %add_20_1, %gt_1_2 : tensor<4x6xf32>, tensor<4x6xi64>, tensor<4x6xi1>
}
