// Tensor-core matmul (f16) with tails in M, N and K (100 x 200 x 72: none a
// multiple of the block tile or of 32) and a bias epilogue.
gpuos.graph @mma_f16_tails(%x: tensor<100x200xf16>, %w: tensor<200x72xf16>, %b: tensor<72xf16>) -> tensor<100x72xf16> {
  %m = gpuos.matmul %x, %w : tensor<100x200xf16>, tensor<200x72xf16> -> tensor<100x72xf16>
  %y = gpuos.add %m, %b : tensor<100x72xf16>, tensor<72xf16> -> tensor<100x72xf16>
  gpuos.return %y : tensor<100x72xf16>
}
