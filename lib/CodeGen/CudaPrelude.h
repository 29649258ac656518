//===- CudaPrelude.h - helpers every emitted CUDA file starts with -*- C++ -*-===//

#ifndef GPUOS_LIB_CODEGEN_CUDAPRELUDE_H
#define GPUOS_LIB_CODEGEN_CUDAPRELUDE_H

#include "llvm/ADT/StringRef.h"

namespace gpuos::cuda {
/// Device helpers (dtype conversions, warp and block reductions, the float4
/// eligibility test) with internal linkage, so several emitted modules link
/// together. They need no CUDA header: NVRTC compiles them as they are.
llvm::StringRef devicePrelude();
} // namespace gpuos::cuda

#endif // GPUOS_LIB_CODEGEN_CUDAPRELUDE_H
