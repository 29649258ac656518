//===- StridedIndex.h - offsets of strided views ----------------*- C++ -*-===//
//
// Broadcasts, permutations, slices and reductions all read an input through
// a strided view: output element i reads input offset base + sum(idx_d *
// stride_d). One helper computes those offsets in a single linear pass.
//
//===----------------------------------------------------------------------===//

#ifndef GPUOS_LIB_REFERENCE_STRIDEDINDEX_H
#define GPUOS_LIB_REFERENCE_STRIDEDINDEX_H

#include <cstdint>
#include <vector>

namespace gpuos::ref {

/// Row-major strides of `shape` (in elements).
std::vector<int64_t> rowMajorStrides(const std::vector<int64_t> &shape);

/// For each element of `shape` in row-major order, base + sum(idx * strides).
std::vector<int64_t> stridedOffsets(const std::vector<int64_t> &shape,
                                    const std::vector<int64_t> &strides,
                                    int64_t base = 0);

/// For each element of `to` (row-major), the offset in a tensor of shape
/// `from` that NumPy broadcasting reads (`from` broadcasts to `to`).
std::vector<int64_t> broadcastOffsets(const std::vector<int64_t> &from,
                                      const std::vector<int64_t> &to);

} // namespace gpuos::ref

#endif // GPUOS_LIB_REFERENCE_STRIDEDINDEX_H
