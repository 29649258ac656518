// softmax along every axis, layer_norm and rms_norm with and without affine parameters, against NumPy.
// REQUIRES: numpy
// RUN: rm -rf %t && mkdir -p %t
// RUN: %python %S/Inputs/oracle.py gen %s softmax_f32 %t
// RUN: gpuos-run %s --graph softmax_f32 --input %t/softmax_f32/in0.npy --output-dir %t/softmax_f32
// RUN: %python %S/Inputs/oracle.py check %s softmax_f32 %t
// RUN: %python %S/Inputs/oracle.py gen %s softmax_f16 %t
// RUN: gpuos-run %s --graph softmax_f16 --input %t/softmax_f16/in0.npy --output-dir %t/softmax_f16
// RUN: %python %S/Inputs/oracle.py check %s softmax_f16 %t
// RUN: %python %S/Inputs/oracle.py gen %s softmax_bf16 %t
// RUN: gpuos-run %s --graph softmax_bf16 --input %t/softmax_bf16/in0.npy --output-dir %t/softmax_bf16
// RUN: %python %S/Inputs/oracle.py check %s softmax_bf16 %t
// RUN: %python %S/Inputs/oracle.py gen %s layer_norm_affine %t
// RUN: gpuos-run %s --graph layer_norm_affine --input %t/layer_norm_affine/in0.npy --input %t/layer_norm_affine/in1.npy --input %t/layer_norm_affine/in2.npy --output-dir %t/layer_norm_affine
// RUN: %python %S/Inputs/oracle.py check %s layer_norm_affine %t
// RUN: %python %S/Inputs/oracle.py gen %s layer_norm_plain %t
// RUN: gpuos-run %s --graph layer_norm_plain --input %t/layer_norm_plain/in0.npy --input %t/layer_norm_plain/in1.npy --output-dir %t/layer_norm_plain
// RUN: %python %S/Inputs/oracle.py check %s layer_norm_plain %t
// RUN: %python %S/Inputs/oracle.py gen %s layer_norm_f16 %t
// RUN: gpuos-run %s --graph layer_norm_f16 --input %t/layer_norm_f16/in0.npy --input %t/layer_norm_f16/in1.npy --input %t/layer_norm_f16/in2.npy --output-dir %t/layer_norm_f16
// RUN: %python %S/Inputs/oracle.py check %s layer_norm_f16 %t
// RUN: %python %S/Inputs/oracle.py gen %s rms_norm_f32 %t
// RUN: gpuos-run %s --graph rms_norm_f32 --input %t/rms_norm_f32/in0.npy --input %t/rms_norm_f32/in1.npy --output-dir %t/rms_norm_f32
// RUN: %python %S/Inputs/oracle.py check %s rms_norm_f32 %t
// RUN: %python %S/Inputs/oracle.py gen %s rms_norm_dims2 %t
// RUN: gpuos-run %s --graph rms_norm_dims2 --input %t/rms_norm_dims2/in0.npy --input %t/rms_norm_dims2/in1.npy --output-dir %t/rms_norm_dims2
// RUN: %python %S/Inputs/oracle.py check %s rms_norm_dims2 %t
// RUN: %python %S/Inputs/oracle.py gen %s rms_norm_bf16 %t
// RUN: gpuos-run %s --graph rms_norm_bf16 --input %t/rms_norm_bf16/in0.npy --input %t/rms_norm_bf16/in1.npy --output-dir %t/rms_norm_bf16
// RUN: %python %S/Inputs/oracle.py check %s rms_norm_bf16 %t

gpuos.graph @softmax_f32(%x: tensor<2x3x4xf32>) -> (tensor<2x3x4xf32>, tensor<2x3x4xf32>, tensor<2x3x4xf32>) {
  %0 = gpuos.softmax %x axis = 0 : tensor<2x3x4xf32>
  %1 = gpuos.softmax %x axis = 1 : tensor<2x3x4xf32>
  %2 = gpuos.softmax %x axis = 2 : tensor<2x3x4xf32>
  gpuos.return %0, %1, %2 : tensor<2x3x4xf32>, tensor<2x3x4xf32>, tensor<2x3x4xf32>
}

gpuos.graph @softmax_f16(%x: tensor<4x32xf16>) -> tensor<4x32xf16> {
  %0 = gpuos.softmax %x axis = 1 : tensor<4x32xf16>
  gpuos.return %0 : tensor<4x32xf16>
}

gpuos.graph @softmax_bf16(%x: tensor<8x4xbf16>) -> tensor<8x4xbf16> {
  %0 = gpuos.softmax %x axis = 0 : tensor<8x4xbf16>
  gpuos.return %0 : tensor<8x4xbf16>
}

gpuos.graph @layer_norm_affine(%x: tensor<4x8xf32>, %w: tensor<8xf32>, %b: tensor<8xf32>) -> tensor<4x8xf32> {
  %0 = gpuos.layer_norm %x weight(%w : tensor<8xf32>) bias(%b : tensor<8xf32>) dims = 1 eps = 1.000000e-05 : tensor<4x8xf32>
  gpuos.return %0 : tensor<4x8xf32>
}

gpuos.graph @layer_norm_plain(%x: tensor<2x3x4xf32>, %w: tensor<4xf32>) -> (tensor<2x3x4xf32>, tensor<2x3x4xf32>) {
  %0 = gpuos.layer_norm %x dims = 2 eps = 1.000000e-05 : tensor<2x3x4xf32>
  %1 = gpuos.layer_norm %x weight(%w : tensor<4xf32>) dims = 1 eps = 1.000000e-03 : tensor<2x3x4xf32>
  gpuos.return %0, %1 : tensor<2x3x4xf32>, tensor<2x3x4xf32>
}

gpuos.graph @layer_norm_f16(%x: tensor<4x64xf16>, %w: tensor<64xf16>, %b: tensor<64xf16>) -> tensor<4x64xf16> {
  %0 = gpuos.layer_norm %x weight(%w : tensor<64xf16>) bias(%b : tensor<64xf16>) dims = 1 eps = 1.000000e-05 : tensor<4x64xf16>
  gpuos.return %0 : tensor<4x64xf16>
}

gpuos.graph @rms_norm_f32(%x: tensor<4x8xf32>, %w: tensor<8xf32>) -> (tensor<4x8xf32>, tensor<4x8xf32>) {
  %0 = gpuos.rms_norm %x weight(%w : tensor<8xf32>) dims = 1 eps = 1.000000e-06 : tensor<4x8xf32>
  %1 = gpuos.rms_norm %x dims = 1 eps = 1.000000e-06 : tensor<4x8xf32>
  gpuos.return %0, %1 : tensor<4x8xf32>, tensor<4x8xf32>
}

gpuos.graph @rms_norm_dims2(%x: tensor<2x3x4xf32>, %w: tensor<3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = gpuos.rms_norm %x weight(%w : tensor<3x4xf32>) dims = 2 eps = 1.000000e-05 : tensor<2x3x4xf32>
  gpuos.return %0 : tensor<2x3x4xf32>
}

gpuos.graph @rms_norm_bf16(%x: tensor<4x32xbf16>, %w: tensor<32xbf16>) -> tensor<4x32xbf16> {
  %0 = gpuos.rms_norm %x weight(%w : tensor<32xbf16>) dims = 1 eps = 1.000000e-05 : tensor<4x32xbf16>
  gpuos.return %0 : tensor<4x32xbf16>
}
