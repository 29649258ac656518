gpuos.graph @a2(%xs_0: tensor<2048xf32>, %xs_1: tensor<2048xf32>, %xs_2: tensor<2048xf32>, %xs_3: tensor<2048xf32>, %xs_4: tensor<2048xf32>, %xs_5: tensor<2048xf32>, %xs_6: tensor<2048xf32>, %xs_7: tensor<2048xf32>, %xs_8: tensor<2048xf32>, %xs_9: tensor<2048xf32>, %xs_10: tensor<2048xf32>, %xs_11: tensor<2048xf32>, %xs_12: tensor<2048xf32>, %xs_13: tensor<2048xf32>, %xs_14: tensor<2048xf32>, %xs_15: tensor<2048xf32>) -> (tensor<2048xf32>, tensor<2048xf32>, tensor<2048xf32>, tensor<2048xf32>) {
  %add = gpuos.add %xs_0, %xs_1 : tensor<2048xf32>, tensor<2048xf32> -> tensor<2048xf32>
  %mul = gpuos.mul %add, %xs_2 : tensor<2048xf32>, tensor<2048xf32> -> tensor<2048xf32>
  %relu = gpuos.relu %mul : tensor<2048xf32>
  %sigmoid = gpuos.sigmoid %relu : tensor<2048xf32>
  %div = gpuos.div %sigmoid, %xs_3 : tensor<2048xf32>, tensor<2048xf32> -> tensor<2048xf32>
  %add_1 = gpuos.add %xs_4, %xs_5 : tensor<2048xf32>, tensor<2048xf32> -> tensor<2048xf32>
  %mul_1 = gpuos.mul %add_1, %xs_6 : tensor<2048xf32>, tensor<2048xf32> -> tensor<2048xf32>
  %relu_1 = gpuos.relu %mul_1 : tensor<2048xf32>
  %sigmoid_1 = gpuos.sigmoid %relu_1 : tensor<2048xf32>
  %div_1 = gpuos.div %sigmoid_1, %xs_7 : tensor<2048xf32>, tensor<2048xf32> -> tensor<2048xf32>
  %add_2 = gpuos.add %xs_8, %xs_9 : tensor<2048xf32>, tensor<2048xf32> -> tensor<2048xf32>
  %mul_2 = gpuos.mul %add_2, %xs_10 : tensor<2048xf32>, tensor<2048xf32> -> tensor<2048xf32>
  %relu_2 = gpuos.relu %mul_2 : tensor<2048xf32>
  %sigmoid_2 = gpuos.sigmoid %relu_2 : tensor<2048xf32>
  %div_2 = gpuos.div %sigmoid_2, %xs_11 : tensor<2048xf32>, tensor<2048xf32> -> tensor<2048xf32>
  %add_3 = gpuos.add %xs_12, %xs_13 : tensor<2048xf32>, tensor<2048xf32> -> tensor<2048xf32>
  %mul_3 = gpuos.mul %add_3, %xs_14 : tensor<2048xf32>, tensor<2048xf32> -> tensor<2048xf32>
  %relu_3 = gpuos.relu %mul_3 : tensor<2048xf32>
  %sigmoid_3 = gpuos.sigmoid %relu_3 : tensor<2048xf32>
  %div_3 = gpuos.div %sigmoid_3, %xs_15 : tensor<2048xf32>, tensor<2048xf32> -> tensor<2048xf32>
  gpuos.return %div, %div_1, %div_2, %div_3 : tensor<2048xf32>, tensor<2048xf32>, tensor<2048xf32>, tensor<2048xf32>
}
