// Two outputs of different shapes from two inputs: an elementwise chain and
// a row reduction (run-check.test).
gpuos.graph @two_outputs(%a: tensor<8x8xf32>, %b: tensor<8x8xf32>)
    -> (tensor<8x8xf32>, tensor<8x1xf32>) {
  %p = gpuos.mul %a, %b : tensor<8x8xf32>, tensor<8x8xf32> -> tensor<8x8xf32>
  %t = gpuos.tanh %p : tensor<8x8xf32>
  %s = gpuos.add %a, %b : tensor<8x8xf32>, tensor<8x8xf32> -> tensor<8x8xf32>
  %r = gpuos.reduce sum %s axes = [1] keepdim : tensor<8x8xf32> -> tensor<8x1xf32>
  gpuos.return %t, %r : tensor<8x8xf32>, tensor<8x1xf32>
}
