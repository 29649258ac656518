// Tensor-core matmuls mixed with elementwise work: a bf16 MLP block (bias,
// GELU, second projection, residual; fused into one task that splits by rows,
// so on CUDA cores), an f16 projection of an f32 input on tensor cores (a
// cast prologue, a tanh epilogue), and an f16 matmul too small for tensor
// cores.
gpuos.graph @mma_mixed_mlp(%x: tensor<64x256xbf16>, %w1: tensor<256x512xbf16>, %b1: tensor<512xbf16>, %w2: tensor<512x256xbf16>, %u: tensor<48x96xf32>, %v: tensor<96x40xf16>, %s: tensor<4x96xf16>) -> (tensor<64x256xbf16>, tensor<48x40xf16>, tensor<4x40xf16>) {
  %h = gpuos.matmul %x, %w1 : tensor<64x256xbf16>, tensor<256x512xbf16> -> tensor<64x512xbf16>
  %hb = gpuos.add %h, %b1 : tensor<64x512xbf16>, tensor<512xbf16> -> tensor<64x512xbf16>
  %g = gpuos.gelu tanh %hb : tensor<64x512xbf16>
  %o = gpuos.matmul %g, %w2 : tensor<64x512xbf16>, tensor<512x256xbf16> -> tensor<64x256xbf16>
  %r = gpuos.add %o, %x : tensor<64x256xbf16>, tensor<64x256xbf16> -> tensor<64x256xbf16>
  %uc = gpuos.cast %u : tensor<48x96xf32> -> tensor<48x96xf16>
  %p = gpuos.matmul %uc, %v : tensor<48x96xf16>, tensor<96x40xf16> -> tensor<48x40xf16>
  %pt = gpuos.tanh %p : tensor<48x40xf16>
  %q = gpuos.matmul %s, %v : tensor<4x96xf16>, tensor<96x40xf16> -> tensor<4x40xf16>
  gpuos.return %r, %pt, %q : tensor<64x256xbf16>, tensor<48x40xf16>, tensor<4x40xf16>
}
