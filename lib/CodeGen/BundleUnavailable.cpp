//===- BundleUnavailable.cpp - --gpuos-to-bundle without NVRTC ------------===//
//
// Built instead of BundleEmitter.cpp where NVRTC or nvJitLink was not found:
// the translation still exists, so asking for it says why it cannot work.
//
//===----------------------------------------------------------------------===//

#include "gpuos/CodeGen/BundleEmitter.h"

#include "gpuos/Dialect/GPUOSDialect.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-translate/Translation.h"

using namespace mlir;

void gpuos::registerToBundleTranslation() {
  static TranslateFromMLIRRegistration registration(
      "gpuos-to-bundle", "emit a loadable bundle (unavailable: no NVRTC)",
      [](Operation *op, raw_ostream &) {
        return op->emitError("gpuos-translate was built without NVRTC and "
                             "nvJitLink; --gpuos-to-bundle is unavailable");
      },
      [](DialectRegistry &registry) {
        registry.insert<gpuos::GPUOSDialect>();
      });
}
