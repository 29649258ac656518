//===- Tensor.cpp - host tensors, random data, comparison, checksums ------===//

#include "gpuos/Reference/Tensor.h"
#include "gpuos/Reference/Element.h"

#include <cmath>
#include <limits>

using namespace gpuos::ref;

static constexpr DType kAllDTypes[] = {DType::F32, DType::F16, DType::BF16,
                                       DType::I1,  DType::I32, DType::I64};

const char *gpuos::ref::dtypeName(DType t) {
  static constexpr const char *kNames[] = {"f32", "f16", "bf16",
                                           "i1",  "i32", "i64"};
  return kNames[static_cast<int>(t)];
}

std::optional<DType> gpuos::ref::parseDTypeName(const std::string &name) {
  for (DType t : kAllDTypes)
    if (name == dtypeName(t))
      return t;
  return std::nullopt;
}

bool gpuos::ref::isFloatDType(DType t) {
  return t == DType::F32 || t == DType::F16 || t == DType::BF16;
}

int64_t gpuos::ref::numElementsOf(const std::vector<int64_t> &shape) {
  int64_t n = 1;
  for (int64_t d : shape)
    n *= d;
  return n;
}

std::optional<int64_t>
gpuos::ref::boundedNumElements(const std::vector<int64_t> &shape) {
  int64_t n = 1;
  for (int64_t d : shape) {
    if (d < 0)
      return std::nullopt;
    if (d != 0 && n > kMaxTensorElements / d)
      return std::nullopt;
    n *= d;
  }
  return n;
}

int64_t Tensor::numElements() const { return numElementsOf(shape); }

std::string gpuos::ref::shapeToString(const std::vector<int64_t> &shape) {
  std::string s = "[";
  for (size_t i = 0; i < shape.size(); ++i)
    s += (i ? ", " : "") + std::to_string(shape[i]);
  return s + "]";
}

std::string gpuos::ref::tensorTypeString(DType t,
                                         const std::vector<int64_t> &shape) {
  std::string s = "tensor<";
  for (int64_t d : shape)
    s += std::to_string(d) + "x";
  return s + dtypeName(t) + ">";
}

Tensor gpuos::ref::randomTensor(DType t, std::vector<int64_t> shape,
                                std::mt19937_64 &rng) {
  Tensor result{t, std::move(shape), {}};
  int64_t n = result.numElements();
  result.values.reserve(n);
  // Built from raw 64-bit draws: std distributions differ across libraries.
  auto uniformFloat = [&] {
    while (true) {
      double u = static_cast<double>(rng() >> 11) * 0x1p-52 - 1.0;
      double r = roundToFloat(u, t);
      if (r < 1.0) // rounding may reach 1.0; keep the interval half-open
        return r;
    }
  };
  bool allZero = true;
  for (int64_t i = 0; i < n; ++i) {
    double v;
    if (isFloatDType(t))
      v = uniformFloat();
    else if (t == DType::I1)
      v = static_cast<double>(rng() & 1);
    else
      v = static_cast<double>(static_cast<int64_t>(rng() % 17) - 8);
    allZero &= v == 0.0;
    result.values.push_back(v);
  }
  if (allZero && n > 0 && isFloatDType(t))
    result.values[0] = 0.5;
  return result;
}

double gpuos::ref::maxRelativeError(const Tensor &got, const Tensor &want) {
  constexpr double inf = std::numeric_limits<double>::infinity();
  if (got.dtype != want.dtype || got.shape != want.shape ||
      got.values.size() != want.values.size())
    return inf;
  double diff = 0.0, norm = 0.0;
  for (size_t i = 0; i < got.values.size(); ++i) {
    double g = got.values[i], w = want.values[i];
    if (std::isnan(g) || std::isnan(w)) {
      if (std::isnan(g) && std::isnan(w))
        continue;
      return inf;
    }
    if (std::isinf(g) || std::isinf(w)) {
      if (g == w)
        continue;
      return inf;
    }
    diff += (g - w) * (g - w);
    norm += w * w;
  }
  return std::sqrt(diff) / std::max(std::sqrt(norm), 1e-30);
}

namespace {
struct Fnv1a {
  uint64_t hash = 0xcbf29ce484222325ull;
  void byte(uint8_t b) {
    hash ^= b;
    hash *= 0x100000001b3ull;
  }
  void littleEndian(uint64_t v, unsigned bytes) {
    for (unsigned i = 0; i < bytes; ++i)
      byte(static_cast<uint8_t>(v >> (8 * i)));
  }
};
} // namespace

uint64_t gpuos::ref::checksum(const Tensor &t) {
  Fnv1a h;
  for (const char *c = dtypeName(t.dtype); *c; ++c)
    h.byte(static_cast<uint8_t>(*c));
  h.littleEndian(t.shape.size(), 8);
  for (int64_t d : t.shape)
    h.littleEndian(static_cast<uint64_t>(d), 8);
  unsigned bytes = storageBytes(t.dtype);
  for (double v : t.values)
    h.littleEndian(encodeBits(v, t.dtype), bytes);
  return h.hash;
}
