// f16 and i1 coverage for the GPU bundle check: casts, matmul, normalization,
// softmax, comparison and select on half precision.
gpuos.graph @mixed_f16(%x: tensor<16x64xf16>, %w: tensor<64x32xf16>, %g: tensor<32xf16>, %b: tensor<32xf16>, %m: tensor<16x32xi1>) -> (tensor<16x32xf16>, tensor<16x32xf32>) {
  %h = gpuos.matmul %x, %w : tensor<16x64xf16>, tensor<64x32xf16> -> tensor<16x32xf16>
  %n = gpuos.layer_norm %h weight(%g : tensor<32xf16>) bias(%b : tensor<32xf16>) dims = 1 eps = 1.000000e-05 : tensor<16x32xf16>
  %z = gpuos.fill 0.000000e+00 : f16 -> tensor<f16>
  %s = gpuos.select %m, %n, %z : tensor<16x32xi1>, tensor<16x32xf16>, tensor<f16> -> tensor<16x32xf16>
  %p = gpuos.softmax %s axis = 1 : tensor<16x32xf16>
  %c = gpuos.cast %p : tensor<16x32xf16> -> tensor<16x32xf32>
  %e = gpuos.exp %c : tensor<16x32xf32>
  gpuos.return %p, %e : tensor<16x32xf16>, tensor<16x32xf32>
}
