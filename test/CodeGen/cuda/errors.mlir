// RUN: gpuos-translate --gpuos-to-cuda --allow-unregistered-dialect -verify-diagnostics -split-input-file %s
// RUN: gpuos-translate --gpuos-to-task-report --allow-unregistered-dialect -verify-diagnostics -split-input-file %s

// Every unsupported construct is reported at its op before anything is
// printed.

gpuos.graph @deep(%x: tensor<1x1x1x1x1x1x1x1x2xf32>) -> tensor<1x1x1x1x1x1x1x1x2xf32> {
  // expected-error @+2 {{input #0 has rank 9; an operator argument has at most 8 dimensions (GPUOS_MAX_RANK)}}
  // expected-error @+1 {{result #0 has rank 9; an operator argument has at most 8 dimensions (GPUOS_MAX_RANK)}}
  %r = gpuos.task ins(%x : tensor<1x1x1x1x1x1x1x1x2xf32>) -> tensor<1x1x1x1x1x1x1x1x2xf32> {
  ^bb0(%a: tensor<1x1x1x1x1x1x1x1x2xf32>):
    %n = gpuos.neg %a : tensor<1x1x1x1x1x1x1x1x2xf32>
    gpuos.yield %n : tensor<1x1x1x1x1x1x1x1x2xf32>
  }
  gpuos.return %r : tensor<1x1x1x1x1x1x1x1x2xf32>
}

// -----

gpuos.graph @foreign(%x: tensor<4xf32>) -> tensor<4xf32> {
  %r = gpuos.task ins(%x : tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%a: tensor<4xf32>):
    // expected-error @+1 {{cannot emit CUDA for 'test.opaque': not a gpuos micro-op}}
    %n = "test.opaque"(%a) : (tensor<4xf32>) -> tensor<4xf32>
    gpuos.yield %n : tensor<4xf32>
  }
  gpuos.return %r : tensor<4xf32>
}

// -----

gpuos.graph @wide(%x: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{task has 17 inputs and 1 results; an operator takes at most 16 arguments (GPUOS_MAX_ARGS)}}
  %r = gpuos.task ins(%x, %x, %x, %x, %x, %x, %x, %x, %x, %x, %x, %x, %x, %x, %x, %x, %x : tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32> {
  ^bb0(%a0: tensor<2xf32>, %a1: tensor<2xf32>, %a2: tensor<2xf32>, %a3: tensor<2xf32>, %a4: tensor<2xf32>, %a5: tensor<2xf32>, %a6: tensor<2xf32>, %a7: tensor<2xf32>, %a8: tensor<2xf32>, %a9: tensor<2xf32>, %a10: tensor<2xf32>, %a11: tensor<2xf32>, %a12: tensor<2xf32>, %a13: tensor<2xf32>, %a14: tensor<2xf32>, %a15: tensor<2xf32>, %a16: tensor<2xf32>):
    gpuos.yield %a16 : tensor<2xf32>
  }
  gpuos.return %r : tensor<2xf32>
}

// -----

// Two graphs whose names become the same C identifier.
gpuos.graph @"layer.0"(%x: tensor<2xf32>) -> tensor<2xf32> {
  %r = gpuos.task ins(%x : tensor<2xf32>) -> tensor<2xf32> {
  ^bb0(%a: tensor<2xf32>):
    gpuos.yield %a : tensor<2xf32>
  }
  gpuos.return %r : tensor<2xf32>
}
gpuos.graph @layer_0(%x: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{operator name 'layer_0_task0' is also the name of the task at errors.mlir:}}
  %r = gpuos.task ins(%x : tensor<2xf32>) -> tensor<2xf32> {
  ^bb0(%a: tensor<2xf32>):
    gpuos.yield %a : tensor<2xf32>
  }
  gpuos.return %r : tensor<2xf32>
}

// -----

gpuos.graph @nested(%x: tensor<2xf32>) -> tensor<2xf32> {
  %r = gpuos.task ins(%x : tensor<2xf32>) -> tensor<2xf32> {
  ^bb0(%a: tensor<2xf32>):
    // expected-error @+1 {{cannot emit CUDA for a task nested in another task}}
    %i = gpuos.task ins(%a : tensor<2xf32>) -> tensor<2xf32> {
    ^bb0(%b: tensor<2xf32>):
      gpuos.yield %b : tensor<2xf32>
    }
    gpuos.yield %i : tensor<2xf32>
  }
  gpuos.return %r : tensor<2xf32>
}
