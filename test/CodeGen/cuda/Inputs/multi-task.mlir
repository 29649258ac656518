// Ops whose row domains differ, so gpuos-fuse makes several tasks that pass
// values through the arena (and gpuos-plan-memory reuses arena blocks).
gpuos.graph @multi(%x: tensor<256xf32>, %w: tensor<16x8xf32>) -> (tensor<16x16xf32>, tensor<8x16xf32>) {
  %e = gpuos.exp %x : tensor<256xf32>
  %r = gpuos.reshape %e : tensor<256xf32> -> tensor<16x16xf32>
  %s = gpuos.reduce sum %r axes = [1] : tensor<16x16xf32> -> tensor<16xf32>
  %b = gpuos.broadcast_to %s : tensor<16xf32> -> tensor<16x16xf32>
  %t = gpuos.permute %b [1, 0] : tensor<16x16xf32> -> tensor<16x16xf32>
  %n = gpuos.div %r, %t : tensor<16x16xf32>, tensor<16x16xf32> -> tensor<16x16xf32>
  %m = gpuos.matmul %w, %n transpose_lhs : tensor<16x8xf32>, tensor<16x16xf32> -> tensor<8x16xf32>
  %y = gpuos.softmax %m axis = 0 : tensor<8x16xf32>
  gpuos.return %n, %y : tensor<16x16xf32>, tensor<8x16xf32>
}
