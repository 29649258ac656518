// Hand-computed results checked through --print-values; needs no NumPy.

// RUN: gpuos-run %s --graph integer_semantics --print-values | FileCheck %s --check-prefix=INT
// INT: output #0: tensor<5xi32>
// INT-NEXT: [3, -3, -3, 3, 0]
// INT: output #1: tensor<5xi32>
// INT-NEXT: [0, 1, -1, 1, 0]
// INT: output #2: tensor<2xi32>
// INT-NEXT: [-2147483648, 2147483647]
// INT: output #3: tensor<2xi32>
// INT-NEXT: [2147483647, -2147483648]
// INT: output #4: tensor<4xi1>
// INT-NEXT: [false, true, true, false]
gpuos.graph @integer_semantics() -> (tensor<5xi32>, tensor<5xi32>, tensor<2xi32>, tensor<2xi32>, tensor<4xi1>) {
  // Division truncates toward zero; x / 0 is 0.
  %a = gpuos.constant dense<[7, -7, 7, -7, 5]> : tensor<5xi32>
  %b = gpuos.constant dense<[2, 2, -2, -2, 0]> : tensor<5xi32>
  %q = gpuos.div %a, %b : tensor<5xi32>, tensor<5xi32> -> tensor<5xi32>
  // Negative exponents truncate 1 / b^n.
  %base = gpuos.constant dense<[2, 1, -1, -1, 0]> : tensor<5xi32>
  %exp = gpuos.constant dense<[-1, -3, -3, -2, -1]> : tensor<5xi32>
  %p = gpuos.pow %base, %exp : tensor<5xi32>, tensor<5xi32> -> tensor<5xi32>
  // Overflow wraps: INT32_MAX + 1 and INT32_MIN / -1.
  %big = gpuos.constant dense<[2147483647, -2147483648]> : tensor<2xi32>
  %step = gpuos.constant dense<[1, -1]> : tensor<2xi32>
  %sum = gpuos.add %big, %step : tensor<2xi32>, tensor<2xi32> -> tensor<2xi32>
  %quotient = gpuos.div %big, %step : tensor<2xi32>, tensor<2xi32> -> tensor<2xi32>
  // i1 arithmetic is modulo 2.
  %x = gpuos.constant dense<[false, false, true, true]> : tensor<4xi1>
  %y = gpuos.constant dense<[false, true, false, true]> : tensor<4xi1>
  %xor = gpuos.add %x, %y : tensor<4xi1>, tensor<4xi1> -> tensor<4xi1>
  gpuos.return %q, %p, %sum, %quotient, %xor : tensor<5xi32>, tensor<5xi32>, tensor<2xi32>, tensor<2xi32>, tensor<4xi1>
}

// Rounding to nearest even, straight from the exact result: 2048 + 1 and
// 256 + 1 are ties that stay even; 65504 + 16 rounds to f16 infinity;
// 1 / 3 in f16 is 0.333251953125 and 2.7 is 2.69921875, each printed
// with the fewest digits that read back to the same f16.
// RUN: gpuos-run %s --graph float_rounding --print-values | FileCheck %s --check-prefix=ROUND
// ROUND: output #0: tensor<3xf16>
// ROUND-NEXT: [2048, inf, 4]
// ROUND: output #1: tensor<3xf16>
// ROUND-NEXT: [2048, 4094, 0.3333]
// ROUND: output #2: tensor<2xbf16>
// ROUND-NEXT: [1, 256]
// ROUND: output #3: tensor<5xi32> checksum={{.*}} min=-2147483648 max=2147483647 mean=-0.2
// ROUND-NEXT: [2, -2, 2147483647, -2147483648, 0]
// ROUND: output #4: tensor<5xf16> checksum={{.*}} min=nan max=nan mean=nan
// ROUND-NEXT: [2.7, -2.7, inf, -inf, nan]
gpuos.graph @float_rounding() -> (tensor<3xf16>, tensor<3xf16>, tensor<2xbf16>, tensor<5xi32>, tensor<5xf16>) {
  %a = gpuos.constant dense<[2048.0, 65504.0, 1.0]> : tensor<3xf16>
  %b = gpuos.constant dense<[1.0, 16.0, 3.0]> : tensor<3xf16>
  %sum = gpuos.add %a, %b : tensor<3xf16>, tensor<3xf16> -> tensor<3xf16>
  %quotient = gpuos.div %a, %b : tensor<3xf16>, tensor<3xf16> -> tensor<3xf16>
  %c = gpuos.constant dense<[1.0, 256.0]> : tensor<2xbf16>
  %d = gpuos.constant dense<[0.00390625, 1.0]> : tensor<2xbf16>
  %e = gpuos.add %c, %d : tensor<2xbf16>, tensor<2xbf16> -> tensor<2xbf16>
  // Float to integer truncates and saturates; NaN becomes 0.
  %f = gpuos.constant dense<[2.7, -2.7, 3.0e9, -3.0e9, 0x7FC00000]> : tensor<5xf32>
  %i = gpuos.cast %f : tensor<5xf32> -> tensor<5xi32>
  %h = gpuos.cast %f : tensor<5xf32> -> tensor<5xf16>
  gpuos.return %sum, %quotient, %e, %i, %h : tensor<3xf16>, tensor<3xf16>, tensor<2xbf16>, tensor<5xi32>, tensor<5xf16>
}

