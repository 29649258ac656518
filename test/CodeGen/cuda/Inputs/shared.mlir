// Tasks of the same code (t0 and t1, t4 and t6, t8 and t9) and tasks that
// differ from them only in shape (t2), dtype (t3), a splat constant (t5), the
// strides they read an input with (t7) or a constant array's values (t10).
gpuos.graph @shared(%a: tensor<4x64xf32>, %b: tensor<4x64xf32>,
                    %c: tensor<4x64xf32>, %d: tensor<4x64xf32>,
                    %e: tensor<8x64xf32>, %h: tensor<4x64xf16>,
                    %r: tensor<64xf32>)
    -> (tensor<4x64xf32>, tensor<4x64xf32>, tensor<8x64xf32>, tensor<4x64xf16>,
        tensor<4x64xf32>, tensor<4x64xf32>, tensor<4x64xf32>, tensor<4x64xf32>,
        tensor<4x64xf32>, tensor<4x64xf32>, tensor<4x64xf32>) {
  %t0 = gpuos.task ins(%a, %b : tensor<4x64xf32>, tensor<4x64xf32>) -> tensor<4x64xf32> {
  ^bb0(%x: tensor<4x64xf32>, %y: tensor<4x64xf32>):
    %s = gpuos.add %x, %y : tensor<4x64xf32>, tensor<4x64xf32> -> tensor<4x64xf32>
    gpuos.yield %s : tensor<4x64xf32>
  }
  %t1 = gpuos.task ins(%c, %d : tensor<4x64xf32>, tensor<4x64xf32>) -> tensor<4x64xf32> {
  ^bb0(%x: tensor<4x64xf32>, %y: tensor<4x64xf32>):
    %s = gpuos.add %x, %y : tensor<4x64xf32>, tensor<4x64xf32> -> tensor<4x64xf32>
    gpuos.yield %s : tensor<4x64xf32>
  }
  %t2 = gpuos.task ins(%e, %e : tensor<8x64xf32>, tensor<8x64xf32>) -> tensor<8x64xf32> {
  ^bb0(%x: tensor<8x64xf32>, %y: tensor<8x64xf32>):
    %s = gpuos.add %x, %y : tensor<8x64xf32>, tensor<8x64xf32> -> tensor<8x64xf32>
    gpuos.yield %s : tensor<8x64xf32>
  }
  %t3 = gpuos.task ins(%h, %h : tensor<4x64xf16>, tensor<4x64xf16>) -> tensor<4x64xf16> {
  ^bb0(%x: tensor<4x64xf16>, %y: tensor<4x64xf16>):
    %s = gpuos.add %x, %y : tensor<4x64xf16>, tensor<4x64xf16> -> tensor<4x64xf16>
    gpuos.yield %s : tensor<4x64xf16>
  }
  %t4 = gpuos.task ins(%a : tensor<4x64xf32>) -> tensor<4x64xf32> {
  ^bb0(%x: tensor<4x64xf32>):
    %k = gpuos.fill 1.000000e+00 : f32 -> tensor<4x64xf32>
    %s = gpuos.add %x, %k : tensor<4x64xf32>, tensor<4x64xf32> -> tensor<4x64xf32>
    gpuos.yield %s : tensor<4x64xf32>
  }
  %t5 = gpuos.task ins(%c : tensor<4x64xf32>) -> tensor<4x64xf32> {
  ^bb0(%x: tensor<4x64xf32>):
    %k = gpuos.fill 2.000000e+00 : f32 -> tensor<4x64xf32>
    %s = gpuos.add %x, %k : tensor<4x64xf32>, tensor<4x64xf32> -> tensor<4x64xf32>
    gpuos.yield %s : tensor<4x64xf32>
  }
  %t6 = gpuos.task ins(%d : tensor<4x64xf32>) -> tensor<4x64xf32> {
  ^bb0(%x: tensor<4x64xf32>):
    %k = gpuos.fill 1.000000e+00 : f32 -> tensor<4x64xf32>
    %s = gpuos.add %x, %k : tensor<4x64xf32>, tensor<4x64xf32> -> tensor<4x64xf32>
    gpuos.yield %s : tensor<4x64xf32>
  }
  %t7 = gpuos.task ins(%a, %r : tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32> {
  ^bb0(%x: tensor<4x64xf32>, %y: tensor<64xf32>):
    %v = gpuos.broadcast_to %y : tensor<64xf32> -> tensor<4x64xf32>
    %s = gpuos.add %x, %v : tensor<4x64xf32>, tensor<4x64xf32> -> tensor<4x64xf32>
    gpuos.yield %s : tensor<4x64xf32>
  }
  %t8 = gpuos.task ins(%b : tensor<4x64xf32>) -> tensor<4x64xf32> {
  ^bb0(%x: tensor<4x64xf32>):
    %k = gpuos.constant dense<[[0.5], [-1.0], [2.0], [4.0]]> : tensor<4x1xf32>
    %v = gpuos.broadcast_to %k : tensor<4x1xf32> -> tensor<4x64xf32>
    %s = gpuos.mul %x, %v : tensor<4x64xf32>, tensor<4x64xf32> -> tensor<4x64xf32>
    gpuos.yield %s : tensor<4x64xf32>
  }
  %t9 = gpuos.task ins(%c : tensor<4x64xf32>) -> tensor<4x64xf32> {
  ^bb0(%x: tensor<4x64xf32>):
    %k = gpuos.constant dense<[[0.5], [-1.0], [2.0], [4.0]]> : tensor<4x1xf32>
    %v = gpuos.broadcast_to %k : tensor<4x1xf32> -> tensor<4x64xf32>
    %s = gpuos.mul %x, %v : tensor<4x64xf32>, tensor<4x64xf32> -> tensor<4x64xf32>
    gpuos.yield %s : tensor<4x64xf32>
  }
  %t10 = gpuos.task ins(%d : tensor<4x64xf32>) -> tensor<4x64xf32> {
  ^bb0(%x: tensor<4x64xf32>):
    %k = gpuos.constant dense<[[0.5], [-1.0], [2.0], [8.0]]> : tensor<4x1xf32>
    %v = gpuos.broadcast_to %k : tensor<4x1xf32> -> tensor<4x64xf32>
    %s = gpuos.mul %x, %v : tensor<4x64xf32>, tensor<4x64xf32> -> tensor<4x64xf32>
    gpuos.yield %s : tensor<4x64xf32>
  }
  gpuos.return %t0, %t1, %t2, %t3, %t4, %t5, %t6, %t7, %t8, %t9, %t10
      : tensor<4x64xf32>, tensor<4x64xf32>, tensor<8x64xf32>, tensor<4x64xf16>,
        tensor<4x64xf32>, tensor<4x64xf32>, tensor<4x64xf32>, tensor<4x64xf32>,
        tensor<4x64xf32>, tensor<4x64xf32>, tensor<4x64xf32>
}
