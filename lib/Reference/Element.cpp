//===- Element.cpp - element semantics per dtype --------------------------===//

#include "gpuos/Reference/Element.h"

#include <cmath>
#include <cstring>
#include <limits>

using namespace gpuos::ref;

namespace {
/// An IEEE-style binary format: explicit fraction bits and the exponent range
/// of normal numbers.
struct FloatFormat {
  int fractionBits;
  int minExponent;
  int maxExponent;
};
} // namespace

static FloatFormat formatOf(DType t) {
  switch (t) {
  case DType::F16:
    return {10, -14, 15};
  case DType::BF16:
    return {7, -126, 127};
  default:
    return {23, -126, 127};
  }
}

double gpuos::ref::roundToFloat(double v, DType t) {
  if (std::isnan(v) || std::isinf(v) || v == 0.0)
    return v;
  // The hardware conversion to binary32 rounds the same way, only faster.
  if (t == DType::F32)
    return static_cast<float>(v);
  FloatFormat format = formatOf(t);
  double magnitude = std::fabs(v);
  int exponent;
  std::frexp(magnitude, &exponent); // magnitude = m * 2^exponent, m in [0.5, 1)
  // Below the normal range the spacing stays that of the smallest normals.
  int unitExponent = std::max(exponent - 1, format.minExponent);
  double quantum = std::ldexp(1.0, unitExponent - format.fractionBits);
  // Scaling by a power of two is exact; nearbyint rounds ties to even.
  double rounded = std::nearbyint(magnitude / quantum) * quantum;
  double maxFinite = std::ldexp(2.0 - std::ldexp(1.0, -format.fractionBits),
                                format.maxExponent);
  if (rounded > maxFinite)
    rounded = std::numeric_limits<double>::infinity();
  return std::copysign(rounded, v);
}

int64_t gpuos::ref::wrapInteger(int64_t v, DType t) {
  switch (t) {
  case DType::I1:
    return v & 1;
  case DType::I32:
    return static_cast<int32_t>(
        static_cast<uint32_t>(static_cast<uint64_t>(v)));
  default:
    return v;
  }
}

int64_t gpuos::ref::toInt64(double v) {
  if (std::isnan(v))
    return 0;
  if (v >= 0x1p63)
    return std::numeric_limits<int64_t>::max();
  if (v < -0x1p63)
    return std::numeric_limits<int64_t>::min();
  return static_cast<int64_t>(v); // truncates toward zero
}

double gpuos::ref::fromInt64(int64_t v, DType t) {
  double d = static_cast<double>(wrapInteger(v, t));
  // 2^63 is no int64; keep the largest double that is.
  return d >= 0x1p63 ? 0x1p63 - 1024.0 : d;
}

double gpuos::ref::convertElement(double v, DType from, DType to) {
  if (to == DType::I1)
    return v != 0.0 ? 1.0 : 0.0;
  if (isFloatDType(to))
    return roundToFloat(v, to);
  if (!isFloatDType(from))
    return fromInt64(toInt64(v), to);
  // Float to integer: truncate, then saturate to the target range.
  if (to == DType::I32) {
    int64_t i = toInt64(v);
    i = std::min<int64_t>(std::max<int64_t>(i, INT32_MIN), INT32_MAX);
    return static_cast<double>(i);
  }
  return fromInt64(toInt64(v), to);
}

unsigned gpuos::ref::storageBytes(DType t) {
  switch (t) {
  case DType::F32:
  case DType::I32:
    return 4;
  case DType::F16:
  case DType::BF16:
    return 2;
  case DType::I1:
    return 1;
  case DType::I64:
    return 8;
  }
  return 8;
}

static uint32_t floatBits(float f) {
  uint32_t bits;
  std::memcpy(&bits, &f, sizeof(bits));
  return bits;
}

static float bitsToFloat(uint32_t bits) {
  float f;
  std::memcpy(&f, &bits, sizeof(f));
  return f;
}

static uint16_t halfBits(double v) {
  uint16_t sign = std::signbit(v) ? 0x8000 : 0;
  if (std::isnan(v))
    return 0x7E00;
  double magnitude = std::fabs(v);
  if (std::isinf(magnitude))
    return sign | 0x7C00;
  if (magnitude < 0x1p-14) // subnormal: multiples of 2^-24
    return sign | static_cast<uint16_t>(magnitude * 0x1p24);
  int exponent;
  std::frexp(magnitude, &exponent);
  int unbiased = exponent - 1;
  auto fraction =
      static_cast<uint16_t>((std::ldexp(magnitude, -unbiased) - 1.0) * 1024.0);
  return sign | static_cast<uint16_t>((unbiased + 15) << 10) | fraction;
}

static double halfValue(uint16_t bits) {
  double sign = (bits & 0x8000) ? -1.0 : 1.0;
  int exponent = (bits >> 10) & 0x1F;
  int fraction = bits & 0x3FF;
  if (exponent == 0x1F)
    return fraction ? std::numeric_limits<double>::quiet_NaN()
                    : sign * std::numeric_limits<double>::infinity();
  if (exponent == 0)
    return sign * std::ldexp(fraction, -24);
  return sign * std::ldexp(1024 + fraction, exponent - 25);
}

uint64_t gpuos::ref::encodeBits(double v, DType t) {
  switch (t) {
  case DType::F32:
    return std::isnan(v) ? 0x7FC00000u : floatBits(static_cast<float>(v));
  case DType::BF16:
    return std::isnan(v)
               ? 0x7FC0u
               : floatBits(static_cast<float>(roundToFloat(v, t))) >> 16;
  case DType::F16:
    return halfBits(roundToFloat(v, t));
  case DType::I1:
    return v != 0.0 ? 1 : 0;
  case DType::I32:
    return static_cast<uint32_t>(
        static_cast<int32_t>(wrapInteger(toInt64(v), t)));
  case DType::I64:
    return static_cast<uint64_t>(toInt64(v));
  }
  return 0;
}

double gpuos::ref::decodeBits(uint64_t bits, DType t) {
  switch (t) {
  case DType::F32:
    return bitsToFloat(static_cast<uint32_t>(bits));
  case DType::BF16:
    return bitsToFloat(static_cast<uint32_t>(bits & 0xFFFF) << 16);
  case DType::F16:
    return halfValue(static_cast<uint16_t>(bits));
  case DType::I1:
    return (bits & 0xFF) ? 1.0 : 0.0;
  case DType::I32:
    return static_cast<int32_t>(static_cast<uint32_t>(bits));
  case DType::I64:
    return fromInt64(static_cast<int64_t>(bits), t);
  }
  return 0.0;
}
