// Tensor-core matmul (bf16), batched with both operands transposed and the
// rhs batch broadcast: [4, 96, 80]^T x [1, 48, 96]^T -> [4, 80, 48].
gpuos.graph @mma_bf16_batched_t(%a: tensor<4x96x80xbf16>, %b: tensor<1x48x96xbf16>) -> tensor<4x80x48xbf16> {
  %m = gpuos.matmul %a, %b transpose_lhs transpose_rhs : tensor<4x96x80xbf16>, tensor<1x48x96xbf16> -> tensor<4x80x48xbf16>
  gpuos.return %m : tensor<4x80x48xbf16>
}
