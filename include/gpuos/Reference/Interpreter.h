//===- Interpreter.h - the reference executor of gpuos graphs ---*- C++ -*-===//
//
// Runs a gpuos.graph on host tensors, op by op, with the kernels of
// Kernels.h. It is the semantic ground truth: transformations are checked by
// comparing graphs before and after through it. Exact and simple, not fast.
//
//===----------------------------------------------------------------------===//

#ifndef GPUOS_REFERENCE_INTERPRETER_H
#define GPUOS_REFERENCE_INTERPRETER_H

#include "gpuos/Dialect/GPUOSOps.h"
#include "gpuos/Reference/Tensor.h"

#include "mlir/Support/LLVM.h"
#include "llvm/ADT/ArrayRef.h"

#include <optional>
#include <vector>

namespace gpuos::ref {

/// The dtype of a gpuos element type; nullopt for anything else.
std::optional<DType> dtypeOf(mlir::Type elementType);

/// Runs `graph` on `inputs` (one per graph argument, checked against the
/// argument types). The graph is verified first. On failure emits an MLIR
/// diagnostic at the offending op (or the graph) and returns failure.
mlir::FailureOr<std::vector<Tensor>> interpret(gpuos::GraphOp graph,
                                               llvm::ArrayRef<Tensor> inputs);

} // namespace gpuos::ref

#endif // GPUOS_REFERENCE_INTERPRETER_H
