//===- FusionLegality.cpp - may a producer join a consumer? ---------------===//
//
// See FusionLegality.h for the model: groups share a parallel domain (rows),
// and a value may flow inside a group only when the consumer reads it row for
// row. Everything else (cycles aside, which the fuser rules out by only
// merging producers that nothing else has read) is a budget check.
//
//===----------------------------------------------------------------------===//

#include "gpuos/Transforms/FusionLegality.h"

#include "gpuos/Dialect/GPUOSOps.h"

#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace gpuos;

static RankedTensorType tensorTypeOf(Value v) {
  return cast<RankedTensorType>(v.getType());
}

static int64_t elementBytes(Type elementType) {
  return std::max<int64_t>(1, elementType.getIntOrFloatBitWidth() / 8);
}

static int64_t valueBytes(Value v) {
  auto type = tensorTypeOf(v);
  return type.getNumElements() * elementBytes(type.getElementType());
}

int64_t GroupSummary::rows() const {
  int64_t rows = 1;
  for (int64_t d : domain)
    rows *= d;
  return rows;
}

int64_t GroupSummary::tileBytes() const {
  int64_t rowBytes = maxValueBytes / std::max<int64_t>(rows(), 1);
  return rowBytes * (stages + 1) + batchedTileBytes;
}

/// Leading dims on which `a` and `b` agree (same index, same size).
static int64_t commonPrefix(ArrayRef<int64_t> a, ArrayRef<int64_t> b) {
  int64_t k = 0;
  while (k < (int64_t)a.size() && k < (int64_t)b.size() && a[k] == b[k])
    ++k;
  return k;
}

bool gpuos::isAnchor(Operation *op) {
  return isa<ReduceOp, SoftmaxOp, LayerNormOp, RmsNormOp, MatmulOp>(op);
}

bool gpuos::isFusable(Operation *op) {
  return op->getDialect() && isa<GPUOSDialect>(op->getDialect()) &&
         op->getNumRegions() == 0 && op->getNumResults() == 1 &&
         !op->hasTrait<mlir::OpTrait::IsTerminator>();
}

int64_t gpuos::parallelRank(Operation *op) {
  int64_t rank = tensorTypeOf(op->getResult(0)).getRank();
  return llvm::TypeSwitch<Operation *, int64_t>(op)
      .Case([](ReduceOp o) { return o.getAxes().front(); })
      .Case([](SoftmaxOp o) { return o.getAxis(); })
      .Case([&](LayerNormOp o) { return rank - o.getDims(); })
      .Case([&](RmsNormOp o) { return rank - o.getDims(); })
      // Rows of a matmul are the rows of its result: batch dims and M.
      .Case([&](MatmulOp) { return rank - 1; })
      .Default([&](Operation *) { return rank; });
}

int64_t gpuos::operandAlignment(Operation *op, unsigned index) {
  Value operand = op->getOperand(index);
  ArrayRef<int64_t> in = tensorTypeOf(operand).getShape();
  ArrayRef<int64_t> out = tensorTypeOf(op->getResult(0)).getShape();
  // Broadcasting aligns trailing dims: a leading dim lines up only when the
  // ranks agree, and a stretched dim of size 1 does not line up.
  int64_t sameRankPrefix = in.size() == out.size() ? commonPrefix(in, out) : 0;
  return llvm::TypeSwitch<Operation *, int64_t>(op)
      .Case([&](ReduceOp o) {
        return std::min<int64_t>(o.getAxes().front(), commonPrefix(in, out));
      })
      .Case([&](SoftmaxOp o) { return o.getAxis(); })
      .Case([&](LayerNormOp o) {
        return index == 0 ? (int64_t)out.size() - o.getDims() : 0;
      })
      .Case([&](RmsNormOp o) {
        return index == 0 ? (int64_t)out.size() - o.getDims() : 0;
      })
      .Case([&](MatmulOp o) {
        int64_t batch = (int64_t)out.size() - 2;
        bool rowsOfLhs = index == 0 && !o.getTransposeLhs();
        int64_t limit = rowsOfLhs ? batch + 1 : batch;
        return std::min(limit, sameRankPrefix);
      })
      .Case([&](PermuteOp o) {
        int64_t k = 0;
        ArrayRef<int64_t> perm = o.getPermutation();
        while (k < (int64_t)perm.size() && perm[k] == k)
          ++k;
        return k;
      })
      .Case([&](SliceOp o) {
        int64_t k = 0;
        while (k < (int64_t)in.size() && o.getStarts()[k] == 0 &&
               o.getLimits()[k] == in[k] && o.getStrides()[k] == 1)
          ++k;
        return k;
      })
      .Case([&](ConcatOp o) {
        return std::min<int64_t>(o.getAxis(), sameRankPrefix);
      })
      .Case([&](ReshapeOp) { return commonPrefix(in, out); })
      .Default([&](Operation *) { return sameRankPrefix; });
}

