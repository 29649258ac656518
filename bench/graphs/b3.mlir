// B3: 12 x single-token attention, 12 heads, head dim 64, context 128.
// Each layer's output is the next layer's query.
gpuos.graph @b3(%q: tensor<12x1x64xf32>, %k0: tensor<12x128x64xf32>, %v0: tensor<12x128x64xf32>, %k1: tensor<12x128x64xf32>, %v1: tensor<12x128x64xf32>, %k2: tensor<12x128x64xf32>, %v2: tensor<12x128x64xf32>, %k3: tensor<12x128x64xf32>, %v3: tensor<12x128x64xf32>, %k4: tensor<12x128x64xf32>, %v4: tensor<12x128x64xf32>, %k5: tensor<12x128x64xf32>, %v5: tensor<12x128x64xf32>, %k6: tensor<12x128x64xf32>, %v6: tensor<12x128x64xf32>, %k7: tensor<12x128x64xf32>, %v7: tensor<12x128x64xf32>, %k8: tensor<12x128x64xf32>, %v8: tensor<12x128x64xf32>, %k9: tensor<12x128x64xf32>, %v9: tensor<12x128x64xf32>, %k10: tensor<12x128x64xf32>, %v10: tensor<12x128x64xf32>, %k11: tensor<12x128x64xf32>, %v11: tensor<12x128x64xf32>) -> (tensor<12x1x64xf32>) {
  %op0 = gpuos.matmul %q, %k0 transpose_rhs : tensor<12x1x64xf32>, tensor<12x128x64xf32> -> tensor<12x1x128xf32>
  %op1 = gpuos.fill 1.250000e-01 : f32 -> tensor<f32>
  %op2 = gpuos.mul %op0, %op1 : tensor<12x1x128xf32>, tensor<f32> -> tensor<12x1x128xf32>
  %op3 = gpuos.softmax %op2 axis = 2 : tensor<12x1x128xf32>
  %op4 = gpuos.matmul %op3, %v0 : tensor<12x1x128xf32>, tensor<12x128x64xf32> -> tensor<12x1x64xf32>
  %op5 = gpuos.matmul %op4, %k1 transpose_rhs : tensor<12x1x64xf32>, tensor<12x128x64xf32> -> tensor<12x1x128xf32>
  %op6 = gpuos.fill 1.250000e-01 : f32 -> tensor<f32>
  %op7 = gpuos.mul %op5, %op6 : tensor<12x1x128xf32>, tensor<f32> -> tensor<12x1x128xf32>
  %op8 = gpuos.softmax %op7 axis = 2 : tensor<12x1x128xf32>
  %op9 = gpuos.matmul %op8, %v1 : tensor<12x1x128xf32>, tensor<12x128x64xf32> -> tensor<12x1x64xf32>
  %op10 = gpuos.matmul %op9, %k2 transpose_rhs : tensor<12x1x64xf32>, tensor<12x128x64xf32> -> tensor<12x1x128xf32>
  %op11 = gpuos.fill 1.250000e-01 : f32 -> tensor<f32>
  %op12 = gpuos.mul %op10, %op11 : tensor<12x1x128xf32>, tensor<f32> -> tensor<12x1x128xf32>
  %op13 = gpuos.softmax %op12 axis = 2 : tensor<12x1x128xf32>
  %op14 = gpuos.matmul %op13, %v2 : tensor<12x1x128xf32>, tensor<12x128x64xf32> -> tensor<12x1x64xf32>
  %op15 = gpuos.matmul %op14, %k3 transpose_rhs : tensor<12x1x64xf32>, tensor<12x128x64xf32> -> tensor<12x1x128xf32>
  %op16 = gpuos.fill 1.250000e-01 : f32 -> tensor<f32>
  %op17 = gpuos.mul %op15, %op16 : tensor<12x1x128xf32>, tensor<f32> -> tensor<12x1x128xf32>
  %op18 = gpuos.softmax %op17 axis = 2 : tensor<12x1x128xf32>
  %op19 = gpuos.matmul %op18, %v3 : tensor<12x1x128xf32>, tensor<12x128x64xf32> -> tensor<12x1x64xf32>
  %op20 = gpuos.matmul %op19, %k4 transpose_rhs : tensor<12x1x64xf32>, tensor<12x128x64xf32> -> tensor<12x1x128xf32>
  %op21 = gpuos.fill 1.250000e-01 : f32 -> tensor<f32>
  %op22 = gpuos.mul %op20, %op21 : tensor<12x1x128xf32>, tensor<f32> -> tensor<12x1x128xf32>
  %op23 = gpuos.softmax %op22 axis = 2 : tensor<12x1x128xf32>
  %op24 = gpuos.matmul %op23, %v4 : tensor<12x1x128xf32>, tensor<12x128x64xf32> -> tensor<12x1x64xf32>
  %op25 = gpuos.matmul %op24, %k5 transpose_rhs : tensor<12x1x64xf32>, tensor<12x128x64xf32> -> tensor<12x1x128xf32>
  %op26 = gpuos.fill 1.250000e-01 : f32 -> tensor<f32>
  %op27 = gpuos.mul %op25, %op26 : tensor<12x1x128xf32>, tensor<f32> -> tensor<12x1x128xf32>
  %op28 = gpuos.softmax %op27 axis = 2 : tensor<12x1x128xf32>
  %op29 = gpuos.matmul %op28, %v5 : tensor<12x1x128xf32>, tensor<12x128x64xf32> -> tensor<12x1x64xf32>
  %op30 = gpuos.matmul %op29, %k6 transpose_rhs : tensor<12x1x64xf32>, tensor<12x128x64xf32> -> tensor<12x1x128xf32>
  %op31 = gpuos.fill 1.250000e-01 : f32 -> tensor<f32>
  %op32 = gpuos.mul %op30, %op31 : tensor<12x1x128xf32>, tensor<f32> -> tensor<12x1x128xf32>
  %op33 = gpuos.softmax %op32 axis = 2 : tensor<12x1x128xf32>
  %op34 = gpuos.matmul %op33, %v6 : tensor<12x1x128xf32>, tensor<12x128x64xf32> -> tensor<12x1x64xf32>
  %op35 = gpuos.matmul %op34, %k7 transpose_rhs : tensor<12x1x64xf32>, tensor<12x128x64xf32> -> tensor<12x1x128xf32>
  %op36 = gpuos.fill 1.250000e-01 : f32 -> tensor<f32>
  %op37 = gpuos.mul %op35, %op36 : tensor<12x1x128xf32>, tensor<f32> -> tensor<12x1x128xf32>
  %op38 = gpuos.softmax %op37 axis = 2 : tensor<12x1x128xf32>
  %op39 = gpuos.matmul %op38, %v7 : tensor<12x1x128xf32>, tensor<12x128x64xf32> -> tensor<12x1x64xf32>
  %op40 = gpuos.matmul %op39, %k8 transpose_rhs : tensor<12x1x64xf32>, tensor<12x128x64xf32> -> tensor<12x1x128xf32>
  %op41 = gpuos.fill 1.250000e-01 : f32 -> tensor<f32>
  %op42 = gpuos.mul %op40, %op41 : tensor<12x1x128xf32>, tensor<f32> -> tensor<12x1x128xf32>
  %op43 = gpuos.softmax %op42 axis = 2 : tensor<12x1x128xf32>
  %op44 = gpuos.matmul %op43, %v8 : tensor<12x1x128xf32>, tensor<12x128x64xf32> -> tensor<12x1x64xf32>
  %op45 = gpuos.matmul %op44, %k9 transpose_rhs : tensor<12x1x64xf32>, tensor<12x128x64xf32> -> tensor<12x1x128xf32>
  %op46 = gpuos.fill 1.250000e-01 : f32 -> tensor<f32>
  %op47 = gpuos.mul %op45, %op46 : tensor<12x1x128xf32>, tensor<f32> -> tensor<12x1x128xf32>
  %op48 = gpuos.softmax %op47 axis = 2 : tensor<12x1x128xf32>
  %op49 = gpuos.matmul %op48, %v9 : tensor<12x1x128xf32>, tensor<12x128x64xf32> -> tensor<12x1x64xf32>
  %op50 = gpuos.matmul %op49, %k10 transpose_rhs : tensor<12x1x64xf32>, tensor<12x128x64xf32> -> tensor<12x1x128xf32>
  %op51 = gpuos.fill 1.250000e-01 : f32 -> tensor<f32>
  %op52 = gpuos.mul %op50, %op51 : tensor<12x1x128xf32>, tensor<f32> -> tensor<12x1x128xf32>
  %op53 = gpuos.softmax %op52 axis = 2 : tensor<12x1x128xf32>
  %op54 = gpuos.matmul %op53, %v10 : tensor<12x1x128xf32>, tensor<12x128x64xf32> -> tensor<12x1x64xf32>
  %op55 = gpuos.matmul %op54, %k11 transpose_rhs : tensor<12x1x64xf32>, tensor<12x128x64xf32> -> tensor<12x1x128xf32>
  %op56 = gpuos.fill 1.250000e-01 : f32 -> tensor<f32>
  %op57 = gpuos.mul %op55, %op56 : tensor<12x1x128xf32>, tensor<f32> -> tensor<12x1x128xf32>
  %op58 = gpuos.softmax %op57 axis = 2 : tensor<12x1x128xf32>
  %op59 = gpuos.matmul %op58, %v11 : tensor<12x1x128xf32>, tensor<12x128x64xf32> -> tensor<12x1x64xf32>
  gpuos.return %op59 : tensor<12x1x64xf32>
}
