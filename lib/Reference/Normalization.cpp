//===- Normalization.cpp - softmax, layer_norm, rms_norm ------------------===//
//
// Statistics accumulate in double; each output element is rounded once.
//
//===----------------------------------------------------------------------===//

#include "gpuos/Reference/Element.h"
#include "gpuos/Reference/Kernels.h"

#include <cmath>
#include <limits>

using namespace gpuos::ref;

Tensor gpuos::ref::softmax(const Tensor &input, int64_t axis) {
  int64_t outer = 1, inner = 1, n = input.shape[axis];
  for (int64_t d = 0; d < axis; ++d)
    outer *= input.shape[d];
  for (size_t d = axis + 1; d < input.shape.size(); ++d)
    inner *= input.shape[d];
  Tensor out{input.dtype, input.shape,
             std::vector<double>(input.values.size(), 0.0)};
  std::vector<double> exps(n);
  for (int64_t o = 0; o < outer; ++o) {
    for (int64_t i = 0; i < inner; ++i) {
      int64_t base = o * n * inner + i;
      double maximum = -std::numeric_limits<double>::infinity();
      for (int64_t k = 0; k < n; ++k) {
        double x = input.values[base + k * inner];
        if (x > maximum || std::isnan(x))
          maximum = x;
      }
      double sum = 0.0;
      for (int64_t k = 0; k < n; ++k) {
        exps[k] = std::exp(input.values[base + k * inner] - maximum);
        sum += exps[k];
      }
      for (int64_t k = 0; k < n; ++k)
        out.values[base + k * inner] = roundToFloat(exps[k] / sum, input.dtype);
    }
  }
  return out;
}

/// Splits `input` into rows of its last `dims` dimensions and writes
/// normalize(row, output row) for each; the output keeps the input type.
template <typename Fn>
static Tensor forEachRow(const Tensor &input, int64_t dims, Fn normalize) {
  int64_t cols = 1;
  for (size_t d = input.shape.size() - dims; d < input.shape.size(); ++d)
    cols *= input.shape[d];
  Tensor out{input.dtype, input.shape,
             std::vector<double>(input.values.size(), 0.0)};
  if (cols == 0)
    return out;
  for (size_t start = 0; start < input.values.size(); start += cols)
    normalize(&input.values[start], &out.values[start], cols);
  return out;
}

Tensor gpuos::ref::layerNorm(const Tensor &input, const Tensor *weight,
                             const Tensor *bias, int64_t dims, double epsilon) {
  return forEachRow(input, dims, [&](const double *x, double *y, int64_t cols) {
    double mean = 0.0;
    for (int64_t c = 0; c < cols; ++c)
      mean += x[c];
    mean /= static_cast<double>(cols);
    double variance = 0.0; // biased, as torch.nn.functional.layer_norm
    for (int64_t c = 0; c < cols; ++c)
      variance += (x[c] - mean) * (x[c] - mean);
    variance /= static_cast<double>(cols);
    double scale = 1.0 / std::sqrt(variance + epsilon);
    for (int64_t c = 0; c < cols; ++c) {
      double v = (x[c] - mean) * scale;
      if (weight)
        v *= weight->values[c];
      if (bias)
        v += bias->values[c];
      y[c] = roundToFloat(v, input.dtype);
    }
  });
}

Tensor gpuos::ref::rmsNorm(const Tensor &input, const Tensor *weight,
                           int64_t dims, double epsilon) {
  return forEachRow(input, dims, [&](const double *x, double *y, int64_t cols) {
    double meanSquare = 0.0;
    for (int64_t c = 0; c < cols; ++c)
      meanSquare += x[c] * x[c];
    meanSquare /= static_cast<double>(cols);
    double scale = 1.0 / std::sqrt(meanSquare + epsilon);
    for (int64_t c = 0; c < cols; ++c) {
      double v = x[c] * scale;
      if (weight)
        v *= weight->values[c];
      y[c] = roundToFloat(v, input.dtype);
    }
  });
}
