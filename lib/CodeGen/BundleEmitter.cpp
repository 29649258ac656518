//===- BundleEmitter.cpp - the --gpuos-to-bundle translation --------------===//
//
// Manifest and CUDA source come from one emission of the operators, as the
// --gpuos-to-manifest and --gpuos-to-cuda translations write them; this file
// compiles the source, lays the sections out behind the header of
// gpuos/bundle_format.h and writes the bundle only when every step worked.
//
//===----------------------------------------------------------------------===//

#include "gpuos/CodeGen/BundleEmitter.h"

#include "CudaTaskPlan.h"
#include "gpuos/CodeGen/BundleCompiler.h"
#include "gpuos/CodeGen/ManifestEmitter.h"
#include "gpuos/Dialect/GPUOSDialect.h"
#include "gpuos/Dialect/GPUOSOps.h"
#include "gpuos/bundle_format.h"
#include "gpuos/device_abi.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/Support/CommandLine.h"

using namespace mlir;
using namespace gpuos;

static_assert(kManifestVersion == GPUOS_BUNDLE_MANIFEST_VERSION,
              "the bundle format names the manifest version it carries");

LogicalResult gpuos::translateToBundle(Operation *op,
                                       const BundleTarget &target,
                                       raw_ostream &os) {
  auto module = dyn_cast<ModuleOp>(op);
  if (!module)
    return op->emitError("--gpuos-to-bundle expects a builtin.module");
  auto graphs = llvm::to_vector(module.getOps<GraphOp>());
  if (graphs.empty())
    return module.emitError("--gpuos-to-bundle needs a gpuos.graph");
  if (graphs.size() > 1)
    return graphs[1].emitError("a bundle holds one gpuos.graph; '")
           << graphs[0].getSymName() << "' came first";
  GraphOp graph = graphs.front();

  // Planned and printed once for both the manifest and the source.
  FailureOr<cuda::ModuleOperators> operators =
      cuda::emitOperators(module, "gpuos-to-bundle");
  if (failed(operators))
    return failure();
  std::string manifest, source, cubin, log;
  llvm::raw_string_ostream manifestStream(manifest), sourceStream(source);
  if (failed(cuda::writeManifest(module, *operators, manifestStream)))
    return failure();
  cuda::printOperators(*operators, sourceStream);
  if (!compileBundleOperators(source, target, cubin, log))
    return graph.emitError() << "cannot compile the operators of '"
                             << graph.getSymName() << "' for sm_" << target.sm
                             << ":\n"
                             << log;
  os << assemble_bundle(target.sm, target.maxRegisters,
                        GPUOS_DEVICE_ABI_VERSION, manifest, cubin,
                        target.embedSource ? source : std::string());
  return success();
}

namespace {
llvm::cl::OptionCategory bundleCategory("--gpuos-to-bundle options");
llvm::cl::opt<bool> embedSource("gpuos-bundle-source",
                                llvm::cl::desc("Store the CUDA source in the "
                                               "bundle"),
                                llvm::cl::cat(bundleCategory));
llvm::cl::opt<unsigned> targetSm("gpuos-bundle-sm",
                                 llvm::cl::desc("Target architecture (sm_N)"),
                                 llvm::cl::init(90),
                                 llvm::cl::cat(bundleCategory));
llvm::cl::opt<unsigned>
    maxRegisters("gpuos-bundle-max-registers",
                 llvm::cl::desc("Register budget of every operator"),
                 llvm::cl::init(128), llvm::cl::cat(bundleCategory));
llvm::cl::list<std::string>
    nvrtcOptions("gpuos-bundle-nvrtc-option",
                 llvm::cl::desc("Extra NVRTC option (repeatable)"),
                 llvm::cl::cat(bundleCategory));
} // namespace

void gpuos::registerToBundleTranslation() {
  static TranslateFromMLIRRegistration registration(
      "gpuos-to-bundle",
      "emit a loadable bundle: header, manifest and sm_90 operator cubin",
      [](Operation *op, raw_ostream &output) {
        BundleTarget target;
        target.sm = targetSm;
        target.maxRegisters = maxRegisters;
        target.extraOptions.assign(nvrtcOptions.begin(), nvrtcOptions.end());
        target.embedSource = embedSource;
        return translateToBundle(op, target, output);
      },
      [](DialectRegistry &registry) { registry.insert<GPUOSDialect>(); });
}
