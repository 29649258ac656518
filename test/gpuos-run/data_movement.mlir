// reshape, permute, strided slice, broadcast_to, concat, constants, fill and a task region, against NumPy.
// REQUIRES: numpy
// RUN: rm -rf %t && mkdir -p %t
// RUN: %python %S/Inputs/oracle.py gen %s reshape_permute %t
// RUN: gpuos-run %s --graph reshape_permute --input %t/reshape_permute/in0.npy --output-dir %t/reshape_permute
// RUN: %python %S/Inputs/oracle.py check %s reshape_permute %t
// RUN: %python %S/Inputs/oracle.py gen %s slice_strided %t
// RUN: gpuos-run %s --graph slice_strided --input %t/slice_strided/in0.npy --output-dir %t/slice_strided
// RUN: %python %S/Inputs/oracle.py check %s slice_strided %t
// RUN: %python %S/Inputs/oracle.py gen %s broadcast_concat %t
// RUN: gpuos-run %s --graph broadcast_concat --input %t/broadcast_concat/in0.npy --input %t/broadcast_concat/in1.npy --input %t/broadcast_concat/in2.npy --output-dir %t/broadcast_concat
// RUN: %python %S/Inputs/oracle.py check %s broadcast_concat %t
// RUN: %python %S/Inputs/oracle.py gen %s movement_bf16 %t
// RUN: gpuos-run %s --graph movement_bf16 --input %t/movement_bf16/in0.npy --output-dir %t/movement_bf16
// RUN: %python %S/Inputs/oracle.py check %s movement_bf16 %t
// RUN: %python %S/Inputs/oracle.py gen %s movement_i1 %t
// RUN: gpuos-run %s --graph movement_i1 --input %t/movement_i1/in0.npy --output-dir %t/movement_i1
// RUN: %python %S/Inputs/oracle.py check %s movement_i1 %t
// RUN: %python %S/Inputs/oracle.py gen %s constants %t
// RUN: gpuos-run %s --graph constants --input %t/constants/in0.npy --output-dir %t/constants
// RUN: %python %S/Inputs/oracle.py check %s constants %t
// RUN: %python %S/Inputs/oracle.py gen %s with_task %t
// RUN: gpuos-run %s --graph with_task --input %t/with_task/in0.npy --input %t/with_task/in1.npy --output-dir %t/with_task
// RUN: %python %S/Inputs/oracle.py check %s with_task %t

gpuos.graph @reshape_permute(%x: tensor<2x3x4xf32>)
    -> (tensor<6x4xf32>, tensor<24xf32>, tensor<4x2x3xf32>, tensor<3x2x4xf32>) {
  %0 = gpuos.reshape %x : tensor<2x3x4xf32> -> tensor<6x4xf32>
  %1 = gpuos.reshape %x : tensor<2x3x4xf32> -> tensor<24xf32>
  %2 = gpuos.permute %x [2, 0, 1] : tensor<2x3x4xf32> -> tensor<4x2x3xf32>
  %3 = gpuos.permute %x [1, 0, 2] : tensor<2x3x4xf32> -> tensor<3x2x4xf32>
  gpuos.return %0, %1, %2, %3 : tensor<6x4xf32>, tensor<24xf32>, tensor<4x2x3xf32>, tensor<3x2x4xf32>
}

gpuos.graph @slice_strided(%x: tensor<5x7xf32>)
    -> (tensor<2x3xf32>, tensor<5x4xf32>, tensor<1x1xf32>, tensor<0x7xf32>) {
  %0 = gpuos.slice %x starts = [1, 0] limits = [5, 7] strides = [2, 3] : tensor<5x7xf32> -> tensor<2x3xf32>
  %1 = gpuos.slice %x starts = [0, 2] limits = [5, 6] strides = [1, 1] : tensor<5x7xf32> -> tensor<5x4xf32>
  %2 = gpuos.slice %x starts = [4, 6] limits = [5, 7] strides = [3, 3] : tensor<5x7xf32> -> tensor<1x1xf32>
  %3 = gpuos.slice %x starts = [0, 0] limits = [0, 7] strides = [1, 1] : tensor<5x7xf32> -> tensor<0x7xf32>
  gpuos.return %0, %1, %2, %3 : tensor<2x3xf32>, tensor<5x4xf32>, tensor<1x1xf32>, tensor<0x7xf32>
}

