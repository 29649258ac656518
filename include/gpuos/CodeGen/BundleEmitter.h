//===- BundleEmitter.h - gpuos modules to loadable bundles ------*- C++ -*-===//
//
// Writes one file the runtime loads with gpuos_bundle_load: a versioned
// header (gpuos/bundle_format.h), the manifest of --gpuos-to-manifest and the
// operators of --gpuos-to-cuda compiled for the target (NVRTC -rdc=true,
// nvJitLink to a non-LTO cubin), optionally their CUDA source.
// docs/bundle.md describes the format.
//
//===----------------------------------------------------------------------===//

#ifndef GPUOS_CODEGEN_BUNDLEEMITTER_H
#define GPUOS_CODEGEN_BUNDLEEMITTER_H

#include "mlir/IR/Operation.h"
#include "mlir/Support/LLVM.h"

#include <string>
#include <vector>

namespace gpuos {

/// What the operators are compiled for.
struct BundleTarget {
  unsigned sm = 90;
  unsigned maxRegisters = 128;
  /// Extra NVRTC options, after the ones the bundle needs.
  std::vector<std::string> extraOptions;
  /// Store the CUDA source in the bundle too.
  bool embedSource = false;
};

/// Writes the bundle of `op` (a module with one gpuos.graph) to `os`, or
/// reports why not at the graph's location (NVRTC and nvJitLink logs
/// included) and writes nothing.
mlir::LogicalResult translateToBundle(mlir::Operation *op,
                                      const BundleTarget &target,
                                      llvm::raw_ostream &os);

/// Registers `--gpuos-to-bundle` and its options with mlir-translate style
/// drivers. Where gpuos-translate was built without NVRTC and nvJitLink, the
/// translation exists and reports that.
void registerToBundleTranslation();

} // namespace gpuos

#endif // GPUOS_CODEGEN_BUNDLEEMITTER_H
