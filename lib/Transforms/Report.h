//===- Report.h - statistics as remarks -------------------------*- C++ -*-===//
//
// Pass statistics print nothing when LLVM is built without them (release
// packages are). With `report=true` a pass also emits its figures as one
// remark on the graph, which tests and users can read in any build.
//
//===----------------------------------------------------------------------===//

#ifndef GPUOS_LIB_TRANSFORMS_REPORT_H
#define GPUOS_LIB_TRANSFORMS_REPORT_H

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Operation.h"

#include <utility>

namespace gpuos {
/// Emits "<pass>: name=value name=value ..." as a remark on `op`.
inline void reportFigures(
    mlir::Operation *op, llvm::StringRef pass,
    llvm::ArrayRef<std::pair<llvm::StringRef, int64_t>> figures) {
  mlir::InFlightDiagnostic remark = op->emitRemark() << pass << ":";
  for (auto [name, value] : figures)
    remark << " " << name << "=" << value;
}
} // namespace gpuos

#endif // GPUOS_LIB_TRANSFORMS_REPORT_H
