//===- Passes.td - gpuos fusion and scheduling passes ------*- tablegen -*-===//
//
// The passes that turn a graph of micro-ops into a scheduled task graph:
// decompose -> fuse -> tile -> schedule -> plan-memory. Every knob is an
// option so experiments need no recompilation; docs/passes.md explains them.
//
//===----------------------------------------------------------------------===//

#ifndef GPUOS_TRANSFORMS_PASSES_TD
#define GPUOS_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def GPUOSDecompose : Pass<"gpuos-decompose", "::gpuos::GraphOp"> {
  let summary = "Rewrite composite ops into primitive micro-ops";
  let description = [{
    Expands softmax, layer_norm, rms_norm, gelu (tanh form) and mean
    reductions into elementwise ops and sum/max reductions, so that fusion
    can rebuild them, together with their neighbours, into one task.
    gelu with the erf form has no primitive equivalent and stays whole.
  }];
  let options = [
    ListOption<"keep", "keep", "std::string",
               "Composite ops to keep whole: softmax, layer_norm, rms_norm, "
               "gelu, mean">,
    Option<"halfInF32", "half-in-f32", "bool", "true",
           "Expand f16 and bf16 composites in f32 (between casts)">,
  ];
  let statistics = [
    Statistic<"numDecomposed", "num-decomposed", "Composite ops expanded">,
    Statistic<"numCreated", "num-created", "Primitive ops created">,
  ];
}

def GPUOSFuse : Pass<"gpuos-fuse", "::gpuos::GraphOp"> {
  let summary = "Group micro-ops into gpuos.task regions";
  let description = [{
    Forms tasks in two steps. Vertical: each op, in program order, joins the
    groups of its producers when the legality check allows (no cycle, a
    common parallel domain, register and shared-memory budgets) and the cost
    model agrees; a producer that would have to be recomputed per tile is
    cloned only when the cost model says recomputation is cheaper.
    Horizontal: independent groups with the same parallel domain and depth
    are batched into one task. A group needing more arguments than an
    operator takes is cut in program order. Every op ends up in a task;
    constants are cloned into the tasks that read them.
  }];
  let options = [
    Option<"costModel", "cost-model", "std::string", "\"greedy\"",
           "Profitability model: greedy (maximal fusion) or bytes "
           "(bytes moved through global memory)">,
    Option<"maxOpsPerTask", "max-ops-per-task", "int64_t", "256",
           "Most micro-ops one task may hold (register and code-size budget)">,
    Option<"maxTileBytes", "max-tile-bytes", "int64_t", "49152",
           "Most bytes of rows one tile keeps resident (shared memory)">,
    Option<"maxTaskArgs", "max-task-args", "int64_t", "16",
           "Most arguments (inputs and results) of one task, the runtime's "
           "GPUOS_MAX_ARGS; a larger group is cut in program order (0: no "
           "limit)">,
    Option<"horizontal", "horizontal", "bool", "true",
           "Batch independent tasks of equal domain into one task">,
    Option<"horizontalMaxElements", "horizontal-max-elements", "int64_t",
           "65536",
           "Largest result (elements) of a task that horizontal fusion batches">,
    Option<"maxSerialWork", "max-serial-work", "int64_t", "16384",
           "Most element operations per parallel item (a matmul output, a "
           "row) that a merge may move onto fewer blocks; above it the "
           "stages stay separate tasks with their own parallelism">,
    Option<"recomputeMaxOps", "recompute-max-ops", "int64_t", "4",
           "Largest elementwise producer group that may be cloned for "
           "recomputation">,
    Option<"taskOverheadBytes", "task-overhead-bytes", "int64_t", "65536",
           "bytes model: cost of one extra task, in bytes of traffic">,
    Option<"recomputeBytesPerElement", "recompute-bytes-per-element",
           "int64_t", "2",
           "bytes model: cost of recomputing one element, in bytes of traffic">,
    Option<"minParallelRows", "min-parallel-rows", "int64_t", "132",
           "bytes model: below this many rows, fusing a larger producer into "
           "a narrower domain costs parallelism">,
    Option<"report", "report", "bool", "false",
           "Emit a remark on each graph with the figures of the statistics "
           "(which an LLVM built without statistics does not print)">,
  ];
  let statistics = [
    Statistic<"numTasks", "num-tasks", "Tasks formed">,
    Statistic<"numVerticalFusions", "num-vertical-fusions",
              "Producer groups merged into a consumer">,
    Statistic<"numHorizontalFusions", "num-horizontal-fusions",
              "Independent groups batched into another group">,
    Statistic<"numRecomputedOps", "num-recomputed-ops",
              "Ops cloned into a consumer because recomputation was cheaper">,
    Statistic<"numIllegal", "num-illegal", "Candidate fusions found illegal">,
    Statistic<"numUnprofitable", "num-unprofitable",
              "Legal fusions the cost model declined">,
    Statistic<"numClonedConstants", "num-cloned-constants",
              "Constants copied into the tasks that read them">,
    Statistic<"numSplit", "num-split",
              "Extra tasks from cutting groups to the argument limit">,
  ];
}

