// One case per diagnostic of the gpuos verifiers and ODS constraints; each
// message is pinned in full.
// RUN: gpuos-opt %s -split-input-file -verify-diagnostics

// expected-error @+1 {{'gpuos.graph' op symbol declaration cannot have public visibility}}
gpuos.graph @public_declaration(%x: tensor<2xf32>) -> tensor<2xf32>

// -----

// expected-error @+1 {{'gpuos.graph' op must have a body}}
gpuos.graph private @no_body(%x: tensor<2xf32>) -> tensor<2xf32>

// -----

// expected-error @+1 {{'gpuos.graph' op argument #0 must be a statically shaped tensor, got 'tensor<?xf32>'}}
gpuos.graph @dynamic_arg(%x: tensor<?xf32>) {
  gpuos.return
}

// -----

// expected-error @+1 {{'gpuos.graph' op result #0 must be a statically shaped tensor, got 'tensor<*xf32>'}}
gpuos.graph @unranked_result() -> tensor<*xf32> {
  %0 = gpuos.fill 1.0 : f32 -> tensor<2xf32>
  gpuos.return %0 : tensor<2xf32>
}

// -----

// expected-error @+1 {{'gpuos.graph' op argument #0 must be a statically shaped tensor, got 'f32'}}
gpuos.graph @non_tensor_arg(%x: f32) {
  gpuos.return
}

// -----

gpuos.graph @outer() {
  // expected-error @+1 {{'gpuos.graph' op symbol's parent must have the SymbolTable trait}}
  gpuos.graph @inner() {
    gpuos.return
  }
  gpuos.return
}

// -----

gpuos.graph @return_count(%x: tensor<2xf32>) -> (tensor<2xf32>, tensor<2xf32>) {
  // expected-error @+1 {{'gpuos.return' op returns 1 values but graph @return_count declares 2 results}}
  gpuos.return %x : tensor<2xf32>
}

// -----

gpuos.graph @return_type(%x: tensor<2xf32>) -> tensor<3xf32> {
  // expected-error @+1 {{'gpuos.return' op operand #0 has type 'tensor<2xf32>' but graph @return_type returns 'tensor<3xf32>'}}
  gpuos.return %x : tensor<2xf32>
}

// -----

gpuos.graph @return_outside_graph(%x: tensor<2xf32>) {
  %0 = gpuos.task ins(%x : tensor<2xf32>) -> tensor<2xf32> {
  ^bb0(%a: tensor<2xf32>):
    // expected-error @+1 {{'gpuos.return' op expects parent op 'gpuos.graph'}}
    gpuos.return %a : tensor<2xf32>
  }
  gpuos.return
}

// -----

gpuos.graph @yield_outside_task(%x: tensor<2xf32>) {
  // expected-error @+1 {{'gpuos.yield' op expects parent op 'gpuos.task'}}
  gpuos.yield %x : tensor<2xf32>
}

// -----

gpuos.graph @task_arg_count(%x: tensor<2xf32>) {
  // expected-error @+1 {{'gpuos.task' op body has 2 arguments but the task has 1 inputs}}
  %0 = gpuos.task ins(%x : tensor<2xf32>) -> tensor<2xf32> {
  ^bb0(%a: tensor<2xf32>, %b: tensor<2xf32>):
    gpuos.yield %a : tensor<2xf32>
  }
  gpuos.return
}

// -----

gpuos.graph @task_arg_type(%x: tensor<2xf32>) {
  // expected-error @+1 {{'gpuos.task' op body argument #0 has type 'tensor<2xf16>' but input #0 has type 'tensor<2xf32>'}}
  %0 = gpuos.task ins(%x : tensor<2xf32>) -> tensor<2xf16> {
  ^bb0(%a: tensor<2xf16>):
    gpuos.yield %a : tensor<2xf16>
  }
  gpuos.return
}

// -----

gpuos.graph @task_yield_count(%x: tensor<2xf32>) {
  // expected-error @+1 {{'gpuos.task' op yields 1 values but the task has 2 results}}
  %0:2 = gpuos.task ins(%x : tensor<2xf32>) -> tensor<2xf32>, tensor<2xf32> {
  ^bb0(%a: tensor<2xf32>):
    gpuos.yield %a : tensor<2xf32>
  }
  gpuos.return
}

// -----

gpuos.graph @task_yield_type(%x: tensor<2xf32>) {
  // expected-error @+1 {{'gpuos.task' op yields 'tensor<2xf32>' as value #0 but result #0 has type 'tensor<4xf32>'}}
  %0 = gpuos.task ins(%x : tensor<2xf32>) -> tensor<4xf32> {
  ^bb0(%a: tensor<2xf32>):
    gpuos.yield %a : tensor<2xf32>
  }
  gpuos.return
}

// -----

gpuos.graph @task_isolated(%x: tensor<2xf32>) {
  // expected-note @+1 {{required by region isolation constraints}}
  %0 = gpuos.task -> tensor<2xf32> {
    // expected-error @+1 {{'gpuos.neg' op using value defined outside the region}}
    %1 = gpuos.neg %x : tensor<2xf32>
    gpuos.yield %1 : tensor<2xf32>
  }
  gpuos.return
}

// -----

gpuos.graph @binary_element_type(%a: tensor<4xf32>, %b: tensor<4xf16>) {
  // expected-error @+1 {{'gpuos.add' op operand 'rhs' has element type 'f16' but 'lhs' has 'f32'}}
  %0 = gpuos.add %a, %b : tensor<4xf32>, tensor<4xf16> -> tensor<4xf32>
  gpuos.return
}

// -----

