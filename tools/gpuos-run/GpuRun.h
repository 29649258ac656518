//===- GpuRun.h - run a bundle on the GPU through the runtime ---*- C++ -*-===//
//
// The GPU path of gpuos-run: loads a compiled bundle (docs/bundle.md) into
// the persistent-kernel runtime, binds host tensors copied to the device,
// runs the graph and copies the outputs back. Built without the runtime
// (GPUOS_ENABLE_RUNTIME=OFF), every call reports that instead.
//
//===----------------------------------------------------------------------===//

#ifndef GPUOS_TOOLS_GPUOSRUN_GPURUN_H
#define GPUOS_TOOLS_GPUOSRUN_GPURUN_H

#include "gpuos/Reference/Tensor.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace gpuos::run {

/// True when the file starts with the bundle magic "GPUOSBDL".
bool isBundle(llvm::StringRef bytes);

/// Median, minimum and count of the timed runs of --bench.
struct BenchResult {
  double medianUs = 0, minUs = 0;
  unsigned runs = 0;
};

struct GpuRunResult {
  std::vector<ref::Tensor> outputs;
  std::optional<BenchResult> bench;
  unsigned tasks = 0;
};

/// Given the dtype and shape (no values) of every bundle input, returns the
/// input tensors, or nullopt after printing an error.
using InputMaker = llvm::function_ref<std::optional<std::vector<ref::Tensor>>(
    const std::vector<ref::Tensor> &layouts)>;

/// Runs the bundle once (then, with benchRuns > 0, warmupRuns + benchRuns
/// more times, timing each submit-to-completion). On failure returns nullopt
/// with `error` set; a missing GPU or driver gives "no CUDA device/driver".
std::optional<GpuRunResult> runBundleOnGpu(llvm::StringRef bytes,
                                           llvm::StringRef name,
                                           InputMaker makeInputs,
                                           unsigned warmupRuns,
                                           unsigned benchRuns,
                                           std::string &error);

} // namespace gpuos::run

#endif // GPUOS_TOOLS_GPUOSRUN_GPURUN_H