GroupSummary gpuos::summarizeOp(Operation *op) {
  GroupSummary s;
  Value result = op->getResult(0);
  ArrayRef<int64_t> shape = tensorTypeOf(result).getShape();
  s.domain.assign(shape.begin(), shape.begin() + parallelRank(op));
  s.anchored = isAnchor(op);
  s.elementwiseOnly = !s.anchored;
  s.numOps = 1;
  s.maxValueBytes = s.valueBytes = valueBytes(result);
  s.valueElements = tensorTypeOf(result).getNumElements();
  s.work = s.valueElements;
  s.parallelism = s.anchored ? s.rows() : s.valueElements;
  if (auto matmul = dyn_cast<MatmulOp>(op)) {
    s.work = s.valueElements * matmul.getContractionSize();
    s.parallelism = s.valueElements;
  } else if (s.anchored) {
    s.work = tensorTypeOf(op->getOperand(0)).getNumElements();
  }
  s.parallelism = std::max<int64_t>(s.parallelism, 1);
  return s;
}

/// The summary of `a` and `b` merged vertically into the domain prefix of
/// rank `rank`, with `extraStages` more row-resident reductions.
static GroupSummary mergeVertically(const GroupSummary &a,
                                    const GroupSummary &b, int64_t rank,
                                    int64_t extraStages) {
  GroupSummary m;
  m.domain.assign(a.domain.begin(), a.domain.begin() + rank);
  m.anchored = a.anchored || b.anchored;
  m.elementwiseOnly = a.elementwiseOnly && b.elementwiseOnly;
  m.numOps = a.numOps + b.numOps;
  m.maxValueBytes = std::max(a.maxValueBytes, b.maxValueBytes);
  m.valueBytes = a.valueBytes + b.valueBytes;
  m.valueElements = a.valueElements + b.valueElements;
  m.stages = a.stages + b.stages + extraStages;
  m.batchedTileBytes = a.batchedTileBytes + b.batchedTileBytes;
  m.work = a.work + b.work;
  m.parallelism = std::min(a.parallelism, b.parallelism);
  return m;
}

static LegalityResult illegal(const char *reason) {
  LegalityResult r;
  r.kind = Legality::Illegal;
  r.reason = reason;
  return r;
}

static LegalityResult withinBudget(GroupSummary merged, Legality kind,
                                   const FusionLimits &limits) {
  if (merged.numOps > limits.maxOpsPerTask)
    return illegal("too many ops for one task");
  if (merged.tileBytes() > limits.maxTileBytes)
    return illegal("rows kept resident exceed the shared-memory budget");
  LegalityResult r;
  r.kind = kind;
  r.merged = std::move(merged);
  return r;
}

