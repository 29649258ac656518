// Comparisons, select and casts between every pair of dtype kinds, against NumPy.
// REQUIRES: numpy
// RUN: rm -rf %t && mkdir -p %t
// RUN: %python %S/Inputs/oracle.py gen %s cmp_f32 %t
// RUN: gpuos-run %s --graph cmp_f32 --input %t/cmp_f32/in0.npy --input %t/cmp_f32/in1.npy --output-dir %t/cmp_f32
// RUN: %python %S/Inputs/oracle.py check %s cmp_f32 %t
// RUN: %python %S/Inputs/oracle.py gen %s cmp_i32 %t
// RUN: gpuos-run %s --graph cmp_i32 --input %t/cmp_i32/in0.npy --input %t/cmp_i32/in1.npy --output-dir %t/cmp_i32
// RUN: %python %S/Inputs/oracle.py check %s cmp_i32 %t
// RUN: %python %S/Inputs/oracle.py gen %s select_f32 %t
// RUN: gpuos-run %s --graph select_f32 --input %t/select_f32/in0.npy --input %t/select_f32/in1.npy --input %t/select_f32/in2.npy --output-dir %t/select_f32
// RUN: %python %S/Inputs/oracle.py check %s select_f32 %t
// RUN: %python %S/Inputs/oracle.py gen %s select_i64 %t
// RUN: gpuos-run %s --graph select_i64 --input %t/select_i64/in0.npy --input %t/select_i64/in1.npy --input %t/select_i64/in2.npy --output-dir %t/select_i64
// RUN: %python %S/Inputs/oracle.py check %s select_i64 %t
// RUN: %python %S/Inputs/oracle.py gen %s cast_f32 %t
// RUN: gpuos-run %s --graph cast_f32 --input %t/cast_f32/in0.npy --output-dir %t/cast_f32
// RUN: %python %S/Inputs/oracle.py check %s cast_f32 %t
// RUN: %python %S/Inputs/oracle.py gen %s cast_int %t
// RUN: gpuos-run %s --graph cast_int --input %t/cast_int/in0.npy --output-dir %t/cast_int
// RUN: %python %S/Inputs/oracle.py check %s cast_int %t
// RUN: %python %S/Inputs/oracle.py gen %s cast_narrow %t
// RUN: gpuos-run %s --graph cast_narrow --input %t/cast_narrow/in0.npy --input %t/cast_narrow/in1.npy --input %t/cast_narrow/in2.npy --input %t/cast_narrow/in3.npy --output-dir %t/cast_narrow
// RUN: %python %S/Inputs/oracle.py check %s cast_narrow %t

gpuos.graph @cmp_f32(%a: tensor<4x8xf32>, %b: tensor<8xf32>)
    -> (tensor<4x8xi1>, tensor<4x8xi1>, tensor<4x8xi1>, tensor<4x8xi1>, tensor<4x8xi1>, tensor<4x8xi1>) {
  %0 = gpuos.cmp eq, %a, %b : tensor<4x8xf32>, tensor<8xf32> -> tensor<4x8xi1>
  %1 = gpuos.cmp ne, %a, %b : tensor<4x8xf32>, tensor<8xf32> -> tensor<4x8xi1>
  %2 = gpuos.cmp lt, %a, %b : tensor<4x8xf32>, tensor<8xf32> -> tensor<4x8xi1>
  %3 = gpuos.cmp le, %a, %b : tensor<4x8xf32>, tensor<8xf32> -> tensor<4x8xi1>
  %4 = gpuos.cmp gt, %a, %b : tensor<4x8xf32>, tensor<8xf32> -> tensor<4x8xi1>
  %5 = gpuos.cmp ge, %a, %b : tensor<4x8xf32>, tensor<8xf32> -> tensor<4x8xi1>
  gpuos.return %0, %1, %2, %3, %4, %5 : tensor<4x8xi1>, tensor<4x8xi1>, tensor<4x8xi1>, tensor<4x8xi1>, tensor<4x8xi1>, tensor<4x8xi1>
}

