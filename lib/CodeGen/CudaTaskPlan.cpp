//===- CudaTaskPlan.cpp - stages, storage and thread mapping of a task ----===//

#include "CudaTaskPlan.h"

#include "gpuos/Transforms/TaskAttributes.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <optional>

using namespace mlir;
using namespace gpuos;
using namespace gpuos::cuda;

/// Largest row a warp keeps in registers (8 values per lane at most).
static constexpr int64_t kMaxRegisterRow = 256;
/// Longest row a warp still handles alone (rereading it from L1 per pass).
static constexpr int64_t kMaxWarpRow = 2048;
/// Bytes of ctx->smem a block reduction uses: one partial per warp.
static constexpr int64_t kBlockReduceSmemBytes = 32 * 8;
/// Bytes of ctx->smem a Columns matmul uses: a partial per lane and warp.
static constexpr int64_t kColumnsSmemBytes = 32 * 32 * 8;
/// Tensor-core matmuls: smallest M, N and K that take them, and the output
/// tiles that keep every SM of an H100 (132) busy.
static constexpr int64_t kMmaMinSize = 16;
static constexpr int64_t kMmaTargetTiles = 128;
static constexpr int64_t kMmaSmemBytes = 16384;
static constexpr int64_t kMmaStageRegisters = 16;
/// Off: every matmul takes the CUDA-core paths (for comparisons).
static llvm::cl::opt<bool> clTensorCores(
    "gpuos-cuda-tensor-cores",
    llvm::cl::desc("Emit f16/bf16 matmuls of M, N, K >= 16 on tensor cores "
                   "(mma.sync); off: CUDA cores only"),
    llvm::cl::init(true));
/// Longest elementwise tree a non-matmul anchor recomputes per element.
static constexpr int64_t kMaxRecomputedOps = 8;
/// Warps of a worker block (the runtime's default of 256 threads).
static constexpr int64_t kWarpsPerBlock = 8;
/// Upper bound of the suggested tile count.
static constexpr int64_t kMaxTiles = 1024;
/// Matmul rows computed together: loads a lane keeps in flight, and rows of
/// 32 outputs a block takes at once (their partials share the Columns smem
/// budget of 16 KiB). Warps take up to 8 rows: 16 measured slower on B3 (139
/// against 131 us; the unrolled code grows), 4 too (139 us).
static constexpr int64_t kMaxLoadsInFlight = 32;
static constexpr int64_t kMaxColumnRowsPerPass = 2;
static llvm::cl::opt<int64_t> clMaxRowsPerPass(
    "gpuos-cuda-max-rows-per-pass",
    llvm::cl::desc("Most matmul rows a warp computes together (1: one at a "
                   "time, for comparisons)"),
    llvm::cl::init(8));

static ArrayRef<int64_t> shapeOf(Value v) {
  return cast<RankedTensorType>(v.getType()).getShape();
}
static Type elementTypeOf(Value v) {
  return cast<RankedTensorType>(v.getType()).getElementType();
}
static int64_t product(ArrayRef<int64_t> dims) {
  int64_t n = 1;
  for (int64_t d : dims)
    n *= d;
  return n;
}

bool TaskPlan::usesTensorCores() const {
  return llvm::any_of(stages,
                      [](const Stage &stage) { return stage.usesTensorCores(); });
}

bool gpuos::cuda::isAnchor(Operation *op) {
  return isa<ReduceOp, MatmulOp, SoftmaxOp, LayerNormOp, RmsNormOp>(op);
}

namespace {
/// Anchors an expression tree reaches through non-anchor ops, each with
/// whether every path to it keeps the identity index (elementwise ops, no
/// broadcasting of the path's operand).
class AnchorReach {
public:
  void walk(Value v, bool identity) {
    auto &seen = identity ? seenIdentity : seenOther;
    if (!seen.insert(v.getAsOpaquePointer()).second)
      return;
    Operation *def = v.getDefiningOp();
    if (!def)
      return;
    if (isAnchor(def)) {
      auto [it, inserted] = reached.try_emplace(def, identity);
      if (!inserted)
        it->second = it->second && identity;
      return;
    }
    bool elementwise = isElementwise(def);
    for (Value operand : def->getOperands())
      walk(operand, elementwise && identity && shapeOf(operand) == shapeOf(v));
  }
  /// Reached anchors and their identity flags.
  llvm::MapVector<Operation *, bool> reached;

private:
  llvm::SmallPtrSet<void *, 16> seenIdentity, seenOther;
};
} // namespace

