gpuos.graph @c() -> (tensor<2x2xf32>, tensor<3xi1>, tensor<2xbf16>, tensor<4xi64>) {
  %0 = gpuos.constant dense<[[1.0, -2.5], [0x7F800000, 3.0]]> : tensor<2x2xf32>
  %1 = gpuos.constant dense<[true, false, true]> : tensor<3xi1>
  %2 = gpuos.fill 1.5 : bf16 -> tensor<2xbf16>
  %3 = gpuos.fill -7 : i64 -> tensor<4xi64>
  %4 = gpuos.matmul %0, %0 transpose_lhs : tensor<2x2xf32>, tensor<2x2xf32> -> tensor<2x2xf32>
  %5 = gpuos.layer_norm %4 weight(%4 : tensor<2x2xf32>) dims = 2 eps = 1.0e-05 : tensor<2x2xf32>
  gpuos.return %5, %1, %2, %3 : tensor<2x2xf32>, tensor<3xi1>, tensor<2xbf16>, tensor<4xi64>
}
