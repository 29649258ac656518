//===- GPUOSDialect.h - gpuos dialect declaration ---------------*- C++ -*-===//
#ifndef GPUOS_DIALECT_GPUOSDIALECT_H
#define GPUOS_DIALECT_GPUOSDIALECT_H

#include "mlir/IR/Dialect.h"

#include "gpuos/Dialect/GPUOSOpsDialect.h.inc"

#endif // GPUOS_DIALECT_GPUOSDIALECT_H
