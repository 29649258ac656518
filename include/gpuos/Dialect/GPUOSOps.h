//===- GPUOSOps.h - gpuos dialect operations --------------------*- C++ -*-===//
#ifndef GPUOS_DIALECT_GPUOSOPS_H
#define GPUOS_DIALECT_GPUOSOPS_H

#include "gpuos/Dialect/GPUOSDialect.h"
#include "gpuos/Dialect/GPUOSTraits.h"
#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/CallInterfaces.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "gpuos/Dialect/GPUOSOpsEnums.h.inc"

#define GET_OP_CLASSES
#include "gpuos/Dialect/GPUOSOps.h.inc"

namespace gpuos {
/// NumPy broadcast of two static shapes; failure when incompatible.
mlir::FailureOr<llvm::SmallVector<int64_t>>
broadcastShapes(llvm::ArrayRef<int64_t> a, llvm::ArrayRef<int64_t> b);
} // namespace gpuos

#endif // GPUOS_DIALECT_GPUOSOPS_H
