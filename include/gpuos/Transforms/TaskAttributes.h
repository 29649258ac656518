//===- TaskAttributes.h - attributes the passes attach ----------*- C++ -*-===//
//
// Discardable attributes that fusion, tiling, scheduling and memory planning
// attach to tasks and graphs. The code generator and the runtime read them;
// docs/passes.md documents each one. Names live here only.
//
//===----------------------------------------------------------------------===//

#ifndef GPUOS_TRANSFORMS_TASKATTRIBUTES_H
#define GPUOS_TRANSFORMS_TASKATTRIBUTES_H

#include "llvm/ADT/StringRef.h"

namespace gpuos::attr {
// On tasks, from gpuos-fuse.
/// array<i64>: parallel domain (rows) shared by every value of the task.
inline constexpr llvm::StringLiteral kDomain = "gpuos.domain";
// On tasks, from gpuos-tile.
/// i64: parallel blocks (tiles) the task is split into.
inline constexpr llvm::StringLiteral kTiles = "gpuos.tiles";
/// i64: rows of the domain each tile handles (the last tile may get fewer).
inline constexpr llvm::StringLiteral kRowsPerTile = "gpuos.rows_per_tile";
// On tasks, from gpuos-schedule.
/// i64: position of the task in the schedule, 0-based, dense.
inline constexpr llvm::StringLiteral kTaskId = "gpuos.task_id";
/// array<i64>: task ids whose results this task reads.
inline constexpr llvm::StringLiteral kDeps = "gpuos.deps";
/// i64: critical-path length from this task to the end, in tiles.
inline constexpr llvm::StringLiteral kPriority = "gpuos.priority";
/// i64: static worker (chain id) for tasks placed on one worker.
inline constexpr llvm::StringLiteral kWorker = "gpuos.worker";
// On graphs, from gpuos-schedule.
/// i64: number of tasks; i64: number of static worker chains.
inline constexpr llvm::StringLiteral kNumTasks = "gpuos.num_tasks";
inline constexpr llvm::StringLiteral kNumChains = "gpuos.num_chains";
// On tasks, from gpuos-plan-memory.
/// array<i64>: arena offset of each result; -1 for an external buffer.
inline constexpr llvm::StringLiteral kResultOffsets = "gpuos.result_offsets";
/// array<i64>: bytes of each result.
inline constexpr llvm::StringLiteral kResultSizes = "gpuos.result_sizes";
/// array<i64>: graph output index each result is written to; -1 if none.
inline constexpr llvm::StringLiteral kResultOutputs = "gpuos.result_outputs";
// On graphs, from gpuos-plan-memory.
/// i64: bytes of the arena holding every intermediate.
inline constexpr llvm::StringLiteral kArenaSize = "gpuos.arena_size";
/// i64: alignment of every arena offset.
inline constexpr llvm::StringLiteral kArenaAlignment = "gpuos.arena_alignment";
} // namespace gpuos::attr

#endif // GPUOS_TRANSFORMS_TASKATTRIBUTES_H
