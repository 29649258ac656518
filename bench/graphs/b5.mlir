// B5: 4 x (RMSNorm, rotary embedding, SwiGLU MLP, residual), batch 1,
// model dim 512, MLP dim 1024. Rotary: x * cos + rotate_half(x) * sin, with
// rotate_half(x) = concat(-x[256:], x[:256]).
gpuos.graph @b5(%x: tensor<1x512xf32>, %cos: tensor<1x512xf32>, %sin: tensor<1x512xf32>, %norm_w0: tensor<512xf32>, %w_gate0: tensor<512x1024xf32>, %w_up0: tensor<512x1024xf32>, %w_down0: tensor<1024x512xf32>, %norm_w1: tensor<512xf32>, %w_gate1: tensor<512x1024xf32>, %w_up1: tensor<512x1024xf32>, %w_down1: tensor<1024x512xf32>, %norm_w2: tensor<512xf32>, %w_gate2: tensor<512x1024xf32>, %w_up2: tensor<512x1024xf32>, %w_down2: tensor<1024x512xf32>, %norm_w3: tensor<512xf32>, %w_gate3: tensor<512x1024xf32>, %w_up3: tensor<512x1024xf32>, %w_down3: tensor<1024x512xf32>) -> (tensor<1x512xf32>) {
  %op0 = gpuos.rms_norm %x weight(%norm_w0 : tensor<512xf32>) dims = 1 eps = 1.000000e-06 : tensor<1x512xf32>
  %op1 = gpuos.slice %op0 starts = [0, 0] limits = [1, 256] strides = [1, 1] : tensor<1x512xf32> -> tensor<1x256xf32>
  %op2 = gpuos.slice %op0 starts = [0, 256] limits = [1, 512] strides = [1, 1] : tensor<1x512xf32> -> tensor<1x256xf32>
  %op3 = gpuos.neg %op2 : tensor<1x256xf32>
  %op4 = gpuos.concat %op3, %op1 axis = 1 : tensor<1x256xf32>, tensor<1x256xf32> -> tensor<1x512xf32>
  %op5 = gpuos.mul %op0, %cos : tensor<1x512xf32>, tensor<1x512xf32> -> tensor<1x512xf32>
  %op6 = gpuos.mul %op4, %sin : tensor<1x512xf32>, tensor<1x512xf32> -> tensor<1x512xf32>
  %op7 = gpuos.add %op5, %op6 : tensor<1x512xf32>, tensor<1x512xf32> -> tensor<1x512xf32>
  %op8 = gpuos.matmul %op7, %w_gate0 : tensor<1x512xf32>, tensor<512x1024xf32> -> tensor<1x1024xf32>
  %op9 = gpuos.silu %op8 : tensor<1x1024xf32>
  %op10 = gpuos.matmul %op7, %w_up0 : tensor<1x512xf32>, tensor<512x1024xf32> -> tensor<1x1024xf32>
  %op11 = gpuos.mul %op9, %op10 : tensor<1x1024xf32>, tensor<1x1024xf32> -> tensor<1x1024xf32>
  %op12 = gpuos.matmul %op11, %w_down0 : tensor<1x1024xf32>, tensor<1024x512xf32> -> tensor<1x512xf32>
  %op13 = gpuos.add %x, %op12 : tensor<1x512xf32>, tensor<1x512xf32> -> tensor<1x512xf32>
  %op14 = gpuos.rms_norm %op13 weight(%norm_w1 : tensor<512xf32>) dims = 1 eps = 1.000000e-06 : tensor<1x512xf32>
  %op15 = gpuos.slice %op14 starts = [0, 0] limits = [1, 256] strides = [1, 1] : tensor<1x512xf32> -> tensor<1x256xf32>
  %op16 = gpuos.slice %op14 starts = [0, 256] limits = [1, 512] strides = [1, 1] : tensor<1x512xf32> -> tensor<1x256xf32>
  %op17 = gpuos.neg %op16 : tensor<1x256xf32>
  %op18 = gpuos.concat %op17, %op15 axis = 1 : tensor<1x256xf32>, tensor<1x256xf32> -> tensor<1x512xf32>
  %op19 = gpuos.mul %op14, %cos : tensor<1x512xf32>, tensor<1x512xf32> -> tensor<1x512xf32>
  %op20 = gpuos.mul %op18, %sin : tensor<1x512xf32>, tensor<1x512xf32> -> tensor<1x512xf32>
  %op21 = gpuos.add %op19, %op20 : tensor<1x512xf32>, tensor<1x512xf32> -> tensor<1x512xf32>
  %op22 = gpuos.matmul %op21, %w_gate1 : tensor<1x512xf32>, tensor<512x1024xf32> -> tensor<1x1024xf32>
  %op23 = gpuos.silu %op22 : tensor<1x1024xf32>
  %op24 = gpuos.matmul %op21, %w_up1 : tensor<1x512xf32>, tensor<512x1024xf32> -> tensor<1x1024xf32>
  %op25 = gpuos.mul %op23, %op24 : tensor<1x1024xf32>, tensor<1x1024xf32> -> tensor<1x1024xf32>
  %op26 = gpuos.matmul %op25, %w_down1 : tensor<1x1024xf32>, tensor<1024x512xf32> -> tensor<1x512xf32>
  %op27 = gpuos.add %op13, %op26 : tensor<1x512xf32>, tensor<1x512xf32> -> tensor<1x512xf32>
  %op28 = gpuos.rms_norm %op27 weight(%norm_w2 : tensor<512xf32>) dims = 1 eps = 1.000000e-06 : tensor<1x512xf32>
  %op29 = gpuos.slice %op28 starts = [0, 0] limits = [1, 256] strides = [1, 1] : tensor<1x512xf32> -> tensor<1x256xf32>
  %op30 = gpuos.slice %op28 starts = [0, 256] limits = [1, 512] strides = [1, 1] : tensor<1x512xf32> -> tensor<1x256xf32>
  %op31 = gpuos.neg %op30 : tensor<1x256xf32>
  %op32 = gpuos.concat %op31, %op29 axis = 1 : tensor<1x256xf32>, tensor<1x256xf32> -> tensor<1x512xf32>
  %op33 = gpuos.mul %op28, %cos : tensor<1x512xf32>, tensor<1x512xf32> -> tensor<1x512xf32>
  %op34 = gpuos.mul %op32, %sin : tensor<1x512xf32>, tensor<1x512xf32> -> tensor<1x512xf32>
  %op35 = gpuos.add %op33, %op34 : tensor<1x512xf32>, tensor<1x512xf32> -> tensor<1x512xf32>
  %op36 = gpuos.matmul %op35, %w_gate2 : tensor<1x512xf32>, tensor<512x1024xf32> -> tensor<1x1024xf32>
  %op37 = gpuos.silu %op36 : tensor<1x1024xf32>
  %op38 = gpuos.matmul %op35, %w_up2 : tensor<1x512xf32>, tensor<512x1024xf32> -> tensor<1x1024xf32>
  %op39 = gpuos.mul %op37, %op38 : tensor<1x1024xf32>, tensor<1x1024xf32> -> tensor<1x1024xf32>
  %op40 = gpuos.matmul %op39, %w_down2 : tensor<1x1024xf32>, tensor<1024x512xf32> -> tensor<1x512xf32>
  %op41 = gpuos.add %op27, %op40 : tensor<1x512xf32>, tensor<1x512xf32> -> tensor<1x512xf32>
  %op42 = gpuos.rms_norm %op41 weight(%norm_w3 : tensor<512xf32>) dims = 1 eps = 1.000000e-06 : tensor<1x512xf32>
  %op43 = gpuos.slice %op42 starts = [0, 0] limits = [1, 256] strides = [1, 1] : tensor<1x512xf32> -> tensor<1x256xf32>
  %op44 = gpuos.slice %op42 starts = [0, 256] limits = [1, 512] strides = [1, 1] : tensor<1x512xf32> -> tensor<1x256xf32>
  %op45 = gpuos.neg %op44 : tensor<1x256xf32>
  %op46 = gpuos.concat %op45, %op43 axis = 1 : tensor<1x256xf32>, tensor<1x256xf32> -> tensor<1x512xf32>
  %op47 = gpuos.mul %op42, %cos : tensor<1x512xf32>, tensor<1x512xf32> -> tensor<1x512xf32>
  %op48 = gpuos.mul %op46, %sin : tensor<1x512xf32>, tensor<1x512xf32> -> tensor<1x512xf32>
  %op49 = gpuos.add %op47, %op48 : tensor<1x512xf32>, tensor<1x512xf32> -> tensor<1x512xf32>
  %op50 = gpuos.matmul %op49, %w_gate3 : tensor<1x512xf32>, tensor<512x1024xf32> -> tensor<1x1024xf32>
  %op51 = gpuos.silu %op50 : tensor<1x1024xf32>
  %op52 = gpuos.matmul %op49, %w_up3 : tensor<1x512xf32>, tensor<512x1024xf32> -> tensor<1x1024xf32>
  %op53 = gpuos.mul %op51, %op52 : tensor<1x1024xf32>, tensor<1x1024xf32> -> tensor<1x1024xf32>
  %op54 = gpuos.matmul %op53, %w_down3 : tensor<1x1024xf32>, tensor<1024x512xf32> -> tensor<1x512xf32>
  %op55 = gpuos.add %op41, %op54 : tensor<1x512xf32>, tensor<1x512xf32> -> tensor<1x512xf32>
  gpuos.return %op55 : tensor<1x512xf32>
}