def GPUOSTile : Pass<"gpuos-tile", "::gpuos::GraphOp"> {
  let summary = "Choose each task's tile count (parallel blocks)";
  let description = [{
    Splits a task's parallel domain (`gpuos.domain`, rows) into tiles so a
    tile holds about `block-size * elements-per-thread` elements, never more
    tiles than rows nor than `max-tiles-per-sm` waves of the target's SMs.
  }];
  let options = [
    Option<"numSMs", "num-sms", "int64_t", "132", "SMs of the target GPU">,
    Option<"blockSize", "block-size", "int64_t", "256",
           "Threads of one worker block">,
    Option<"elementsPerThread", "elements-per-thread", "int64_t", "4",
           "Elements one thread handles per tile before another tile pays">,
    Option<"maxTilesPerSM", "max-tiles-per-sm", "int64_t", "4",
           "Tile limit per SM (waves of work)">,
    Option<"matmulOutputsPerWarp", "matmul-outputs-per-warp", "int64_t", "1",
           "Matmul outputs one warp of a tile computes (K-contiguous rhs)">,
  ];
  let statistics = [
    Statistic<"numTiledTasks", "num-tiled-tasks", "Tasks given a tile count">,
    Statistic<"numTiles", "num-tiles", "Tiles over all tasks">,
  ];
}

def GPUOSSchedule : Pass<"gpuos-schedule", "::gpuos::GraphOp"> {
  let summary = "Order tasks by critical path and record their dependencies";
  let description = [{
    Numbers tasks in a topological order that prefers the longest remaining
    critical path, records each task's predecessors, and places chains of
    one-tile tasks (each the only successor of the one before) on one worker
    so the runtime passes no flag between blocks inside a chain.
  }];
  let options = [
    Option<"chainWorkers", "chain-workers", "bool", "true",
           "Place chains of one-tile tasks on one worker">,
    Option<"minChainLength", "min-chain-length", "int64_t", "2",
           "Shortest chain given a static worker">,
    Option<"report", "report", "bool", "false",
           "Emit a remark on each graph with the figures of the statistics "
           "(which an LLVM built without statistics does not print)">,
  ];
  let statistics = [
    Statistic<"numScheduled", "num-scheduled", "Tasks scheduled">,
    Statistic<"numDeps", "num-deps", "Dependency edges between tasks">,
    Statistic<"numChains", "num-chains", "Chains placed on one worker">,
    Statistic<"numChainedEdges", "num-chained-edges",
              "Dependencies satisfied inside a worker (no cross-block flag)">,
    Statistic<"criticalPath", "critical-path",
              "Longest path through the graph, in tiles">,
  ];
}

def GPUOSPlanMemory : Pass<"gpuos-plan-memory", "::gpuos::GraphOp"> {
  let summary = "Assign every intermediate an offset in one arena";
  let description = [{
    Walks tasks in order, allocating each intermediate result when defined
    and freeing it after its last reader (first fit, coalescing free
    blocks). A pure elementwise task writes a result into a dying input of the
    same type in place. Graph inputs and outputs stay external buffers.
  }];
  let options = [
    Option<"alignment", "alignment", "int64_t", "256",
           "Alignment of every arena offset, in bytes">,
    Option<"inPlace", "in-place", "bool", "true",
           "Let elementwise tasks overwrite a dying input">,
    Option<"report", "report", "bool", "false",
           "Emit a remark on each graph with the figures of the statistics "
           "(which an LLVM built without statistics does not print)">,
  ];
  let statistics = [
    Statistic<"peakArenaBytes", "peak-arena-bytes", "Arena size in bytes">,
    Statistic<"numIntermediates", "num-intermediates",
              "Intermediates placed in the arena">,
    Statistic<"numReused", "num-reused",
              "Intermediates placed in memory freed by an earlier one">,
    Statistic<"numInPlace", "num-in-place",
              "Results written over a dying input">,
    Statistic<"naiveBytes", "naive-bytes",
              "Arena size without reuse (sum of intermediates)">,
    Statistic<"numOrderingDeps", "num-ordering-deps",
              "Write-after-read dependencies added for reused memory">,
  ];
}

#endif // GPUOS_TRANSFORMS_PASSES_TD
