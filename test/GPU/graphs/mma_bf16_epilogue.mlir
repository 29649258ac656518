// Tensor-core matmul (bf16) with a chain of elementwise epilogues: bias,
// GELU, a gate read from another input, and an f32 copy of the result.
gpuos.graph @mma_bf16_epilogue(%x: tensor<96x192xbf16>, %w: tensor<192x320xbf16>, %b: tensor<320xbf16>, %gate: tensor<96x320xbf16>) -> (tensor<96x320xbf16>, tensor<96x320xf32>) {
  %m = gpuos.matmul %x, %w : tensor<96x192xbf16>, tensor<192x320xbf16> -> tensor<96x320xbf16>
  %h = gpuos.add %m, %b : tensor<96x320xbf16>, tensor<320xbf16> -> tensor<96x320xbf16>
  %g = gpuos.gelu tanh %h : tensor<96x320xbf16>
  %y = gpuos.mul %g, %gate : tensor<96x320xbf16>, tensor<96x320xbf16> -> tensor<96x320xbf16>
  %f = gpuos.cast %y : tensor<96x320xbf16> -> tensor<96x320xf32>
  gpuos.return %y, %f : tensor<96x320xbf16>, tensor<96x320xf32>
}
