// Binary elementwise ops with NumPy broadcasting, every dtype, against NumPy.
// REQUIRES: numpy
// RUN: rm -rf %t && mkdir -p %t
// RUN: %python %S/Inputs/oracle.py gen %s binary_f32 %t
// RUN: gpuos-run %s --graph binary_f32 --input %t/binary_f32/in0.npy --input %t/binary_f32/in1.npy --output-dir %t/binary_f32
// RUN: %python %S/Inputs/oracle.py check %s binary_f32 %t
// RUN: %python %S/Inputs/oracle.py gen %s pow_f32 %t
// RUN: gpuos-run %s --graph pow_f32 --input %t/pow_f32/in0.npy --input %t/pow_f32/in1.npy --output-dir %t/pow_f32
// RUN: %python %S/Inputs/oracle.py check %s pow_f32 %t
// RUN: %python %S/Inputs/oracle.py gen %s binary_f16 %t
// RUN: gpuos-run %s --graph binary_f16 --input %t/binary_f16/in0.npy --input %t/binary_f16/in1.npy --output-dir %t/binary_f16
// RUN: %python %S/Inputs/oracle.py check %s binary_f16 %t
// RUN: %python %S/Inputs/oracle.py gen %s binary_bf16 %t
// RUN: gpuos-run %s --graph binary_bf16 --input %t/binary_bf16/in0.npy --input %t/binary_bf16/in1.npy --output-dir %t/binary_bf16
// RUN: %python %S/Inputs/oracle.py check %s binary_bf16 %t
// RUN: %python %S/Inputs/oracle.py gen %s binary_i32 %t
// RUN: gpuos-run %s --graph binary_i32 --input %t/binary_i32/in0.npy --input %t/binary_i32/in1.npy --output-dir %t/binary_i32
// RUN: %python %S/Inputs/oracle.py check %s binary_i32 %t
// RUN: %python %S/Inputs/oracle.py gen %s wrap_i32 %t
// RUN: gpuos-run %s --graph wrap_i32 --input %t/wrap_i32/in0.npy --input %t/wrap_i32/in1.npy --output-dir %t/wrap_i32
// RUN: %python %S/Inputs/oracle.py check %s wrap_i32 %t
// RUN: %python %S/Inputs/oracle.py gen %s pow_i32 %t
// RUN: gpuos-run %s --graph pow_i32 --input %t/pow_i32/in0.npy --input %t/pow_i32/in1.npy --output-dir %t/pow_i32
// RUN: %python %S/Inputs/oracle.py check %s pow_i32 %t
// RUN: %python %S/Inputs/oracle.py gen %s binary_i64 %t
// RUN: gpuos-run %s --graph binary_i64 --input %t/binary_i64/in0.npy --input %t/binary_i64/in1.npy --output-dir %t/binary_i64
// RUN: %python %S/Inputs/oracle.py check %s binary_i64 %t
// RUN: %python %S/Inputs/oracle.py gen %s binary_i1 %t
// RUN: gpuos-run %s --graph binary_i1 --input %t/binary_i1/in0.npy --input %t/binary_i1/in1.npy --output-dir %t/binary_i1
// RUN: %python %S/Inputs/oracle.py check %s binary_i1 %t

gpuos.graph @binary_f32(%a: tensor<4x1x8xf32>, %b: tensor<3x1xf32>)
    -> (tensor<4x3x8xf32>, tensor<4x3x8xf32>, tensor<4x3x8xf32>, tensor<4x3x8xf32>, tensor<4x3x8xf32>, tensor<4x3x8xf32>) {
  %0 = gpuos.add %a, %b : tensor<4x1x8xf32>, tensor<3x1xf32> -> tensor<4x3x8xf32>
  %1 = gpuos.sub %a, %b : tensor<4x1x8xf32>, tensor<3x1xf32> -> tensor<4x3x8xf32>
  %2 = gpuos.mul %a, %b : tensor<4x1x8xf32>, tensor<3x1xf32> -> tensor<4x3x8xf32>
  %3 = gpuos.div %a, %b : tensor<4x1x8xf32>, tensor<3x1xf32> -> tensor<4x3x8xf32>
  %4 = gpuos.max %a, %b : tensor<4x1x8xf32>, tensor<3x1xf32> -> tensor<4x3x8xf32>
  %5 = gpuos.min %b, %a : tensor<3x1xf32>, tensor<4x1x8xf32> -> tensor<4x3x8xf32>
  gpuos.return %0, %1, %2, %3, %4, %5 : tensor<4x3x8xf32>, tensor<4x3x8xf32>, tensor<4x3x8xf32>, tensor<4x3x8xf32>, tensor<4x3x8xf32>, tensor<4x3x8xf32>
}

