//===- NpyTest.cpp - .npy encoding, decoding and malformed files ----------===//

#include "gpuos/Reference/Npy.h"

#include "gtest/gtest.h"

#include <cstdio>
#include <fstream>
#include <random>

using namespace gpuos::ref;

namespace {
std::string errorOf(const std::string &bytes) {
  std::string error;
  EXPECT_FALSE(parseNpy(bytes, "x.npy", error));
  return error;
}

TEST(Npy, RoundTripsEveryDType) {
  std::mt19937_64 rng(3);
  for (DType t : {DType::F32, DType::F16, DType::BF16, DType::I1, DType::I32,
                  DType::I64}) {
    for (std::vector<int64_t> shape :
         {std::vector<int64_t>{2, 3}, std::vector<int64_t>{},
          std::vector<int64_t>{0, 5}}) {
      Tensor x = randomTensor(t, shape, rng);
      std::string bytes = encodeNpy(x);
      std::string error;
      std::optional<Tensor> back = parseNpy(bytes, "x.npy", error);
      ASSERT_TRUE(back) << error;
      EXPECT_EQ(back->dtype, t);
      EXPECT_EQ(back->shape, shape);
      EXPECT_EQ(checksum(*back), checksum(x));
    }
  }
}

TEST(Npy, WritesTheNumPyVersion1Layout) {
  std::string bytes = encodeNpy(Tensor{DType::I32, {3}, {1, 2, 3}});
  EXPECT_EQ(bytes.substr(0, 8), std::string("\x93NUMPY\x01\x00", 8));
  size_t headerLength = uint8_t(bytes[8]) | (uint8_t(bytes[9]) << 8);
  EXPECT_EQ((10 + headerLength) % 64, 0u);
  EXPECT_EQ(bytes.substr(10, 60),
            "{'descr': '<i4', 'fortran_order': False, 'shape': (3,), }   ");
  EXPECT_EQ(bytes[10 + headerLength - 1], '\n');
  EXPECT_EQ(bytes.size(), 10 + headerLength + 12);
  EXPECT_EQ(bytes.substr(10 + headerLength, 4), std::string("\x01\0\0\0", 4));
}

TEST(Npy, ExplainsMalformedFiles) {
  std::string good = encodeNpy(Tensor{DType::F32, {2, 2}, {1, 2, 3, 4}});
  EXPECT_EQ(errorOf("hello"), "x.npy: not a .npy file (bad magic string)");
  std::string v9 = good;
  v9[6] = 9;
  EXPECT_EQ(errorOf(v9), "x.npy: unsupported .npy format version 9");
  EXPECT_EQ(errorOf(good.substr(0, 40)),
            "x.npy: truncated .npy header (declares 118 bytes, file has 30)");
  EXPECT_EQ(errorOf(good.substr(0, good.size() - 1)),
            "x.npy: truncated data: shape [2, 2] of f32 needs 16 bytes but "
            "the file holds 15");
  EXPECT_EQ(errorOf(good + "!"), "x.npy: 1 unexpected bytes after the data");
  auto replaced = [&](const std::string &from, const std::string &to) {
    std::string s = good;
    s.replace(s.find(from), from.size(), to);
    return s;
  };
  EXPECT_EQ(errorOf(replaced("False", "True ")),
            "x.npy: Fortran-order arrays are not supported (save with "
            "numpy.ascontiguousarray)");
  EXPECT_EQ(errorOf(replaced("<f4", ">f4")),
            "x.npy: unsupported dtype '>f4' (supported: <f4, <f2, <u2 as "
            "bf16, |b1, <i4, <i8)");
  EXPECT_EQ(errorOf(replaced("'shape'", "'shapy'")),
            "x.npy: bad .npy header: header has unexpected key 'shapy'");
  EXPECT_EQ(errorOf(replaced("(2, 2)", "(2,-2)")),
            "x.npy: bad .npy header: header 'shape' holds something other "
            "than non-negative integers");
  EXPECT_EQ(errorOf(replaced("(2, 2)", "(99999999999999999)")).substr(0, 50),
            "x.npy: bad .npy header: header 'shape' has a dimen");
  EXPECT_EQ(errorOf(replaced("(2, 2)", "(65536, 65536)")),
            "x.npy: shape [65536, 65536] has more than 2^28 elements");
}

TEST(Npy, SurvivesRandomCorruption) {
  std::mt19937_64 rng(11);
  std::string good = encodeNpy(randomTensor(DType::I64, {3, 4}, rng));
  for (int i = 0; i < 20000; ++i) {
    std::string bytes = good;
    for (int edits = 1 + rng() % 3; edits > 0; --edits) {
      size_t at = rng() % bytes.size();
      if (rng() % 2)
        bytes[at] = static_cast<char>(rng());
      else
        bytes.resize(std::max<size_t>(at, 1));
    }
    std::string error;
    std::optional<Tensor> t = parseNpy(bytes, "x.npy", error);
    if (t)
      ASSERT_EQ(t->values.size(), size_t(t->numElements()));
    else
      ASSERT_EQ(error.rfind("x.npy: ", 0), 0u) << error;
  }
}

TEST(Npy, WritesFilesAtomically) {
  std::string dir = ::testing::TempDir();
  std::string path = dir + "/gpuos_npy_test.npy";
  Tensor t{DType::BF16, {2}, {1.0, -2.5}};
  std::string error;
  ASSERT_TRUE(writeNpyFile(path, t, error)) << error;
  std::optional<Tensor> back = readNpyFile(path, error);
  ASSERT_TRUE(back) << error;
  EXPECT_EQ(checksum(*back), checksum(t));
  std::remove(path.c_str());

  std::string missing = dir + "/no/such/dir/out.npy";
  EXPECT_FALSE(writeNpyFile(missing, t, error));
  EXPECT_EQ(error.rfind(missing + ": cannot create a temporary file", 0), 0u)
      << error;
  EXPECT_FALSE(readNpyFile(missing, error));
  EXPECT_EQ(error, missing + ": cannot open: No such file or directory");
  EXPECT_FALSE(readNpyFile(dir, error));
  EXPECT_EQ(error, dir + ": not a regular file");
}
} // namespace
