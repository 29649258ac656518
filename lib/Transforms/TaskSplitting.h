//===- TaskSplitting.h - cut a group to the operator argument limit -*- C++ -*-===//
//
// An operator takes at most GPUOS_MAX_ARGS arguments (inputs and results
// together, runtime/include/gpuos/device_abi.h). The fuser builds groups
// without counting them, because a group's results are only known once every
// reader has been seen; before a group becomes a task it is cut, in program
// order, into consecutive pieces that fit. Cutting in program order cannot
// create a cycle: a task outside the group never both reads from and feeds
// the group.
//
//===----------------------------------------------------------------------===//

#ifndef GPUOS_LIB_TRANSFORMS_TASKSPLITTING_H
#define GPUOS_LIB_TRANSFORMS_TASKSPLITTING_H

#include "mlir/IR/Operation.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace gpuos {

struct TaskPiece {
  /// Ops of the piece, in program order.
  llvm::SmallVector<mlir::Operation *> ops;
  /// Values the piece computes that something after it reads.
  llvm::SmallVector<mlir::Value> results;
};

/// Cuts `members` (one group's ops in program order) into pieces of at most
/// `maxArgs` arguments; one piece when `maxArgs` <= 0. `escapes` holds the
/// members' values read outside the group. Values of ops for which
/// `isCopied` holds are not arguments: constants and recomputed producers are
/// copied into each piece reading them (their operands are).
llvm::SmallVector<TaskPiece>
splitByArguments(llvm::ArrayRef<mlir::Operation *> members,
                 const llvm::DenseSet<mlir::Value> &escapes,
                 llvm::function_ref<bool(mlir::Operation *)> isCopied,
                 int64_t maxArgs);

} // namespace gpuos

#endif // GPUOS_LIB_TRANSFORMS_TASKSPLITTING_H
