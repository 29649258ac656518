//===- GraphToDot.h - draw gpuos graphs as Graphviz DOT ---------*- C++ -*-===//
#ifndef GPUOS_CODEGEN_GRAPHTODOT_H
#define GPUOS_CODEGEN_GRAPHTODOT_H

#include "mlir/IR/BuiltinOps.h"
#include "llvm/Support/raw_ostream.h"

namespace gpuos {
/// Writes every gpuos.graph of `module` as a cluster of one Graphviz digraph:
/// a node per operation, graph inputs and outputs as distinct nodes, tasks as
/// clusters with their attributes in the label, and one edge per SSA use
/// labelled with the value's shape. On failure emits an error at the
/// offending operation and writes nothing.
mlir::LogicalResult translateToDot(mlir::ModuleOp module,
                                   llvm::raw_ostream &os);

/// Registers `--gpuos-to-dot` with the mlir-translate driver.
void registerToDotTranslation();
} // namespace gpuos

#endif // GPUOS_CODEGEN_GRAPHTODOT_H
