// Tensor-core matmul (bf16) with a chain of elementwise epilogues: bias,
// GELU, and a gate read from another input; the biased value is a second
// output. (Outputs stay bf16: an f32 copy would be judged at f32 tolerance
// while carrying bf16 rounding of a sum taken in another order.)
gpuos.graph @mma_bf16_epilogue(%x: tensor<96x192xbf16>, %w: tensor<192x320xbf16>, %b: tensor<320xbf16>, %gate: tensor<96x320xbf16>) -> (tensor<96x320xbf16>, tensor<96x320xbf16>) {
  %m = gpuos.matmul %x, %w : tensor<96x192xbf16>, tensor<192x320xbf16> -> tensor<96x320xbf16>
  %h = gpuos.add %m, %b : tensor<96x320xbf16>, tensor<320xbf16> -> tensor<96x320xbf16>
  %g = gpuos.gelu tanh %h : tensor<96x320xbf16>
  %y = gpuos.mul %g, %gate : tensor<96x320xbf16>, tensor<96x320xbf16> -> tensor<96x320xbf16>
  gpuos.return %y, %h : tensor<96x320xbf16>, tensor<96x320xbf16>
}
