//===- Elementwise.cpp - elementwise reference kernels --------------------===//
//
// Floats compute in double and round once to the result dtype. Integers
// compute in int64 with two's-complement wrapping and then wrap to the
// result width, so i32 results equal 32-bit wrapping arithmetic and i1
// arithmetic is modulo 2.
//
//===----------------------------------------------------------------------===//

#include "StridedIndex.h"

#include "gpuos/Reference/Element.h"
#include "gpuos/Reference/Kernels.h"

#include <cmath>
#include <limits>

using namespace gpuos::ref;

static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::vector<int64_t> gpuos::ref::broadcastShape(const std::vector<int64_t> &a,
                                                const std::vector<int64_t> &b) {
  size_t rank = std::max(a.size(), b.size());
  std::vector<int64_t> out(rank);
  for (size_t i = 0; i < rank; ++i) {
    int64_t da = i < rank - a.size() ? 1 : a[i - (rank - a.size())];
    int64_t db = i < rank - b.size() ? 1 : b[i - (rank - b.size())];
    out[i] = da == 1 ? db : da;
  }
  return out;
}

/// Applies `fn` to broadcast operands: result[i] = fn(a[...], b[...]).
template <typename Fn>
static Tensor broadcastBinary(const Tensor &a, const Tensor &b, DType result,
                              Fn fn) {
  std::vector<int64_t> shape = broadcastShape(a.shape, b.shape);
  Tensor out{result, shape, {}};
  out.values.reserve(out.numElements());
  if (a.shape == b.shape) { // no broadcasting: skip the offset tables
    for (size_t i = 0; i < a.values.size(); ++i)
      out.values.push_back(fn(a.values[i], b.values[i]));
    return out;
  }
  std::vector<int64_t> aOffsets = broadcastOffsets(a.shape, shape);
  std::vector<int64_t> bOffsets = broadcastOffsets(b.shape, shape);
  for (size_t i = 0; i < aOffsets.size(); ++i)
    out.values.push_back(fn(a.values[aOffsets[i]], b.values[bOffsets[i]]));
  return out;
}

/// Integer power by squaring, wrapping. Negative exponents truncate 1/b^n
/// toward zero: 1 for b = 1, +-1 for b = -1, 0 otherwise (also for b = 0).
static int64_t integerPow(int64_t base, int64_t exponent) {
  if (exponent < 0) {
    if (base == 1)
      return 1;
    if (base == -1)
      return (exponent & 1) ? -1 : 1;
    return 0;
  }
  uint64_t result = 1, factor = static_cast<uint64_t>(base);
  for (uint64_t e = static_cast<uint64_t>(exponent); e; e >>= 1) {
    if (e & 1)
      result *= factor;
    factor *= factor;
  }
  return static_cast<int64_t>(result);
}

static int64_t integerBinary(BinaryFn fn, int64_t a, int64_t b) {
  auto ua = static_cast<uint64_t>(a), ub = static_cast<uint64_t>(b);
  switch (fn) {
  case BinaryFn::Add:
    return static_cast<int64_t>(ua + ub);
  case BinaryFn::Sub:
    return static_cast<int64_t>(ua - ub);
  case BinaryFn::Mul:
    return static_cast<int64_t>(ua * ub);
  case BinaryFn::Div:
    // Defined everywhere: x / 0 is 0, and INT64_MIN / -1 wraps.
    if (b == 0)
      return 0;
    if (b == -1)
      return static_cast<int64_t>(0 - ua);
    return a / b;
  case BinaryFn::Max:
    return std::max(a, b);
  case BinaryFn::Min:
    return std::min(a, b);
  case BinaryFn::Pow:
    return integerPow(a, b);
  }
  return 0;
}

static double floatBinary(BinaryFn fn, double a, double b) {
  switch (fn) {
  case BinaryFn::Add:
    return a + b;
  case BinaryFn::Sub:
    return a - b;
  case BinaryFn::Mul:
    return a * b;
  case BinaryFn::Div:
    return a / b;
  case BinaryFn::Max: // NaN propagates, as in numpy.maximum
    return std::isnan(a) || std::isnan(b) ? kNaN : std::max(a, b);
  case BinaryFn::Min:
    return std::isnan(a) || std::isnan(b) ? kNaN : std::min(a, b);
  case BinaryFn::Pow:
    return std::pow(a, b);
  }
  return kNaN;
}

Tensor gpuos::ref::binary(BinaryFn fn, const Tensor &lhs, const Tensor &rhs) {
  DType t = lhs.dtype;
  if (isFloatDType(t))
    return broadcastBinary(lhs, rhs, t, [&](double a, double b) {
      return roundToFloat(floatBinary(fn, a, b), t);
    });
  return broadcastBinary(lhs, rhs, t, [&](double a, double b) {
    return fromInt64(integerBinary(fn, toInt64(a), toInt64(b)), t);
  });
}