gpuos.graph @binary_no_broadcast(%a: tensor<4x3xf32>, %b: tensor<4xf32>) {
  // expected-error @+1 {{'gpuos.sub' op operand 'rhs' of shape [4] does not broadcast with shape [4, 3] of the operands before it}}
  %0 = gpuos.sub %a, %b : tensor<4x3xf32>, tensor<4xf32> -> tensor<4x3xf32>
  gpuos.return
}

// -----

gpuos.graph @binary_result_shape(%a: tensor<4x1xf32>, %b: tensor<3xf32>) {
  // expected-error @+1 {{'gpuos.mul' op result shape [4, 1] does not match the broadcast shape [4, 3] of the operands}}
  %0 = gpuos.mul %a, %b : tensor<4x1xf32>, tensor<3xf32> -> tensor<4x1xf32>
  gpuos.return
}

// -----

gpuos.graph @binary_result_element_type(%a: tensor<4xi32>, %b: tensor<4xi32>) {
  // expected-error @+1 {{'gpuos.div' op result element type 'i64' differs from operand element type 'i32'}}
  %0 = gpuos.div %a, %b : tensor<4xi32>, tensor<4xi32> -> tensor<4xi64>
  gpuos.return
}

// -----

gpuos.graph @binary_f64(%a: tensor<4xf64>) {
  // expected-error @+1 {{'gpuos.max' op operand #0 must be statically shaped tensor of 32-bit float or 16-bit float or bfloat16 type or 1-bit signless integer or 32-bit signless integer or 64-bit signless integer values, but got 'tensor<4xf64>'}}
  %0 = gpuos.max %a, %a : tensor<4xf64>, tensor<4xf64> -> tensor<4xf64>
  gpuos.return
}

// -----

gpuos.graph @binary_unranked(%a: tensor<4xf32>) {
  // expected-error @+1 {{custom op 'gpuos.min' invalid kind of type specified: expected builtin.tensor, but found 'tensor<*xf32>'}}
  %0 = gpuos.min %a, %a : tensor<4xf32>, tensor<4xf32> -> tensor<*xf32>
  gpuos.return
}

// -----

gpuos.graph @binary_dynamic(%a: tensor<4xf32>) {
  // expected-error @+1 {{'gpuos.pow' op result #0 must be statically shaped tensor of 32-bit float or 16-bit float or bfloat16 type or 1-bit signless integer or 32-bit signless integer or 64-bit signless integer values, but got 'tensor<?xf32>'}}
  %0 = "gpuos.pow"(%a, %a) : (tensor<4xf32>, tensor<4xf32>) -> tensor<?xf32>
  gpuos.return
}

// -----

gpuos.graph @exp_on_int(%a: tensor<4xi32>) {
  // expected-error @+1 {{'gpuos.exp' op operand #0 must be statically shaped tensor of 32-bit float or 16-bit float or bfloat16 type values, but got 'tensor<4xi32>'}}
  %0 = gpuos.exp %a : tensor<4xi32>
  gpuos.return
}

// -----

gpuos.graph @neg_on_bool(%a: tensor<4xi1>) {
  // expected-error @+1 {{'gpuos.neg' op operand #0 must be statically shaped tensor of 32-bit float or 16-bit float or bfloat16 type or 32-bit signless integer or 64-bit signless integer values, but got 'tensor<4xi1>'}}
  %0 = gpuos.neg %a : tensor<4xi1>
  gpuos.return
}

// -----

gpuos.graph @unary_type_change(%a: tensor<4xf32>) {
  // expected-error @+1 {{'gpuos.sqrt' op requires the same type for all operands and results}}
  %0 = "gpuos.sqrt"(%a) : (tensor<4xf32>) -> tensor<4xf16>
  gpuos.return
}

// -----

gpuos.graph @gelu_kind(%a: tensor<4xf32>) {
  // expected-error @+1 {{custom op 'gpuos.gelu' expected string or keyword containing one of the following enum values for attribute 'approximation' [erf, tanh]}}
  %0 = gpuos.gelu fast %a : tensor<4xf32>
  gpuos.return
}

// -----

gpuos.graph @cmp_predicate(%a: tensor<4xf32>) {
  // expected-error @+1 {{custom op 'gpuos.cmp' expected string or keyword containing one of the following enum values for attribute 'predicate' [eq, ne, lt, le, gt, ge]}}
  %0 = gpuos.cmp neq, %a, %a : tensor<4xf32>, tensor<4xf32> -> tensor<4xi1>
  gpuos.return
}

// -----

gpuos.graph @cmp_result_not_bool(%a: tensor<4xf32>) {
  // expected-error @+1 {{'gpuos.cmp' op result #0 must be statically shaped tensor of 1-bit signless integer values, but got 'tensor<4xf32>'}}
  %0 = gpuos.cmp eq, %a, %a : tensor<4xf32>, tensor<4xf32> -> tensor<4xf32>
  gpuos.return
}

// -----

gpuos.graph @cmp_element_type(%a: tensor<4xf32>, %b: tensor<4xi32>) {
  // expected-error @+1 {{'gpuos.cmp' op operand 'rhs' has element type 'i32' but 'lhs' has 'f32'}}
  %0 = gpuos.cmp lt, %a, %b : tensor<4xf32>, tensor<4xi32> -> tensor<4xi1>
  gpuos.return
}

// -----

gpuos.graph @select_condition_type(%c: tensor<4xi32>, %a: tensor<4xf32>) {
  // expected-error @+1 {{'gpuos.select' op operand #0 must be statically shaped tensor of 1-bit signless integer values, but got 'tensor<4xi32>'}}
  %0 = gpuos.select %c, %a, %a : tensor<4xi32>, tensor<4xf32>, tensor<4xf32> -> tensor<4xf32>
  gpuos.return
}

// -----

