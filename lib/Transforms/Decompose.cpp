//===- Decompose.cpp - composite ops into primitive micro-ops -------------===//
//
// Fusion works on primitives: once softmax is max, sub, exp, sum and div, the
// fuser can put it in one task with the ops around it, which a monolithic
// softmax would block. The expansions follow the definitions in GPUOSOps.td
// step by step, so the reference executor gives the same values up to
// rounding of the intermediates. Composites on f16 and bf16 are expanded in
// f32 between casts, as GPU kernels accumulate: with every primitive rounding
// to 8 significant bits a bf16 layer_norm would lose most of its precision.
//
//===----------------------------------------------------------------------===//

#include "gpuos/Transforms/Passes.h"

#include "mlir/IR/Builders.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/TypeSwitch.h"

#include <cmath>

namespace gpuos {
#define GEN_PASS_DEF_GPUOSDECOMPOSE
#include "gpuos/Transforms/Passes.h.inc"
} // namespace gpuos

using namespace mlir;
using namespace gpuos;

namespace {

/// Builds primitive ops before one composite op, counting what it creates.
class Expander {
public:
  Expander(Operation *op, bool promoteHalf, int64_t &created)
      : builder(op), loc(op->getLoc()), promoteHalf(promoteHalf),
        created(created) {}

  /// An operand of the composite, in f32 when half types are promoted.
  Value in(Value v) {
    if (!v)
      return v;
    auto type = cast<RankedTensorType>(v.getType());
    if (!promoteHalf || !(type.getElementType().isF16() ||
                          type.getElementType().isBF16()))
      return v;
    return count(CastOp::create(builder, loc,
                                type.clone(builder.getF32Type()), v));
  }

  /// The expansion's result in the composite's result type.
  Value out(Value v, Type resultType) {
    if (v.getType() == resultType)
      return v;
    return count(CastOp::create(builder, loc, resultType, v));
  }

  /// A rank-0 tensor holding `value`; broadcasts against any shape.
  Value scalar(Type elementType, double value) {
    auto type = RankedTensorType::get({}, elementType);
    TypedAttr attr;
    if (isa<FloatType>(elementType))
      attr = FloatAttr::get(elementType, value);
    else
      attr = IntegerAttr::get(elementType, static_cast<int64_t>(value));
    return count(FillOp::create(builder, loc, type, attr));
  }

  template <typename OpTy> Value binary(Value lhs, Value rhs) {
    auto l = cast<RankedTensorType>(lhs.getType());
    auto r = cast<RankedTensorType>(rhs.getType());
    auto shape = broadcastShapes(l.getShape(), r.getShape());
    assert(succeeded(shape) && "expansion operands broadcast");
    auto type = RankedTensorType::get(*shape, l.getElementType());
    return count(OpTy::create(builder, loc, type, lhs, rhs));
  }

  template <typename OpTy> Value unary(Value input) {
    return count(OpTy::create(builder, loc, input.getType(), input));
  }

  /// Reduction over `axes`, keeping them as size-1 dims when `keepdim`.
  Value reduce(ReduceKind kind, Value input, ArrayRef<int64_t> axes,
               bool keepdim) {
    auto type = cast<RankedTensorType>(input.getType());
    SmallVector<int64_t> shape;
    for (int64_t d = 0; d < type.getRank(); ++d) {
      if (!llvm::is_contained(axes, d))
        shape.push_back(type.getDimSize(d));
      else if (keepdim)
        shape.push_back(1);
    }
    auto resultType = RankedTensorType::get(shape, type.getElementType());
    return count(ReduceOp::create(builder, loc, resultType, kind, input, axes,
                                  keepdim));
  }

  /// sum(x over axes) / count, the expansion of `mean`.
  Value mean(Value input, ArrayRef<int64_t> axes, bool keepdim) {
    auto type = cast<RankedTensorType>(input.getType());
    int64_t count = 1;
    for (int64_t axis : axes)
      count *= type.getDimSize(axis);
    Value sum = reduce(ReduceKind::sum, input, axes, keepdim);
    return binary<DivOp>(sum, scalar(type.getElementType(), count));
  }

private:
  Value count(Operation *op) {
    ++created;
    return op->getResult(0);
  }