gpuos.graph @pow_f32(%a: tensor<2x5xf32>, %b: tensor<5xf32>) -> tensor<2x5xf32> {
  %0 = gpuos.pow %a, %b : tensor<2x5xf32>, tensor<5xf32> -> tensor<2x5xf32>
  gpuos.return %0 : tensor<2x5xf32>
}

gpuos.graph @binary_f16(%a: tensor<3x8xf16>, %b: tensor<8xf16>)
    -> (tensor<3x8xf16>, tensor<3x8xf16>, tensor<3x8xf16>, tensor<3x8xf16>) {
  %0 = gpuos.add %a, %b : tensor<3x8xf16>, tensor<8xf16> -> tensor<3x8xf16>
  %1 = gpuos.sub %a, %b : tensor<3x8xf16>, tensor<8xf16> -> tensor<3x8xf16>
  %2 = gpuos.mul %a, %b : tensor<3x8xf16>, tensor<8xf16> -> tensor<3x8xf16>
  %3 = gpuos.div %a, %b : tensor<3x8xf16>, tensor<8xf16> -> tensor<3x8xf16>
  gpuos.return %0, %1, %2, %3 : tensor<3x8xf16>, tensor<3x8xf16>, tensor<3x8xf16>, tensor<3x8xf16>
}

gpuos.graph @binary_bf16(%a: tensor<3x8xbf16>, %b: tensor<3x1xbf16>)
    -> (tensor<3x8xbf16>, tensor<3x8xbf16>, tensor<3x8xbf16>, tensor<3x8xbf16>) {
  %0 = gpuos.add %a, %b : tensor<3x8xbf16>, tensor<3x1xbf16> -> tensor<3x8xbf16>
  %1 = gpuos.mul %a, %b : tensor<3x8xbf16>, tensor<3x1xbf16> -> tensor<3x8xbf16>
  %2 = gpuos.div %a, %b : tensor<3x8xbf16>, tensor<3x1xbf16> -> tensor<3x8xbf16>
  %3 = gpuos.max %a, %b : tensor<3x8xbf16>, tensor<3x1xbf16> -> tensor<3x8xbf16>
  gpuos.return %0, %1, %2, %3 : tensor<3x8xbf16>, tensor<3x8xbf16>, tensor<3x8xbf16>, tensor<3x8xbf16>
}

gpuos.graph @binary_i32(%a: tensor<4x6xi32>, %b: tensor<6xi32>)
    -> (tensor<4x6xi32>, tensor<4x6xi32>, tensor<4x6xi32>, tensor<4x6xi32>, tensor<4x6xi32>, tensor<4x6xi32>) {
  %0 = gpuos.add %a, %b : tensor<4x6xi32>, tensor<6xi32> -> tensor<4x6xi32>
  %1 = gpuos.sub %a, %b : tensor<4x6xi32>, tensor<6xi32> -> tensor<4x6xi32>
  %2 = gpuos.mul %a, %b : tensor<4x6xi32>, tensor<6xi32> -> tensor<4x6xi32>
  %3 = gpuos.div %a, %b : tensor<4x6xi32>, tensor<6xi32> -> tensor<4x6xi32>
  %4 = gpuos.max %a, %b : tensor<4x6xi32>, tensor<6xi32> -> tensor<4x6xi32>
  %5 = gpuos.min %a, %b : tensor<4x6xi32>, tensor<6xi32> -> tensor<4x6xi32>
  gpuos.return %0, %1, %2, %3, %4, %5 : tensor<4x6xi32>, tensor<4x6xi32>, tensor<4x6xi32>, tensor<4x6xi32>, tensor<4x6xi32>, tensor<4x6xi32>
}

