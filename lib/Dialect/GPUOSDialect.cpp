//===- GPUOSDialect.cpp - gpuos dialect registration ----------------------===//
#include "gpuos/Dialect/GPUOSDialect.h"
#include "gpuos/Dialect/GPUOSOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace gpuos;

#include "gpuos/Dialect/GPUOSOpsDialect.cpp.inc"
#include "gpuos/Dialect/GPUOSOpsEnums.cpp.inc"

void GPUOSDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "gpuos/Dialect/GPUOSOps.cpp.inc"
      >();
}

Operation *GPUOSDialect::materializeConstant(OpBuilder &builder,
                                             Attribute value, Type type,
                                             Location loc) {
  auto elements = dyn_cast<ElementsAttr>(value);
  if (!elements || elements.getType() != type)
    return nullptr;
  return ConstantOp::create(builder, loc, type, elements);
}
