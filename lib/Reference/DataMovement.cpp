//===- DataMovement.cpp - reshape, permute, slice, broadcast, concat ------===//
//
// These only move values, so they are exact for every dtype.
//
//===----------------------------------------------------------------------===//

#include "StridedIndex.h"

#include "gpuos/Reference/Kernels.h"

using namespace gpuos::ref;

/// A tensor of `shape` whose element i is input.values[offsets[i]].
static Tensor gather(const Tensor &input, std::vector<int64_t> shape,
                     const std::vector<int64_t> &offsets) {
  Tensor out{input.dtype, std::move(shape), {}};
  out.values.reserve(offsets.size());
  for (int64_t offset : offsets)
    out.values.push_back(input.values[offset]);
  return out;
}

Tensor gpuos::ref::reshape(const Tensor &input, std::vector<int64_t> shape) {
  return Tensor{input.dtype, std::move(shape), input.values};
}

Tensor gpuos::ref::permute(const Tensor &input,
                           const std::vector<int64_t> &permutation) {
  std::vector<int64_t> inputStrides = rowMajorStrides(input.shape);
  std::vector<int64_t> shape, strides;
  for (int64_t p : permutation) {
    shape.push_back(input.shape[p]);
    strides.push_back(inputStrides[p]);
  }
  return gather(input, shape, stridedOffsets(shape, strides));
}

Tensor gpuos::ref::slice(const Tensor &input,
                         const std::vector<int64_t> &starts,
                         const std::vector<int64_t> &limits,
                         const std::vector<int64_t> &strides) {
  std::vector<int64_t> inputStrides = rowMajorStrides(input.shape);
  std::vector<int64_t> shape, steps;
  int64_t base = 0;
  for (size_t d = 0; d < input.shape.size(); ++d) {
    shape.push_back((limits[d] - starts[d] + strides[d] - 1) / strides[d]);
    steps.push_back(inputStrides[d] * strides[d]);
    base += starts[d] * inputStrides[d];
  }
  return gather(input, shape, stridedOffsets(shape, steps, base));
}

Tensor gpuos::ref::broadcastTo(const Tensor &input,
                               std::vector<int64_t> shape) {
  std::vector<int64_t> offsets = broadcastOffsets(input.shape, shape);
  return gather(input, std::move(shape), offsets);
}

Tensor gpuos::ref::concat(const std::vector<const Tensor *> &inputs,
                          int64_t axis) {
  const Tensor &first = *inputs.front();
  Tensor out{first.dtype, first.shape, {}};
  out.shape[axis] = 0;
  for (const Tensor *input : inputs)
    out.shape[axis] += input->shape[axis];
  int64_t outer = 1;
  for (int64_t d = 0; d < axis; ++d)
    outer *= first.shape[d];
  out.values.reserve(out.numElements());
  // Row-major: each outer index holds one contiguous chunk of every input.
  for (int64_t o = 0; o < outer; ++o) {
    for (const Tensor *input : inputs) {
      size_t chunk = outer ? input->values.size() / outer : 0;
      out.values.insert(out.values.end(), input->values.begin() + o * chunk,
                        input->values.begin() + (o + 1) * chunk);
    }
  }
  return out;
}
