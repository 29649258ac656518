//===- GPUOSTraits.h - traits shared by gpuos elementwise ops ---*- C++ -*-===//
#ifndef GPUOS_DIALECT_GPUOSTRAITS_H
#define GPUOS_DIALECT_GPUOSTRAITS_H

#include "mlir/IR/OpDefinition.h"

namespace gpuos {
/// Verifies broadcasting operands against the result; see GPUOSOps.td.
mlir::LogicalResult verifyBroadcastElementwise(mlir::Operation *op);

namespace OpTrait {
template <typename ConcreteType>
class BroadcastElementwise
    : public mlir::OpTrait::TraitBase<ConcreteType, BroadcastElementwise> {
public:
  static mlir::LogicalResult verifyTrait(mlir::Operation *op) {
    return verifyBroadcastElementwise(op);
  }
};

template <typename ConcreteType>
class UnaryElementwise
    : public mlir::OpTrait::TraitBase<ConcreteType, UnaryElementwise> {};
} // namespace OpTrait

/// True for ops computed element by element (with broadcasting): the ops a
/// fusion pass may chain freely.
inline bool isElementwise(mlir::Operation *op) {
  return op->hasTrait<OpTrait::BroadcastElementwise>() ||
         op->hasTrait<OpTrait::UnaryElementwise>();
}
} // namespace gpuos

#endif // GPUOS_DIALECT_GPUOSTRAITS_H
