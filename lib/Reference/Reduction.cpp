//===- Reduction.cpp - reduce over axes -----------------------------------===//
//
// Floats accumulate in double and round once. Integers accumulate in int64
// with wrapping (sum, prod) and wrap to the dtype at the end; integer mean
// is the int64 sum divided by the count, truncated toward zero. Empty
// reductions give sum 0, prod 1, mean NaN (floats) or 0 (integers), max the
// lowest value (-inf), min the highest (+inf).
//
//===----------------------------------------------------------------------===//

#include "StridedIndex.h"

#include "gpuos/Reference/Element.h"
#include "gpuos/Reference/Kernels.h"

#include <algorithm>
#include <cmath>
#include <limits>

using namespace gpuos::ref;

static double floatInit(Reduction kind) {
  constexpr double inf = std::numeric_limits<double>::infinity();
  switch (kind) {
  case Reduction::Prod:
    return 1.0;
  case Reduction::Max:
    return -inf;
  case Reduction::Min:
    return inf;
  default:
    return 0.0;
  }
}

static double floatStep(Reduction kind, double acc, double v) {
  switch (kind) {
  case Reduction::Sum:
  case Reduction::Mean:
    return acc + v;
  case Reduction::Prod:
    return acc * v;
  case Reduction::Max: // NaN propagates, as in numpy.max
    return std::isnan(v) || std::isnan(acc) ? std::nan("") : std::max(acc, v);
  case Reduction::Min:
    return std::isnan(v) || std::isnan(acc) ? std::nan("") : std::min(acc, v);
  }
  return acc;
}

static int64_t integerInit(Reduction kind, DType t) {
  int64_t lowest = t == DType::I32 ? INT32_MIN : INT64_MIN;
  int64_t highest = t == DType::I32 ? INT32_MAX : INT64_MAX;
  switch (kind) {
  case Reduction::Prod:
    return 1;
  case Reduction::Max:
    return lowest;
  case Reduction::Min:
    return highest;
  default:
    return 0;
  }
}

static int64_t integerStep(Reduction kind, int64_t acc, int64_t v) {
  switch (kind) {
  case Reduction::Sum:
  case Reduction::Mean:
    return static_cast<int64_t>(static_cast<uint64_t>(acc) +
                                static_cast<uint64_t>(v));
  case Reduction::Prod:
    return static_cast<int64_t>(static_cast<uint64_t>(acc) *
                                static_cast<uint64_t>(v));
  case Reduction::Max:
    return std::max(acc, v);
  case Reduction::Min:
    return std::min(acc, v);
  }
  return acc;
}

Tensor gpuos::ref::reduce(Reduction kind, const Tensor &input,
                          const std::vector<int64_t> &axes, bool keepdim) {
  // The kept-dims shape broadcasts back to the input shape; that mapping
  // sends each input element to the output element it reduces into.
  std::vector<int64_t> kept = input.shape;
  int64_t count = 1;
  for (int64_t axis : axes) {
    count *= input.shape[axis];
    kept[axis] = 1;
  }
  std::vector<int64_t> target = broadcastOffsets(kept, input.shape);
  int64_t outCount = numElementsOf(kept);

  Tensor out{input.dtype, {}, {}};
  for (size_t d = 0; d < kept.size(); ++d) {
    bool reduced =
        std::find(axes.begin(), axes.end(), int64_t(d)) != axes.end();
    if (!reduced || keepdim)
      out.shape.push_back(kept[d]);
  }

  if (isFloatDType(input.dtype)) {
    std::vector<double> acc(outCount, floatInit(kind));
    for (size_t i = 0; i < target.size(); ++i)
      acc[target[i]] = floatStep(kind, acc[target[i]], input.values[i]);
    for (double &a : acc) {
      if (kind == Reduction::Mean)
        a /= static_cast<double>(count);
      a = roundToFloat(a, input.dtype);
    }
    out.values = std::move(acc);
    return out;
  }

  std::vector<int64_t> acc(outCount, integerInit(kind, input.dtype));
  for (size_t i = 0; i < target.size(); ++i)
    acc[target[i]] =
        integerStep(kind, acc[target[i]], toInt64(input.values[i]));
  out.values.reserve(outCount);
  for (int64_t a : acc) {
    if (kind == Reduction::Mean)
      a = count == 0 ? 0 : a / count;
    out.values.push_back(fromInt64(a, input.dtype));
  }
  return out;
}
