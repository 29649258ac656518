//===- Tensor.h - host tensors of the reference executor --------*- C++ -*-===//
//
// A plain host tensor: element type, static shape and row-major values held
// as doubles. Every value is exactly representable in the element type, so
// a double holds f32, f16, bf16, i1 and i32 values without loss (i64 values
// are exact up to 2^53 in magnitude; see docs/reference-executor.md).
//
// Free of MLIR and LLVM so the runtime and its GPU tests can reuse it.
//
//===----------------------------------------------------------------------===//

#ifndef GPUOS_REFERENCE_TENSOR_H
#define GPUOS_REFERENCE_TENSOR_H

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace gpuos::ref {

/// The order is relied on by per-dtype tables; append new dtypes at the end.
enum class DType { F32, F16, BF16, I1, I32, I64 };

/// "f32", "f16", "bf16", "i1", "i32", "i64".
const char *dtypeName(DType);
/// The inverse of dtypeName.
std::optional<DType> parseDTypeName(const std::string &name);
bool isFloatDType(DType);

struct Tensor {
  DType dtype = DType::F32;
  std::vector<int64_t> shape;
  /// Row-major; each value exactly representable in `dtype`.
  std::vector<double> values;

  int64_t numElements() const;
};

/// The largest tensor the reference executor and the .npy reader hold (2^28
/// elements, 2 GiB of doubles): larger shapes give an error, not an
/// allocation failure.
constexpr int64_t kMaxTensorElements = int64_t(1) << 28;

/// Product of the dimensions (1 for rank 0).
int64_t numElementsOf(const std::vector<int64_t> &shape);
/// numElementsOf, or nullopt when a dimension is negative or the product
/// exceeds kMaxTensorElements (never overflows).
std::optional<int64_t> boundedNumElements(const std::vector<int64_t> &shape);
/// "[3, 4]"; "[]" for rank 0.
std::string shapeToString(const std::vector<int64_t> &shape);
/// "tensor<3x4xf32>", as MLIR prints the type.
std::string tensorTypeString(DType, const std::vector<int64_t> &shape);

/// Deterministic data from `rng` (the same on every platform): floats
/// uniform in [-1, 1) and never all zero, integers in [-8, 8], i1 0 or 1.
Tensor randomTensor(DType, std::vector<int64_t> shape, std::mt19937_64 &rng);

/// ||got - want||_2 / max(||want||_2, 1e-30) over all elements. Positions
/// where both hold NaN, or the same infinity, agree and count zero. Any other
/// NaN or infinity, or a dtype or shape mismatch, gives +inf.
double maxRelativeError(const Tensor &got, const Tensor &want);

/// 64-bit FNV-1a over the dtype name, the rank, each dimension (8 bytes,
/// little-endian) and each element's storage bits in the dtype (f32: 4
/// bytes, f16/bf16: 2, i1: 1, i32: 4, i64: 8, all little-endian; every NaN
/// hashed as the dtype's canonical quiet NaN).
uint64_t checksum(const Tensor &);

} // namespace gpuos::ref

#endif // GPUOS_REFERENCE_TENSOR_H