/// Threads per row: a lane per thread for short rows, a warp for medium
/// rows, the whole block for long rows or when rows are too few to keep the
/// warps busy.
static Group chooseRowGroup(int64_t rows, int64_t cols) {
  if (cols < 32)
    return Group::Thread;
  if (cols > 2048 || (rows < 8 && cols >= 256))
    return Group::Block;
  return Group::Warp;
}

/// The tensor-core tiling of a matmul, or none. f16 and bf16 matmuls with M,
/// N and K of at least 16 take tensor cores; tails of M, N and K are masked
/// (zeros staged, outputs past the end not written). Smaller M (decode GEMVs)
/// gains nothing: those read each rhs element once and are bound by memory.
/// Block tiles hold 8 warp units; the largest that still gives every SM an
/// output tile is chosen.
static std::optional<MmaTiling> chooseMmaTiling(MatmulOp matmul,
                                                ArrayRef<int64_t> outShape) {
  Type t = elementTypeOf(matmul.getResult());
  if (!clTensorCores || (!t.isF16() && !t.isBF16()))
    return std::nullopt;
  int64_t m = outShape[outShape.size() - 2], n = outShape.back();
  int64_t k = matmul.getContractionSize();
  if (m < kMmaMinSize || n < kMmaMinSize || k < kMmaMinSize)
    return std::nullopt;
  int64_t batch = product(outShape.drop_back(2));
  auto tiles = [&](const MmaTiling &c) {
    return batch * llvm::divideCeilSigned(m, c.blockM) * llvm::divideCeilSigned(n, c.blockN);
  };
  MmaTiling chosen{32, 32, 1};
  if (m <= 16)
    chosen = {16, 64, 1};
  else if (tiles({64, 64, 4}) >= kMmaTargetTiles)
    chosen = {64, 64, 4};
  else if (tiles({32, 64, 2}) >= kMmaTargetTiles)
    chosen = {32, 64, 2};
  // Steps of 64 along K halve the load round trips where the tiles still fit
  // the runtime's default 16 KiB of operator shared memory and a thread's
  // share of a step stays at 16 registers.
  MmaTiling longer = chosen;
  longer.stepK = 64;
  if (k >= 64 && longer.smemBytes() <= kMmaSmemBytes &&
      longer.stageRegisters() <= kMmaStageRegisters)
    return longer;
  return chosen;
}

