//===- Passes.h - gpuos fusion and scheduling passes ------------*- C++ -*-===//
#ifndef GPUOS_TRANSFORMS_PASSES_H
#define GPUOS_TRANSFORMS_PASSES_H

#include "gpuos/Dialect/GPUOSOps.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Pass/PassOptions.h"

namespace gpuos {

#define GEN_PASS_DECL
#include "gpuos/Transforms/Passes.h.inc"

/// Options of `--gpuos-pipeline`: the knobs most experiments turn.
struct PipelineOptions : public mlir::PassPipelineOptions<PipelineOptions> {
  Option<bool> canonicalize{*this, "canonicalize",
                            llvm::cl::desc("Canonicalize before decomposing"),
                            llvm::cl::init(true)};
  ListOption<std::string> keep{
      *this, "keep", llvm::cl::desc("Composite ops gpuos-decompose keeps")};
  Option<std::string> costModel{*this, "cost-model",
                                llvm::cl::desc("Fusion cost model"),
                                llvm::cl::init("greedy")};
  Option<int64_t> maxOpsPerTask{*this, "max-ops-per-task",
                                llvm::cl::desc("Most micro-ops per task"),
                                llvm::cl::init(256)};
  Option<int64_t> maxTaskArgs{
      *this, "max-task-args",
      llvm::cl::desc("Most arguments of one task (0: no limit)"),
      llvm::cl::init(16)};
  Option<int64_t> maxSerialWork{
      *this, "max-serial-work",
      llvm::cl::desc("Most work per parallel item a fusion may serialize"),
      llvm::cl::init(16384)};
  Option<bool> horizontal{*this, "horizontal",
                          llvm::cl::desc("Batch independent tasks"),
                          llvm::cl::init(true)};
  Option<int64_t> numSMs{*this, "num-sms", llvm::cl::desc("SMs of the target"),
                         llvm::cl::init(132)};
  Option<int64_t> matmulOutputsPerWarp{
      *this, "matmul-outputs-per-warp",
      llvm::cl::desc("Matmul outputs one warp of a tile computes"),
      llvm::cl::init(1)};
  Option<int64_t> blockSize{*this, "block-size",
                            llvm::cl::desc("Threads per worker block"),
                            llvm::cl::init(256)};
};

/// Appends canonicalize, decompose, fuse, tile, schedule and plan-memory.
void buildPipeline(mlir::OpPassManager &pm, const PipelineOptions &options);

/// Registers every pass and `--gpuos-pipeline`.
void registerTransformsPasses();

#define GEN_PASS_REGISTRATION
#include "gpuos/Transforms/Passes.h.inc"

} // namespace gpuos

#endif // GPUOS_TRANSFORMS_PASSES_H
