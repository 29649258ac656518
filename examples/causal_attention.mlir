// Single-layer causal self-attention in bf16 with an f32 softmax: 8 tokens,
// model width 32, 4 heads of 8. Shows views (reshape, permute), transposed
// batched matmul, mixed precision casts and a causal mask built from
// comparisons.
//
//   gpuos-run examples/causal_attention.mlir --print-values

gpuos.graph @causal_attention(%x: tensor<8x32xbf16>, %wq: tensor<32x32xbf16>,
                              %wk: tensor<32x32xbf16>, %wv: tensor<32x32xbf16>,
                              %wo: tensor<32x32xbf16>) -> tensor<8x32xbf16> {
  %q = gpuos.matmul %x, %wq : tensor<8x32xbf16>, tensor<32x32xbf16> -> tensor<8x32xbf16>
  %k = gpuos.matmul %x, %wk : tensor<8x32xbf16>, tensor<32x32xbf16> -> tensor<8x32xbf16>
  %v = gpuos.matmul %x, %wv : tensor<8x32xbf16>, tensor<32x32xbf16> -> tensor<8x32xbf16>

  // [tokens, width] -> [heads, tokens, head width].
  %q3 = gpuos.reshape %q : tensor<8x32xbf16> -> tensor<8x4x8xbf16>
  %k3 = gpuos.reshape %k : tensor<8x32xbf16> -> tensor<8x4x8xbf16>
  %v3 = gpuos.reshape %v : tensor<8x32xbf16> -> tensor<8x4x8xbf16>
  %qh = gpuos.permute %q3 [1, 0, 2] : tensor<8x4x8xbf16> -> tensor<4x8x8xbf16>
  %kh = gpuos.permute %k3 [1, 0, 2] : tensor<8x4x8xbf16> -> tensor<4x8x8xbf16>
  %vh = gpuos.permute %v3 [1, 0, 2] : tensor<8x4x8xbf16> -> tensor<4x8x8xbf16>

  // Scores q k^T / sqrt(8), in f32.
  %s = gpuos.matmul %qh, %kh transpose_rhs
         : tensor<4x8x8xbf16>, tensor<4x8x8xbf16> -> tensor<4x8x8xbf16>
  %s32 = gpuos.cast %s : tensor<4x8x8xbf16> -> tensor<4x8x8xf32>
  %scale = gpuos.constant dense<0.353553385> : tensor<f32>
  %scaled = gpuos.mul %s32, %scale : tensor<4x8x8xf32>, tensor<f32> -> tensor<4x8x8xf32>

  // Token i attends to tokens j <= i.
  %rows = gpuos.constant dense<[[0], [1], [2], [3], [4], [5], [6], [7]]> : tensor<8x1xi32>
  %cols = gpuos.constant dense<[0, 1, 2, 3, 4, 5, 6, 7]> : tensor<8xi32>
  %keep = gpuos.cmp ge, %rows, %cols : tensor<8x1xi32>, tensor<8xi32> -> tensor<8x8xi1>
  %hidden = gpuos.fill -1.000000e+09 : f32 -> tensor<f32>
  %masked = gpuos.select %keep, %scaled, %hidden
              : tensor<8x8xi1>, tensor<4x8x8xf32>, tensor<f32> -> tensor<4x8x8xf32>
  %p = gpuos.softmax %masked axis = 2 : tensor<4x8x8xf32>
  %p16 = gpuos.cast %p : tensor<4x8x8xf32> -> tensor<4x8x8xbf16>

  // Mix the values and merge the heads back.
  %o = gpuos.matmul %p16, %vh : tensor<4x8x8xbf16>, tensor<4x8x8xbf16> -> tensor<4x8x8xbf16>
  %ot = gpuos.permute %o [1, 0, 2] : tensor<4x8x8xbf16> -> tensor<8x4x8xbf16>
  %merged = gpuos.reshape %ot : tensor<8x4x8xbf16> -> tensor<8x32xbf16>
  %y = gpuos.matmul %merged, %wo : tensor<8x32xbf16>, tensor<32x32xbf16> -> tensor<8x32xbf16>
  %out = gpuos.add %x, %y : tensor<8x32xbf16>, tensor<8x32xbf16> -> tensor<8x32xbf16>
  gpuos.return %out : tensor<8x32xbf16>
}