/// Row decomposition of an anchor: which input dims a row combines.
static void configureAnchorStage(Stage &stage, bool tensorCores) {
  Operation *op = stage.anchor;
  Value input = op->getOperand(0);
  ArrayRef<int64_t> inShape = shapeOf(input);
  stage.reduced.assign(inShape.size(), false);
  if (auto reduce = dyn_cast<ReduceOp>(op)) {
    stage.kind = StageKind::Reduce;
    for (int64_t axis : reduce.getAxes())
      stage.reduced[axis] = true;
  } else if (auto softmax = dyn_cast<SoftmaxOp>(op)) {
    stage.kind = StageKind::Softmax;
    stage.reduced[softmax.getAxis()] = true;
  } else if (auto norm = dyn_cast<LayerNormOp>(op)) {
    stage.kind = StageKind::LayerNorm;
    for (int64_t d = inShape.size() - norm.getDims(); d < (int64_t)inShape.size(); ++d)
      stage.reduced[d] = true;
  } else if (auto norm = dyn_cast<RmsNormOp>(op)) {
    stage.kind = StageKind::RmsNorm;
    for (int64_t d = inShape.size() - norm.getDims(); d < (int64_t)inShape.size(); ++d)
      stage.reduced[d] = true;
  } else if (auto matmul = dyn_cast<MatmulOp>(op)) {
    stage.kind = StageKind::Matmul;
    stage.rows = product(stage.shape);
    stage.cols = matmul.getContractionSize();
    stage.reduced.clear();
    std::optional<MmaTiling> mma;
    if (tensorCores)
      mma = chooseMmaTiling(matmul, stage.shape);
    if (mma) {
      stage.mma = *mma;
      stage.group = Group::Block;
      ArrayRef<int64_t> shape = stage.shape;
      stage.rows = product(shape.drop_back(2)) *
                   llvm::divideCeilSigned(shape[shape.size() - 2], mma->blockM) *
                   llvm::divideCeilSigned(shape.back(), mma->blockN);
      return;
    }
    // A warp per output reads K-contiguous operands coalesced. With a
    // row-major rhs, neighbouring lanes take neighbouring n instead: a
    // thread per output for short K, else 32 outputs per block with the
    // warps splitting K (decode GEMVs have few outputs and long K).
    bool rhsAlongK = matmul.getTransposeRhs();
    int64_t n = stage.shape.back();
    if (!rhsAlongK && n % 32 == 0 && stage.cols >= 64) {
      stage.group = Group::Columns;
      stage.rows /= 32;
      return;
    }
    stage.group = !rhsAlongK && stage.rows >= 128
                      ? Group::Thread
                      : chooseRowGroup(stage.rows, stage.cols);
    return;
  }
  stage.cols = 1;
  for (auto [d, size] : llvm::enumerate(inShape))
    if (stage.reduced[d])
      stage.cols *= size;
  stage.rows = stage.cols == 0 ? 0 : product(inShape) / stage.cols;
  if (stage.kind == StageKind::Reduce) {
    stage.rows = product(stage.shape);
    stage.group = chooseRowGroup(stage.rows, stage.cols);
    return;
  }
  // Softmax and norms revisit the row: keep it in registers when it fits.
  // Longer rows in registers spill under the 128-register budget.
  if (stage.cols <= kMaxRegisterRow) {
    stage.group = Group::Warp;
    stage.inRegisters = true;
    stage.perLane = std::max<int64_t>(1, llvm::divideCeilSigned(stage.cols, 32));
  } else {
    stage.group = stage.cols <= kMaxWarpRow && stage.rows >= 8 ? Group::Warp
                                                               : Group::Block;
  }
}

/// True when every leaf of `v`'s tree is an f32 block argument of `shape`
/// read at the identity index, a fill or a splat constant; collects the
/// block arguments.
static bool collectVectorLeaves(Value v, ArrayRef<int64_t> shape,
                                llvm::SetVector<unsigned> &loads) {
  if (auto arg = dyn_cast<BlockArgument>(v)) {
    if (shapeOf(v) != shape || !elementTypeOf(v).isF32())
      return false;
    loads.insert(arg.getArgNumber());
    return true;
  }
  Operation *def = v.getDefiningOp();
  if (isa<FillOp>(def))
    return true;
  if (auto constant = dyn_cast<ConstantOp>(def))
    return isa<SplatElementsAttr>(constant.getValue());
  if (!isElementwise(def))
    return false;
  return llvm::all_of(def->getOperands(), [&](Value operand) {
    return shapeOf(operand) == shape &&
           collectVectorLeaves(operand, shape, loads);
  });
}

static void configureElementwiseStage(Stage &stage) {
  int64_t n = product(stage.shape);
  stage.rows = n;
  if (n < 4)
    return;
  llvm::SetVector<unsigned> loads;
  for (Value out : stage.outputs)
    if (!elementTypeOf(out).isF32() ||
        !collectVectorLeaves(out, stage.shape, loads))
      return;
  stage.vectorizable = true;
  stage.vectorLoads.assign(loads.begin(), loads.end());
}

static int64_t suggestedTiles(const Stage &stage) {
  int64_t tiles = 1;
  if (stage.kind == StageKind::Elementwise) {
    tiles = llvm::divideCeilSigned(stage.rows, 2048);
  } else {
    switch (stage.group) {
    case Group::Thread:
      tiles = llvm::divideCeilSigned(stage.rows, 256);
      break;
    case Group::Warp:
      tiles = llvm::divideCeilSigned(stage.rows, 8);
      break;
    case Group::Block:
    case Group::Columns:
      tiles = stage.rows;
      break;
    }
  }
  return std::clamp<int64_t>(tiles, 1, kMaxTiles);
}

