//===- CudaLegality.cpp - can a task become a CUDA operator? --------------===//
//
// Runs before any text is printed, so every unsupported construct is
// reported at its own location and no partial file is written.
//
//===----------------------------------------------------------------------===//

#include "gpuos/CodeGen/CudaEmitter.h"

#include "CudaTaskPlan.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "llvm/ADT/StringMap.h"

using namespace mlir;
using namespace gpuos;
using namespace gpuos::cuda;

/// Device ABI limits (runtime/include/gpuos/device_abi.h).
static constexpr unsigned kMaxArgs = 16;  // GPUOS_MAX_ARGS
static constexpr int64_t kMaxRank = 8;    // GPUOS_MAX_RANK
/// Larger constants belong in a buffer the runtime binds, not in code.
static constexpr int64_t kMaxInlineConstant = 1 << 16;

static bool isEmittableOp(Operation *op) {
  return isElementwise(op) || isAnchor(op) ||
         isa<FillOp, ConstantOp, ReshapeOp, PermuteOp, SliceOp,
             BroadcastToOp, ConcatOp, YieldOp>(op);
}

static bool isEmittableType(Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  if (!tensor || !tensor.hasStaticShape())
    return false;
  Type e = tensor.getElementType();
  return e.isF32() || e.isF16() || e.isBF16() || e.isInteger(1) ||
         e.isInteger(32) || e.isInteger(64);
}

LogicalResult gpuos::cuda::checkTaskEmittable(TaskOp task) {
  bool ok = true;
  unsigned numArgs = task.getInputs().size() + task.getNumResults();
  if (numArgs > kMaxArgs) {
    task.emitError() << "task has " << task.getInputs().size()
                     << " inputs and " << task.getNumResults()
                     << " results; an operator takes at most " << kMaxArgs
                     << " arguments (GPUOS_MAX_ARGS)";
    ok = false;
  }
  auto checkRank = [&](Type type, StringRef what, unsigned i) {
    auto tensor = cast<RankedTensorType>(type);
    if (tensor.getRank() <= kMaxRank)
      return;
    task.emitError() << what << " #" << i << " has rank " << tensor.getRank()
                     << "; an operator argument has at most " << kMaxRank
                     << " dimensions (GPUOS_MAX_RANK)";
    ok = false;
  };
  for (auto [i, type] : llvm::enumerate(task.getInputs().getTypes()))
    checkRank(type, "input", i);
  for (auto [i, type] : llvm::enumerate(task.getResultTypes()))
    checkRank(type, "result", i);

  task.getBody().walk([&](Operation *op) {
    if (isa<TaskOp>(op))
      return WalkResult::skip(); // reported as nested by checkCudaEmittable
    if (!isEmittableOp(op)) {
      op->emitError() << "cannot emit CUDA for '" << op->getName()
                      << "': not a gpuos micro-op";
      ok = false;
      return WalkResult::skip();
    }
    for (Type type : llvm::concat<const Type>(op->getOperandTypes(),
                                              op->getResultTypes())) {
      if (!isEmittableType(type)) {
        op->emitError() << "cannot emit CUDA for a value of type " << type;
        ok = false;
        return WalkResult::advance();
      }
    }
    if (auto constant = dyn_cast<ConstantOp>(op)) {
      auto dense = dyn_cast<DenseElementsAttr>(constant.getValue());
      if (!dense) {
        op->emitError("cannot emit CUDA for a constant that is not a dense "
                      "elements attribute");
        ok = false;
      } else if (!dense.isSplat() &&
                 dense.getNumElements() > kMaxInlineConstant) {
        op->emitError() << "constant of " << dense.getNumElements()
                        << " elements is too large to inline (at most "
                        << kMaxInlineConstant
                        << "); pass it to the task as an input";
        ok = false;
      }
    }
    return WalkResult::advance();
  });
  return success(ok);
}

LogicalResult gpuos::checkCudaEmittable(ModuleOp module) {
  bool ok = true;
  llvm::StringMap<TaskOp> names;
  for (auto &[task, name] : operatorNames(module)) {
    if (auto outer = task->getParentOfType<TaskOp>()) {
      task.emitError("cannot emit CUDA for a task nested in another task");
      ok = false;
      continue;
    }
    auto [it, inserted] = names.try_emplace(name, task);
    if (!inserted) {
      task.emitError() << "operator name '" << name
                       << "' is also the name of the task at "
                       << locationString(it->second.getLoc())
                       << "; rename one of the graphs";
      ok = false;
    }
    if (failed(checkTaskEmittable(task)))
      ok = false;
  }
  return success(ok);
}