gpuos.graph @select_value_types(%c: tensor<4xi1>, %a: tensor<4xf32>, %b: tensor<4xf16>) {
  // expected-error @+1 {{'gpuos.select' op operand 'false_value' has element type 'f16' but 'true_value' has 'f32'}}
  %0 = gpuos.select %c, %a, %b : tensor<4xi1>, tensor<4xf32>, tensor<4xf16> -> tensor<4xf32>
  gpuos.return
}

// -----

gpuos.graph @select_condition_shape(%c: tensor<3xi1>, %a: tensor<4xf32>) {
  // expected-error @+1 {{'gpuos.select' op operand 'true_value' of shape [4] does not broadcast with shape [3] of the operands before it}}
  %0 = gpuos.select %c, %a, %a : tensor<3xi1>, tensor<4xf32>, tensor<4xf32> -> tensor<4xf32>
  gpuos.return
}

// -----

gpuos.graph @select_result_type(%c: tensor<4xi1>, %a: tensor<4xf32>) {
  // expected-error @+1 {{'gpuos.select' op result element type 'i1' differs from operand element type 'f32'}}
  %0 = gpuos.select %c, %a, %a : tensor<4xi1>, tensor<4xf32>, tensor<4xf32> -> tensor<4xi1>
  gpuos.return
}

// -----

gpuos.graph @cast_shape(%a: tensor<4xf32>) {
  // expected-error @+1 {{'gpuos.cast' op input shape [4] differs from result shape [2, 2]}}
  %0 = gpuos.cast %a : tensor<4xf32> -> tensor<2x2xf16>
  gpuos.return
}

// -----

gpuos.graph @cast_to_i8(%a: tensor<4xf32>) {
  // expected-error @+1 {{'gpuos.cast' op result #0 must be statically shaped tensor of 32-bit float or 16-bit float or bfloat16 type or 1-bit signless integer or 32-bit signless integer or 64-bit signless integer values, but got 'tensor<4xi8>'}}
  %0 = gpuos.cast %a : tensor<4xf32> -> tensor<4xi8>
  gpuos.return
}

// -----

gpuos.graph @reduce_no_axes(%a: tensor<4xf32>) {
  // expected-error @+1 {{'gpuos.reduce' op axes must not be empty}}
  %0 = gpuos.reduce sum %a axes = [] : tensor<4xf32> -> tensor<4xf32>
  gpuos.return
}

// -----

gpuos.graph @reduce_axis_range(%a: tensor<4x8xf32>) {
  // expected-error @+1 {{'gpuos.reduce' op axis 2 is out of range for an input of rank 2 (expected 0 <= axis < 2)}}
  %0 = gpuos.reduce max %a axes = [2] : tensor<4x8xf32> -> tensor<4xf32>
  gpuos.return
}

// -----

gpuos.graph @reduce_negative_axis(%a: tensor<4x8xf32>) {
  // expected-error @+1 {{'gpuos.reduce' op axis -1 is out of range for an input of rank 2 (expected 0 <= axis < 2)}}
  %0 = gpuos.reduce min %a axes = [-1] : tensor<4x8xf32> -> tensor<4xf32>
  gpuos.return
}

// -----

gpuos.graph @reduce_axes_order(%a: tensor<4x8xf32>) {
  // expected-error @+1 {{'gpuos.reduce' op axes [1, 0] must be strictly increasing}}
  %0 = gpuos.reduce mean %a axes = [1, 0] : tensor<4x8xf32> -> tensor<f32>
  gpuos.return
}

// -----

gpuos.graph @reduce_duplicate_axes(%a: tensor<4x8xf32>) {
  // expected-error @+1 {{'gpuos.reduce' op axes [1, 1] must be strictly increasing}}
  %0 = gpuos.reduce prod %a axes = [1, 1] : tensor<4x8xf32> -> tensor<4xf32>
  gpuos.return
}

// -----

gpuos.graph @reduce_result_shape(%a: tensor<4x8xf32>) {
  // expected-error @+1 {{'gpuos.reduce' op result shape [4, 1] does not match [4] (input [4, 8] reduced over axes [1])}}
  %0 = gpuos.reduce sum %a axes = [1] : tensor<4x8xf32> -> tensor<4x1xf32>
  gpuos.return
}

// -----

gpuos.graph @reduce_keepdim_shape(%a: tensor<4x8xf32>) {
  // expected-error @+1 {{'gpuos.reduce' op result shape [4] does not match [4, 1] (input [4, 8] reduced over axes [1] with keepdim)}}
  %0 = gpuos.reduce sum %a axes = [1] keepdim : tensor<4x8xf32> -> tensor<4xf32>
  gpuos.return
}

// -----

gpuos.graph @reduce_result_element_type(%a: tensor<4x8xi32>) {
  // expected-error @+1 {{'gpuos.reduce' op result element type 'i64' differs from input element type 'i32'}}
  %0 = gpuos.reduce sum %a axes = [1] : tensor<4x8xi32> -> tensor<4xi64>
  gpuos.return
}

// -----

gpuos.graph @reduce_bool(%a: tensor<4xi1>) {
  // expected-error @+1 {{'gpuos.reduce' op operand #0 must be statically shaped tensor of 32-bit float or 16-bit float or bfloat16 type or 32-bit signless integer or 64-bit signless integer values, but got 'tensor<4xi1>'}}
  %0 = gpuos.reduce max %a axes = [0] : tensor<4xi1> -> tensor<i1>
  gpuos.return
}

// -----

gpuos.graph @reduce_kind(%a: tensor<4xf32>) {
  // expected-error @+1 {{custom op 'gpuos.reduce' expected string or keyword containing one of the following enum values for attribute 'kind' [sum, mean, max, min, prod]}}
  %0 = gpuos.reduce argmax %a axes = [0] : tensor<4xf32> -> tensor<f32>
  gpuos.return
}

