// A LLaMA-style feed-forward block in f16: RMS norm, a SwiGLU gate
// (silu(x W_gate) * (x W_up)), a down projection and a residual, written
// twice: as plain micro-ops and grouped by hand into gpuos.task regions the
// way a fusion pass would. Both graphs compute bit-identical results, since
// every op rounds its result the same way inside or outside a task.
//
//   gpuos-run examples/swiglu_mlp.mlir --graph swiglu_mlp
//   gpuos-run examples/swiglu_mlp.mlir --graph swiglu_mlp_fused

gpuos.graph @swiglu_mlp(%x: tensor<4x16xf16>, %g: tensor<16xf16>,
                        %w_gate: tensor<16x48xf16>, %w_up: tensor<16x48xf16>,
                        %w_down: tensor<48x16xf16>) -> tensor<4x16xf16> {
  %n = gpuos.rms_norm %x weight(%g : tensor<16xf16>) dims = 1 eps = 1.000000e-06 : tensor<4x16xf16>
  %gate = gpuos.matmul %n, %w_gate : tensor<4x16xf16>, tensor<16x48xf16> -> tensor<4x48xf16>
  %up = gpuos.matmul %n, %w_up : tensor<4x16xf16>, tensor<16x48xf16> -> tensor<4x48xf16>
  %act = gpuos.silu %gate : tensor<4x48xf16>
  %h = gpuos.mul %act, %up : tensor<4x48xf16>, tensor<4x48xf16> -> tensor<4x48xf16>
  %down = gpuos.matmul %h, %w_down : tensor<4x48xf16>, tensor<48x16xf16> -> tensor<4x16xf16>
  %y = gpuos.add %x, %down : tensor<4x16xf16>, tensor<4x16xf16> -> tensor<4x16xf16>
  gpuos.return %y : tensor<4x16xf16>
}

gpuos.graph @swiglu_mlp_fused(%x: tensor<4x16xf16>, %g: tensor<16xf16>,
                              %w_gate: tensor<16x48xf16>, %w_up: tensor<16x48xf16>,
                              %w_down: tensor<48x16xf16>) -> tensor<4x16xf16> {
  // Task 1: normalization and both up projections, then the gate.
  %h = gpuos.task ins(%x, %g, %w_gate, %w_up : tensor<4x16xf16>, tensor<16xf16>,
                      tensor<16x48xf16>, tensor<16x48xf16>) -> tensor<4x48xf16> {
  ^bb0(%tx: tensor<4x16xf16>, %tg: tensor<16xf16>, %twg: tensor<16x48xf16>, %twu: tensor<16x48xf16>):
    %n = gpuos.rms_norm %tx weight(%tg : tensor<16xf16>) dims = 1 eps = 1.000000e-06 : tensor<4x16xf16>
    %gate = gpuos.matmul %n, %twg : tensor<4x16xf16>, tensor<16x48xf16> -> tensor<4x48xf16>
    %up = gpuos.matmul %n, %twu : tensor<4x16xf16>, tensor<16x48xf16> -> tensor<4x48xf16>
    %act = gpuos.silu %gate : tensor<4x48xf16>
    %prod = gpuos.mul %act, %up : tensor<4x48xf16>, tensor<4x48xf16> -> tensor<4x48xf16>
    gpuos.yield %prod : tensor<4x48xf16>
  }
  // Task 2: down projection with the residual as its epilogue.
  %y = gpuos.task ins(%h, %w_down, %x : tensor<4x48xf16>, tensor<48x16xf16>, tensor<4x16xf16>)
         -> tensor<4x16xf16> {
  ^bb0(%th: tensor<4x48xf16>, %twd: tensor<48x16xf16>, %tx: tensor<4x16xf16>):
    %down = gpuos.matmul %th, %twd : tensor<4x48xf16>, tensor<48x16xf16> -> tensor<4x16xf16>
    %sum = gpuos.add %tx, %down : tensor<4x16xf16>, tensor<4x16xf16> -> tensor<4x16xf16>
    gpuos.yield %sum : tensor<4x16xf16>
  }
  gpuos.return %y : tensor<4x16xf16>
}
