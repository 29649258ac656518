// Unary elementwise ops, both gelu forms, every dtype that allows them, against NumPy.
// REQUIRES: numpy
// RUN: rm -rf %t && mkdir -p %t
// RUN: %python %S/Inputs/oracle.py gen %s unary_f32 %t
// RUN: gpuos-run %s --graph unary_f32 --input %t/unary_f32/in0.npy --output-dir %t/unary_f32
// RUN: %python %S/Inputs/oracle.py check %s unary_f32 %t
// RUN: %python %S/Inputs/oracle.py gen %s unary_positive_f32 %t
// RUN: gpuos-run %s --graph unary_positive_f32 --input %t/unary_positive_f32/in0.npy --output-dir %t/unary_positive_f32
// RUN: %python %S/Inputs/oracle.py check %s unary_positive_f32 %t
// RUN: %python %S/Inputs/oracle.py gen %s unary_f16 %t
// RUN: gpuos-run %s --graph unary_f16 --input %t/unary_f16/in0.npy --output-dir %t/unary_f16
// RUN: %python %S/Inputs/oracle.py check %s unary_f16 %t
// RUN: %python %S/Inputs/oracle.py gen %s unary_bf16 %t
// RUN: gpuos-run %s --graph unary_bf16 --input %t/unary_bf16/in0.npy --output-dir %t/unary_bf16
// RUN: %python %S/Inputs/oracle.py check %s unary_bf16 %t
// RUN: %python %S/Inputs/oracle.py gen %s unary_i32 %t
// RUN: gpuos-run %s --graph unary_i32 --input %t/unary_i32/in0.npy --output-dir %t/unary_i32
// RUN: %python %S/Inputs/oracle.py check %s unary_i32 %t
// RUN: %python %S/Inputs/oracle.py gen %s unary_i64 %t
// RUN: gpuos-run %s --graph unary_i64 --input %t/unary_i64/in0.npy --output-dir %t/unary_i64
// RUN: %python %S/Inputs/oracle.py check %s unary_i64 %t

gpuos.graph @unary_f32(%x: tensor<4x8xf32>)
    -> (tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>,
        tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>) {
  %0 = gpuos.neg %x : tensor<4x8xf32>
  %1 = gpuos.abs %x : tensor<4x8xf32>
  %2 = gpuos.exp %x : tensor<4x8xf32>
  %3 = gpuos.tanh %x : tensor<4x8xf32>
  %4 = gpuos.sigmoid %x : tensor<4x8xf32>
  %5 = gpuos.relu %x : tensor<4x8xf32>
  %6 = gpuos.silu %x : tensor<4x8xf32>
  %7 = gpuos.sin %x : tensor<4x8xf32>
  %8 = gpuos.cos %x : tensor<4x8xf32>
  %9 = gpuos.gelu erf %x : tensor<4x8xf32>
  %10 = gpuos.gelu tanh %x : tensor<4x8xf32>
  gpuos.return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10
    : tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>,
      tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>
}

gpuos.graph @unary_positive_f32(%x: tensor<16xf32>) -> (tensor<16xf32>, tensor<16xf32>, tensor<16xf32>) {
  %0 = gpuos.log %x : tensor<16xf32>
  %1 = gpuos.sqrt %x : tensor<16xf32>
  %2 = gpuos.rsqrt %x : tensor<16xf32>
  gpuos.return %0, %1, %2 : tensor<16xf32>, tensor<16xf32>, tensor<16xf32>
}

gpuos.graph @unary_f16(%x: tensor<3x8xf16>)
    -> (tensor<3x8xf16>, tensor<3x8xf16>, tensor<3x8xf16>, tensor<3x8xf16>, tensor<3x8xf16>) {
  %0 = gpuos.exp %x : tensor<3x8xf16>
  %1 = gpuos.tanh %x : tensor<3x8xf16>
  %2 = gpuos.gelu erf %x : tensor<3x8xf16>
  %3 = gpuos.gelu tanh %x : tensor<3x8xf16>
  %4 = gpuos.silu %x : tensor<3x8xf16>
  gpuos.return %0, %1, %2, %3, %4 : tensor<3x8xf16>, tensor<3x8xf16>, tensor<3x8xf16>, tensor<3x8xf16>, tensor<3x8xf16>
}

gpuos.graph @unary_bf16(%x: tensor<3x8xbf16>)
    -> (tensor<3x8xbf16>, tensor<3x8xbf16>, tensor<3x8xbf16>, tensor<3x8xbf16>, tensor<3x8xbf16>) {
  %0 = gpuos.exp %x : tensor<3x8xbf16>
  %1 = gpuos.sigmoid %x : tensor<3x8xbf16>
  %2 = gpuos.gelu erf %x : tensor<3x8xbf16>
  %3 = gpuos.gelu tanh %x : tensor<3x8xbf16>
  %4 = gpuos.neg %x : tensor<3x8xbf16>
  gpuos.return %0, %1, %2, %3, %4 : tensor<3x8xbf16>, tensor<3x8xbf16>, tensor<3x8xbf16>, tensor<3x8xbf16>, tensor<3x8xbf16>
}

gpuos.graph @unary_i32(%x: tensor<64xi32>) -> (tensor<64xi32>, tensor<64xi32>, tensor<64xi32>) {
  %0 = gpuos.neg %x : tensor<64xi32>
  %1 = gpuos.abs %x : tensor<64xi32>
  %2 = gpuos.relu %x : tensor<64xi32>
  gpuos.return %0, %1, %2 : tensor<64xi32>, tensor<64xi32>, tensor<64xi32>
}

gpuos.graph @unary_i64(%x: tensor<2x8xi64>) -> (tensor<2x8xi64>, tensor<2x8xi64>, tensor<2x8xi64>) {
  %0 = gpuos.neg %x : tensor<2x8xi64>
  %1 = gpuos.abs %x : tensor<2x8xi64>
  %2 = gpuos.relu %x : tensor<2x8xi64>
  gpuos.return %0, %1, %2 : tensor<2x8xi64>, tensor<2x8xi64>, tensor<2x8xi64>
}
