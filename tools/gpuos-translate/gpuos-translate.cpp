//===- gpuos-translate.cpp - translations out of the gpuos dialect --------===//
#include "gpuos/CodeGen/BundleEmitter.h"
#include "gpuos/CodeGen/CudaEmitter.h"
#include "gpuos/CodeGen/GraphToDot.h"
#include "gpuos/CodeGen/ManifestEmitter.h"

#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"

int main(int argc, char **argv) {
  gpuos::registerToDotTranslation();
  gpuos::registerToCudaTranslation();
  gpuos::registerToManifestTranslation();
  gpuos::registerToBundleTranslation();
  return mlir::failed(
             mlir::mlirTranslateMain(argc, argv, "gpuos translation driver\n"))
             ? 1
             : 0;
}
