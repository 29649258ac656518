gpuos.graph @t(%x: tensor<2x3xf16>) -> (tensor<2xf16>, tensor<3x2xf16>) {
  %0:2 = gpuos.task ins(%x : tensor<2x3xf16>) -> tensor<2xf16>, tensor<3x2xf16> attributes {tiles = 2 : i32} {
  ^bb0(%a: tensor<2x3xf16>):
    %s = gpuos.reduce max %a axes = [1] : tensor<2x3xf16> -> tensor<2xf16>
    %p = gpuos.permute %a [1, 0] : tensor<2x3xf16> -> tensor<3x2xf16>
    gpuos.yield %s, %p : tensor<2xf16>, tensor<3x2xf16>
  }
  gpuos.return %0#0, %0#1 : tensor<2xf16>, tensor<3x2xf16>
}
