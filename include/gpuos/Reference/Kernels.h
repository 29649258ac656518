//===- Kernels.h - reference kernels of the gpuos micro-ops -----*- C++ -*-===//
//
// One plain function per gpuos micro-op family, on host tensors. They compute
// in double (floats) or wrapping int64 (integers) and round each result once
// to its dtype (see Element.h). Shapes and attributes must already be valid
// (the dialect verifiers check them); the interpreter guarantees that.
//
// Free of MLIR and LLVM so GPU tests can compute expected values directly.
//
//===----------------------------------------------------------------------===//

#ifndef GPUOS_REFERENCE_KERNELS_H
#define GPUOS_REFERENCE_KERNELS_H

#include "gpuos/Reference/Tensor.h"

#include <vector>

namespace gpuos::ref {

enum class BinaryFn { Add, Sub, Mul, Div, Max, Min, Pow };
enum class UnaryFn {
  Neg,
  Abs,
  Exp,
  Log,
  Sqrt,
  Rsqrt,
  Tanh,
  Sigmoid,
  Relu,
  Silu,
  Sin,
  Cos,
  GeluErf,
  GeluTanh
};
enum class Comparison { Eq, Ne, Lt, Le, Gt, Ge };
enum class Reduction { Sum, Mean, Max, Min, Prod };

/// NumPy broadcast of two compatible shapes.
std::vector<int64_t> broadcastShape(const std::vector<int64_t> &a,
                                    const std::vector<int64_t> &b);

// Elementwise, with NumPy broadcasting.
Tensor binary(BinaryFn, const Tensor &lhs, const Tensor &rhs);
Tensor unary(UnaryFn, const Tensor &input);
Tensor compare(Comparison, const Tensor &lhs, const Tensor &rhs);
Tensor select(const Tensor &condition, const Tensor &trueValue,
              const Tensor &falseValue);
Tensor cast(const Tensor &input, DType to);

// Reductions and row-wise composites.
Tensor reduce(Reduction, const Tensor &input, const std::vector<int64_t> &axes,
              bool keepdim);
Tensor softmax(const Tensor &input, int64_t axis);
/// `weight` and `bias` may be null.
Tensor layerNorm(const Tensor &input, const Tensor *weight, const Tensor *bias,
                 int64_t dims, double epsilon);
Tensor rmsNorm(const Tensor &input, const Tensor *weight, int64_t dims,
               double epsilon);

Tensor matmul(const Tensor &lhs, const Tensor &rhs, bool transposeLhs,
              bool transposeRhs);

// Data movement.
Tensor reshape(const Tensor &input, std::vector<int64_t> shape);
Tensor permute(const Tensor &input, const std::vector<int64_t> &permutation);
Tensor slice(const Tensor &input, const std::vector<int64_t> &starts,
             const std::vector<int64_t> &limits,
             const std::vector<int64_t> &strides);
Tensor broadcastTo(const Tensor &input, std::vector<int64_t> shape);
Tensor concat(const std::vector<const Tensor *> &inputs, int64_t axis);
Tensor fill(DType, std::vector<int64_t> shape, double value);

} // namespace gpuos::ref

#endif // GPUOS_REFERENCE_KERNELS_H
