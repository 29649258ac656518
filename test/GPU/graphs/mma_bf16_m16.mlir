// Tensor-core matmul (bf16) at the smallest M that takes tensor cores (16 x
// 64 block tiles), N with a tail: [16, 384] x [384, 200].
gpuos.graph @mma_bf16_m16(%x: tensor<16x384xbf16>, %w: tensor<384x200xbf16>) -> tensor<16x200xbf16> {
  %m = gpuos.matmul %x, %w : tensor<16x384xbf16>, tensor<384x200xbf16> -> tensor<16x200xbf16>
  gpuos.return %m : tensor<16x200xbf16>
}
