// Operations of other dialects without regions are drawn like gpuos ones.
// RUN: gpuos-translate --gpuos-to-dot --allow-unregistered-dialect %s | FileCheck %s
// CHECK: g0_n0 [shape=box, label="test.plain\n2xf32, i32\nnote = \"kept\""];
// CHECK: g0_in0 -> g0_n0 [label="2xf32"];
// CHECK: g0_n0 -> g0_out0 [label="2xf32"];
gpuos.graph @g(%x: tensor<2xf32>) -> tensor<2xf32> {
  %0:2 = "test.plain"(%x) {note = "kept"} : (tensor<2xf32>) -> (tensor<2xf32>, i32)
  gpuos.return %0#0 : tensor<2xf32>
}