gpuos.graph @wrap_i32(%a: tensor<64xi32>, %b: tensor<64xi32>)
    -> (tensor<64xi32>, tensor<64xi32>, tensor<64xi32>, tensor<64xi32>) {
  %0 = gpuos.add %a, %b : tensor<64xi32>, tensor<64xi32> -> tensor<64xi32>
  %1 = gpuos.sub %a, %b : tensor<64xi32>, tensor<64xi32> -> tensor<64xi32>
  %2 = gpuos.mul %a, %b : tensor<64xi32>, tensor<64xi32> -> tensor<64xi32>
  %3 = gpuos.div %a, %b : tensor<64xi32>, tensor<64xi32> -> tensor<64xi32>
  gpuos.return %0, %1, %2, %3 : tensor<64xi32>, tensor<64xi32>, tensor<64xi32>, tensor<64xi32>
}

gpuos.graph @pow_i32(%a: tensor<32xi32>, %b: tensor<32xi32>) -> tensor<32xi32> {
  %0 = gpuos.pow %a, %b : tensor<32xi32>, tensor<32xi32> -> tensor<32xi32>
  gpuos.return %0 : tensor<32xi32>
}

gpuos.graph @binary_i64(%a: tensor<4x6xi64>, %b: tensor<4x1xi64>)
    -> (tensor<4x6xi64>, tensor<4x6xi64>, tensor<4x6xi64>, tensor<4x6xi64>, tensor<4x6xi64>, tensor<4x6xi64>) {
  %0 = gpuos.add %a, %b : tensor<4x6xi64>, tensor<4x1xi64> -> tensor<4x6xi64>
  %1 = gpuos.sub %a, %b : tensor<4x6xi64>, tensor<4x1xi64> -> tensor<4x6xi64>
  %2 = gpuos.mul %a, %b : tensor<4x6xi64>, tensor<4x1xi64> -> tensor<4x6xi64>
  %3 = gpuos.div %a, %b : tensor<4x6xi64>, tensor<4x1xi64> -> tensor<4x6xi64>
  %4 = gpuos.max %a, %b : tensor<4x6xi64>, tensor<4x1xi64> -> tensor<4x6xi64>
  %5 = gpuos.min %a, %b : tensor<4x6xi64>, tensor<4x1xi64> -> tensor<4x6xi64>
  gpuos.return %0, %1, %2, %3, %4, %5 : tensor<4x6xi64>, tensor<4x6xi64>, tensor<4x6xi64>, tensor<4x6xi64>, tensor<4x6xi64>, tensor<4x6xi64>
}

gpuos.graph @binary_i1(%a: tensor<4x4xi1>, %b: tensor<4xi1>)
    -> (tensor<4x4xi1>, tensor<4x4xi1>, tensor<4x4xi1>, tensor<4x4xi1>, tensor<4x4xi1>) {
  %0 = gpuos.add %a, %b : tensor<4x4xi1>, tensor<4xi1> -> tensor<4x4xi1>
  %1 = gpuos.sub %a, %b : tensor<4x4xi1>, tensor<4xi1> -> tensor<4x4xi1>
  %2 = gpuos.mul %a, %b : tensor<4x4xi1>, tensor<4xi1> -> tensor<4x4xi1>
  %3 = gpuos.max %a, %b : tensor<4x4xi1>, tensor<4xi1> -> tensor<4x4xi1>
  %4 = gpuos.div %a, %b : tensor<4x4xi1>, tensor<4xi1> -> tensor<4x4xi1>
  gpuos.return %0, %1, %2, %3, %4 : tensor<4x4xi1>, tensor<4x4xi1>, tensor<4x4xi1>, tensor<4x4xi1>, tensor<4x4xi1>
}
