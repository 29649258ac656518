//===- GPUOSFolds.cpp - folders for algebraic and view identities ---------===//
//
// Only identities that hold bit for bit: x + 0, x - 0, x * 1, x / 1,
// -(-x), and views that do nothing or compose (reshape of reshape, permute of
// permute). The one exception, as in frameworks' graph optimizers: x + 0.0
// folds to x although -0.0 + 0.0 is +0.0. Each fold keeps the result type, so broadcasting folds apply only
// when the kept operand already has the result's shape.
//
//===----------------------------------------------------------------------===//

#include "gpuos/Dialect/GPUOSOps.h"

#include "mlir/IR/Matchers.h"

using namespace mlir;
using namespace gpuos;

/// True when `attr` is a splat constant equal to `expected`.
static bool isSplatOf(Attribute attr, double expected) {
  auto elements = dyn_cast_if_present<DenseElementsAttr>(attr);
  if (!elements || !elements.isSplat())
    return false;
  Type element = elements.getElementType();
  if (isa<FloatType>(element))
    return elements.getSplatValue<APFloat>().convertToDouble() == expected;
  if (element.isInteger(1))
    return false;
  if (isa<IntegerType>(element))
    return elements.getSplatValue<APInt>().getSExtValue() ==
           static_cast<int64_t>(expected);
  return false;
}

/// `kept` replaces `result` only when the types agree (no broadcast lost).
static OpFoldResult keepIfSameType(Value kept, Value result) {
  return kept.getType() == result.getType() ? OpFoldResult(kept)
                                            : OpFoldResult();
}

OpFoldResult AddOp::fold(FoldAdaptor adaptor) {
  if (isSplatOf(adaptor.getRhs(), 0.0))
    return keepIfSameType(getLhs(), getResult());
  if (isSplatOf(adaptor.getLhs(), 0.0))
    return keepIfSameType(getRhs(), getResult());
  return {};
}

OpFoldResult SubOp::fold(FoldAdaptor adaptor) {
  if (isSplatOf(adaptor.getRhs(), 0.0))
    return keepIfSameType(getLhs(), getResult());
  return {};
}

OpFoldResult MulOp::fold(FoldAdaptor adaptor) {
  if (isSplatOf(adaptor.getRhs(), 1.0))
    return keepIfSameType(getLhs(), getResult());
  if (isSplatOf(adaptor.getLhs(), 1.0))
    return keepIfSameType(getRhs(), getResult());
  return {};
}

OpFoldResult DivOp::fold(FoldAdaptor adaptor) {
  if (isSplatOf(adaptor.getRhs(), 1.0))
    return keepIfSameType(getLhs(), getResult());
  return {};
}

OpFoldResult NegOp::fold(FoldAdaptor) {
  if (auto inner = getInput().getDefiningOp<NegOp>())
    return inner.getInput();
  return {};
}

OpFoldResult CastOp::fold(FoldAdaptor) {
  return keepIfSameType(getInput(), getResult());
}

OpFoldResult ReshapeOp::fold(FoldAdaptor) {
  if (getInput().getType() == getType())
    return getInput();
  // reshape(reshape(x)) reads the same row-major elements as reshape(x).
  if (auto inner = getInput().getDefiningOp<ReshapeOp>()) {
    getInputMutable().assign(inner.getInput());
    return getResult();
  }
  return {};
}

OpFoldResult PermuteOp::fold(FoldAdaptor) {
  ArrayRef<int64_t> perm = getPermutation();
  bool identity = llvm::all_of(llvm::enumerate(perm), [](auto it) {
    return static_cast<int64_t>(it.index()) == it.value();
  });
  if (identity)
    return getInput();
  // permute(permute(x, inner), outer): result dim i is x dim inner[outer[i]].
  if (auto inner = getInput().getDefiningOp<PermuteOp>()) {
    ArrayRef<int64_t> innerPerm = inner.getPermutation();
    SmallVector<int64_t> composed;
    for (int64_t p : perm)
      composed.push_back(innerPerm[p]);
    getInputMutable().assign(inner.getInput());
    setPermutation(composed);
    bool nowIdentity = llvm::all_of(llvm::enumerate(composed), [](auto it) {
      return static_cast<int64_t>(it.index()) == it.value();
    });
    if (nowIdentity)
      return getInput();
    return getResult();
  }
  return {};
}

OpFoldResult SliceOp::fold(FoldAdaptor) {
  if (getInput().getType() != getType())
    return {};
  bool unitStrides = llvm::all_of(getStrides(), [](int64_t s) { return s == 1; });
  return unitStrides ? OpFoldResult(getInput()) : OpFoldResult();
}

OpFoldResult BroadcastToOp::fold(FoldAdaptor) {
  return keepIfSameType(getInput(), getResult());
}

OpFoldResult ConcatOp::fold(FoldAdaptor) {
  if (getInputs().size() == 1)
    return keepIfSameType(getInputs()[0], getResult());
  return {};
}

OpFoldResult ConstantOp::fold(FoldAdaptor) { return getValue(); }

OpFoldResult FillOp::fold(FoldAdaptor) {
  return DenseElementsAttr::get(cast<ShapedType>(getType()), getValue());
}