// -----

gpuos.graph @softmax_axis(%a: tensor<4x8xf32>) {
  // expected-error @+1 {{'gpuos.softmax' op axis 2 is out of range for an input of rank 2 (expected 0 <= axis < 2)}}
  %0 = gpuos.softmax %a axis = 2 : tensor<4x8xf32>
  gpuos.return
}

// -----

gpuos.graph @softmax_int(%a: tensor<4x8xi32>) {
  // expected-error @+1 {{'gpuos.softmax' op operand #0 must be statically shaped tensor of 32-bit float or 16-bit float or bfloat16 type values, but got 'tensor<4x8xi32>'}}
  %0 = gpuos.softmax %a axis = 1 : tensor<4x8xi32>
  gpuos.return
}

// -----

gpuos.graph @layer_norm_dims(%a: tensor<4x8xf32>) {
  // expected-error @+1 {{'gpuos.layer_norm' op dims = 3 must be in [1, 2] for an input of shape [4, 8]}}
  %0 = gpuos.layer_norm %a dims = 3 eps = 1.0e-05 : tensor<4x8xf32>
  gpuos.return
}

// -----

gpuos.graph @layer_norm_zero_dims(%a: tensor<4x8xf32>) {
  // expected-error @+1 {{'gpuos.layer_norm' op dims = 0 must be in [1, 2] for an input of shape [4, 8]}}
  %0 = gpuos.layer_norm %a dims = 0 eps = 1.0e-05 : tensor<4x8xf32>
  gpuos.return
}

// -----

gpuos.graph @layer_norm_eps(%a: tensor<4x8xf32>) {
  // expected-error @+1 {{'gpuos.layer_norm' op eps = -1.000000e-05 must be >= 0}}
  %0 = gpuos.layer_norm %a dims = 1 eps = -1.0e-05 : tensor<4x8xf32>
  gpuos.return
}

// -----

gpuos.graph @layer_norm_weight_shape(%a: tensor<4x8xf32>, %w: tensor<4x8xf32>) {
  // expected-error @+1 {{'gpuos.layer_norm' op operand 'weight' of shape [4, 8] must have the normalized shape [8] (the last 1 dims of input [4, 8])}}
  %0 = gpuos.layer_norm %a weight(%w : tensor<4x8xf32>) dims = 1 eps = 1.0e-05 : tensor<4x8xf32>
  gpuos.return
}

// -----

gpuos.graph @layer_norm_bias_shape(%a: tensor<4x8xf32>, %b: tensor<4xf32>) {
  // expected-error @+1 {{'gpuos.layer_norm' op operand 'bias' of shape [4] must have the normalized shape [8] (the last 1 dims of input [4, 8])}}
  %0 = gpuos.layer_norm %a bias(%b : tensor<4xf32>) dims = 1 eps = 1.0e-05 : tensor<4x8xf32>
  gpuos.return
}

// -----

gpuos.graph @layer_norm_bias_type(%a: tensor<4x8xf32>, %b: tensor<8xf16>) {
  // expected-error @+1 {{'gpuos.layer_norm' op operand 'bias' has element type 'f16' but 'input' has 'f32'}}
  %0 = gpuos.layer_norm %a bias(%b : tensor<8xf16>) dims = 1 eps = 1.0e-05 : tensor<4x8xf32>
  gpuos.return
}

// -----

gpuos.graph @layer_norm_result_type(%a: tensor<4x8xf32>) {
  // expected-error @+1 {{'gpuos.layer_norm' op failed to verify that all of {input, result} have same type}}
  %0 = "gpuos.layer_norm"(%a) <{dims = 1 : i64, epsilon = 1.0e-05 : f64, operandSegmentSizes = array<i32: 1, 0, 0>}> : (tensor<4x8xf32>) -> tensor<4x8xf16>
  gpuos.return
}

// -----

gpuos.graph @rms_norm_dims(%a: tensor<4x8xf16>) {
  // expected-error @+1 {{'gpuos.rms_norm' op dims = 3 must be in [1, 2] for an input of shape [4, 8]}}
  %0 = gpuos.rms_norm %a dims = 3 eps = 1.0e-06 : tensor<4x8xf16>
  gpuos.return
}

// -----

gpuos.graph @rms_norm_eps_nan(%a: tensor<4x8xf16>) {
  // expected-error @+1 {{'gpuos.rms_norm' op eps = nan must be >= 0}}
  %0 = gpuos.rms_norm %a dims = 1 eps = 0x7FF8000000000000 : tensor<4x8xf16>
  gpuos.return
}

// -----

gpuos.graph @rms_norm_weight_shape(%a: tensor<4x8xf16>, %w: tensor<4xf16>) {
  // expected-error @+1 {{'gpuos.rms_norm' op operand 'weight' of shape [4] must have the normalized shape [8] (the last 1 dims of input [4, 8])}}
  %0 = gpuos.rms_norm %a weight(%w : tensor<4xf16>) dims = 1 eps = 1.0e-06 : tensor<4x8xf16>
  gpuos.return
}

// -----

gpuos.graph @rms_norm_weight_type(%a: tensor<4x8xf16>, %w: tensor<8xbf16>) {
  // expected-error @+1 {{'gpuos.rms_norm' op operand 'weight' has element type 'bf16' but 'input' has 'f16'}}
  %0 = gpuos.rms_norm %a weight(%w : tensor<8xbf16>) dims = 1 eps = 1.0e-06 : tensor<4x8xf16>
  gpuos.return
}

// -----

