//===- Tile.cpp - choose each task's tile count ---------------------------===//
//
// A tile is one worker block's share of a task: whole rows of the task's
// domain, or for a matmul a share of its outputs (a warp per output, so a
// GEMV with one row still spreads over many blocks). Enough tiles to keep
// every thread busy with a few elements, never more tiles than rows or
// matmul output groups, and never more than a few waves of the target. A
// batch of reductions, which the CUDA emitter reads in one pass per row,
// takes fewer, larger tiles: each tile costs the runtime a dispatch.
//
//===----------------------------------------------------------------------===//

#include "gpuos/Transforms/FusionLegality.h"
#include "gpuos/Transforms/Passes.h"
#include "gpuos/Transforms/TaskAttributes.h"

#include "mlir/IR/Builders.h"
#include "llvm/ADT/SmallPtrSet.h"

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

/// Element operations of an anchor: multiply-adds of a matmul, else the
/// elements it reads.
int64_t anchorWork(Operation *op) {
  auto inputType = cast<RankedTensorType>(op->getOperand(0).getType());
  if (auto matmul = dyn_cast<MatmulOp>(op))
    return matmul.getType().getNumElements() * matmul.getContractionSize();
  return inputType.getNumElements();
}

/// Work of the anchors inside the task that feed `op` through elementwise
/// and view ops: what every tile redoes, or waits for, before `op` runs.
int64_t anchoredInputWork(Operation *op) {
  int64_t work = 0;
  llvm::SmallPtrSet<Operation *, 16> seen;
  SmallVector<Value> pending(op->getOperands());
  while (!pending.empty()) {
    Operation *def = pending.pop_back_val().getDefiningOp();
    if (!def || !seen.insert(def).second)
      continue;
    if (isAnchor(def)) {
      work += anchorWork(def);
      continue;
    }
    llvm::append_range(pending, def->getOperands());
  }
  return work;
}

/// Tiles the task's matmuls can use: `outputsPerWarp` outputs a warp, a
/// block's warps per tile (the CUDA plan's mapping for matmuls of few rows). None when an
/// anchor reads a costly anchor of the same task: the CUDA plan then gives
/// tiles whole domain rows (cheap producers, a norm before a matmul, it
/// recomputes on every tile instead).
int64_t matmulTiles(TaskOp task, int64_t blockSize, int64_t outputsPerWarp) {
  int64_t warps = std::max<int64_t>(1, blockSize / 32), tiles = 0;
  bool chained = false;
  task.getBodyBlock().walk([&](Operation *op) {
    if (!isAnchor(op))
      return;
    chained |= anchoredInputWork(op) * 4 > anchorWork(op);
    auto matmul = dyn_cast<MatmulOp>(op);
    if (!matmul)
      return;
    // With a row-major rhs and whole warps of columns, a tile takes 32
    // neighbouring outputs and its warps split K instead.
    int64_t perTile = warps * outputsPerWarp;
    if (!matmul.getTransposeRhs() && matmul.getType().getShape().back() % 32 == 0)
      perTile = 32;
    tiles = std::max(
        tiles, (matmul.getType().getNumElements() + perTile - 1) / perTile);
  });
  return chained ? 0 : tiles;
}

/// Input bytes a tile of a reduction batch reads at least. Measured on the
/// H100 for A4 at 128x1024 (125 tasks of 8 row sums): 128 tiles of 32 KB
/// 761 us, 64 of 64 KB 585 us, 32 of 128 KB 515 us.
constexpr int64_t kReductionBatchTileBytes = 128 * 1024;

/// The bytes a task reads when it is a batch of independent reductions of
/// task inputs of one type over the same axes (gpuos-fuse's horizontal
/// batches); 0 for any other task.
int64_t reductionBatchBytes(TaskOp task) {
  ReduceOp first;
  int64_t bytes = 0, count = 0;
  for (Operation &op : task.getBodyBlock().without_terminator()) {
    auto reduce = dyn_cast<ReduceOp>(op);
    if (!reduce || !isa<BlockArgument>(reduce.getInput()))
      return 0;
    if (!first)
      first = reduce;
    if (reduce.getInput().getType() != first.getInput().getType() ||
        reduce.getAxes() != first.getAxes())
      return 0;
    auto type = cast<RankedTensorType>(reduce.getInput().getType());
    bytes += type.getNumElements() * ((type.getElementTypeBitWidth() + 7) / 8);
    ++count;
  }
  return count > 1 ? bytes : 0;
}

bool hasRowReduction(TaskOp task) {
  return task.getBodyBlock()
      .walk([](Operation *op) {
        return isa<ReduceOp, SoftmaxOp, LayerNormOp, RmsNormOp>(op)
                   ? WalkResult::interrupt()
                   : WalkResult::advance();
      })
      .wasInterrupted();
}

struct TilePass : public gpuos::impl::GPUOSTileBase<TilePass> {
  using GPUOSTileBase::GPUOSTileBase;

  void runOnOperation() override {
    GraphOp graph = getOperation();
    if (numSMs < 1 || blockSize < 1 || elementsPerThread < 1 ||
        maxTilesPerSM < 1 || matmulOutputsPerWarp < 1) {
      graph.emitError() << "gpuos-tile: num-sms, block-size, "
                           "elements-per-thread, max-tiles-per-sm and "
                           "matmul-outputs-per-warp must be positive";
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
      // Reductions walk their rows in stages: a row per tile, up to a wave.
      if (hasRowReduction(task))
        wanted = std::max(wanted, std::min<int64_t>(rows, numSMs));
      int64_t byOutputs = matmulTiles(task, blockSize, matmulOutputsPerWarp);
      int64_t tiles = std::clamp<int64_t>(
          std::max(wanted, byOutputs), 1,
          std::min(std::max(rows, byOutputs), numSMs * maxTilesPerSM));
      // A reduction batch: tiles of kReductionBatchTileBytes, still a
      // quarter of the SMs when the rows allow.
      if (int64_t bytes = reductionBatchBytes(task)) {
        int64_t bySize = (bytes + kReductionBatchTileBytes - 1) /
                         kReductionBatchTileBytes;
        int64_t spread = std::min(rows, std::max<int64_t>(1, numSMs / 4));
        tiles = std::min(tiles, std::max(spread, bySize));
      }
      int64_t rowsPerTile = (rows + tiles - 1) / tiles;
      // Rounding rows up may leave the last tiles empty: drop them (matmul
      // outputs split finer than rows).
      if (tiles <= rows)
        tiles = (rows + rowsPerTile - 1) / rowsPerTile;
      task->setAttr(attr::kTiles, builder.getI64IntegerAttr(tiles));
      task->setAttr(attr::kRowsPerTile, builder.getI64IntegerAttr(rowsPerTile));
      ++numTiledTasks;
      numTiles += tiles;
    }
  }
};

} // namespace
