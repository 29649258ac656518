// An error leaves no output file, and nothing on stdout.
// RUN: rm -f %t.cu
// RUN: not gpuos-translate --gpuos-to-cuda --allow-unregistered-dialect %s -o %t.cu 2>&1 | FileCheck %s
// RUN: test ! -e %t.cu
// RUN: not gpuos-translate --gpuos-to-cuda --allow-unregistered-dialect %s 2>/dev/null | count 0
// RUN: rm -f %t.txt
// RUN: not gpuos-translate --gpuos-to-task-report --allow-unregistered-dialect %s -o %t.txt 2>&1 | FileCheck %s
// RUN: test ! -e %t.txt

// The first task is fine; the second one is not, so neither is written.
// CHECK: no-output-on-error.mlir:[[@LINE+12]]:{{[0-9]+}}: error: cannot emit CUDA for 'test.opaque': not a gpuos micro-op
gpuos.graph @good(%x: tensor<4xf32>) -> tensor<4xf32> {
  %r = gpuos.task ins(%x : tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%a: tensor<4xf32>):
    %n = gpuos.neg %a : tensor<4xf32>
    gpuos.yield %n : tensor<4xf32>
  }
  gpuos.return %r : tensor<4xf32>
}
gpuos.graph @bad(%x: tensor<4xf32>) -> tensor<4xf32> {
  %r = gpuos.task ins(%x : tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%a: tensor<4xf32>):
    %n = "test.opaque"(%a) : (tensor<4xf32>) -> tensor<4xf32>
    gpuos.yield %n : tensor<4xf32>
  }
  gpuos.return %r : tensor<4xf32>
}