gpuos.graph @matmul_lhs_rank(%a: tensor<8xf32>, %b: tensor<8x4xf32>) {
  // expected-error @+1 {{'gpuos.matmul' op operand 'lhs' of shape [8] must have rank >= 2}}
  %0 = gpuos.matmul %a, %b : tensor<8xf32>, tensor<8x4xf32> -> tensor<4xf32>
  gpuos.return
}

// -----

gpuos.graph @matmul_rhs_rank(%a: tensor<2x8xf32>, %b: tensor<8xf32>) {
  // expected-error @+1 {{'gpuos.matmul' op operand 'rhs' of shape [8] must have rank >= 2}}
  %0 = gpuos.matmul %a, %b : tensor<2x8xf32>, tensor<8xf32> -> tensor<2xf32>
  gpuos.return
}

// -----

gpuos.graph @matmul_element_type(%a: tensor<2x8xf32>, %b: tensor<8x4xf16>) {
  // expected-error @+1 {{'gpuos.matmul' op operand 'rhs' has element type 'f16' but 'lhs' has 'f32'}}
  %0 = gpuos.matmul %a, %b : tensor<2x8xf32>, tensor<8x4xf16> -> tensor<2x4xf32>
  gpuos.return
}

// -----

gpuos.graph @matmul_contraction(%a: tensor<2x8xf32>, %b: tensor<4x8xf32>) {
  // expected-error @+1 {{'gpuos.matmul' op contraction sizes differ: 'lhs' of shape [2, 8] has K = 8, 'rhs' of shape [4, 8] has K = 4}}
  %0 = gpuos.matmul %a, %b : tensor<2x8xf32>, tensor<4x8xf32> -> tensor<2x8xf32>
  gpuos.return
}

// -----

gpuos.graph @matmul_contraction_transposed(%a: tensor<2x8xf32>, %b: tensor<8x4xf32>) {
  // expected-error @+1 {{'gpuos.matmul' op contraction sizes differ: 'lhs' of shape [2, 8] (transposed) has K = 2, 'rhs' of shape [8, 4] (transposed) has K = 4}}
  %0 = gpuos.matmul %a, %b transpose_lhs transpose_rhs : tensor<2x8xf32>, tensor<8x4xf32> -> tensor<8x8xf32>
  gpuos.return
}

// -----

gpuos.graph @matmul_batch(%a: tensor<3x2x8xf32>, %b: tensor<4x8x4xf32>) {
  // expected-error @+1 {{'gpuos.matmul' op batch dimensions of 'lhs' [3, 2, 8] and 'rhs' [4, 8, 4] do not broadcast}}
  %0 = gpuos.matmul %a, %b : tensor<3x2x8xf32>, tensor<4x8x4xf32> -> tensor<3x2x4xf32>
  gpuos.return
}

// -----

gpuos.graph @matmul_result_shape(%a: tensor<2x8xf32>, %b: tensor<8x4xf32>) {
  // expected-error @+1 {{'gpuos.matmul' op result shape [4, 2] does not match [2, 4]}}
  %0 = gpuos.matmul %a, %b : tensor<2x8xf32>, tensor<8x4xf32> -> tensor<4x2xf32>
  gpuos.return
}

// -----

gpuos.graph @matmul_result_element_type(%a: tensor<2x8xf16>, %b: tensor<8x4xf16>) {
  // expected-error @+1 {{'gpuos.matmul' op result element type 'f32' differs from operand element type 'f16'}}
  %0 = gpuos.matmul %a, %b : tensor<2x8xf16>, tensor<8x4xf16> -> tensor<2x4xf32>
  gpuos.return
}

// -----

gpuos.graph @matmul_bool(%a: tensor<2x8xi1>, %b: tensor<8x4xi1>) {
  // expected-error @+1 {{'gpuos.matmul' op operand #0 must be statically shaped tensor of 32-bit float or 16-bit float or bfloat16 type or 32-bit signless integer or 64-bit signless integer values, but got 'tensor<2x8xi1>'}}
  %0 = gpuos.matmul %a, %b : tensor<2x8xi1>, tensor<8x4xi1> -> tensor<2x4xi1>
  gpuos.return
}

// -----

gpuos.graph @reshape_count(%a: tensor<2x3xf32>) {
  // expected-error @+1 {{'gpuos.reshape' op input shape [2, 3] (6 elements) cannot be reshaped to [5] (5 elements)}}
  %0 = gpuos.reshape %a : tensor<2x3xf32> -> tensor<5xf32>
  gpuos.return
}

// -----

gpuos.graph @reshape_element_type(%a: tensor<2x3xf32>) {
  // expected-error @+1 {{'gpuos.reshape' op result element type 'i32' differs from input element type 'f32'}}
  %0 = gpuos.reshape %a : tensor<2x3xf32> -> tensor<6xi32>
  gpuos.return
}

// -----

gpuos.graph @permute_length(%a: tensor<2x3xf32>) {
  // expected-error @+1 {{'gpuos.permute' op permutation [0, 1, 2] has 3 entries but input of shape [2, 3] has rank 2}}
  %0 = gpuos.permute %a [0, 1, 2] : tensor<2x3xf32> -> tensor<2x3xf32>
  gpuos.return
}

// -----

gpuos.graph @permute_repeated(%a: tensor<2x3xf32>) {
  // expected-error @+1 {{'gpuos.permute' op permutation [1, 1] is not a permutation of [0, 2)}}
  %0 = gpuos.permute %a [1, 1] : tensor<2x3xf32> -> tensor<3x3xf32>
  gpuos.return
}

// -----

