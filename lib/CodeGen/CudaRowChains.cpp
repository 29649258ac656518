//===- CudaRowChains.cpp - row stages that share one loop over rows -------===//
//
// A run of row stages over the same rows, each row taken by the same threads,
// can be printed as one loop over the rows instead of one loop per stage with
// a block barrier after each:
//  - independent reductions of the same rows ("batched") load their rows
//    together, so a thread has many loads in flight, and combine all their
//    partials in one group reduction;
//  - a dependent stage (a variance after its mean, the elementwise stage
//    after a norm's statistics) follows in the same row iteration. It reads
//    the reductions' totals from registers and the elements that the same
//    thread stored; the printer adds a barrier where a read is not of that
//    kind. This needs every read to stay in the row (domain tiling with one
//    row per domain row) and the whole block per row (a block barrier inside
//    the row loop).
//
//===----------------------------------------------------------------------===//

#include "CudaTaskPlan.h"

#include "llvm/ADT/DenseSet.h"

using namespace mlir;
using namespace gpuos;
using namespace gpuos::cuda;

static ArrayRef<int64_t> inputShape(const Stage &stage) {
  return cast<ShapedType>(stage.anchor->getOperand(0).getType()).getShape();
}

/// Reductions whose row loops visit the same rows with the same threads.
static bool sameRows(const Stage &a, const Stage &b) {
  return b.kind == StageKind::Reduce && a.group == b.group &&
         a.rows == b.rows && a.cols == b.cols && a.reduced == b.reduced &&
         inputShape(a) == inputShape(b) &&
         a.splitAcrossTiles == b.splitAcrossTiles &&
         a.itemsPerDomainRow == b.itemsPerDomainRow;
}

void gpuos::cuda::chainRowStages(TaskPlan &plan) {
  std::vector<Stage> &stages = plan.stages;
  for (size_t head = 0; head < stages.size();) {
    const Stage &first = stages[head];
    size_t end = head + 1;
    if (first.kind != StageKind::Reduce ||
        (first.group != Group::Block && first.group != Group::Warp)) {
      head = end;
      continue;
    }
    // Tiles take whole rows, and the rows of a tile are its domain rows:
    // dependent stages then read only the row they are at.
    bool rowPerDomainRow = !plan.domain.empty() &&
                           first.itemsPerDomainRow == 1 &&
                           first.group == Group::Block;
    llvm::DenseSet<Value> chainOutputs, batchOutputs;
    int64_t batchSize = 1;
    auto addOutputs = [&](const Stage &stage) {
      for (Value out : stage.outputs) {
        chainOutputs.insert(out);
        batchOutputs.insert(out);
      }
    };
    addOutputs(first);
    for (; end < stages.size(); ++end) {
      Stage &next = stages[end];
      bool reduce = sameRows(first, next);
      bool elementwise = next.kind == StageKind::Elementwise &&
                         rowPerDomainRow &&
                         ArrayRef(next.shape) == inputShape(first) &&
                         next.itemsPerDomainRow == first.cols;
      if (!reduce && !elementwise)
        break;
      SmallVector<Value> reads = storedReads(next, plan, false);
      auto readsAny = [&](const llvm::DenseSet<Value> &values) {
        return llvm::any_of(reads, [&](Value v) { return values.contains(v); });
      };
      if (!rowPerDomainRow && readsAny(chainOutputs))
        break;
      next.chained = true;
      next.batched = reduce && stages[end - 1].kind == StageKind::Reduce &&
                     !readsAny(batchOutputs) &&
                     batchSize < kMaxBatchedReductions;
      if (!next.batched) {
        batchOutputs.clear();
        batchSize = 0;
      }
      ++batchSize;
      addOutputs(next);
    }
    if (end - head > 1 && first.group == Group::Block)
      plan.smemBytes = std::max(plan.smemBytes, kBatchedReduceSmemBytes);
    head = end;
  }
}