gpuos.graph @broadcast_concat(%x: tensor<3x1xi32>, %y: tensor<3x4xi32>, %z: tensor<3x2xi32>)
    -> (tensor<2x3x5xi32>, tensor<3x6xi32>, tensor<6x4xi32>) {
  %0 = gpuos.broadcast_to %x : tensor<3x1xi32> -> tensor<2x3x5xi32>
  %1 = gpuos.concat %y, %z axis = 1 : tensor<3x4xi32>, tensor<3x2xi32> -> tensor<3x6xi32>
  %2 = gpuos.concat %y, %y axis = 0 : tensor<3x4xi32>, tensor<3x4xi32> -> tensor<6x4xi32>
  gpuos.return %0, %1, %2 : tensor<2x3x5xi32>, tensor<3x6xi32>, tensor<6x4xi32>
}

gpuos.graph @movement_bf16(%x: tensor<2x4xbf16>) -> (tensor<4x2xbf16>, tensor<2x2xbf16>, tensor<2x8xbf16>) {
  %0 = gpuos.permute %x [1, 0] : tensor<2x4xbf16> -> tensor<4x2xbf16>
  %1 = gpuos.slice %x starts = [0, 1] limits = [2, 4] strides = [1, 2] : tensor<2x4xbf16> -> tensor<2x2xbf16>
  %2 = gpuos.concat %x, %x axis = 1 : tensor<2x4xbf16>, tensor<2x4xbf16> -> tensor<2x8xbf16>
  gpuos.return %0, %1, %2 : tensor<4x2xbf16>, tensor<2x2xbf16>, tensor<2x8xbf16>
}

gpuos.graph @movement_i1(%x: tensor<2x3xi1>) -> (tensor<2x2x3xi1>, tensor<4x3xi1>, tensor<3x2xi1>) {
  %0 = gpuos.broadcast_to %x : tensor<2x3xi1> -> tensor<2x2x3xi1>
  %1 = gpuos.concat %x, %x axis = 0 : tensor<2x3xi1>, tensor<2x3xi1> -> tensor<4x3xi1>
  %2 = gpuos.reshape %x : tensor<2x3xi1> -> tensor<3x2xi1>
  gpuos.return %0, %1, %2 : tensor<2x2x3xi1>, tensor<4x3xi1>, tensor<3x2xi1>
}

gpuos.graph @constants(%x: tensor<2x3xf32>)
    -> (tensor<2x3xf32>, tensor<2x3xf16>, tensor<4xbf16>, tensor<3xi64>, tensor<3xi1>) {
  %table = gpuos.constant dense<[[1.5, -2.0, 0.25], [3.0, 0.0, -0.125]]> : tensor<2x3xf32>
  %0 = gpuos.add %x, %table : tensor<2x3xf32>, tensor<2x3xf32> -> tensor<2x3xf32>
  %1 = gpuos.fill 0.333251953125 : f16 -> tensor<2x3xf16>
  %2 = gpuos.constant dense<2.5> : tensor<4xbf16>
  %3 = gpuos.constant dense<[7, -3, 1099511627776]> : tensor<3xi64>
  %4 = gpuos.constant dense<[true, false, true]> : tensor<3xi1>
  gpuos.return %0, %1, %2, %3, %4 : tensor<2x3xf32>, tensor<2x3xf16>, tensor<4xbf16>, tensor<3xi64>, tensor<3xi1>
}

gpuos.graph @with_task(%a: tensor<4x8xf32>, %b: tensor<8xf32>) -> (tensor<4x8xf32>, tensor<4x8xf32>) {
  %r = gpuos.task ins(%a, %b : tensor<4x8xf32>, tensor<8xf32>) -> tensor<4x8xf32> {
  ^bb0(%x: tensor<4x8xf32>, %y: tensor<8xf32>):
    %s = gpuos.add %x, %y : tensor<4x8xf32>, tensor<8xf32> -> tensor<4x8xf32>
    %t = gpuos.relu %s : tensor<4x8xf32>
    gpuos.yield %t : tensor<4x8xf32>
  }
  %two = gpuos.fill 2.000000e+00 : f32 -> tensor<4x8xf32>
  %d = gpuos.mul %r, %two : tensor<4x8xf32>, tensor<4x8xf32> -> tensor<4x8xf32>
  gpuos.return %d, %r : tensor<4x8xf32>, tensor<4x8xf32>
}
