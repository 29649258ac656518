//===- StridedIndex.cpp - offsets of strided views ------------------------===//

#include "StridedIndex.h"

#include "gpuos/Reference/Tensor.h"

using namespace gpuos::ref;

std::vector<int64_t>
gpuos::ref::rowMajorStrides(const std::vector<int64_t> &shape) {
  std::vector<int64_t> strides(shape.size(), 1);
  for (size_t d = shape.size(); d-- > 1;)
    strides[d - 1] = strides[d] * shape[d];
  return strides;
}

std::vector<int64_t>
gpuos::ref::stridedOffsets(const std::vector<int64_t> &shape,
                           const std::vector<int64_t> &strides, int64_t base) {
  int64_t count = numElementsOf(shape);
  std::vector<int64_t> offsets;
  offsets.reserve(count);
  std::vector<int64_t> index(shape.size(), 0);
  int64_t offset = base;
  for (int64_t i = 0; i < count; ++i) {
    offsets.push_back(offset);
    // Odometer step: bump the last dimension, carrying into earlier ones.
    for (size_t d = shape.size(); d-- > 0;) {
      offset += strides[d];
      if (++index[d] < shape[d])
        break;
      offset -= strides[d] * shape[d];
      index[d] = 0;
    }
  }
  return offsets;
}

std::vector<int64_t>
gpuos::ref::broadcastOffsets(const std::vector<int64_t> &from,
                             const std::vector<int64_t> &to) {
  std::vector<int64_t> fromStrides = rowMajorStrides(from);
  size_t lead = to.size() - from.size();
  std::vector<int64_t> strides(to.size(), 0);
  for (size_t d = lead; d < to.size(); ++d)
    if (from[d - lead] != 1)
      strides[d] = fromStrides[d - lead];
  return stridedOffsets(to, strides);
}
