// RUN: gpuos-translate --gpuos-to-manifest -verify-diagnostics -split-input-file %s

gpuos.graph @unplanned(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{needs 'gpuos.result_offsets' and 'gpuos.result_outputs' with one entry per result; run gpuos-plan-memory before --gpuos-to-manifest}}
  %0 = gpuos.task ins(%x : tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%a: tensor<4xf32>):
    %n = gpuos.neg %a : tensor<4xf32>
    gpuos.yield %n : tensor<4xf32>
  }
  gpuos.return %0 : tensor<4xf32>
}

// -----

gpuos.graph @unfused(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'gpuos.neg' is outside any gpuos.task; run gpuos-fuse before --gpuos-to-manifest}}
  %n = gpuos.neg %x : tensor<4xf32>
  gpuos.return %n : tensor<4xf32>
}

// -----

gpuos.graph @lost(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{result #0 is read but has no buffer (offset and output are both -1)}}
  %0 = gpuos.task ins(%x : tensor<4xf32>) -> tensor<4xf32> attributes {gpuos.result_offsets = array<i64: -1>, gpuos.result_outputs = array<i64: -1>} {
  ^bb0(%a: tensor<4xf32>):
    %n = gpuos.neg %a : tensor<4xf32>
    gpuos.yield %n : tensor<4xf32>
  }
  %1 = gpuos.task ins(%0 : tensor<4xf32>) -> tensor<4xf32> attributes {gpuos.result_offsets = array<i64: -1>, gpuos.result_outputs = array<i64: 0>} {
  ^bb0(%a: tensor<4xf32>):
    %n = gpuos.neg %a : tensor<4xf32>
    gpuos.yield %n : tensor<4xf32>
  }
  gpuos.return %1 : tensor<4xf32>
}
