//===- Pipeline.cpp - pass registration and --gpuos-pipeline --------------===//

#include "gpuos/Transforms/Passes.h"

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;

void gpuos::buildPipeline(OpPassManager &pm, const PipelineOptions &options) {
  OpPassManager &graphs = pm.nest<GraphOp>();
  if (options.canonicalize)
    graphs.addPass(createCanonicalizerPass());
  GPUOSDecomposeOptions decompose;
  decompose.keep.assign(options.keep.begin(), options.keep.end());
  graphs.addPass(createGPUOSDecompose(decompose));
  GPUOSFuseOptions fuse;
  fuse.costModel = options.costModel;
  fuse.maxOpsPerTask = options.maxOpsPerTask;
  fuse.maxTaskArgs = options.maxTaskArgs;
  fuse.horizontal = options.horizontal;
  fuse.maxSerialWork = options.maxSerialWork;
  graphs.addPass(createGPUOSFuse(fuse));
  GPUOSTileOptions tile;
  tile.numSMs = options.numSMs;
  tile.blockSize = options.blockSize;
  tile.matmulOutputsPerWarp = options.matmulOutputsPerWarp;
  graphs.addPass(createGPUOSTile(tile));
  graphs.addPass(createGPUOSSchedule());
  graphs.addPass(createGPUOSPlanMemory());
}

void gpuos::registerTransformsPasses() {
  registerGPUOSPasses();
  PassPipelineRegistration<PipelineOptions>(
      "gpuos-pipeline",
      "Canonicalize, decompose, fuse, tile, schedule and plan memory",
      buildPipeline);
}
