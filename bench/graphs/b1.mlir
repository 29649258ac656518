// B1: 8 x (scale and shift, sigmoid, subtract, tanh) on 64x256 f32.
// Scale and shift are two micro-ops (mul, add): 40 micro-ops in all.
gpuos.graph @b1(%x: tensor<64x256xf32>, %scale0: tensor<256xf32>, %shift0: tensor<256xf32>, %scale1: tensor<256xf32>, %shift1: tensor<256xf32>, %scale2: tensor<256xf32>, %shift2: tensor<256xf32>, %scale3: tensor<256xf32>, %shift3: tensor<256xf32>, %scale4: tensor<256xf32>, %shift4: tensor<256xf32>, %scale5: tensor<256xf32>, %shift5: tensor<256xf32>, %scale6: tensor<256xf32>, %shift6: tensor<256xf32>, %scale7: tensor<256xf32>, %shift7: tensor<256xf32>) -> (tensor<64x256xf32>) {
  %op0 = gpuos.mul %x, %scale0 : tensor<64x256xf32>, tensor<256xf32> -> tensor<64x256xf32>
  %op1 = gpuos.add %op0, %shift0 : tensor<64x256xf32>, tensor<256xf32> -> tensor<64x256xf32>
  %op2 = gpuos.sigmoid %op1 : tensor<64x256xf32>
  %op3 = gpuos.sub %op2, %op1 : tensor<64x256xf32>, tensor<64x256xf32> -> tensor<64x256xf32>
  %op4 = gpuos.tanh %op3 : tensor<64x256xf32>
  %op5 = gpuos.mul %op4, %scale1 : tensor<64x256xf32>, tensor<256xf32> -> tensor<64x256xf32>
  %op6 = gpuos.add %op5, %shift1 : tensor<64x256xf32>, tensor<256xf32> -> tensor<64x256xf32>
  %op7 = gpuos.sigmoid %op6 : tensor<64x256xf32>
  %op8 = gpuos.sub %op7, %op6 : tensor<64x256xf32>, tensor<64x256xf32> -> tensor<64x256xf32>
  %op9 = gpuos.tanh %op8 : tensor<64x256xf32>
  %op10 = gpuos.mul %op9, %scale2 : tensor<64x256xf32>, tensor<256xf32> -> tensor<64x256xf32>
  %op11 = gpuos.add %op10, %shift2 : tensor<64x256xf32>, tensor<256xf32> -> tensor<64x256xf32>
  %op12 = gpuos.sigmoid %op11 : tensor<64x256xf32>
  %op13 = gpuos.sub %op12, %op11 : tensor<64x256xf32>, tensor<64x256xf32> -> tensor<64x256xf32>
  %op14 = gpuos.tanh %op13 : tensor<64x256xf32>
  %op15 = gpuos.mul %op14, %scale3 : tensor<64x256xf32>, tensor<256xf32> -> tensor<64x256xf32>
  %op16 = gpuos.add %op15, %shift3 : tensor<64x256xf32>, tensor<256xf32> -> tensor<64x256xf32>
  %op17 = gpuos.sigmoid %op16 : tensor<64x256xf32>
  %op18 = gpuos.sub %op17, %op16 : tensor<64x256xf32>, tensor<64x256xf32> -> tensor<64x256xf32>
  %op19 = gpuos.tanh %op18 : tensor<64x256xf32>
  %op20 = gpuos.mul %op19, %scale4 : tensor<64x256xf32>, tensor<256xf32> -> tensor<64x256xf32>
  %op21 = gpuos.add %op20, %shift4 : tensor<64x256xf32>, tensor<256xf32> -> tensor<64x256xf32>
  %op22 = gpuos.sigmoid %op21 : tensor<64x256xf32>
  %op23 = gpuos.sub %op22, %op21 : tensor<64x256xf32>, tensor<64x256xf32> -> tensor<64x256xf32>
  %op24 = gpuos.tanh %op23 : tensor<64x256xf32>
  %op25 = gpuos.mul %op24, %scale5 : tensor<64x256xf32>, tensor<256xf32> -> tensor<64x256xf32>
  %op26 = gpuos.add %op25, %shift5 : tensor<64x256xf32>, tensor<256xf32> -> tensor<64x256xf32>
  %op27 = gpuos.sigmoid %op26 : tensor<64x256xf32>
  %op28 = gpuos.sub %op27, %op26 : tensor<64x256xf32>, tensor<64x256xf32> -> tensor<64x256xf32>
  %op29 = gpuos.tanh %op28 : tensor<64x256xf32>
  %op30 = gpuos.mul %op29, %scale6 : tensor<64x256xf32>, tensor<256xf32> -> tensor<64x256xf32>
  %op31 = gpuos.add %op30, %shift6 : tensor<64x256xf32>, tensor<256xf32> -> tensor<64x256xf32>
  %op32 = gpuos.sigmoid %op31 : tensor<64x256xf32>
  %op33 = gpuos.sub %op32, %op31 : tensor<64x256xf32>, tensor<64x256xf32> -> tensor<64x256xf32>
  %op34 = gpuos.tanh %op33 : tensor<64x256xf32>
  %op35 = gpuos.mul %op34, %scale7 : tensor<64x256xf32>, tensor<256xf32> -> tensor<64x256xf32>
  %op36 = gpuos.add %op35, %shift7 : tensor<64x256xf32>, tensor<256xf32> -> tensor<64x256xf32>
  %op37 = gpuos.sigmoid %op36 : tensor<64x256xf32>
  %op38 = gpuos.sub %op37, %op36 : tensor<64x256xf32>, tensor<64x256xf32> -> tensor<64x256xf32>
  %op39 = gpuos.tanh %op38 : tensor<64x256xf32>
  gpuos.return %op39 : tensor<64x256xf32>
}