// RUN: gpuos-run %s --graph shapes --print-values | FileCheck %s --check-prefix=SHAPE
// SHAPE: output #0: tensor<2x1xi32>
// SHAPE-NEXT: {{^\[\[}}6],
// SHAPE-NEXT: {{^}} [15]]
// SHAPE: output #1: tensor<2xi32>
// SHAPE-NEXT: [2, -3]
// SHAPE: output #2: tensor<2x2xf32>
// SHAPE-NEXT: {{^\[\[}}1, 3],
// SHAPE-NEXT: {{^}} [9, 11]]
// SHAPE: output #3: tensor<1x2x2xf32>
// SHAPE-NEXT: {{^\[\[\[}}23, 31],
// SHAPE-NEXT: {{^}}  [34, 46]]]
gpuos.graph @shapes() -> (tensor<2x1xi32>, tensor<2xi32>, tensor<2x2xf32>, tensor<1x2x2xf32>) {
  %m = gpuos.constant dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi32>
  %rows = gpuos.reduce sum %m axes = [1] keepdim : tensor<2x3xi32> -> tensor<2x1xi32>
  // Integer mean truncates: 5 / 2 = 2 and -7 / 2 = -3.
  %n = gpuos.constant dense<[[2, 3], [-3, -4]]> : tensor<2x2xi32>
  %means = gpuos.reduce mean %n axes = [1] : tensor<2x2xi32> -> tensor<2xi32>
  %iota = gpuos.constant dense<[[0.0, 1.0, 2.0, 3.0], [4.0, 5.0, 6.0, 7.0], [8.0, 9.0, 10.0, 11.0]]> : tensor<3x4xf32>
  %corners = gpuos.slice %iota starts = [0, 1] limits = [3, 4] strides = [2, 2] : tensor<3x4xf32> -> tensor<2x2xf32>
  // [[1, 2], [3, 4]]^T x [[5, 6], [7, 8]]^T = [[1, 3], [2, 4]] x [[5, 7], [6, 8]].
  %a = gpuos.constant dense<[[[1.0, 2.0], [3.0, 4.0]]]> : tensor<1x2x2xf32>
  %b = gpuos.constant dense<[[5.0, 6.0], [7.0, 8.0]]> : tensor<2x2xf32>
  %p = gpuos.matmul %a, %b transpose_lhs transpose_rhs : tensor<1x2x2xf32>, tensor<2x2xf32> -> tensor<1x2x2xf32>
  gpuos.return %rows, %means, %corners, %p : tensor<2x1xi32>, tensor<2xi32>, tensor<2x2xf32>, tensor<1x2x2xf32>
}

// gelu(1) = 0.5 (1 + erf(1 / sqrt 2)) = 0.841344746...; the tanh form gives
// 0.841191990...; softmax of equal logits is uniform; layer_norm of
// [1, 2, 3, 4] is (x - 2.5) / sqrt(1.25); rms_norm of [3, 4] is x / sqrt(12.5).
// RUN: gpuos-run %s --graph composites --print-values | FileCheck %s --check-prefix=COMP
// COMP: output #0: tensor<2xf32>
// COMP-NEXT: [0.8413448, -0.15865526]
// COMP: output #1: tensor<2xf32>
// COMP-NEXT: [0.841192, -0.15880801]
// COMP: output #2: tensor<4xf32>
// COMP-NEXT: [0.25, 0.25, 0.25, 0.25]
// COMP: output #3: tensor<4xf32>
// COMP-NEXT: [-1.3416408, -0.4472136, 0.4472136, 1.3416408]
// COMP: output #4: tensor<2xf32>
// COMP-NEXT: [0.84852815, 1.1313709]
gpuos.graph @composites() -> (tensor<2xf32>, tensor<2xf32>, tensor<4xf32>, tensor<4xf32>, tensor<2xf32>) {
  %x = gpuos.constant dense<[1.0, -1.0]> : tensor<2xf32>
  %erf = gpuos.gelu erf %x : tensor<2xf32>
  %tanh = gpuos.gelu tanh %x : tensor<2xf32>
  %logits = gpuos.fill 3.000000e+00 : f32 -> tensor<4xf32>
  %uniform = gpuos.softmax %logits axis = 0 : tensor<4xf32>
  %ramp = gpuos.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %ln = gpuos.layer_norm %ramp dims = 1 eps = 0.000000e+00 : tensor<4xf32>
  %pair = gpuos.constant dense<[3.0, 4.0]> : tensor<2xf32>
  %rms = gpuos.rms_norm %pair dims = 1 eps = 0.000000e+00 : tensor<2xf32>
  gpuos.return %erf, %tanh, %uniform, %ln, %rms : tensor<2xf32>, tensor<2xf32>, tensor<4xf32>, tensor<4xf32>, tensor<2xf32>
}