gpuos.graph @permute_out_of_range(%a: tensor<2x3xf32>) {
  // expected-error @+1 {{'gpuos.permute' op permutation [0, 2] is not a permutation of [0, 2)}}
  %0 = gpuos.permute %a [0, 2] : tensor<2x3xf32> -> tensor<2x3xf32>
  gpuos.return
}

// -----

gpuos.graph @permute_result_shape(%a: tensor<2x3xf32>) {
  // expected-error @+1 {{'gpuos.permute' op result shape [2, 3] does not match [3, 2] (input [2, 3] permuted by [1, 0])}}
  %0 = gpuos.permute %a [1, 0] : tensor<2x3xf32> -> tensor<2x3xf32>
  gpuos.return
}

// -----

gpuos.graph @permute_element_type(%a: tensor<2x3xf32>) {
  // expected-error @+1 {{'gpuos.permute' op result element type 'f16' differs from input element type 'f32'}}
  %0 = gpuos.permute %a [1, 0] : tensor<2x3xf32> -> tensor<3x2xf16>
  gpuos.return
}

// -----

gpuos.graph @slice_entries(%a: tensor<4x4xf32>) {
  // expected-error @+1 {{'gpuos.slice' op starts, limits and strides need 2 entries each for input of shape [4, 4]; got 1, 2, 2}}
  %0 = gpuos.slice %a starts = [0] limits = [4, 4] strides = [1, 1] : tensor<4x4xf32> -> tensor<4x4xf32>
  gpuos.return
}

// -----

gpuos.graph @slice_stride(%a: tensor<4xf32>) {
  // expected-error @+1 {{'gpuos.slice' op stride 0 of dim 0 must be >= 1}}
  %0 = gpuos.slice %a starts = [0] limits = [4] strides = [0] : tensor<4xf32> -> tensor<4xf32>
  gpuos.return
}

// -----

gpuos.graph @slice_limit(%a: tensor<4xf32>) {
  // expected-error @+1 {{'gpuos.slice' op dim 0: need 0 <= start (0) <= limit (5) <= size (4) for input of shape [4]}}
  %0 = gpuos.slice %a starts = [0] limits = [5] strides = [1] : tensor<4xf32> -> tensor<5xf32>
  gpuos.return
}

// -----

gpuos.graph @slice_start_after_limit(%a: tensor<4xf32>) {
  // expected-error @+1 {{'gpuos.slice' op dim 0: need 0 <= start (3) <= limit (2) <= size (4) for input of shape [4]}}
  %0 = gpuos.slice %a starts = [3] limits = [2] strides = [1] : tensor<4xf32> -> tensor<0xf32>
  gpuos.return
}

// -----

gpuos.graph @slice_negative_start(%a: tensor<4xf32>) {
  // expected-error @+1 {{'gpuos.slice' op dim 0: need 0 <= start (-1) <= limit (2) <= size (4) for input of shape [4]}}
  %0 = gpuos.slice %a starts = [-1] limits = [2] strides = [1] : tensor<4xf32> -> tensor<3xf32>
  gpuos.return
}

// -----

gpuos.graph @slice_result_shape(%a: tensor<8xf32>) {
  // expected-error @+1 {{'gpuos.slice' op result shape [2] does not match the sliced shape [3]}}
  %0 = gpuos.slice %a starts = [1] limits = [8] strides = [3] : tensor<8xf32> -> tensor<2xf32>
  gpuos.return
}

// -----

gpuos.graph @slice_huge_stride(%a: tensor<4xf32>) {
  // expected-error @+1 {{'gpuos.slice' op result shape [2] does not match the sliced shape [1]}}
  %0 = gpuos.slice %a starts = [1] limits = [4] strides = [9223372036854775807] : tensor<4xf32> -> tensor<2xf32>
  gpuos.return
}

// -----

gpuos.graph @slice_element_type(%a: tensor<4xf32>) {
  // expected-error @+1 {{'gpuos.slice' op result element type 'bf16' differs from input element type 'f32'}}
  %0 = gpuos.slice %a starts = [0] limits = [4] strides = [1] : tensor<4xf32> -> tensor<4xbf16>
  gpuos.return
}

// -----

gpuos.graph @broadcast_to_smaller(%a: tensor<2x3xf32>) {
  // expected-error @+1 {{'gpuos.broadcast_to' op input of shape [2, 3] cannot be broadcast to [3]}}
  %0 = gpuos.broadcast_to %a : tensor<2x3xf32> -> tensor<3xf32>
  gpuos.return
}

// -----

gpuos.graph @broadcast_to_mismatch(%a: tensor<2x3xf32>) {
  // expected-error @+1 {{'gpuos.broadcast_to' op input of shape [2, 3] cannot be broadcast to [4, 3]}}
  %0 = gpuos.broadcast_to %a : tensor<2x3xf32> -> tensor<4x3xf32>
  gpuos.return
}

// -----

gpuos.graph @broadcast_to_element_type(%a: tensor<3xf32>) {
  // expected-error @+1 {{'gpuos.broadcast_to' op result element type 'i64' differs from input element type 'f32'}}
  %0 = gpuos.broadcast_to %a : tensor<3xf32> -> tensor<2x3xi64>
  gpuos.return
}

// -----

gpuos.graph @concat_empty() {
  // expected-error @+1 {{'gpuos.concat' op needs at least one input}}
  %0 = "gpuos.concat"() <{axis = 0 : i64}> : () -> tensor<2xf32>
  gpuos.return
}

// -----

gpuos.graph @concat_axis(%a: tensor<2x3xf32>) {
  // expected-error @+1 {{'gpuos.concat' op axis 2 is out of range for an input of rank 2 (expected 0 <= axis < 2)}}
  %0 = gpuos.concat %a, %a axis = 2 : tensor<2x3xf32>, tensor<2x3xf32> -> tensor<2x6xf32>
  gpuos.return
}

