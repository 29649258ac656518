//===- ManifestEmitter.h - gpuos graphs to runtime manifests ----*- C++ -*-===//
//
// Writes the JSON manifest the runtime loads next to the operators of
// --gpuos-to-cuda: per graph its external buffers, arena, and tasks (operator
// symbol, tiles, arguments as buffer + offset + dtype + shape + strides,
// scratch and shared memory, dependencies). docs/codegen.md describes it.
//
//===----------------------------------------------------------------------===//

#ifndef GPUOS_CODEGEN_MANIFESTEMITTER_H
#define GPUOS_CODEGEN_MANIFESTEMITTER_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Support/LLVM.h"

namespace gpuos {

/// Version of the manifest format; readers reject other versions.
inline constexpr int64_t kManifestVersion = 1;

/// Writes the manifest of every graph in `op` (a module) to `os`, or
/// reports why not (ops outside tasks, missing memory plan) and writes
/// nothing.
mlir::LogicalResult translateToManifest(mlir::Operation *op,
                                        llvm::raw_ostream &os);

/// Registers `--gpuos-to-manifest` with mlir-translate style drivers.
void registerToManifestTranslation();

} // namespace gpuos

#endif // GPUOS_CODEGEN_MANIFESTEMITTER_H
