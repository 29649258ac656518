// Tensor-core matmul (f16), 128 x 1024 x 1024: also the speed case against
// the CUDA-core path (--gpuos-cuda-tensor-cores=false).
gpuos.graph @mma_f16_large(%x: tensor<128x1024xf16>, %w: tensor<1024x1024xf16>) -> tensor<128x1024xf16> {
  %m = gpuos.matmul %x, %w : tensor<128x1024xf16>, tensor<1024x1024xf16> -> tensor<128x1024xf16>
  gpuos.return %m : tensor<128x1024xf16>
}
