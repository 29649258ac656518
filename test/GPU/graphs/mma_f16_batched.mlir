// Tensor-core matmul (f16), batched attention-like shapes with a transposed
// rhs (q k^T): [8, 64, 64] x [8, 128, 64]^T -> [8, 64, 128], then scaled.
gpuos.graph @mma_f16_batched(%q: tensor<8x64x64xf16>, %k: tensor<8x128x64xf16>) -> tensor<8x64x128xf16> {
  %s = gpuos.matmul %q, %k transpose_rhs : tensor<8x64x64xf16>, tensor<8x128x64xf16> -> tensor<8x64x128xf16>
  %c = gpuos.fill 1.250000e-01 : f16 -> tensor<f16>
  %y = gpuos.mul %s, %c : tensor<8x64x128xf16>, tensor<f16> -> tensor<8x64x128xf16>
  gpuos.return %y : tensor<8x64x128xf16>
}