gpuos.graph @cmp_i32(%a: tensor<4x1xi32>, %b: tensor<5xi32>) -> (tensor<4x5xi1>, tensor<4x5xi1>, tensor<4x5xi1>) {
  %0 = gpuos.cmp lt, %a, %b : tensor<4x1xi32>, tensor<5xi32> -> tensor<4x5xi1>
  %1 = gpuos.cmp eq, %a, %b : tensor<4x1xi32>, tensor<5xi32> -> tensor<4x5xi1>
  %2 = gpuos.cmp ge, %a, %b : tensor<4x1xi32>, tensor<5xi32> -> tensor<4x5xi1>
  gpuos.return %0, %1, %2 : tensor<4x5xi1>, tensor<4x5xi1>, tensor<4x5xi1>
}

gpuos.graph @select_f32(%c: tensor<4x1xi1>, %t: tensor<8xf32>, %f: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %0 = gpuos.select %c, %t, %f : tensor<4x1xi1>, tensor<8xf32>, tensor<4x8xf32> -> tensor<4x8xf32>
  gpuos.return %0 : tensor<4x8xf32>
}

gpuos.graph @select_i64(%c: tensor<6xi1>, %t: tensor<6xi64>, %f: tensor<i64>) -> tensor<6xi64> {
  %0 = gpuos.select %c, %t, %f : tensor<6xi1>, tensor<6xi64>, tensor<i64> -> tensor<6xi64>
  gpuos.return %0 : tensor<6xi64>
}

gpuos.graph @cast_f32(%x: tensor<32xf32>)
    -> (tensor<32xf16>, tensor<32xbf16>, tensor<32xi32>, tensor<32xi64>, tensor<32xi1>) {
  %0 = gpuos.cast %x : tensor<32xf32> -> tensor<32xf16>
  %1 = gpuos.cast %x : tensor<32xf32> -> tensor<32xbf16>
  %2 = gpuos.cast %x : tensor<32xf32> -> tensor<32xi32>
  %3 = gpuos.cast %x : tensor<32xf32> -> tensor<32xi64>
  %4 = gpuos.cast %x : tensor<32xf32> -> tensor<32xi1>
  gpuos.return %0, %1, %2, %3, %4 : tensor<32xf16>, tensor<32xbf16>, tensor<32xi32>, tensor<32xi64>, tensor<32xi1>
}

gpuos.graph @cast_int(%x: tensor<32xi64>)
    -> (tensor<32xi32>, tensor<32xf32>, tensor<32xf16>, tensor<32xbf16>, tensor<32xi1>) {
  %0 = gpuos.cast %x : tensor<32xi64> -> tensor<32xi32>
  %1 = gpuos.cast %x : tensor<32xi64> -> tensor<32xf32>
  %2 = gpuos.cast %x : tensor<32xi64> -> tensor<32xf16>
  %3 = gpuos.cast %x : tensor<32xi64> -> tensor<32xbf16>
  %4 = gpuos.cast %x : tensor<32xi64> -> tensor<32xi1>
  gpuos.return %0, %1, %2, %3, %4 : tensor<32xi32>, tensor<32xf32>, tensor<32xf16>, tensor<32xbf16>, tensor<32xi1>
}

gpuos.graph @cast_narrow(%h: tensor<8xf16>, %b: tensor<8xbf16>, %c: tensor<8xi1>, %i: tensor<8xi32>)
    -> (tensor<8xf32>, tensor<8xf32>, tensor<8xbf16>, tensor<8xf32>, tensor<8xi32>, tensor<8xi1>, tensor<8xf16>) {
  %0 = gpuos.cast %h : tensor<8xf16> -> tensor<8xf32>
  %1 = gpuos.cast %b : tensor<8xbf16> -> tensor<8xf32>
  %2 = gpuos.cast %h : tensor<8xf16> -> tensor<8xbf16>
  %3 = gpuos.cast %c : tensor<8xi1> -> tensor<8xf32>
  %4 = gpuos.cast %c : tensor<8xi1> -> tensor<8xi32>
  %5 = gpuos.cast %i : tensor<8xi32> -> tensor<8xi1>
  %6 = gpuos.cast %i : tensor<8xi32> -> tensor<8xf16>
  gpuos.return %0, %1, %2, %3, %4, %5, %6 : tensor<8xf32>, tensor<8xf32>, tensor<8xbf16>, tensor<8xf32>, tensor<8xi32>, tensor<8xi1>, tensor<8xf16>
}