// -----

gpuos.graph @concat_element_type(%a: tensor<2x3xf32>, %b: tensor<2x3xf16>) {
  // expected-error @+1 {{'gpuos.concat' op input #1 has element type 'f16' but input #0 has 'f32'}}
  %0 = gpuos.concat %a, %b axis = 1 : tensor<2x3xf32>, tensor<2x3xf16> -> tensor<2x6xf32>
  gpuos.return
}

// -----

gpuos.graph @concat_rank(%a: tensor<2x3xf32>, %b: tensor<3xf32>) {
  // expected-error @+1 {{'gpuos.concat' op input #1 of shape [3] has rank 1 but input #0 has rank 2}}
  %0 = gpuos.concat %a, %b axis = 1 : tensor<2x3xf32>, tensor<3xf32> -> tensor<2x6xf32>
  gpuos.return
}

// -----

gpuos.graph @concat_other_dim(%a: tensor<2x3xf32>, %b: tensor<4x3xf32>) {
  // expected-error @+1 {{'gpuos.concat' op input #1 of shape [4, 3] differs from input #0 of shape [2, 3] in dim 0 (only the axis 1 may differ)}}
  %0 = gpuos.concat %a, %b axis = 1 : tensor<2x3xf32>, tensor<4x3xf32> -> tensor<2x6xf32>
  gpuos.return
}

// -----

gpuos.graph @concat_result_shape(%a: tensor<2x3xf32>, %b: tensor<2x4xf32>) {
  // expected-error @+1 {{'gpuos.concat' op result shape [2, 6] does not match the concatenated shape [2, 7]}}
  %0 = gpuos.concat %a, %b axis = 1 : tensor<2x3xf32>, tensor<2x4xf32> -> tensor<2x6xf32>
  gpuos.return
}

// -----

gpuos.graph @concat_result_element_type(%a: tensor<2x3xf32>) {
  // expected-error @+1 {{'gpuos.concat' op result element type 'f16' differs from input element type 'f32'}}
  %0 = gpuos.concat %a, %a axis = 0 : tensor<2x3xf32>, tensor<2x3xf32> -> tensor<4x3xf16>
  gpuos.return
}

// -----

gpuos.graph @fill_type() {
  // expected-error @+1 {{'gpuos.fill' op fill value of type 'f16' does not match the result element type 'f32'}}
  %0 = gpuos.fill 1.0 : f16 -> tensor<4xf32>
  gpuos.return
}

// -----

gpuos.graph @fill_int_for_float() {
  // expected-error @+1 {{'gpuos.fill' op fill value of type 'i32' does not match the result element type 'f32'}}
  %0 = gpuos.fill 1 : i32 -> tensor<4xf32>
  gpuos.return
}

// -----

gpuos.graph @fill_f64() {
  // expected-error @+1 {{'gpuos.fill' op result #0 must be statically shaped tensor of 32-bit float or 16-bit float or bfloat16 type or 1-bit signless integer or 32-bit signless integer or 64-bit signless integer values, but got 'tensor<4xf64>'}}
  %0 = gpuos.fill 1.0 : f64 -> tensor<4xf64>
  gpuos.return
}

// -----

gpuos.graph @fill_untyped() {
  // expected-error @+1 {{'gpuos.fill' op fill value must be an integer or float, got "one"}}
  %0 = "gpuos.fill"() <{value = "one"}> : () -> tensor<4xf32>
  gpuos.return
}

// -----

gpuos.graph @constant_i8() {
  // expected-error @+1 {{'gpuos.constant' op result #0 must be statically shaped tensor of 32-bit float or 16-bit float or bfloat16 type or 1-bit signless integer or 32-bit signless integer or 64-bit signless integer values, but got 'tensor<4xi8>'}}
  %0 = gpuos.constant dense<1> : tensor<4xi8>
  gpuos.return
}

// -----

gpuos.graph @constant_result_type() {
  // expected-error @+2 {{'gpuos.constant' op inferred type(s) 'tensor<4xf32>' are incompatible with return type(s) of operation 'tensor<2xf32>'}}
  // expected-error @+1 {{'gpuos.constant' op failed to infer returned types}}
  %0 = "gpuos.constant"() <{value = dense<1.0> : tensor<4xf32>}> : () -> tensor<2xf32>
  gpuos.return
}

// -----

gpuos.graph @constant_not_elements() {
  // expected-error @+1 {{invalid properties {value = 1.000000e+00 : f32} for op gpuos.constant: Invalid attribute `value` in property conversion: 1.000000e+00 : f32}}
  %0 = "gpuos.constant"() <{value = 1.0 : f32}> : () -> tensor<f32>
  gpuos.return
}

// -----

gpuos.graph @fill_typed_string() {
  // expected-error @+1 {{'gpuos.fill' op fill value must be an integer or float, got "one" : f32}}
  %0 = "gpuos.fill"() <{value = "one" : f32}> : () -> tensor<4xf32>
  gpuos.return
}

// -----

// expected-error @+1 {{'gpuos.graph' op body must be a single block, got 2}}
gpuos.graph @two_blocks(%x: tensor<2xf32>) -> tensor<2xf32> {
  gpuos.return %x : tensor<2xf32>
^bb1:
  gpuos.return %x : tensor<2xf32>
}

// -----

// expected-error @+1 {{'gpuos.graph' op type of entry block argument #0('tensor<4xf32>') must match the type of the corresponding argument in function signature('tensor<2xf32>')}}
"gpuos.graph"() <{function_type = (tensor<2xf32>) -> (), sym_name = "block_args"}> ({
^bb0(%x: tensor<4xf32>):
  gpuos.return
}) : () -> ()

// -----