/// Element operations of a stage, for comparing stages.
static int64_t work(const Stage &stage) {
  if (stage.usesTensorCores())
    return stage.rows * stage.cols * stage.mma.blockM * stage.mma.blockN;
  if (stage.kind == StageKind::Elementwise)
    return stage.rows;
  // A Columns row is 32 outputs.
  int64_t outputsPerRow = stage.group == Group::Columns ? 32 : 1;
  return stage.rows * outputsPerRow * stage.cols;
}

int64_t TaskPlan::domainRows() const { return product(domain); }

/// The leading dims of a stage's work, in the order its items (elements,
/// rows) are numbered: any prefix of them splits the items into contiguous
/// runs.
static ArrayRef<int64_t> workPrefix(const Stage &stage) {
  switch (stage.kind) {
  case StageKind::Elementwise:
    return stage.shape;
  case StageKind::Matmul:
    // Tensor-core rows are output tiles, numbered batch first.
    return ArrayRef(stage.shape).drop_back(stage.usesTensorCores() ? 2 : 1);
  default: {
    ArrayRef<int64_t> in = shapeOf(stage.anchor->getOperand(0));
    size_t n = 0;
    while (n < in.size() && !stage.reduced[n])
      ++n;
    return in.take_front(n);
  }
  }
}

/// Tiles take whole rows of the longest dims prefix every stage's work
/// starts with (gpuos-fuse builds tasks that way: see FusionLegality.h).
static bool chooseDomainTiling(TaskPlan &plan) {
  ArrayRef<int64_t> domain = workPrefix(plan.stages.front());
  for (const Stage &stage : plan.stages) {
    ArrayRef<int64_t> prefix = workPrefix(stage);
    size_t n = 0;
    while (n < domain.size() && n < prefix.size() && domain[n] == prefix[n])
      ++n;
    domain = domain.take_front(n);
  }
  if (product(domain) < 2)
    return false;
  plan.domain.assign(domain.begin(), domain.end());
  for (Stage &stage : plan.stages) {
    stage.splitAcrossTiles = true;
    stage.vectorizable = false; // tiles take runs, not a grid stride
    stage.itemsPerDomainRow = stage.rows / plan.domainRows();
  }
  return true;
}

/// Stages whose values later stages read must be complete in the block that
/// reads them. Cheap ones (a norm before a matmul) are recomputed by every
/// tile into its own scratch so the rest still spreads over all tiles;
/// costly ones run once, on tile 0.
static void chooseTileSharing(TaskPlan &plan, bool domainTiling) {
  int64_t shared = 0, full = 0;
  for (Stage &stage : plan.stages) {
    stage.readLater = llvm::any_of(stage.outputs, [&](Value v) {
      return plan.storage.lookup(v).readByLaterStage;
    });
    stage.splitAcrossTiles = !stage.readLater;
    (stage.splitAcrossTiles ? shared : full) += work(stage);
  }
  if (full == 0)
    return;
  if (domainTiling && chooseDomainTiling(plan))
    return;
  if (full * 4 <= shared)
    return;
  plan.onlyFirstTile = true;
  for (Stage &stage : plan.stages)
    stage.splitAcrossTiles = false;
}

int64_t gpuos::cuda::elementBytes(Type t) {
  if (t.isInteger(1))
    return 1;
  if (t.isF16() || t.isBF16())
    return 2;
  if (t.isInteger(64))
    return 8;
  return 4;
}