static double floatUnary(UnaryFn fn, double x) {
  switch (fn) {
  case UnaryFn::Neg:
    return -x;
  case UnaryFn::Abs:
    return std::fabs(x);
  case UnaryFn::Exp:
    return std::exp(x);
  case UnaryFn::Log:
    return std::log(x);
  case UnaryFn::Sqrt:
    return std::sqrt(x);
  case UnaryFn::Rsqrt:
    return 1.0 / std::sqrt(x);
  case UnaryFn::Tanh:
    return std::tanh(x);
  case UnaryFn::Sigmoid:
    return 1.0 / (1.0 + std::exp(-x));
  case UnaryFn::Relu: // NaN stays NaN; -0 becomes +0
    return std::isnan(x) ? x : (x > 0.0 ? x : 0.0);
  case UnaryFn::Silu:
    return x / (1.0 + std::exp(-x));
  case UnaryFn::Sin:
    return std::sin(x);
  case UnaryFn::Cos:
    return std::cos(x);
  case UnaryFn::GeluErf:
    return 0.5 * x * (1.0 + std::erf(x / std::sqrt(2.0)));
  case UnaryFn::GeluTanh: {
    const double k = std::sqrt(2.0 / M_PI);
    return 0.5 * x * (1.0 + std::tanh(k * (x + 0.044715 * x * x * x)));
  }
  }
  return kNaN;
}

/// Integer unary ops (the dialect allows only neg, abs and relu on integers).
static int64_t integerUnary(UnaryFn fn, int64_t x) {
  switch (fn) {
  case UnaryFn::Neg:
    return static_cast<int64_t>(0 - static_cast<uint64_t>(x));
  case UnaryFn::Abs:
    return x < 0 ? static_cast<int64_t>(0 - static_cast<uint64_t>(x)) : x;
  case UnaryFn::Relu:
    return std::max<int64_t>(x, 0);
  default:
    return x;
  }
}

Tensor gpuos::ref::unary(UnaryFn fn, const Tensor &input) {
  DType t = input.dtype;
  Tensor out{t, input.shape, {}};
  out.values.reserve(input.values.size());
  for (double x : input.values)
    out.values.push_back(isFloatDType(t)
                             ? roundToFloat(floatUnary(fn, x), t)
                             : fromInt64(integerUnary(fn, toInt64(x)), t));
  return out;
}

Tensor gpuos::ref::compare(Comparison predicate, const Tensor &lhs,
                           const Tensor &rhs) {
  // IEEE comparisons: every predicate but `ne` is false on NaN.
  return broadcastBinary(lhs, rhs, DType::I1, [&](double a, double b) {
    bool r = false;
    switch (predicate) {
    case Comparison::Eq:
      r = a == b;
      break;
    case Comparison::Ne:
      r = a != b;
      break;
    case Comparison::Lt:
      r = a < b;
      break;
    case Comparison::Le:
      r = a <= b;
      break;
    case Comparison::Gt:
      r = a > b;
      break;
    case Comparison::Ge:
      r = a >= b;
      break;
    }
    return r ? 1.0 : 0.0;
  });
}

Tensor gpuos::ref::select(const Tensor &condition, const Tensor &trueValue,
                          const Tensor &falseValue) {
  std::vector<int64_t> shape = broadcastShape(
      broadcastShape(condition.shape, trueValue.shape), falseValue.shape);
  std::vector<int64_t> c = broadcastOffsets(condition.shape, shape);
  std::vector<int64_t> t = broadcastOffsets(trueValue.shape, shape);
  std::vector<int64_t> f = broadcastOffsets(falseValue.shape, shape);
  Tensor out{trueValue.dtype, shape, {}};
  out.values.reserve(c.size());
  for (size_t i = 0; i < c.size(); ++i)
    out.values.push_back(condition.values[c[i]] != 0.0
                             ? trueValue.values[t[i]]
                             : falseValue.values[f[i]]);
  return out;
}

Tensor gpuos::ref::cast(const Tensor &input, DType to) {
  Tensor out{to, input.shape, {}};
  out.values.reserve(input.values.size());
  for (double x : input.values)
    out.values.push_back(convertElement(x, input.dtype, to));
  return out;
}

Tensor gpuos::ref::fill(DType t, std::vector<int64_t> shape, double value) {
  int64_t n = numElementsOf(shape);
  return Tensor{t, std::move(shape), std::vector<double>(n, value)};
}
