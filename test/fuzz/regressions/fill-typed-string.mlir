gpuos.graph @f() -> tensor<4xf32> {
  %0 = "gpuos.fill"() <{value = "one" : f32}> : () -> tensor<4xf32>
  gpuos.return %0 : tensor<4xf32>
}