/// Whether recomputing `v` at every use costs more than loading it: its
/// tree (up to inputs, anchors and `stored` values, which are loads) holds
/// more than `maxOps` ops besides views, casts and constants.
static bool isCostlyToRecompute(Value v, int64_t maxOps,
                                const TaskPlan &plan) {
  llvm::SmallPtrSet<Operation *, 16> seen;
  SmallVector<Value> work = {v};
  int64_t ops = 0;
  while (!work.empty()) {
    Value next = work.pop_back_val();
    Operation *def = next.getDefiningOp();
    if (!def || isAnchor(def) || !seen.insert(def).second)
      continue;
    if (next != v && plan.storage.lookup(next).readByLaterStage)
      continue;
    if (!isa<ReshapeOp, PermuteOp, SliceOp, BroadcastToOp, ConcatOp, CastOp,
             FillOp, ConstantOp>(def) &&
        ++ops > maxOps)
      return true;
    llvm::append_range(work, def->getOperands());
  }
  return false;
}

/// Stored values a stage loads: those its trees reach that other stages
/// store. Its own outputs and its anchor's value it computes. Other anchors'
/// values must be loaded; with `onlyAnchors` false, stored elementwise
/// values (which the printer recomputes when not yet stored) count too.
SmallVector<Value> gpuos::cuda::storedReads(const Stage &stage,
                                            const TaskPlan &plan,
                                            bool onlyAnchors) {
  SmallVector<Value> reads;
  llvm::SmallPtrSet<void *, 16> seen;
  SmallVector<Value> work(stage.outputs.begin(), stage.outputs.end());
  if (stage.anchor)
    llvm::append_range(work, stage.anchor->getOperands());
  while (!work.empty()) {
    Value v = work.pop_back_val();
    if (!seen.insert(v.getAsOpaquePointer()).second)
      continue;
    if (stage.anchor && v == stage.anchor->getResult(0))
      continue; // in registers
    Operation *def = v.getDefiningOp();
    if (!llvm::is_contained(stage.outputs, v) &&
        plan.storage.lookup(v).readByLaterStage &&
        (!onlyAnchors || (def && isAnchor(def)))) {
      reads.push_back(v);
      continue;
    }
    if (def && !isAnchor(def))
      llvm::append_range(work, def->getOperands());
  }
  return reads;
}

/// An order of `stages` in which each comes after the stages storing what
/// it loads, keeping the given order otherwise; empty on a cycle.
static SmallVector<size_t> dependencyOrder(ArrayRef<Stage> stages,
                                           const TaskPlan &plan,
                                           bool onlyAnchors) {
  llvm::DenseMap<Value, size_t> producer;
  for (auto [i, stage] : llvm::enumerate(stages))
    for (Value out : stage.outputs)
      producer[out] = i;
  std::vector<SmallVector<size_t>> needs(stages.size());
  for (auto [i, stage] : llvm::enumerate(stages))
    for (Value v : storedReads(stage, plan, onlyAnchors))
      if (auto it = producer.find(v); it != producer.end() && it->second != i)
        needs[i].push_back(it->second);
  SmallVector<size_t> order;
  std::vector<bool> placed(stages.size(), false);
  auto ready = [&](size_t i) {
    return !placed[i] &&
           llvm::all_of(needs[i], [&](size_t j) { return placed[j]; });
  };
  while (order.size() < stages.size()) {
    size_t next = 0;
    while (next < stages.size() && !ready(next))
      ++next;
    if (next == stages.size())
      return {};
    placed[next] = true;
    order.push_back(next);
  }
  return order;
}

/// Orders the stages: stored elementwise values before their readers when
/// possible (else a reader recomputes them), anchors' values always.
static LogicalResult orderStages(TaskOp task, std::vector<Stage> stages,
                                 TaskPlan &plan) {
  SmallVector<size_t> order = dependencyOrder(stages, plan, false);
  if (order.empty() && !stages.empty())
    order = dependencyOrder(stages, plan, true);
  if (order.empty() && !stages.empty())
    return task.emitError("internal error: the CUDA emitter found stages "
                          "that read each other");
  for (size_t i : order)
    plan.stages.push_back(std::move(stages[i]));
  return success();
}