/// Sets the merged group's parallelism. Anchored values flowing into an
/// anchored group are stored and read by a later stage across items: every
/// tile then recomputes the producer (when it is small next to the
/// consumer, as the CUDA plan does) or tiles take whole domain rows. Fails
/// when the work that loses parallelism would cost one item more than
/// `maxSerialWork`: a task boundary (a dependent hop) is cheaper then.
static LogicalResult keepParallelism(const GroupSummary &producer,
                                     const GroupSummary &consumer,
                                     GroupSummary &merged,
                                     const FusionLimits &limits) {
  if (!producer.anchored || !consumer.anchored)
    return success();
  int64_t perItem = 0;
  if (producer.work * 4 <= consumer.work) {
    merged.parallelism = consumer.parallelism;
    if (producer.parallelism > 1)
      perItem = producer.work;
  } else {
    merged.parallelism =
        std::max<int64_t>(1, std::min(merged.parallelism, merged.rows()));
    for (const GroupSummary *side : {&producer, &consumer})
      if (side->parallelism > merged.parallelism)
        perItem += side->work / merged.parallelism;
  }
  return success(perItem <= limits.maxSerialWork);
}

/// The producer, cloned into the consumer and computed whole by every tile.
static LegalityResult recompute(const GroupSummary &producer,
                                const GroupSummary &consumer,
                                const FusionLimits &limits) {
  if (!producer.elementwiseOnly || producer.numOps > limits.recomputeMaxOps)
    return illegal("producer is not a small elementwise group to recompute");
  GroupSummary merged = mergeVertically(consumer, producer,
                                        consumer.domain.size(), 0);
  merged.parallelism = consumer.parallelism;
  return withinBudget(std::move(merged), Legality::NeedsRecompute, limits);
}

LegalityResult gpuos::checkProducerFusion(
    const GroupSummary &producer, bool producerClosed, Operation *consumerOp,
    ArrayRef<unsigned> operands, bool consumerInputFromProducer,
    const GroupSummary &consumer, const FusionLimits &limits) {
  if (!producerClosed)
    return recompute(producer, consumer, limits);

  int64_t rank = std::min(producer.domain.size(), consumer.domain.size());
  if (producer.anchored && rank < (int64_t)producer.domain.size())
    return illegal("would narrow the domain of the producer's reduction");
  if (consumer.anchored && rank < (int64_t)consumer.domain.size())
    return illegal("would narrow the domain of the consumer's reduction");
  // A producer row that is not the consumer's row: every tile needs all of
  // the producer.
  for (unsigned index : operands)
    if (operandAlignment(consumerOp, index) < rank)
      return recompute(producer, consumer, limits);
  if (ArrayRef<int64_t>(producer.domain).take_front(rank) !=
      ArrayRef<int64_t>(consumer.domain).take_front(rank))
    return illegal("domains differ");

  bool consumerReducesProducer = consumerInputFromProducer && isAnchor(consumerOp);
  GroupSummary merged = mergeVertically(consumer, producer, rank,
                                        consumerReducesProducer ? 1 : 0);
  if (failed(keepParallelism(producer, consumer, merged, limits)))
    return illegal("would run large work on few blocks");
  return withinBudget(std::move(merged), Legality::Legal, limits);
}

bool gpuos::isBatchable(const GroupSummary &group,
                        const FusionLimits &limits) {
  return group.valueElements <= limits.horizontalMaxElements;
}

LegalityResult gpuos::checkHorizontalFusion(const GroupSummary &a,
                                            const GroupSummary &b,
                                            const FusionLimits &limits) {
  if (a.domain != b.domain)
    return illegal("domains differ");
  // `a` may already be a batch; only its members had to be small.
  if (!isBatchable(b, limits))
    return illegal("too large to batch");
  GroupSummary merged = mergeVertically(a, b, a.domain.size(), 0);
  // Each batched group keeps its own rows resident.
  merged.maxValueBytes = a.maxValueBytes;
  merged.stages = a.stages;
  merged.batchedTileBytes = a.batchedTileBytes + b.tileBytes();
  merged.parallelism = std::max(a.parallelism, b.parallelism);
  return withinBudget(std::move(merged), Legality::Legal, limits);
}
