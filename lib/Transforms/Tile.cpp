//===- Tile.cpp - choose each task's tile count ---------------------------===//
//
// A tile is one worker block's share of a task: whole rows of the task's
// domain. Enough tiles to keep every thread busy with a few elements, never
// more tiles than rows, and never more than a few waves of the target.
//
//===----------------------------------------------------------------------===//

#include "gpuos/Transforms/Passes.h"
#include "gpuos/Transforms/TaskAttributes.h"

#include "mlir/IR/Builders.h"

namespace gpuos {
#define GEN_PASS_DEF_GPUOSTILE
#include "gpuos/Transforms/Passes.h.inc"
} // namespace gpuos

using namespace mlir;
using namespace gpuos;

namespace {

/// Elements of the largest value the task reads or computes: the work one
/// pass over the domain touches.
int64_t largestValueElements(TaskOp task) {
  int64_t largest = 1;
  auto visit = [&](Value v) {
    if (auto type = dyn_cast<RankedTensorType>(v.getType()))
      largest = std::max(largest, type.getNumElements());
  };
  for (Value arg : task.getBodyBlock().getArguments())
    visit(arg);
  task.getBodyBlock().walk([&](Operation *op) {
    for (Value result : op->getResults())
      visit(result);
  });
  return largest;
}

struct TilePass : public gpuos::impl::GPUOSTileBase<TilePass> {
  using GPUOSTileBase::GPUOSTileBase;

  void runOnOperation() override {
    GraphOp graph = getOperation();
    if (numSMs < 1 || blockSize < 1 || elementsPerThread < 1 ||
        maxTilesPerSM < 1) {
      graph.emitError() << "gpuos-tile: num-sms, block-size, "
                           "elements-per-thread and max-tiles-per-sm must be "
                           "positive";
      return signalPassFailure();
    }
    Builder builder(graph.getContext());
    for (auto task : graph.getBody().front().getOps<TaskOp>()) {
      int64_t rows = 1;
      if (auto domain = task->getAttrOfType<DenseI64ArrayAttr>(attr::kDomain))
        for (int64_t d : domain.asArrayRef())
          rows *= d;
      rows = std::max<int64_t>(rows, 1);
      int64_t perTile = blockSize * elementsPerThread;
      int64_t wanted = (largestValueElements(task) + perTile - 1) / perTile;
      int64_t tiles =
          std::clamp<int64_t>(wanted, 1, std::min(rows, numSMs * maxTilesPerSM));
      int64_t rowsPerTile = (rows + tiles - 1) / tiles;
      // Rounding rows up may leave the last tiles empty: drop them.
      tiles = (rows + rowsPerTile - 1) / rowsPerTile;
      task->setAttr(attr::kTiles, builder.getI64IntegerAttr(tiles));
      task->setAttr(attr::kRowsPerTile, builder.getI64IntegerAttr(rowsPerTile));
      ++numTiledTasks;
      numTiles += tiles;
    }
  }
};

} // namespace