/// Fits row groups to the rows a busy tile gets: a reduction with fewer rows
/// than warps would leave warps idle and walk its rows with one warp, so the
/// whole block takes each row. (A thread per output for a domain-tiled q.K
/// matmul, K-contiguous, was measured slower on the H100: 261 against 230 us
/// for B3, each warp load touching 32 rows.)
static void fitGroupsToTiles(TaskPlan &plan) {
  int64_t busy = plan.onlyFirstTile ? 1 : plan.tiles;
  for (Stage &stage : plan.stages) {
    if (stage.kind != StageKind::Reduce || stage.group != Group::Warp ||
        stage.cols < 256)
      continue;
    int64_t rowsPerTile = stage.splitAcrossTiles ? llvm::divideCeilSigned(stage.rows, busy)
                                                 : stage.rows;
    if (rowsPerTile >= kWarpsPerBlock)
      continue;
    stage.group = Group::Block;
    plan.smemBytes = std::max(plan.smemBytes, kBlockReduceSmemBytes);
  }
}

/// Small-M matmuls (GEMVs) wait on memory: one row at a time leaves a lane
/// a load or two in flight. A warp (group Warp) or the block (group
/// Columns) takes several rows of its tile's share per pass instead.
static void chooseRowsPerPass(TaskPlan &plan) {
  int64_t busy = plan.onlyFirstTile ? 1 : plan.tiles;
  int64_t cap = std::max<int64_t>(clMaxRowsPerPass, 1);
  for (Stage &stage : plan.stages) {
    if (stage.kind != StageKind::Matmul || stage.usesTensorCores())
      continue;
    int64_t rowsPerTile = stage.splitAcrossTiles
                              ? llvm::divideCeilSigned(stage.rows, busy)
                              : stage.rows;
    if (stage.group == Group::Warp) {
      int64_t perLane =
          std::max<int64_t>(llvm::divideCeilSigned(stage.cols, 32), 1);
      int64_t rowsPerWarp = llvm::divideCeilSigned(rowsPerTile, kWarpsPerBlock);
      int64_t rows = std::min(rowsPerWarp, kMaxLoadsInFlight / perLane);
      stage.rowsPerPass = std::clamp<int64_t>(rows, 1, cap);
    } else if (stage.group == Group::Columns) {
      stage.rowsPerPass = std::clamp<int64_t>(
          rowsPerTile, 1, std::min(cap, kMaxColumnRowsPerPass));
      plan.smemBytes =
          std::max(plan.smemBytes, stage.rowsPerPass * kColumnsSmemBytes);
    }
  }
}