  OpBuilder builder;
  Location loc;
  bool promoteHalf;
  int64_t &created;
};

SmallVector<int64_t> trailingAxes(Value input, int64_t dims) {
  int64_t rank = cast<RankedTensorType>(input.getType()).getRank();
  return llvm::to_vector(llvm::seq<int64_t>(rank - dims, rank));
}

Type elementTypeOf(Value v) {
  return cast<RankedTensorType>(v.getType()).getElementType();
}

Value expandSoftmax(SoftmaxOp op, Expander &e) {
  int64_t axis = op.getAxis();
  Value x = e.in(op.getInput());
  Value max = e.reduce(ReduceKind::max, x, {axis}, /*keepdim=*/true);
  Value shifted = e.binary<SubOp>(x, max);
  Value exp = e.unary<ExpOp>(shifted);
  Value sum = e.reduce(ReduceKind::sum, exp, {axis}, /*keepdim=*/true);
  return e.binary<DivOp>(exp, sum);
}

/// x * rsqrt(meanSquare + eps), times `weight` when present.
Value normalize(Expander &e, Value x, Value meanSquare, double epsilon,
                Value weight) {
  Value eps = e.scalar(elementTypeOf(x), epsilon);
  Value scale = e.unary<RsqrtOp>(e.binary<AddOp>(meanSquare, eps));
  Value y = e.binary<MulOp>(x, scale);
  return weight ? e.binary<MulOp>(y, weight) : y;
}

Value expandLayerNorm(LayerNormOp op, Expander &e) {
  SmallVector<int64_t> axes = trailingAxes(op.getInput(), op.getDims());
  Value x = e.in(op.getInput());
  Value centered = e.binary<SubOp>(x, e.mean(x, axes, /*keepdim=*/true));
  Value variance = e.mean(e.binary<MulOp>(centered, centered), axes, true);
  Value y = normalize(e, centered, variance, op.getEpsilon().convertToDouble(),
                      e.in(op.getWeight()));
  return op.getBias() ? e.binary<AddOp>(y, e.in(op.getBias())) : y;
}

Value expandRmsNorm(RmsNormOp op, Expander &e) {
  SmallVector<int64_t> axes = trailingAxes(op.getInput(), op.getDims());
  Value x = e.in(op.getInput());
  Value meanSquare = e.mean(e.binary<MulOp>(x, x), axes, /*keepdim=*/true);
  return normalize(e, x, meanSquare, op.getEpsilon().convertToDouble(),
                   e.in(op.getWeight()));
}

/// x * 0.5 * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 x^3))).
Value expandGeluTanh(GeluOp op, Expander &e) {
  Value x = e.in(op.getInput());
  Type t = elementTypeOf(x);
  Value cube = e.binary<MulOp>(e.binary<MulOp>(x, x), x);
  Value inner = e.binary<AddOp>(x, e.binary<MulOp>(cube, e.scalar(t, 0.044715)));
  Value scaled = e.binary<MulOp>(inner, e.scalar(t, std::sqrt(2.0 / M_PI)));
  Value onePlus = e.binary<AddOp>(e.unary<TanhOp>(scaled), e.scalar(t, 1.0));
  return e.binary<MulOp>(e.binary<MulOp>(x, e.scalar(t, 0.5)), onePlus);
}

constexpr StringLiteral kCompositeNames[] = {"softmax", "layer_norm",
                                             "rms_norm", "gelu", "mean"};

struct DecomposePass
    : public gpuos::impl::GPUOSDecomposeBase<DecomposePass> {
  using GPUOSDecomposeBase::GPUOSDecomposeBase;

  void runOnOperation() override {
    GraphOp graph = getOperation();
    llvm::StringSet<> kept;
    for (const std::string &name : keep) {
      if (!llvm::is_contained(kCompositeNames, name)) {
        graph.emitError() << "gpuos-decompose: unknown composite '" << name
                          << "' in keep (expected softmax, layer_norm, "
                             "rms_norm, gelu or mean)";
        return signalPassFailure();
      }
      kept.insert(name);
    }

    SmallVector<Operation *> composites;
    graph.walk([&](Operation *op) {
      if (isa<SoftmaxOp>(op) && !kept.contains("softmax"))
        composites.push_back(op);
      else if (isa<LayerNormOp>(op) && !kept.contains("layer_norm"))
        composites.push_back(op);
      else if (isa<RmsNormOp>(op) && !kept.contains("rms_norm"))
        composites.push_back(op);
      else if (auto gelu = dyn_cast<GeluOp>(op);
               gelu && gelu.getApproximation() == GeluApproximation::tanh &&
               !kept.contains("gelu"))
        composites.push_back(op);
      else if (auto reduce = dyn_cast<ReduceOp>(op);
               reduce && reduce.getKind() == ReduceKind::mean &&
               !kept.contains("mean"))
        composites.push_back(op);
    });

    int64_t created = 0;
    for (Operation *op : composites) {
      Expander e(op, halfInF32, created);
      Value replacement =
          llvm::TypeSwitch<Operation *, Value>(op)
              .Case([&](SoftmaxOp o) { return expandSoftmax(o, e); })
              .Case([&](LayerNormOp o) { return expandLayerNorm(o, e); })
              .Case([&](RmsNormOp o) { return expandRmsNorm(o, e); })
              .Case([&](GeluOp o) { return expandGeluTanh(o, e); })
              .Case([&](ReduceOp o) {
                return e.mean(e.in(o.getInput()), o.getAxes(), o.getKeepdim());
              });
      replacement = e.out(replacement, op->getResult(0).getType());
      op->getResult(0).replaceAllUsesWith(replacement);
      op->erase();
    }
    numDecomposed += composites.size();
    numCreated += created;
  }
};

} // namespace
