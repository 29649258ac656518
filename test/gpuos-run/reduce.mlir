// Reductions over one, several and all axes, with and without keepdim, against NumPy.
// REQUIRES: numpy
// RUN: rm -rf %t && mkdir -p %t
// RUN: %python %S/Inputs/oracle.py gen %s reduce_f32 %t
// RUN: gpuos-run %s --graph reduce_f32 --input %t/reduce_f32/in0.npy --output-dir %t/reduce_f32
// RUN: %python %S/Inputs/oracle.py check %s reduce_f32 %t
// RUN: %python %S/Inputs/oracle.py gen %s reduce_f16 %t
// RUN: gpuos-run %s --graph reduce_f16 --input %t/reduce_f16/in0.npy --output-dir %t/reduce_f16
// RUN: %python %S/Inputs/oracle.py check %s reduce_f16 %t
// RUN: %python %S/Inputs/oracle.py gen %s reduce_bf16 %t
// RUN: gpuos-run %s --graph reduce_bf16 --input %t/reduce_bf16/in0.npy --output-dir %t/reduce_bf16
// RUN: %python %S/Inputs/oracle.py check %s reduce_bf16 %t
// RUN: %python %S/Inputs/oracle.py gen %s reduce_i32 %t
// RUN: gpuos-run %s --graph reduce_i32 --input %t/reduce_i32/in0.npy --output-dir %t/reduce_i32
// RUN: %python %S/Inputs/oracle.py check %s reduce_i32 %t
// RUN: %python %S/Inputs/oracle.py gen %s reduce_i64 %t
// RUN: gpuos-run %s --graph reduce_i64 --input %t/reduce_i64/in0.npy --output-dir %t/reduce_i64
// RUN: %python %S/Inputs/oracle.py check %s reduce_i64 %t

gpuos.graph @reduce_f32(%x: tensor<3x4x5xf32>)
    -> (tensor<3x5xf32>, tensor<1x4x1xf32>, tensor<3x4xf32>, tensor<f32>, tensor<3x1x5xf32>) {
  %0 = gpuos.reduce sum %x axes = [1] : tensor<3x4x5xf32> -> tensor<3x5xf32>
  %1 = gpuos.reduce mean %x axes = [0, 2] keepdim : tensor<3x4x5xf32> -> tensor<1x4x1xf32>
  %2 = gpuos.reduce max %x axes = [2] : tensor<3x4x5xf32> -> tensor<3x4xf32>
  %3 = gpuos.reduce min %x axes = [0, 1, 2] : tensor<3x4x5xf32> -> tensor<f32>
  %4 = gpuos.reduce prod %x axes = [1] keepdim : tensor<3x4x5xf32> -> tensor<3x1x5xf32>
  gpuos.return %0, %1, %2, %3, %4 : tensor<3x5xf32>, tensor<1x4x1xf32>, tensor<3x4xf32>, tensor<f32>, tensor<3x1x5xf32>
}

gpuos.graph @reduce_f16(%x: tensor<4x64xf16>) -> (tensor<4xf16>, tensor<1x64xf16>) {
  %0 = gpuos.reduce sum %x axes = [1] : tensor<4x64xf16> -> tensor<4xf16>
  %1 = gpuos.reduce mean %x axes = [0] keepdim : tensor<4x64xf16> -> tensor<1x64xf16>
  gpuos.return %0, %1 : tensor<4xf16>, tensor<1x64xf16>
}

gpuos.graph @reduce_bf16(%x: tensor<8x16xbf16>) -> (tensor<16xbf16>, tensor<8x1xbf16>) {
  %0 = gpuos.reduce sum %x axes = [0] : tensor<8x16xbf16> -> tensor<16xbf16>
  %1 = gpuos.reduce max %x axes = [1] keepdim : tensor<8x16xbf16> -> tensor<8x1xbf16>
  gpuos.return %0, %1 : tensor<16xbf16>, tensor<8x1xbf16>
}

gpuos.graph @reduce_i32(%x: tensor<3x7xi32>)
    -> (tensor<3xi32>, tensor<3xi32>, tensor<1x7xi32>, tensor<i32>, tensor<3xi32>) {
  %0 = gpuos.reduce sum %x axes = [1] : tensor<3x7xi32> -> tensor<3xi32>
  %1 = gpuos.reduce mean %x axes = [1] : tensor<3x7xi32> -> tensor<3xi32>
  %2 = gpuos.reduce max %x axes = [0] keepdim : tensor<3x7xi32> -> tensor<1x7xi32>
  %3 = gpuos.reduce min %x axes = [0, 1] : tensor<3x7xi32> -> tensor<i32>
  %4 = gpuos.reduce prod %x axes = [1] : tensor<3x7xi32> -> tensor<3xi32>
  gpuos.return %0, %1, %2, %3, %4 : tensor<3xi32>, tensor<3xi32>, tensor<1x7xi32>, tensor<i32>, tensor<3xi32>
}

gpuos.graph @reduce_i64(%x: tensor<2x3x4xi64>) -> (tensor<3xi64>, tensor<2x3x1xi64>, tensor<3x4xi64>) {
  %0 = gpuos.reduce sum %x axes = [0, 2] : tensor<2x3x4xi64> -> tensor<3xi64>
  %1 = gpuos.reduce mean %x axes = [2] keepdim : tensor<2x3x4xi64> -> tensor<2x3x1xi64>
  %2 = gpuos.reduce prod %x axes = [0] : tensor<2x3x4xi64> -> tensor<3x4xi64>
  gpuos.return %0, %1, %2 : tensor<3xi64>, tensor<2x3x1xi64>, tensor<3x4xi64>
}