FailureOr<TaskPlan> gpuos::cuda::planTask(TaskOp task, StringRef name,
                                          bool domainTiling, bool tensorCores) {
  TaskPlan plan;
  plan.task = task;
  plan.name = name.str();
  Block &body = task.getBodyBlock();
  unsigned numInputs = task.getInputs().size();

  llvm::DenseMap<Value, unsigned> position;
  for (BlockArgument arg : body.getArguments())
    position[arg] = 0;
  unsigned index = 1;
  for (Operation &op : body)
    for (Value result : op.getResults())
      position[result] = index++;

  // One stage per anchor, in task order.
  llvm::DenseMap<Operation *, unsigned> stageOfAnchor;
  std::vector<Stage> anchorStages;
  for (Operation &op : body) {
    if (!isAnchor(&op))
      continue;
    Stage stage;
    stage.anchor = &op;
    stage.shape.assign(shapeOf(op.getResult(0)).begin(),
                       shapeOf(op.getResult(0)).end());
    configureAnchorStage(stage, tensorCores);
    stageOfAnchor[&op] = anchorStages.size();
    anchorStages.push_back(std::move(stage));
  }
  auto addOutput = [&](Operation *anchor, Value v) {
    auto &outputs = anchorStages[stageOfAnchor[anchor]].outputs;
    if (!llvm::is_contained(outputs, v))
      outputs.push_back(v);
  };

  // Anchor results read at an index other than their own are stored.
  llvm::SetVector<Value> mustStore;
  for (auto &stage : anchorStages) {
    AnchorReach reach;
    for (Value operand : stage.anchor->getOperands())
      reach.walk(operand, /*identity=*/false);
    for (auto [anchor, identity] : reach.reached)
      mustStore.insert(anchor->getResult(0));
  }

  // Task results: fused into the last anchor they read when they read it at
  // the identity index, else computed by an elementwise stage.
  for (auto [i, v] : llvm::enumerate(task.getYield().getOperands()))
    plan.storage[v].resultArgs.push_back(numInputs + i);
  // plan.storage holds task results and, below, stored intermediates.
  llvm::SetVector<Value> elementwiseOutputs;
  for (Value v : task.getYield().getOperands()) {
    Operation *def = v.getDefiningOp();
    if (def && isAnchor(def)) {
      addOutput(def, v);
      continue;
    }
    AnchorReach reach;
    reach.walk(v, /*identity=*/true);
    Operation *core = nullptr;
    for (auto [anchor, identity] : reach.reached)
      if (!core || position[anchor->getResult(0)] > position[core->getResult(0)])
        core = anchor;
    if (core && !reach.reached.lookup(core))
      core = nullptr;
    for (auto [anchor, identity] : reach.reached)
      if (anchor != core)
        mustStore.insert(anchor->getResult(0));
    if (core)
      addOutput(core, v);
    else
      elementwiseOutputs.insert(v);
  }

  // Matmul operands computed by more than a cast or a scale are stored once
  // instead of being recomputed for every output. Other anchors recompute
  // their operands once per pass over the row, unless the tree is long (a
  // chain of residual blocks would otherwise be recomputed from the task
  // inputs by every later stage).
  llvm::SetVector<Value> operandOutputs;
  llvm::DenseSet<Value> ownStage;
  for (auto &stage : anchorStages) {
    int64_t maxOps = isa<MatmulOp>(stage.anchor) ? 1 : kMaxRecomputedOps;
    for (Value operand : stage.anchor->getOperands()) {
      if (!isCostlyToRecompute(operand, maxOps, plan))
        continue;
      if (elementwiseOutputs.remove(operand) || !plan.storage.count(operand)) {
        operandOutputs.insert(operand);
        // Chained rows (each operand reads the anchors of the one before)
        // cannot share a loop; nor can matmul operands that read anchors
        // (attention layers: a shared loop would wait for the last layer,
        // and the earlier matmuls recompute their operand per output).
        AnchorReach reach;
        reach.walk(operand, /*identity=*/true);
        if (!isa<MatmulOp>(stage.anchor) || !reach.reached.empty())
          ownStage.insert(operand);
      }
      plan.storage[operand].readByLaterStage = true;
    }
  }

  for (Value v : mustStore) {
    addOutput(v.getDefiningOp(), v);
    plan.storage[v].readByLaterStage = true;
  }
  // Scratch in task order, so that offsets do not depend on hashing.
  SmallVector<Value> scratchValues;
  for (auto &[v, storage] : plan.storage)
    if (storage.readByLaterStage && storage.resultArgs.empty())
      scratchValues.push_back(v);
  llvm::sort(scratchValues,
             [&](Value a, Value b) { return position[a] < position[b]; });
  for (Value v : scratchValues) {
    plan.scratchBytes = llvm::alignTo(plan.scratchBytes, 16);
    plan.storage[v].scratchOffset = plan.scratchBytes;
    plan.scratchBytes += product(shapeOf(v)) * elementBytes(elementTypeOf(v));
  }

  std::vector<Stage> stages;
  for (Stage &stage : anchorStages) {
    if (stage.outputs.empty())
      continue; // dead anchor
    llvm::sort(stage.outputs,
               [&](Value a, Value b) { return position[a] < position[b]; });
    stages.push_back(std::move(stage));
  }
  // Elementwise values of one shape share a loop; stored operands apart from
  // task results, which may read what those operands feed.
  auto addElementwise = [&](Value v, bool operand) {
    auto it = llvm::find_if(stages, [&](const Stage &s) {
      return s.kind == StageKind::Elementwise && !ownStage.contains(v) &&
             !ownStage.contains(s.outputs.front()) &&
             ArrayRef(s.shape) == shapeOf(v) &&
             plan.storage.lookup(s.outputs.front()).readByLaterStage == operand;
    });
    if (it == stages.end()) {
      Stage stage;
      stage.shape.assign(shapeOf(v).begin(), shapeOf(v).end());
      stages.push_back(std::move(stage));
      it = std::prev(stages.end());
    }
    it->outputs.push_back(v);
  };
  for (Value v : operandOutputs)
    addElementwise(v, /*operand=*/true);
  for (Value v : elementwiseOutputs)
    addElementwise(v, /*operand=*/false);
  if (failed(orderStages(task, std::move(stages), plan)))
    return failure();
  for (Stage &stage : plan.stages)
    if (stage.kind == StageKind::Elementwise)
      configureElementwiseStage(stage);

  for (const Stage &stage : plan.stages) {
    if (stage.group == Group::Block)
      plan.smemBytes = std::max(plan.smemBytes, kBlockReduceSmemBytes);
    if (stage.group == Group::Columns)
      plan.smemBytes = std::max(plan.smemBytes, kColumnsSmemBytes);
    if (stage.usesTensorCores())
      plan.smemBytes = std::max(plan.smemBytes, stage.mma.smemBytes());
  }
  chooseTileSharing(plan, domainTiling);
  int64_t largest = 0;
  auto visit = [&](Value v) {
    largest = std::max(largest, product(shapeOf(v)));
  };
  llvm::for_each(body.getArguments(), visit);
  body.walk([&](Operation *op) { llvm::for_each(op->getResults(), visit); });
  plan.narrowIndices = largest < (int64_t(1) << 31);
  // Only tile 0 works when it runs every stage: more tiles would idle.
  if (plan.onlyFirstTile) {
    plan.tiles = 1;
  } else if (auto tiles = task->getAttrOfType<IntegerAttr>(attr::kTiles)) {
    plan.tiles = tiles.getInt();
    plan.tilesFromAttribute = true;
    // Tiles past the domain rows would find no rows to take.
    if (!plan.domain.empty())
      plan.tiles = std::min(plan.tiles, plan.domainRows());
  } else {
    for (const Stage &stage : plan.stages)
      if (stage.splitAcrossTiles)
        plan.tiles = std::max(plan.tiles, suggestedTiles(stage));
    if (!plan.domain.empty())
      plan.tiles = std::min(plan.tiles, plan.domainRows());
  }
  fitGroupsToTiles(plan);
  chooseRowsPerPass(plan);
  chainRowStages(plan);
  return plan;
}

