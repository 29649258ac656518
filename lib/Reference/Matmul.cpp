//===- Matmul.cpp - batched matrix product --------------------------------===//
//
// Batch dimensions broadcast (NumPy rules). Floats accumulate in double and
// round once; integers accumulate in wrapping int64 and wrap at the end.
//
//===----------------------------------------------------------------------===//

#include "StridedIndex.h"

#include "gpuos/Reference/Element.h"
#include "gpuos/Reference/Kernels.h"

using namespace gpuos::ref;

namespace {
/// A [rows, cols] matrix stored row-major inside a batch, read transposed or
/// not: at(i, j) is element (i, j) of the logical matrix.
struct MatrixView {
  const double *data;
  int64_t cols;
  bool transposed;
  double at(int64_t i, int64_t j) const {
    return transposed ? data[j * cols + i] : data[i * cols + j];
  }
};
} // namespace

Tensor gpuos::ref::matmul(const Tensor &lhs, const Tensor &rhs,
                          bool transposeLhs, bool transposeRhs) {
  size_t lr = lhs.shape.size(), rr = rhs.shape.size();
  int64_t l0 = lhs.shape[lr - 2], l1 = lhs.shape[lr - 1];
  int64_t r0 = rhs.shape[rr - 2], r1 = rhs.shape[rr - 1];
  int64_t m = transposeLhs ? l1 : l0, k = transposeLhs ? l0 : l1;
  int64_t n = transposeRhs ? r0 : r1;

  std::vector<int64_t> lhsBatch(lhs.shape.begin(), lhs.shape.end() - 2);
  std::vector<int64_t> rhsBatch(rhs.shape.begin(), rhs.shape.end() - 2);
  std::vector<int64_t> batch = broadcastShape(lhsBatch, rhsBatch);
  std::vector<int64_t> lhsOffsets = broadcastOffsets(lhsBatch, batch);
  std::vector<int64_t> rhsOffsets = broadcastOffsets(rhsBatch, batch);

  Tensor out{lhs.dtype, batch, {}};
  out.shape.push_back(m);
  out.shape.push_back(n);
  out.values.reserve(out.numElements());
  bool isFloat = isFloatDType(lhs.dtype);
  for (size_t b = 0; b < lhsOffsets.size(); ++b) {
    MatrixView a{lhs.values.data() + lhsOffsets[b] * l0 * l1, l1, transposeLhs};
    MatrixView c{rhs.values.data() + rhsOffsets[b] * r0 * r1, r1, transposeRhs};
    for (int64_t i = 0; i < m; ++i) {
      for (int64_t j = 0; j < n; ++j) {
        if (isFloat) {
          double acc = 0.0;
          for (int64_t p = 0; p < k; ++p)
            acc += a.at(i, p) * c.at(p, j);
          out.values.push_back(roundToFloat(acc, lhs.dtype));
          continue;
        }
        uint64_t acc = 0;
        for (int64_t p = 0; p < k; ++p)
          acc += static_cast<uint64_t>(toInt64(a.at(i, p))) *
                 static_cast<uint64_t>(toInt64(c.at(p, j)));
        out.values.push_back(fromInt64(static_cast<int64_t>(acc), lhs.dtype));
      }
    }
  }
  return out;
}
