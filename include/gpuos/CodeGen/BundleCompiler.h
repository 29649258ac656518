//===- BundleCompiler.h - CUDA operators to a loadable cubin ----*- C++ -*-===//
//
// The one place the compiler calls NVRTC and nvJitLink: the same steps as
// the runtime's JIT path, so a bundle's cubin loads where JIT code loads.
//
//===----------------------------------------------------------------------===//

#ifndef GPUOS_CODEGEN_BUNDLECOMPILER_H
#define GPUOS_CODEGEN_BUNDLECOMPILER_H

#include "gpuos/CodeGen/BundleEmitter.h"

#include <string>

namespace gpuos {

/// Compiles `source` (which includes "gpuos/device_abi.h") with NVRTC as
/// relocatable code for `target` and links it with nvJitLink into a non-LTO
/// cubin. On failure returns false and `log` says why (compiler or linker
/// log).
bool compileBundleOperators(const std::string &source,
                            const BundleTarget &target, std::string &cubin,
                            std::string &log);

} // namespace gpuos

#endif // GPUOS_CODEGEN_BUNDLECOMPILER_H
