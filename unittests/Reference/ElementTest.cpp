//===- ElementTest.cpp - rounding, wrapping and conversion per dtype ------===//

#include "gpuos/Reference/Element.h"

#include "gtest/gtest.h"

#include <cmath>
#include <limits>

using namespace gpuos::ref;

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();

TEST(Element, HalfRoundsTiesToEvenStraightFromDouble) {
  EXPECT_EQ(roundToFloat(2049.0, DType::F16), 2048.0); // tie, even below
  EXPECT_EQ(roundToFloat(2051.0, DType::F16), 2052.0); // tie, even above
  EXPECT_EQ(roundToFloat(2049.0000001, DType::F16), 2050.0);
  EXPECT_EQ(roundToFloat(65519.99, DType::F16), 65504.0);
  EXPECT_EQ(roundToFloat(65520.0, DType::F16), kInf); // tie with 2^16: even
  EXPECT_EQ(roundToFloat(-1e9, DType::F16), -kInf);
  // Subnormals are multiples of 2^-24.
  EXPECT_EQ(roundToFloat(std::ldexp(1.0, -25), DType::F16), 0.0);
  EXPECT_EQ(roundToFloat(std::ldexp(3.0, -26), DType::F16),
            std::ldexp(1.0, -24));
  EXPECT_TRUE(std::signbit(roundToFloat(-std::ldexp(1.0, -30), DType::F16)));
  // Via f32 this would round twice: 1 + 2^-11 + 2^-40 is above the f16 tie.
  double justAboveTie = 1.0 + std::ldexp(1.0, -11) + std::ldexp(1.0, -40);
  EXPECT_EQ(roundToFloat(justAboveTie, DType::F16), 1.0 + std::ldexp(1.0, -10));
}

TEST(Element, BFloat16RoundsToEightSignificantBits) {
  EXPECT_EQ(roundToFloat(1.0 + std::ldexp(1.0, -8), DType::BF16), 1.0);
  EXPECT_EQ(roundToFloat(1.0 + std::ldexp(3.0, -8), DType::BF16),
            1.0 + std::ldexp(1.0, -6));
  EXPECT_EQ(roundToFloat(257.0, DType::BF16), 256.0);
  EXPECT_EQ(roundToFloat(3.5e38, DType::BF16), kInf);
  EXPECT_EQ(roundToFloat(0.1, DType::F32), static_cast<double>(0.1f));
}

TEST(Element, EveryHalfAndBFloat16BitPatternRoundTrips) {
  for (DType t : {DType::F16, DType::BF16}) {
    for (uint32_t bits = 0; bits < 0x10000; ++bits) {
      double v = decodeBits(bits, t);
      if (std::isnan(v))
        continue;
      ASSERT_EQ(roundToFloat(v, t), v) << dtypeName(t) << " bits " << bits;
      ASSERT_EQ(encodeBits(v, t), bits) << dtypeName(t) << " bits " << bits;
    }
  }
  EXPECT_EQ(encodeBits(std::nan(""), DType::F16), 0x7E00u);
  EXPECT_EQ(encodeBits(std::nan(""), DType::BF16), 0x7FC0u);
  EXPECT_EQ(encodeBits(-2.5, DType::BF16), 0xC020u);
}

TEST(Element, IntegersWrap) {
  EXPECT_EQ(wrapInteger(int64_t(1) << 31, DType::I32), INT32_MIN);
  EXPECT_EQ(wrapInteger(-1, DType::I32), -1);
  EXPECT_EQ(wrapInteger(3, DType::I1), 1);
  EXPECT_EQ(wrapInteger(2, DType::I1), 0);
  EXPECT_EQ(fromInt64(INT64_MAX, DType::I64), 0x1p63 - 1024.0);
  EXPECT_EQ(encodeBits(-1.0, DType::I32), 0xFFFFFFFFu);
  EXPECT_EQ(decodeBits(0x80000000u, DType::I32), double(INT32_MIN));
}

TEST(Element, CastsTruncateSaturateAndTestNonZero) {
  EXPECT_EQ(convertElement(2.9, DType::F32, DType::I32), 2.0);
  EXPECT_EQ(convertElement(-2.9, DType::F32, DType::I32), -2.0);
  EXPECT_EQ(convertElement(3e9, DType::F32, DType::I32), double(INT32_MAX));
  EXPECT_EQ(convertElement(-3e9, DType::F32, DType::I32), double(INT32_MIN));
  EXPECT_EQ(convertElement(1e30, DType::F32, DType::I64), 0x1p63 - 1024.0);
  EXPECT_EQ(convertElement(std::nan(""), DType::F32, DType::I64), 0.0);
  EXPECT_EQ(convertElement(std::nan(""), DType::F32, DType::I1), 1.0);
  EXPECT_EQ(convertElement(-0.0, DType::F32, DType::I1), 0.0);
  EXPECT_EQ(convertElement(4294967297.0, DType::I64, DType::I32), 1.0);
  EXPECT_EQ(convertElement(1.0, DType::I1, DType::I32), 1.0);
  EXPECT_EQ(convertElement(70000.0, DType::I32, DType::F16), kInf);
  EXPECT_EQ(convertElement(1.0 / 3.0, DType::F32, DType::F16), 0.333251953125);
}
} // namespace