PlanParallelism gpuos::cuda::planParallelism(const TaskPlan &plan) {
  PlanParallelism p;
  for (const Stage &stage : plan.stages)
    p.work += work(stage);
  if (plan.onlyFirstTile)
    return p;
  p.busyTiles = plan.tiles;
  if (!plan.domain.empty())
    p.busyTiles = std::min(p.busyTiles, plan.domainRows());
  return p;
}

std::string gpuos::cuda::locationString(Location loc) {
  if (auto file = dyn_cast<FileLineColLoc>(loc))
    return llvm::formatv("{0}:{1}:{2}",
                         llvm::sys::path::filename(file.getFilename().strref()),
                         file.getLine(), file.getColumn())
        .str();
  if (auto name = dyn_cast<NameLoc>(loc))
    return llvm::formatv("\"{0}\"", name.getName().strref()).str();
  if (auto fused = dyn_cast<FusedLoc>(loc))
    if (!fused.getLocations().empty())
      return locationString(fused.getLocations().front());
  return "unknown";
}

/// A C identifier from a graph symbol.
static std::string identifier(StringRef name) {
  std::string id;
  for (char c : name)
    id += llvm::isAlnum(c) || c == '_' ? c : '_';
  if (id.empty() || llvm::isDigit(id.front()))
    id = "g_" + id;
  return id;
}

SmallVector<std::pair<TaskOp, std::string>>
gpuos::cuda::operatorNames(ModuleOp module) {
  SmallVector<std::pair<TaskOp, std::string>> tasks;
  for (auto graph : module.getOps<GraphOp>()) {
    unsigned n = 0;
    graph.walk([&](TaskOp task) {
      tasks.emplace_back(task, identifier(graph.getSymName()) + "_task" +
                                   std::to_string(n++));
    });
  }
  return tasks;
}
