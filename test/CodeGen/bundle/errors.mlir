// REQUIRES: nvrtc
// Every failure is reported at a location and leaves no output file.
// RUN: rm -f %t.bundle
// RUN: not gpuos-translate --gpuos-to-bundle -split-input-file %s -o %t.bundle 2>&1 | FileCheck %s
// RUN: test ! -e %t.bundle

// A compile error names the graph and carries the NVRTC log.
// RUN: gpuos-opt --gpuos-pipeline %S/bundle.mlir -o %t.mlir
// RUN: not gpuos-translate --gpuos-to-bundle --gpuos-bundle-nvrtc-option=--pre-include=gpuos_no_such_header.h %t.mlir -o %t.bundle 2>&1 | FileCheck %s --check-prefix=NVRTC
// RUN: test ! -e %t.bundle
// NVRTC: error: cannot compile the operators of 'block' for sm_90:
// NVRTC: NVRTC: NVRTC_ERROR_COMPILATION
// NVRTC: gpuos_no_such_header.h

gpuos.graph @one(%x: tensor<4xf32>) -> tensor<4xf32> {
  gpuos.return %x : tensor<4xf32>
}
// CHECK: errors.mlir:1 offset :[[@LINE+1]]:1: error: a bundle holds one gpuos.graph; 'one' came first
gpuos.graph @two(%x: tensor<4xf32>) -> tensor<4xf32> {
  gpuos.return %x : tensor<4xf32>
}

// -----

gpuos.graph @unplanned(%x: tensor<4xf32>) -> tensor<4xf32> {
  // CHECK: errors.mlir:{{[0-9]+}} offset :5:8: error: needs 'gpuos.result_offsets' and 'gpuos.result_outputs'
  %0 = gpuos.task ins(%x : tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%a: tensor<4xf32>):
    %n = gpuos.neg %a : tensor<4xf32>
    gpuos.yield %n : tensor<4xf32>
  }
  gpuos.return %0 : tensor<4xf32>
}
