//===- CudaTaskPlan.h - how one task becomes one CUDA operator --*- C++ -*-===//
//
// The preparation step of the CUDA emitter: it decides, before any text is
// printed, which values of a task are stored (task results, and intermediates
// that a later stage reads), how the ops are grouped into stages (one loop
// nest each) and how each stage spreads over threads. The printer then only
// follows the plan.
//
// A stage is either a fused elementwise loop over its outputs' shape, or an
// "anchor" (reduce, matmul, softmax, layer_norm, rms_norm) whose elementwise
// producers are recomputed inline (prologue) and whose elementwise consumers
// of the same shape are computed from the anchor's value in registers
// (epilogue).
//
//===----------------------------------------------------------------------===//

#ifndef GPUOS_LIB_CODEGEN_CUDATASKPLAN_H
#define GPUOS_LIB_CODEGEN_CUDATASKPLAN_H

#include "gpuos/Dialect/GPUOSOps.h"

#include "mlir/IR/BuiltinOps.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

#include <string>
#include <vector>

namespace gpuos::cuda {

/// Bytes of one element in memory (i1 takes a byte), as the device ABI and
/// gpuos-plan-memory lay tensors out.
int64_t elementBytes(mlir::Type t);

/// Ops whose value at one index needs many input elements; each heads a stage.
bool isAnchor(mlir::Operation *op);

enum class StageKind { Elementwise, Reduce, Matmul, Softmax, LayerNorm, RmsNorm };

/// Which threads cooperate on one row of a row stage. `Columns` is for
/// matmuls with a row-major rhs: a "row" is 32 neighbouring outputs, one
/// per lane, and the block's warps split K (reduced through ctx->smem).
enum class Group { Thread, Warp, Block, Columns };

/// A matmul on tensor cores (mma.sync m16n8k16, f16/bf16 operands, f32
/// accumulation): a row of the stage is one `blockM` x `blockN` output tile,
/// computed by the whole block in steps of `stepK` along K staged through
/// ctx->smem; each warp takes 16 x (8 * `fragments`) outputs of it.
struct MmaTiling {
  /// Warp units per block tile (8 warps of the runtime's 256-thread blocks).
  static constexpr int64_t kWarpUnits = 8;
  /// Threads a staging round is sized for (the runtime's default block).
  static constexpr int64_t kStageThreads = 256;
  int64_t blockM = 0, blockN = 0, fragments = 0, stepK = 32;
  int64_t unitsN() const { return blockN / (8 * fragments); }
  /// Shared-memory row pitch in elements: 8 halves of padding keep the
  /// fragment loads free of bank conflicts.
  int64_t pitch() const { return stepK + 8; }
  int64_t smemBytes() const { return (blockM + blockN) * pitch() * 2; }
  int64_t stepElements() const { return (blockM + blockN) * stepK; }
  /// Elements a thread loads before storing any: a whole step in one round
  /// with kStageThreads threads.
  int64_t stageRegisters() const {
    return (stepElements() + kStageThreads - 1) / kStageThreads;
  }
};

struct Stage {
  StageKind kind = StageKind::Elementwise;
  /// The anchor op; null for elementwise stages.
  mlir::Operation *anchor = nullptr;
  /// Shape the outputs are computed over (the anchor's result shape).
  llvm::SmallVector<int64_t> shape;
  /// Values written by this stage, in task order.
  llvm::SmallVector<mlir::Value> outputs;
  /// Row stages: rows (independent results) and cols (elements combined per
  /// row); `reduced[d]` marks the input dims that cols run over.
  int64_t rows = 0, cols = 0;
  llvm::SmallVector<bool> reduced;
  Group group = Group::Thread;
  /// Matmuls on tensor cores (group Block, rows = output tiles); zero else.
  MmaTiling mma;
  bool usesTensorCores() const { return mma.blockM != 0; }
  /// Matmuls of group Warp or Columns: rows a group computes together, each
  /// with its own accumulator, so that their loads are in flight at once.
  int64_t rowsPerPass = 1;
  /// Softmax and norms: the row is held in registers, `perLane` per lane.
  bool inRegisters = false;
  int64_t perLane = 0;
  /// Elementwise stages: a float4 path exists for dense, aligned arguments.
  bool vectorizable = false;
  /// Block args that the float4 path loads (identity index, f32).
  llvm::SmallVector<unsigned> vectorLoads;
  /// Tiles share the stage's work. Otherwise every running tile computes all
  /// of it (a later stage reads its stored values, and scratch is per block).
  bool splitAcrossTiles = true;
  /// A later stage reads values this stage stores: a barrier follows it.
  bool readLater = false;
  /// Domain tiling: work items (elements, or rows) per row of the domain.
  int64_t itemsPerDomainRow = 0;
  /// Row chains (chainRowStages): this stage runs in the previous stage's
  /// loop over the same rows, by the same threads, with no barrier between.
  bool chained = false;
  /// ...and a reduction shares the previous stage's column loop: that of
  /// independent reductions of the same rows (loads issued together, one
  /// group reduction), or of the elementwise stage whose elements it reads.
  bool batched = false;
  /// A batched sum of (x - mean)^2 where the previous stage sums x over the
  /// same rows and mean is that sum over the row length: both come from one
  /// pass (shifted sums of x and x^2, gpuos_moments_* in the prelude).
  bool centered = false;
};

/// Where a stored value lives.
struct Storage {
  /// Result arguments (ctx->args indices) the value is written to.
  llvm::SmallVector<unsigned> resultArgs;
  /// Byte offset in ctx->scratch, or -1 when the value is a task result only.
  int64_t scratchOffset = -1;
  /// A later stage loads the value instead of recomputing it.
  bool readByLaterStage = false;
};

struct TaskPlan {
  TaskOp task;
  std::string name;
  std::vector<Stage> stages;
  llvm::DenseMap<mlir::Value, Storage> storage;
  int64_t scratchBytes = 0;
  /// Bytes of ctx->smem the block reductions need.
  int64_t smemBytes = 0;
  /// Suggested tile count; the operator is correct for any ctx->ntiles.
  int64_t tiles = 1;
  bool tilesFromAttribute = false;
  /// Stages that later stages read are too costly to recompute on every
  /// tile: tile 0 runs all stages and the other tiles return.
  bool onlyFirstTile = false;
  /// Domain tiling: every stage's work starts with these dims, and stages
  /// read stored values only within their own domain row, so each tile takes
  /// whole domain rows of every stage. Empty when not used.
  llvm::SmallVector<int64_t> domain;
  int64_t domainRows() const;
  /// Every tensor of the task has fewer than 2^31 elements: index
  /// arithmetic runs in 32 bits.
  bool narrowIndices = false;
  bool usesTensorCores() const;
};

/// Reductions that share one column loop and group reduction at most.
inline constexpr int64_t kMaxBatchedReductions = 8;
/// Slots per warp of a batched block reduction: one per reduction, four
/// (count, shift, sums of d and d^2) per centered one, which follows its sum.
inline constexpr int64_t kBatchedReduceSlots = 3 * kMaxBatchedReductions;
/// Shared memory of a batched block reduction: 8 bytes per slot and warp (32
/// at most), in two halves that consecutive reductions alternate.
inline constexpr int64_t kBatchedReduceSmemBytes =
    2 * kBatchedReduceSlots * 32 * 8;

/// Marks consecutive row stages that can share a loop over their rows
/// (Stage::chained, Stage::batched); see CudaRowChains.cpp.
void chainRowStages(TaskPlan &plan);

/// Stored values `stage` loads: those its trees reach that other stages
/// store (its own outputs and its anchor's value it computes). With
/// `onlyAnchors`, only other anchors' values.
llvm::SmallVector<mlir::Value> storedReads(const Stage &stage,
                                           const TaskPlan &plan,
                                           bool onlyAnchors);

/// How a planned task spreads over blocks, for --gpuos-to-task-report and
/// the checks on it.
struct PlanParallelism {
  /// Blocks that do a share of the work: 1 when tile 0 runs every stage.
  int64_t busyTiles = 1;
  /// Element operations of all stages (multiply-adds for a matmul).
  int64_t work = 0;
  /// One block does all of the work.
  bool serial() const { return busyTiles <= 1; }
};
PlanParallelism planParallelism(const TaskPlan &plan);

/// Every task of every graph with its operator name, `<graph>_task<N>`
/// (N counts the graph's tasks in order; the graph name made a C identifier).
llvm::SmallVector<std::pair<TaskOp, std::string>>
operatorNames(mlir::ModuleOp module);

/// `file:line:col` (file without directories) for comments and messages.
std::string locationString(mlir::Location loc);

/// Checks one task against what the emitter supports; reports at the op.
mlir::LogicalResult checkTaskEmittable(TaskOp task);

/// The operator's source text, and whether a domain-tiled plan read a stored
/// value across domain rows (the text is then unusable).
struct PrintedTask {
  std::string text;
  bool crossesDomainRows = false;
};

/// Prints the operator of a planned task (constant arrays first). Without
/// `locations`, comments name no source location.
mlir::FailureOr<PrintedTask> printTask(const TaskPlan &plan,
                                       bool locations = true);

/// The plan of `task` and its printed operator: planned with domain tiling
/// first, again without when a stage reads across domain rows; with tensor
/// cores unless they leave every stage to tile 0 where CUDA cores would not
/// (a tensor-core tile spans domain rows). What both --gpuos-to-cuda and
/// --gpuos-to-manifest use.
struct EmittedTask;
mlir::FailureOr<EmittedTask> emitTask(TaskOp task, llvm::StringRef name);

/// Plans `task`, named `name`. With `domainTiling`, dependent stages may
/// share tiles by domain rows (the printer then checks every read of a stored
/// value stays in its row; if not, plan again without). With `tensorCores`,
/// matmuls whose types and shapes allow run on tensor cores. Fails with an
/// error at the offending op when the task cannot be emitted.
mlir::FailureOr<TaskPlan> planTask(TaskOp task, llvm::StringRef name,
                                   bool domainTiling = true,
                                   bool tensorCores = true);


struct EmittedTask {
  TaskPlan plan;
  std::string text;
};

/// The operators of a module and the tasks that run them. Tasks whose
/// operators differ only in name and in the source locations of comments
/// share one operator, named and printed for the first of them.
struct ModuleOperators {
  struct Task {
    TaskOp task;
    /// `<graph>_task<N>`, as operatorNames gives it.
    std::string name;
    TaskPlan plan;
    /// Index into `operators`.
    unsigned op = 0;
  };
  struct Operator {
    std::string name;
    std::string text;
    /// Indices into `tasks`, in task order.
    llvm::SmallVector<unsigned> users;
  };
  std::vector<Task> tasks;
  std::vector<Operator> operators;
  const Operator &operatorOf(const Task &task) const {
    return operators[task.op];
  }
};

/// Checks `module` and emits every task in operator order, sharing operators
/// between tasks of the same code; `flag` names the translation in errors.
mlir::FailureOr<ModuleOperators> emitOperators(mlir::Operation *module,
                                               llvm::StringRef flag);

/// The CUDA source of emitted operators: the header, the device prelude and
/// each shared operator once (--gpuos-to-cuda's output).
void printOperators(const ModuleOperators &operators, llvm::raw_ostream &os);

/// The manifest of every graph of `module` from its emitted operators, or an
/// error (ops outside tasks, missing memory plan) and nothing written.
mlir::LogicalResult writeManifest(mlir::ModuleOp module,
                                  const ModuleOperators &operators,
                                  llvm::raw_ostream &os);

} // namespace gpuos::cuda

#endif // GPUOS_LIB_CODEGEN_CUDATASKPLAN_H
