// matmul: plain, batched with broadcast batch dims, transposed operands, every numeric dtype, against NumPy.
// REQUIRES: numpy
// RUN: rm -rf %t && mkdir -p %t
// RUN: %python %S/Inputs/oracle.py gen %s matmul_2d %t
// RUN: gpuos-run %s --graph matmul_2d --input %t/matmul_2d/in0.npy --input %t/matmul_2d/in1.npy --output-dir %t/matmul_2d
// RUN: %python %S/Inputs/oracle.py check %s matmul_2d %t
// RUN: %python %S/Inputs/oracle.py gen %s matmul_batched %t
// RUN: gpuos-run %s --graph matmul_batched --input %t/matmul_batched/in0.npy --input %t/matmul_batched/in1.npy --output-dir %t/matmul_batched
// RUN: %python %S/Inputs/oracle.py check %s matmul_batched %t
// RUN: %python %S/Inputs/oracle.py gen %s matmul_transposed %t
// RUN: gpuos-run %s --graph matmul_transposed --input %t/matmul_transposed/in0.npy --input %t/matmul_transposed/in1.npy --input %t/matmul_transposed/in2.npy --output-dir %t/matmul_transposed
// RUN: %python %S/Inputs/oracle.py check %s matmul_transposed %t
// RUN: %python %S/Inputs/oracle.py gen %s matmul_f16 %t
// RUN: gpuos-run %s --graph matmul_f16 --input %t/matmul_f16/in0.npy --input %t/matmul_f16/in1.npy --output-dir %t/matmul_f16
// RUN: %python %S/Inputs/oracle.py check %s matmul_f16 %t
// RUN: %python %S/Inputs/oracle.py gen %s matmul_bf16 %t
// RUN: gpuos-run %s --graph matmul_bf16 --input %t/matmul_bf16/in0.npy --input %t/matmul_bf16/in1.npy --output-dir %t/matmul_bf16
// RUN: %python %S/Inputs/oracle.py check %s matmul_bf16 %t
// RUN: %python %S/Inputs/oracle.py gen %s matmul_i32 %t
// RUN: gpuos-run %s --graph matmul_i32 --input %t/matmul_i32/in0.npy --input %t/matmul_i32/in1.npy --output-dir %t/matmul_i32
// RUN: %python %S/Inputs/oracle.py check %s matmul_i32 %t
// RUN: %python %S/Inputs/oracle.py gen %s matmul_i64 %t
// RUN: gpuos-run %s --graph matmul_i64 --input %t/matmul_i64/in0.npy --input %t/matmul_i64/in1.npy --output-dir %t/matmul_i64
// RUN: %python %S/Inputs/oracle.py check %s matmul_i64 %t

gpuos.graph @matmul_2d(%a: tensor<3x4xf32>, %b: tensor<4x5xf32>) -> tensor<3x5xf32> {
  %0 = gpuos.matmul %a, %b : tensor<3x4xf32>, tensor<4x5xf32> -> tensor<3x5xf32>
  gpuos.return %0 : tensor<3x5xf32>
}

gpuos.graph @matmul_batched(%a: tensor<2x1x3x4xf32>, %b: tensor<5x4x6xf32>) -> tensor<2x5x3x6xf32> {
  %0 = gpuos.matmul %a, %b : tensor<2x1x3x4xf32>, tensor<5x4x6xf32> -> tensor<2x5x3x6xf32>
  gpuos.return %0 : tensor<2x5x3x6xf32>
}

gpuos.graph @matmul_transposed(%a: tensor<2x4x3xf32>, %b: tensor<1x6x4xf32>, %c: tensor<4x6xf32>)
    -> (tensor<2x3x6xf32>, tensor<2x3x6xf32>) {
  %0 = gpuos.matmul %a, %b transpose_lhs transpose_rhs : tensor<2x4x3xf32>, tensor<1x6x4xf32> -> tensor<2x3x6xf32>
  %1 = gpuos.matmul %a, %c transpose_lhs : tensor<2x4x3xf32>, tensor<4x6xf32> -> tensor<2x3x6xf32>
  gpuos.return %0, %1 : tensor<2x3x6xf32>, tensor<2x3x6xf32>
}

gpuos.graph @matmul_f16(%a: tensor<8x64xf16>, %b: tensor<64x4xf16>) -> tensor<8x4xf16> {
  %0 = gpuos.matmul %a, %b : tensor<8x64xf16>, tensor<64x4xf16> -> tensor<8x4xf16>
  gpuos.return %0 : tensor<8x4xf16>
}

gpuos.graph @matmul_bf16(%a: tensor<2x8x32xbf16>, %b: tensor<2x4x32xbf16>) -> tensor<2x8x4xbf16> {
  %0 = gpuos.matmul %a, %b transpose_rhs : tensor<2x8x32xbf16>, tensor<2x4x32xbf16> -> tensor<2x8x4xbf16>
  gpuos.return %0 : tensor<2x8x4xbf16>
}

gpuos.graph @matmul_i32(%a: tensor<3x4xi32>, %b: tensor<4x2xi32>) -> tensor<3x2xi32> {
  %0 = gpuos.matmul %a, %b : tensor<3x4xi32>, tensor<4x2xi32> -> tensor<3x2xi32>
  gpuos.return %0 : tensor<3x2xi32>
}

gpuos.graph @matmul_i64(%a: tensor<2x3x4xi64>, %b: tensor<5x4xi64>) -> tensor<2x3x5xi64> {
  %0 = gpuos.matmul %a, %b transpose_rhs : tensor<2x3x4xi64>, tensor<5x4xi64> -> tensor<2x3x5xi64>
  gpuos.return %0 : tensor<2x3x5xi64>
}
