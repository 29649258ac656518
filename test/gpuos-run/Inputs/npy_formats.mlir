gpuos.graph @echo(%a: tensor<2x3xf32>, %b: tensor<3xi64>, %c: tensor<f16>, %d: tensor<0x4xi32>,
                  %e: tensor<4xi1>, %f: tensor<3xbf16>)
    -> (tensor<2x3xf32>, tensor<3xi64>, tensor<f16>, tensor<0x4xi32>, tensor<4xi1>, tensor<3xbf16>) {
  gpuos.return %a, %b, %c, %d, %e, %f : tensor<2x3xf32>, tensor<3xi64>, tensor<f16>, tensor<0x4xi32>, tensor<4xi1>, tensor<3xbf16>
}