gpuos.graph @gelu_on_int(%a: tensor<4xi32>) {
  // expected-error @+1 {{'gpuos.gelu' op operand #0 must be statically shaped tensor of 32-bit float or 16-bit float or bfloat16 type values, but got 'tensor<4xi32>'}}
  %0 = gpuos.gelu tanh %a : tensor<4xi32>
  gpuos.return
}

// -----

gpuos.graph @relu_on_bool(%a: tensor<4xi1>) {
  // expected-error @+1 {{'gpuos.relu' op operand #0 must be statically shaped tensor of 32-bit float or 16-bit float or bfloat16 type or 32-bit signless integer or 64-bit signless integer values, but got 'tensor<4xi1>'}}
  %0 = gpuos.relu %a : tensor<4xi1>
  gpuos.return
}

// -----

gpuos.graph @abs_on_f64(%a: tensor<4xf64>) {
  // expected-error @+1 {{'gpuos.abs' op operand #0 must be statically shaped tensor of 32-bit float or 16-bit float or bfloat16 type or 32-bit signless integer or 64-bit signless integer values, but got 'tensor<4xf64>'}}
  %0 = gpuos.abs %a : tensor<4xf64>
  gpuos.return
}

// -----

gpuos.graph @task_body_dynamic(%x: tensor<2xf32>) {
  "gpuos.task"(%x) ({
  ^bb0(%a: tensor<2xf32>):
    // expected-error @+1 {{'gpuos.cast' op result #0 must be statically shaped tensor of 32-bit float or 16-bit float or bfloat16 type or 1-bit signless integer or 32-bit signless integer or 64-bit signless integer values, but got 'tensor<?xf32>'}}
    %c = "gpuos.cast"(%a) : (tensor<2xf32>) -> tensor<?xf32>
    gpuos.yield
  }) : (tensor<2xf32>) -> ()
  gpuos.return
}

// -----

gpuos.graph @reshape_count_overflow(%a: tensor<4611686018427387904x4xf32>) {
  // expected-error @+1 {{'gpuos.reshape' op input shape [4611686018427387904, 4] has more elements than int64 can count}}
  %0 = gpuos.reshape %a : tensor<4611686018427387904x4xf32> -> tensor<16xf32>
  gpuos.return
}

// -----

gpuos.graph @reshape_result_count_overflow(%a: tensor<16xf32>) {
  // expected-error @+1 {{'gpuos.reshape' op result shape [4611686018427387904, 4] has more elements than int64 can count}}
  %0 = gpuos.reshape %a : tensor<16xf32> -> tensor<4611686018427387904x4xf32>
  gpuos.return
}

// -----

gpuos.graph @concat_size_overflow(%a: tensor<2x9223372036854775807xf32>, %b: tensor<2x1xf32>) {
  // expected-error @+1 {{'gpuos.concat' op concatenated size along axis 1 exceeds int64}}
  %0 = gpuos.concat %a, %b axis = 1 : tensor<2x9223372036854775807xf32>, tensor<2x1xf32> -> tensor<2x1xf32>
  gpuos.return
}

// -----

gpuos.graph @log_not_float(%a: tensor<4xi32>) {
  // expected-error @+1 {{'gpuos.log' op operand #0 must be statically shaped tensor of 32-bit float or 16-bit float or bfloat16 type values, but got 'tensor<4xi32>'}}
  %0 = gpuos.log %a : tensor<4xi32>
  gpuos.return
}

// -----

gpuos.graph @rsqrt_not_float(%a: tensor<4xi64>) {
  // expected-error @+1 {{'gpuos.rsqrt' op operand #0 must be statically shaped tensor of 32-bit float or 16-bit float or bfloat16 type values, but got 'tensor<4xi64>'}}
  %0 = gpuos.rsqrt %a : tensor<4xi64>
  gpuos.return
}

// -----

gpuos.graph @tanh_not_float(%a: tensor<4xi1>) {
  // expected-error @+1 {{'gpuos.tanh' op operand #0 must be statically shaped tensor of 32-bit float or 16-bit float or bfloat16 type values, but got 'tensor<4xi1>'}}
  %0 = gpuos.tanh %a : tensor<4xi1>
  gpuos.return
}

// -----

gpuos.graph @sigmoid_not_float(%a: tensor<4xi32>) {
  // expected-error @+1 {{'gpuos.sigmoid' op operand #0 must be statically shaped tensor of 32-bit float or 16-bit float or bfloat16 type values, but got 'tensor<4xi32>'}}
  %0 = gpuos.sigmoid %a : tensor<4xi32>
  gpuos.return
}

// -----

gpuos.graph @silu_not_float(%a: tensor<2x2xi64>) {
  // expected-error @+1 {{'gpuos.silu' op operand #0 must be statically shaped tensor of 32-bit float or 16-bit float or bfloat16 type values, but got 'tensor<2x2xi64>'}}
  %0 = gpuos.silu %a : tensor<2x2xi64>
  gpuos.return
}

// -----

gpuos.graph @sin_not_float(%a: tensor<4xf64>) {
  // expected-error @+1 {{'gpuos.sin' op operand #0 must be statically shaped tensor of 32-bit float or 16-bit float or bfloat16 type values, but got 'tensor<4xf64>'}}
  %0 = gpuos.sin %a : tensor<4xf64>
  gpuos.return
}

// -----

gpuos.graph @cos_not_float(%a: tensor<4xi32>) {
  // expected-error @+1 {{'gpuos.cos' op operand #0 must be statically shaped tensor of 32-bit float or 16-bit float or bfloat16 type values, but got 'tensor<4xi32>'}}
  %0 = gpuos.cos %a : tensor<4xi32>
  gpuos.return
}
