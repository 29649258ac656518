//===- Npy.h - NumPy .npy files for reference tensors -----------*- C++ -*-===//
//
// Reads and writes NumPy .npy files (format versions 1, 2 and 3; little-
// endian, C order). dtypes: f32 '<f4', f16 '<f2', i1 '|b1', i32 '<i4', i64
// '<i8'. NumPy has no bfloat16, so bf16 tensors are stored as their 16-bit
// patterns with descr '<u2', and a '<u2' file reads back as bf16.
//
// Malformed files give a message that starts with the file name; nothing
// here aborts on bad input. Free of MLIR and LLVM.
//
//===----------------------------------------------------------------------===//

#ifndef GPUOS_REFERENCE_NPY_H
#define GPUOS_REFERENCE_NPY_H

#include "gpuos/Reference/Tensor.h"

#include <optional>
#include <string>

namespace gpuos::ref {

/// The .npy descr of a dtype ("<f4", "<f2", "<u2" for bf16, "|b1", ...).
const char *npyDescr(DType);

/// Decodes the bytes of a .npy file; `name` starts every error message.
std::optional<Tensor> parseNpy(const std::string &bytes,
                               const std::string &name, std::string &error);
/// Reads and decodes the .npy file at `path`.
std::optional<Tensor> readNpyFile(const std::string &path, std::string &error);

/// The bytes of a version 1.0 .npy file (2.0 when the header needs it).
std::string encodeNpy(const Tensor &);
/// Writes `path` atomically: a temporary file in the same folder, renamed
/// into place once complete, so a failure leaves no partial file.
bool writeNpyFile(const std::string &path, const Tensor &, std::string &error);

} // namespace gpuos::ref

#endif // GPUOS_REFERENCE_NPY_H
