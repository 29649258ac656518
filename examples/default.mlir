// A small transformer block: pre-norm single-head self-attention followed by
// a two-layer MLP with GELU, each wrapped in a residual connection.
// `gpuos-run` with no arguments runs this graph on seeded random inputs.

gpuos.graph @transformer_block(%x: tensor<4x16xf32>,
                               %ln_w: tensor<16xf32>, %ln_b: tensor<16xf32>,
                               %w1: tensor<16x32xf32>, %b1: tensor<32xf32>,
                               %w2: tensor<32x16xf32>, %b2: tensor<16xf32>)
    -> (tensor<4x16xf32>, tensor<4x4xf32>, tensor<4x1xf32>) {
  // Attention over the 4 tokens: softmax(h h^T / sqrt(16)) h.
  %h = gpuos.layer_norm %x weight(%ln_w : tensor<16xf32>) bias(%ln_b : tensor<16xf32>)
         dims = 1 eps = 1.000000e-05 : tensor<4x16xf32>
  %scores = gpuos.matmul %h, %h transpose_rhs
              : tensor<4x16xf32>, tensor<4x16xf32> -> tensor<4x4xf32>
  %scale = gpuos.constant dense<2.500000e-01> : tensor<f32>
  %scaled = gpuos.mul %scores, %scale : tensor<4x4xf32>, tensor<f32> -> tensor<4x4xf32>
  %attn = gpuos.softmax %scaled axis = 1 : tensor<4x4xf32>
  %mixed = gpuos.matmul %attn, %h : tensor<4x4xf32>, tensor<4x16xf32> -> tensor<4x16xf32>
  %r1 = gpuos.add %x, %mixed : tensor<4x16xf32>, tensor<4x16xf32> -> tensor<4x16xf32>

  // MLP: gelu(r1 W1 + b1) W2 + b2, pre-normalized with RMS norm.
  %n = gpuos.rms_norm %r1 dims = 1 eps = 1.000000e-06 : tensor<4x16xf32>
  %up = gpuos.matmul %n, %w1 : tensor<4x16xf32>, tensor<16x32xf32> -> tensor<4x32xf32>
  %up_b = gpuos.add %up, %b1 : tensor<4x32xf32>, tensor<32xf32> -> tensor<4x32xf32>
  %act = gpuos.gelu tanh %up_b : tensor<4x32xf32>
  %down = gpuos.matmul %act, %w2 : tensor<4x32xf32>, tensor<32x16xf32> -> tensor<4x16xf32>
  %down_b = gpuos.add %down, %b2 : tensor<4x16xf32>, tensor<16xf32> -> tensor<4x16xf32>
  %y = gpuos.add %r1, %down_b : tensor<4x16xf32>, tensor<4x16xf32> -> tensor<4x16xf32>

  // Per-token mean activation, a cheap statistic to monitor.
  %stat = gpuos.reduce mean %y axes = [1] keepdim : tensor<4x16xf32> -> tensor<4x1xf32>
  gpuos.return %y, %attn, %stat : tensor<4x16xf32>, tensor<4x4xf32>, tensor<4x1xf32>
}
