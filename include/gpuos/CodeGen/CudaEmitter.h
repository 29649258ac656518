//===- CudaEmitter.h - gpuos tasks to CUDA device operators -----*- C++ -*-===//
//
// Translates every `gpuos.task` of every `gpuos.graph` in a module into one
// `extern "C" __device__` operator against the runtime's device ABI
// (runtime/include/gpuos/device_abi.h). docs/codegen.md describes the output.
//
//===----------------------------------------------------------------------===//

#ifndef GPUOS_CODEGEN_CUDAEMITTER_H
#define GPUOS_CODEGEN_CUDAEMITTER_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Support/LLVM.h"

namespace gpuos {

/// Checks that every task of every graph in `module` can be emitted: only
/// gpuos micro-ops, argument counts and ranks within the device ABI limits,
/// inlinable constants, distinct operator names. Reports each problem at the
/// offending op and fails.
mlir::LogicalResult checkCudaEmittable(mlir::ModuleOp module);

/// Writes the CUDA source of every task in `module` to `os`. Writes nothing
/// unless the whole module emits successfully.
mlir::LogicalResult translateToCuda(mlir::Operation *op, llvm::raw_ostream &os);

/// Registers `--gpuos-to-cuda` with mlir-translate style drivers.
void registerToCudaTranslation();

} // namespace gpuos

#endif // GPUOS_CODEGEN_CUDAEMITTER_H
