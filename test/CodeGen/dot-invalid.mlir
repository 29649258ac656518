// What --gpuos-to-dot cannot draw is reported at the operation.
// RUN: gpuos-translate --gpuos-to-dot --allow-unregistered-dialect -split-input-file -verify-diagnostics %s
//
// Nothing is written on error, not even the graphs drawn before it.
// RUN: rm -f %t.dot
// RUN: not gpuos-translate --gpuos-to-dot %S/Inputs/drawable-then-not.mlir -o %t.dot 2>&1 | FileCheck %s --check-prefix=ERR
// RUN: not test -e %t.dot
// RUN: not gpuos-translate --gpuos-to-dot %S/Inputs/drawable-then-not.mlir 2>/dev/null | count 0
// ERR: drawable-then-not.mlir:4:8: error: cannot draw 'gpuos.fill': only gpuos.graph operations may appear at the top level of the module

gpuos.graph @fine(%x: tensor<2xf32>) -> tensor<2xf32> {
  gpuos.return %x : tensor<2xf32>
}
// expected-error @+1 {{cannot draw 'gpuos.fill': only gpuos.graph operations may appear at the top level of the module}}
%top = gpuos.fill 1.0 : f32 -> tensor<2xf32>

// -----

gpuos.graph @region_op(%x: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{cannot draw 'test.region': only gpuos.task may hold a region}}
  %0 = "test.region"(%x) ({
    "test.done"() : () -> ()
  }) : (tensor<2xf32>) -> tensor<2xf32>
  gpuos.return %0 : tensor<2xf32>
}

// -----

// Invalid input never reaches the translation.
gpuos.graph @invalid(%x: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'gpuos.exp' op result #0 must be statically shaped tensor of 32-bit float or 16-bit float or bfloat16 type values, but got 'tensor<2xi32>'}}
  %0 = "gpuos.exp"(%x) : (tensor<2xf32>) -> tensor<2xi32>
  gpuos.return %x : tensor<2xf32>
}
