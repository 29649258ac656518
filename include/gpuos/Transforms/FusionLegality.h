//===- FusionLegality.h - may a producer join a consumer? -------*- C++ -*-===//
//
// Legality of fusion, kept apart from profitability (FusionCostModel.h).
//
// Every group of ops shares a parallel domain: a shape prefix (the "rows")
// that every value computed in the group starts with. A tile of the task
// computes whole rows, so a value needed by a row must be produced by the
// same row. Reductions, softmax, norms and matmuls fix the domain of their
// group ("anchored"); elementwise groups may narrow theirs to meet an anchor.
//
//===----------------------------------------------------------------------===//

#ifndef GPUOS_TRANSFORMS_FUSIONLEGALITY_H
#define GPUOS_TRANSFORMS_FUSIONLEGALITY_H

#include "mlir/IR/Operation.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

namespace gpuos {

/// What fusion knows about a group of ops. Kept small: it is recomputed on
/// every merge.
struct GroupSummary {
  /// Parallel domain: the leading dims every value of the group starts with.
  llvm::SmallVector<int64_t, 4> domain;
  /// Holds a reduction-like op, so the domain may no longer narrow.
  bool anchored = false;
  /// Only elementwise and view ops (cheap to recompute).
  bool elementwiseOnly = true;
  int64_t numOps = 0;
  /// Bytes of the largest value computed in the group.
  int64_t maxValueBytes = 0;
  /// Bytes of every value computed in the group.
  int64_t valueBytes = 0;
  /// Elements of every value computed in the group.
  int64_t valueElements = 0;
  /// Reduction-like ops whose input is computed inside the group: each one
  /// keeps a row resident while it reduces.
  int64_t stages = 0;
  /// Tile bytes of groups batched in horizontally.
  int64_t batchedTileBytes = 0;
  /// Element operations of the group (multiply-adds for a matmul).
  int64_t work = 0;
  /// Independent work items the group's task spreads over blocks: a
  /// matmul's outputs, a reduction's rows, an elementwise op's elements.
  /// Merging lowers it when a stage reads another stage's values across
  /// items (then tiles take domain rows, or every tile recomputes).
  int64_t parallelism = 1;

  int64_t rows() const;
  /// Bytes one tile keeps resident for one row of the domain.
  int64_t tileBytes() const;
};

/// Limits a fused group must respect (pass options).
struct FusionLimits {
  int64_t maxOpsPerTask = 256;
  int64_t maxTileBytes = 48 * 1024;
  int64_t recomputeMaxOps = 4;
  int64_t horizontalMaxElements = 65536;
  /// Arguments (inputs and results) of one task: GPUOS_MAX_ARGS.
  int64_t maxTaskArgs = 16;
  /// Most work one parallel item (about one block) may gain by a merge that
  /// lowers parallelism; above it a task boundary is cheaper.
  int64_t maxSerialWork = 16384;
};

/// Per-op facts the legality rules use.
/// Leading result dims whose rows are independent (the op's own domain).
int64_t parallelRank(mlir::Operation *op);
/// Leading result dims that map one to one, same index and size, onto the
/// leading dims of operand `index`.
int64_t operandAlignment(mlir::Operation *op, unsigned index);
/// Reductions, softmax, norms, matmul: ops that fix a group's domain.
bool isAnchor(mlir::Operation *op);
/// Ops fusion may place in a task with others.
bool isFusable(mlir::Operation *op);
/// Summary of a group holding only `op`.
GroupSummary summarizeOp(mlir::Operation *op);

enum class Legality { Legal, NeedsRecompute, Illegal };

struct LegalityResult {
  Legality kind = Legality::Illegal;
  /// The merged group, when not illegal.
  GroupSummary merged;
  /// Why not, for debugging output.
  const char *reason = "";
};

/// May `producer` (whose values feed operands `operands` of `consumerOp`)
/// join `consumer`, the group that holds `consumerOp`? `producerClosed`
/// says no op outside the producer has read its values yet; only then can
/// it merge without a cycle. A producer that is open, or whose values are
/// not row-aligned with the consumer, can still be recomputed (cloned) when
/// small and elementwise: the result says NeedsRecompute.
LegalityResult checkProducerFusion(const GroupSummary &producer,
                                   bool producerClosed,
                                   mlir::Operation *consumerOp,
                                   llvm::ArrayRef<unsigned> operands,
                                   bool consumerInputFromProducer,
                                   const GroupSummary &consumer,
                                   const FusionLimits &limits);

/// Small enough for horizontal batching.
bool isBatchable(const GroupSummary &group, const FusionLimits &limits);

/// May two independent groups (no path between them) share one task? `a`
/// may be a batch already; `b` must be batchable.
LegalityResult checkHorizontalFusion(const GroupSummary &a,
                                     const GroupSummary &b,
                                     const FusionLimits &limits);

} // namespace gpuos

#endif // GPUOS_TRANSFORMS_FUSIONLEGALITY_H
