// B4: 8-layer MLP (linear + bias + relu), batch 4, hidden 256.
gpuos.graph @b4(%x: tensor<4x256xf32>, %w0: tensor<256x256xf32>, %b0: tensor<256xf32>, %w1: tensor<256x256xf32>, %b1: tensor<256xf32>, %w2: tensor<256x256xf32>, %b2: tensor<256xf32>, %w3: tensor<256x256xf32>, %b3: tensor<256xf32>, %w4: tensor<256x256xf32>, %b4: tensor<256xf32>, %w5: tensor<256x256xf32>, %b5: tensor<256xf32>, %w6: tensor<256x256xf32>, %b6: tensor<256xf32>, %w7: tensor<256x256xf32>, %b7: tensor<256xf32>) -> (tensor<4x256xf32>) {
  %op0 = gpuos.matmul %x, %w0 : tensor<4x256xf32>, tensor<256x256xf32> -> tensor<4x256xf32>
  %op1 = gpuos.add %op0, %b0 : tensor<4x256xf32>, tensor<256xf32> -> tensor<4x256xf32>
  %op2 = gpuos.relu %op1 : tensor<4x256xf32>
  %op3 = gpuos.matmul %op2, %w1 : tensor<4x256xf32>, tensor<256x256xf32> -> tensor<4x256xf32>
  %op4 = gpuos.add %op3, %b1 : tensor<4x256xf32>, tensor<256xf32> -> tensor<4x256xf32>
  %op5 = gpuos.relu %op4 : tensor<4x256xf32>
  %op6 = gpuos.matmul %op5, %w2 : tensor<4x256xf32>, tensor<256x256xf32> -> tensor<4x256xf32>
  %op7 = gpuos.add %op6, %b2 : tensor<4x256xf32>, tensor<256xf32> -> tensor<4x256xf32>
  %op8 = gpuos.relu %op7 : tensor<4x256xf32>
  %op9 = gpuos.matmul %op8, %w3 : tensor<4x256xf32>, tensor<256x256xf32> -> tensor<4x256xf32>
  %op10 = gpuos.add %op9, %b3 : tensor<4x256xf32>, tensor<256xf32> -> tensor<4x256xf32>
  %op11 = gpuos.relu %op10 : tensor<4x256xf32>
  %op12 = gpuos.matmul %op11, %w4 : tensor<4x256xf32>, tensor<256x256xf32> -> tensor<4x256xf32>
  %op13 = gpuos.add %op12, %b4 : tensor<4x256xf32>, tensor<256xf32> -> tensor<4x256xf32>
  %op14 = gpuos.relu %op13 : tensor<4x256xf32>
  %op15 = gpuos.matmul %op14, %w5 : tensor<4x256xf32>, tensor<256x256xf32> -> tensor<4x256xf32>
  %op16 = gpuos.add %op15, %b5 : tensor<4x256xf32>, tensor<256xf32> -> tensor<4x256xf32>
  %op17 = gpuos.relu %op16 : tensor<4x256xf32>
  %op18 = gpuos.matmul %op17, %w6 : tensor<4x256xf32>, tensor<256x256xf32> -> tensor<4x256xf32>
  %op19 = gpuos.add %op18, %b6 : tensor<4x256xf32>, tensor<256xf32> -> tensor<4x256xf32>
  %op20 = gpuos.relu %op19 : tensor<4x256xf32>
  %op21 = gpuos.matmul %op20, %w7 : tensor<4x256xf32>, tensor<256x256xf32> -> tensor<4x256xf32>
  %op22 = gpuos.add %op21, %b7 : tensor<4x256xf32>, tensor<256xf32> -> tensor<4x256xf32>
  %op23 = gpuos.relu %op22 : tensor<4x256xf32>
  gpuos.return %op23 : tensor<4x256xf32>
}
