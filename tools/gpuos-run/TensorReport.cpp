//===- TensorReport.cpp - what gpuos-run prints about a result ------------===//

#include "TensorReport.h"

#include "gpuos/Reference/Element.h"

#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstdlib>

using namespace gpuos::ref;

static std::string formatDouble(const char *format, int precision, double v) {
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), format, precision, v);
  return buffer;
}

static std::string formatElement(double v, DType t) {
  if (t == DType::I1)
    return v != 0.0 ? "true" : "false";
  if (!isFloatDType(t))
    return std::to_string(toInt64(v));
  if (std::isnan(v))
    return "nan";
  if (std::isinf(v))
    return v > 0 ? "inf" : "-inf";
  for (int precision = 1; precision < 17; ++precision) {
    std::string s = formatDouble("%.*g", precision, v);
    if (roundToFloat(std::strtod(s.c_str(), nullptr), t) == v)
      return s;
  }
  return formatDouble("%.*g", 17, v);
}

std::string gpuos::ref::summarizeTensor(const Tensor &t) {
  char hash[32];
  std::snprintf(hash, sizeof(hash), "0x%016" PRIx64, checksum(t));
  std::string line = tensorTypeString(t.dtype, t.shape) + " checksum=" + hash;
  if (t.values.empty())
    return line + " min=n/a max=n/a mean=n/a";
  double lo = t.values[0], hi = t.values[0], sum = 0.0;
  for (double v : t.values) {
    // Comparisons skip NaN; let it win explicitly.
    lo = std::isnan(v) || v < lo ? v : lo;
    hi = std::isnan(v) || v > hi ? v : hi;
    sum += v;
  }
  double mean = sum / static_cast<double>(t.values.size());
  // min and max are elements: print them exactly, as --print-values does.
  return line + " min=" + formatElement(lo, t.dtype) +
         " max=" + formatElement(hi, t.dtype) +
         " mean=" + (std::isnan(mean) ? "nan" : formatDouble("%.*g", 6, mean));
}

/// Appends the sub-array at `depth` starting at element `offset`.
static void appendNested(const Tensor &t, size_t depth, int64_t &offset,
                         std::string &out) {
  if (depth == t.shape.size()) {
    out += formatElement(t.values[offset++], t.dtype);
    return;
  }
  out += '[';
  for (int64_t i = 0; i < t.shape[depth]; ++i) {
    if (i > 0)
      out += depth + 1 == t.shape.size() ? ", "
                                         : ",\n" + std::string(depth + 1, ' ');
    appendNested(t, depth + 1, offset, out);
  }
  out += ']';
}

std::string gpuos::ref::formatValues(const Tensor &t) {
  std::string out;
  int64_t offset = 0;
  appendNested(t, 0, offset, out);
  return out;
}
