//===- CudaRowChains.cpp - row stages that share one loop over rows -------===//
//
// A run of row stages over the same rows, each row taken by the same threads,
// can be printed as one loop over the rows instead of one loop per stage with
// a block barrier after each:
//  - independent reductions of the same rows ("batched") load their rows
//    together, so a thread has many loads in flight, and combine all their
//    partials in one group reduction;
//  - a norm's variance, the sum of (x - sum(x) / n)^2, joins the pass of
//    its sum (shifted sums of x and x^2), saving a pass and a reduction;
//  - a reduction right after an elementwise stage of the chain shares its
//    column loop: it reads the elements from registers;
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

/// Whether reduction `next` sums (x - sum(x) / n)^2 for the x that `sum`
/// sums over rows of n elements (keepdim, so the mean broadcasts per row).
static bool isCenteredSquares(const Stage &next, const Stage &sum) {
  auto total = cast<ReduceOp>(sum.anchor);
  auto squares = cast<ReduceOp>(next.anchor);
  if (total.getKind() != ReduceKind::sum ||
      squares.getKind() != ReduceKind::sum || !total.getKeepdim() ||
      !getElementTypeOrSelf(total.getInput().getType()).isF32())
    return false;
  auto mul = squares.getInput().getDefiningOp<MulOp>();
  if (!mul || mul.getLhs() != mul.getRhs())
    return false;
  auto sub = mul.getLhs().getDefiningOp<SubOp>();
  if (!sub || sub.getLhs() != total.getInput())
    return false;
  auto div = sub.getRhs().getDefiningOp<DivOp>();
  if (!div || div.getLhs() != total.getResult() ||
      div.getType() != total.getResult().getType())
    return false;
  auto fill = div.getRhs().getDefiningOp<FillOp>();
  auto n = fill ? dyn_cast<FloatAttr>(fill.getValue()) : FloatAttr();
  return n && n.getValueAsDouble() == double(sum.cols);
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
    // Outputs of the chain so far, and of the reductions sharing the
    // current column loop.
    llvm::DenseSet<Value> chainOutputs, batchOutputs;
    int64_t batchSize = 1;
    auto addOutputs = [&](const Stage &stage) {
      for (Value out : stage.outputs) {
        chainOutputs.insert(out);
        if (stage.kind == StageKind::Reduce)
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
      const Stage &prev = stages[end - 1];
      bool afterElementwise = prev.kind == StageKind::Elementwise;
      next.centered = reduce && prev.kind == StageKind::Reduce &&
                      !prev.centered && isCenteredSquares(next, prev) &&
                      batchSize < kMaxBatchedReductions;
      next.batched = reduce && (afterElementwise || next.centered ||
                                (!readsAny(batchOutputs) &&
                                 batchSize < kMaxBatchedReductions));
      if (!next.batched) {
        batchOutputs.clear();
        batchSize = 0;
      }
      if (reduce)
        ++batchSize;
      addOutputs(next);
    }
    if (end - head > 1 && first.group == Group::Block)
      plan.smemBytes = std::max(plan.smemBytes, kBatchedReduceSmemBytes);
    head = end;
  }
}
