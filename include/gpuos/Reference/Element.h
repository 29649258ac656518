//===- Element.h - element semantics per dtype ------------------*- C++ -*-===//
//
// How one value is rounded, wrapped, converted and stored in each dtype. The
// reference executor computes in double (floats) or int64 (integers) and
// applies these functions once per operation result.
//
// Free of MLIR and LLVM.
//
//===----------------------------------------------------------------------===//

#ifndef GPUOS_REFERENCE_ELEMENT_H
#define GPUOS_REFERENCE_ELEMENT_H

#include "gpuos/Reference/Tensor.h"

#include <cstdint>

namespace gpuos::ref {

/// Rounds `v` to float dtype `t`: round to nearest, ties to even, with
/// subnormals; values past the largest finite magnitude become infinities.
/// Rounds once, straight from double (no double rounding through f32).
double roundToFloat(double v, DType t);

/// Two's-complement wrap of `v` into integer dtype `t` (i1 keeps the low bit).
int64_t wrapInteger(int64_t v, DType t);

/// An integer-dtype value as int64. Exact for values already in the dtype.
int64_t toInt64(double v);

/// A wrapped integer as the double a Tensor stores. i64 values beyond 2^53
/// in magnitude round to the nearest double below 2^63.
double fromInt64(int64_t v, DType t);

/// Element conversion of `gpuos.cast`: float to float rounds to nearest
/// even; float to integer truncates toward zero and saturates (NaN gives 0);
/// anything to i1 is `v != 0`; integer to integer wraps; i1 reads as 0 / 1.
double convertElement(double v, DType from, DType to);

/// Storage bits of `v` in `t`, as in memory (low bits used): IEEE binary32,
/// binary16, the upper half of binary32 for bf16, two's complement integers,
/// 0 / 1 for i1. Every NaN encodes as the canonical quiet NaN.
uint64_t encodeBits(double v, DType t);
/// The value of storage bits of `t` (the inverse of encodeBits).
double decodeBits(uint64_t bits, DType t);
/// Bytes per element in memory and in .npy files.
unsigned storageBytes(DType t);

} // namespace gpuos::ref

#endif // GPUOS_REFERENCE_ELEMENT_H
