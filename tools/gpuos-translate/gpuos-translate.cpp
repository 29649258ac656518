//===- gpuos-translate.cpp - translations out of the gpuos dialect --------===//
#include "gpuos/CodeGen/GraphToDot.h"

#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"

int main(int argc, char **argv) {
  gpuos::registerToDotTranslation();
  return mlir::failed(
             mlir::mlirTranslateMain(argc, argv, "gpuos translation driver\n"))
             ? 1
             : 0;
}
