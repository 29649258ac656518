// Layer norms as gpuos-decompose leaves them (sum, centred sum of squares,
// elementwise), for simulate-row-chains.test and row-chains-norm.test.

// Two residual blocks of B2's shape on rows of 302 (not a multiple of 4).
gpuos.graph @blocks(%x: tensor<6x302xf32>, %w0: tensor<302xf32>, %b0: tensor<302xf32>, %w1: tensor<302xf32>, %b1: tensor<302xf32>) -> tensor<6x302xf32> {
  %0 = gpuos.layer_norm %x weight(%w0 : tensor<302xf32>) bias(%b0 : tensor<302xf32>) dims = 1 eps = 1.000000e-05 : tensor<6x302xf32>
  %1 = gpuos.gelu tanh %0 : tensor<6x302xf32>
  %2 = gpuos.add %1, %x : tensor<6x302xf32>, tensor<6x302xf32> -> tensor<6x302xf32>
  %3 = gpuos.layer_norm %2 weight(%w1 : tensor<302xf32>) bias(%b1 : tensor<302xf32>) dims = 1 eps = 1.000000e-05 : tensor<6x302xf32>
  %4 = gpuos.gelu tanh %3 : tensor<6x302xf32>
  %5 = gpuos.add %4, %2 : tensor<6x302xf32>, tensor<6x302xf32> -> tensor<6x302xf32>
  gpuos.return %5 : tensor<6x302xf32>
}

// A mean far from zero against the spread (1000 against about 1): the
// one-pass centred sum of squares must not cancel (x^2 minus the squared
// sum would lose all digits in f32).
gpuos.graph @offset(%x: tensor<4x512xf32>) -> tensor<4x1xf32> {
  %c = gpuos.fill 1.000000e+03 : f32 -> tensor<f32>
  %y = gpuos.add %x, %c : tensor<4x512xf32>, tensor<f32> -> tensor<4x512xf32>
  %s = gpuos.reduce sum %y axes = [1] keepdim : tensor<4x512xf32> -> tensor<4x1xf32>
  %n = gpuos.fill 5.120000e+02 : f32 -> tensor<f32>
  %m = gpuos.div %s, %n : tensor<4x1xf32>, tensor<f32> -> tensor<4x1xf32>
  %d = gpuos.sub %y, %m : tensor<4x512xf32>, tensor<4x1xf32> -> tensor<4x512xf32>
  %q = gpuos.mul %d, %d : tensor<4x512xf32>, tensor<4x512xf32> -> tensor<4x512xf32>
  %v = gpuos.reduce sum %q axes = [1] keepdim : tensor<4x512xf32> -> tensor<4x1xf32>
  gpuos.return %v : tensor<4x1xf32>
}

// A norm of a task input: the 16-byte path feeds the sum and the centred sum.
gpuos.graph @wide(%x: tensor<4x512xf32>) -> tensor<4x512xf32> {
  %0 = gpuos.layer_norm %x dims = 1 eps = 1.000000e-05 : tensor<4x512xf32>
  gpuos.return %0 : tensor<4x512xf32>
}
