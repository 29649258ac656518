//===- KernelsTest.cpp - corner cases of the reference kernels ------------===//

#include "gpuos/Reference/Kernels.h"

#include "gtest/gtest.h"

#include <cmath>
#include <limits>

using namespace gpuos::ref;

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();

using Values = std::vector<double>;

TEST(Kernels, IntegerDivisionAndPowerAreTotal) {
  Tensor a{DType::I64, {4}, {7, -7, INT32_MIN, 5}};
  Tensor b{DType::I64, {4}, {-2, 0, -1, 3}};
  EXPECT_EQ(binary(BinaryFn::Div, a, b).values,
            (Values{-3, 0, -double(INT32_MIN), 1}));
  Tensor a32{DType::I32, {1}, {INT32_MIN}};
  Tensor minusOne{DType::I32, {1}, {-1}};
  EXPECT_EQ(binary(BinaryFn::Div, a32, minusOne).values, (Values{INT32_MIN}));
  Tensor base{DType::I32, {5}, {2, 0, -1, 3, 0}};
  Tensor exponent{DType::I32, {5}, {31, -1, -5, 2, 0}};
  EXPECT_EQ(binary(BinaryFn::Pow, base, exponent).values,
            (Values{INT32_MIN, 0, -1, 9, 1}));
}

TEST(Kernels, EmptyReductions) {
  Tensor empty{DType::F32, {2, 0}, {}};
  EXPECT_EQ(reduce(Reduction::Sum, empty, {1}, false).values, (Values{0, 0}));
  EXPECT_EQ(reduce(Reduction::Prod, empty, {1}, true).values, (Values{1, 1}));
  EXPECT_EQ(reduce(Reduction::Max, empty, {1}, false).values,
            (Values{-kInf, -kInf}));
  EXPECT_TRUE(std::isnan(reduce(Reduction::Mean, empty, {1}, false).values[0]));
  Tensor emptyInt{DType::I32, {0, 3}, {}};
  Tensor mins = reduce(Reduction::Min, emptyInt, {0}, true);
  EXPECT_EQ(mins.shape, (std::vector<int64_t>{1, 3}));
  EXPECT_EQ(mins.values, (Values{INT32_MAX, INT32_MAX, INT32_MAX}));
  EXPECT_EQ(reduce(Reduction::Mean, emptyInt, {0}, false).values,
            (Values{0, 0, 0}));
}

TEST(Kernels, NaNPropagatesThroughMaxAndSoftmax) {
  Tensor x{DType::F32, {3}, {1.0, std::nan(""), 2.0}};
  EXPECT_TRUE(std::isnan(reduce(Reduction::Max, x, {0}, false).values[0]));
  EXPECT_TRUE(std::isnan(softmax(x, 0).values[0]));
  Tensor y{DType::F32, {3}, {-kInf, 0.0, 0.0}};
  EXPECT_EQ(softmax(y, 0).values, (Values{0.0, 0.5, 0.5}));
}

TEST(Kernels, RankZeroAndEmptyOperands) {
  Tensor c{DType::I1, {}, {1.0}};
  Tensor t{DType::I64, {2}, {5, 6}};
  Tensor f{DType::I64, {}, {-1}};
  EXPECT_EQ(select(c, t, f).values, (Values{5, 6}));
  Tensor none{DType::F16, {2, 0}, {}};
  Tensor some{DType::F16, {2, 1}, {0.5, 1.5}};
  Tensor joined = concat({&none, &some, &none}, 1);
  EXPECT_EQ(joined.shape, (std::vector<int64_t>{2, 1}));
  EXPECT_EQ(joined.values, (Values{0.5, 1.5}));
  Tensor product = matmul(Tensor{DType::F32, {2, 0}, {}},
                          Tensor{DType::F32, {0, 3}, {}}, false, false);
  EXPECT_EQ(product.values, Values(6, 0.0));
}

TEST(Kernels, FloatResultsRoundOncePerOp) {
  // 1 + 2^-11 is exactly between two f16 values; the sum rounds to even.
  Tensor a{DType::F16, {1}, {1.0}};
  Tensor b{DType::F16, {1}, {std::ldexp(1.0, -11)}};
  EXPECT_EQ(binary(BinaryFn::Add, a, b).values, (Values{1.0}));
  // A dot product accumulates in double: 2^-11 added 4 times is not lost.
  Tensor row{DType::F16,
             {1, 5},
             {1.0, b.values[0], b.values[0], b.values[0], b.values[0]}};
  Tensor ones{DType::F16, {5, 1}, {1, 1, 1, 1, 1}};
  EXPECT_EQ(matmul(row, ones, false, false).values,
            (Values{1.0 + std::ldexp(1.0, -9)}));
}
} // namespace
