// Two chained decode-attention layers of 4 heads (head dim 64, context
// 256) in one task, the softmax decomposed as gpuos-decompose leaves it;
// tiles take whole heads.
gpuos.graph @attention(%q: tensor<4x1x64xf32>, %k0: tensor<4x256x64xf32>, %v0: tensor<4x256x64xf32>, %k1: tensor<4x256x64xf32>, %v1: tensor<4x256x64xf32>) -> tensor<4x1x64xf32> {
  %r = gpuos.task ins(%q, %k0, %v0, %k1, %v1 : tensor<4x1x64xf32>, tensor<4x256x64xf32>, tensor<4x256x64xf32>, tensor<4x256x64xf32>, tensor<4x256x64xf32>) -> tensor<4x1x64xf32> attributes {gpuos.tiles = 4 : i64} {
  ^bb0(%aq: tensor<4x1x64xf32>, %ak0: tensor<4x256x64xf32>, %av0: tensor<4x256x64xf32>, %ak1: tensor<4x256x64xf32>, %av1: tensor<4x256x64xf32>):
    %c = gpuos.fill 1.250000e-01 : f32 -> tensor<f32>
    %s0 = gpuos.matmul %aq, %ak0 transpose_rhs : tensor<4x1x64xf32>, tensor<4x256x64xf32> -> tensor<4x1x256xf32>
    %t0 = gpuos.mul %s0, %c : tensor<4x1x256xf32>, tensor<f32> -> tensor<4x1x256xf32>
    %m0 = gpuos.reduce max %t0 axes = [2] keepdim : tensor<4x1x256xf32> -> tensor<4x1x1xf32>
    %d0 = gpuos.sub %t0, %m0 : tensor<4x1x256xf32>, tensor<4x1x1xf32> -> tensor<4x1x256xf32>
    %e0 = gpuos.exp %d0 : tensor<4x1x256xf32>
    %z0 = gpuos.reduce sum %e0 axes = [2] keepdim : tensor<4x1x256xf32> -> tensor<4x1x1xf32>
    %p0 = gpuos.div %e0, %z0 : tensor<4x1x256xf32>, tensor<4x1x1xf32> -> tensor<4x1x256xf32>
    %o0 = gpuos.matmul %p0, %av0 : tensor<4x1x256xf32>, tensor<4x256x64xf32> -> tensor<4x1x64xf32>
    %s1 = gpuos.matmul %o0, %ak1 transpose_rhs : tensor<4x1x64xf32>, tensor<4x256x64xf32> -> tensor<4x1x256xf32>
    %t1 = gpuos.mul %s1, %c : tensor<4x1x256xf32>, tensor<f32> -> tensor<4x1x256xf32>
    %m1 = gpuos.reduce max %t1 axes = [2] keepdim : tensor<4x1x256xf32> -> tensor<4x1x1xf32>
    %d1 = gpuos.sub %t1, %m1 : tensor<4x1x256xf32>, tensor<4x1x1xf32> -> tensor<4x1x256xf32>
    %e1 = gpuos.exp %d1 : tensor<4x1x256xf32>
    %z1 = gpuos.reduce sum %e1 axes = [2] keepdim : tensor<4x1x256xf32> -> tensor<4x1x1xf32>
    %p1 = gpuos.div %e1, %z1 : tensor<4x1x256xf32>, tensor<4x1x1xf32> -> tensor<4x1x256xf32>
    %o1 = gpuos.matmul %p1, %av1 : tensor<4x1x256xf32>, tensor<4x256x64xf32> -> tensor<4x1x64xf32>
    gpuos.yield %o1 : tensor<4x1x64xf32>
  }
  gpuos.return %r : tensor<4x1x64xf32>
}
