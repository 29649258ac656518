//===- TensorTest.cpp - random data, comparison, checksums ----------------===//

#include "gpuos/Reference/Tensor.h"
#include "gpuos/Reference/Element.h"

#include "gtest/gtest.h"

#include <cmath>
#include <limits>

using namespace gpuos::ref;

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();

TEST(Tensor, ChecksumFollowsTheDocumentedLayout) {
  // FNV-1a of "f32", rank 1 and dim 2 as 8-byte LE, then 1.0f and -2.0f.
  EXPECT_EQ(checksum(Tensor{DType::F32, {2}, {1.0, -2.0}}),
            0xe510ffd41a698976ull);
  // "i1", rank 0, one byte 1.
  EXPECT_EQ(checksum(Tensor{DType::I1, {}, {1.0}}), 0xc316c9745f57184aull);
}

TEST(Tensor, ChecksumSeesDTypeShapeAndValues) {
  Tensor a{DType::F32, {2}, {1.0, 2.0}};
  uint64_t base = checksum(a);
  EXPECT_NE(checksum(Tensor{DType::F32, {1, 2}, {1.0, 2.0}}), base);
  EXPECT_NE(checksum(Tensor{DType::I32, {2}, {1.0, 2.0}}), base);
  EXPECT_NE(checksum(Tensor{DType::F32, {2}, {2.0, 1.0}}), base);
  EXPECT_EQ(checksum(Tensor{DType::F32, {1}, {std::nan("")}}),
            checksum(Tensor{DType::F32, {1}, {-std::nan("1")}}));
}

TEST(Tensor, MaxRelativeError) {
  Tensor want{DType::F32, {2}, {3.0, 4.0}};
  EXPECT_EQ(maxRelativeError(want, want), 0.0);
  EXPECT_DOUBLE_EQ(maxRelativeError(Tensor{DType::F32, {2}, {3.0, 4.5}}, want),
                   0.1);
  EXPECT_EQ(maxRelativeError(Tensor{DType::F16, {2}, {3.0, 4.0}}, want), kInf);
  EXPECT_EQ(maxRelativeError(Tensor{DType::F32, {1, 2}, {3.0, 4.0}}, want),
            kInf);
  Tensor nan{DType::F32, {2}, {std::nan(""), kInf}};
  EXPECT_EQ(maxRelativeError(nan, nan), 0.0);
  EXPECT_EQ(maxRelativeError(nan, want), kInf);
  EXPECT_EQ(maxRelativeError(want, nan), kInf);
  Tensor zeros{DType::F32, {2}, {0.0, 0.0}};
  EXPECT_EQ(maxRelativeError(zeros, zeros), 0.0);
  EXPECT_GT(maxRelativeError(want, zeros), 1e20);
}

TEST(Tensor, RandomTensorsAreDeterministicAndInRange) {
  for (DType t : {DType::F32, DType::F16, DType::BF16, DType::I1, DType::I32,
                  DType::I64}) {
    std::mt19937_64 rng1(7), rng2(7);
    Tensor a = randomTensor(t, {3, 50}, rng1);
    Tensor b = randomTensor(t, {3, 50}, rng2);
    EXPECT_EQ(checksum(a), checksum(b)) << dtypeName(t);
    ASSERT_EQ(a.values.size(), 150u);
    bool anyNonZero = false;
    for (double v : a.values) {
      anyNonZero |= v != 0.0;
      if (isFloatDType(t)) {
        EXPECT_EQ(roundToFloat(v, t), v);
        EXPECT_TRUE(v >= -1.0 && v < 1.0) << v;
      } else if (t == DType::I1) {
        EXPECT_TRUE(v == 0.0 || v == 1.0);
      } else {
        EXPECT_TRUE(v >= -8.0 && v <= 8.0 && v == std::trunc(v));
      }
    }
    EXPECT_TRUE(anyNonZero) << dtypeName(t);
  }
  std::mt19937_64 rng(0);
  EXPECT_TRUE(randomTensor(DType::F32, {0, 4}, rng).values.empty());
  Tensor one = randomTensor(DType::BF16, {}, rng);
  EXPECT_EQ(one.values.size(), 1u);
}

TEST(Tensor, BoundedNumElementsNeverOverflows) {
  EXPECT_EQ(boundedNumElements({}), 1);
  EXPECT_EQ(boundedNumElements({3, 0, 5}), 0);
  EXPECT_EQ(boundedNumElements({1 << 14, 1 << 14}), int64_t(1) << 28);
  EXPECT_FALSE(boundedNumElements({1 << 14, (1 << 14) + 1}));
  EXPECT_FALSE(boundedNumElements({int64_t(1) << 62, int64_t(1) << 62}));
  EXPECT_FALSE(boundedNumElements({-1}));
  EXPECT_EQ(tensorTypeString(DType::BF16, {4, 8}), "tensor<4x8xbf16>");
  EXPECT_EQ(tensorTypeString(DType::I1, {}), "tensor<i1>");
  EXPECT_EQ(shapeToString({3, 4}), "[3, 4]");
  EXPECT_EQ(parseDTypeName("bf16"), DType::BF16);
  EXPECT_FALSE(parseDTypeName("f64"));
}
} // namespace
