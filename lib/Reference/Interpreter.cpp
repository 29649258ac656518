//===- Interpreter.cpp - the reference executor of gpuos graphs -----------===//
//
// Walks a graph block in order, keeping one host tensor per SSA value, and
// maps every op onto a kernel of Kernels.h. gpuos.task bodies run the same
// way with their block arguments bound to the task inputs.
//
//===----------------------------------------------------------------------===//

#include "gpuos/Reference/Interpreter.h"
#include "gpuos/Dialect/GPUOSDialect.h"
#include "gpuos/Reference/Element.h"
#include "gpuos/Reference/Kernels.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace gpuos;
using namespace gpuos::ref;

std::optional<DType> gpuos::ref::dtypeOf(Type elementType) {
  if (elementType.isF32())
    return DType::F32;
  if (elementType.isF16())
    return DType::F16;
  if (elementType.isBF16())
    return DType::BF16;
  if (elementType.isSignlessInteger(1))
    return DType::I1;
  if (elementType.isSignlessInteger(32))
    return DType::I32;
  if (elementType.isSignlessInteger(64))
    return DType::I64;
  return std::nullopt;
}

static std::vector<int64_t> shapeOf(Value value) {
  auto shape = cast<ShapedType>(value.getType()).getShape();
  return {shape.begin(), shape.end()};
}

/// A scalar attribute (FloatAttr, IntegerAttr) as the double a Tensor holds.
static std::optional<double> scalarValue(Attribute attr, DType t) {
  if (auto f = dyn_cast<FloatAttr>(attr))
    return f.getValueAsDouble();
  if (auto i = dyn_cast<IntegerAttr>(attr)) {
    if (t == DType::I1)
      return i.getValue().isZero() ? 0.0 : 1.0;
    return fromInt64(i.getValue().getSExtValue(), t);
  }
  return std::nullopt;
}

static FailureOr<Tensor> constantTensor(ConstantOp op, DType t) {
  auto dense = dyn_cast<DenseElementsAttr>(op.getValue());
  if (!dense)
    return op.emitOpError("reference executor supports only dense constants, "
                          "got ")
           << op.getValue();
  Tensor out{t, shapeOf(op.getResult()), {}};
  out.values.reserve(out.numElements());
  if (isFloatDType(t)) {
    for (const APFloat &v : dense.getValues<APFloat>())
      out.values.push_back(v.convertToDouble());
  } else {
    for (const APInt &v : dense.getValues<APInt>())
      out.values.push_back(t == DType::I1 ? (v.isZero() ? 0.0 : 1.0)
                                          : fromInt64(v.getSExtValue(), t));
  }
  return out;
}

static Comparison comparisonOf(CmpPredicate p) {
  switch (p) {
  case CmpPredicate::eq:
    return Comparison::Eq;
  case CmpPredicate::ne:
    return Comparison::Ne;
  case CmpPredicate::lt:
    return Comparison::Lt;
  case CmpPredicate::le:
    return Comparison::Le;
  case CmpPredicate::gt:
    return Comparison::Gt;
  case CmpPredicate::ge:
    return Comparison::Ge;
  }
  return Comparison::Eq;
}

static Reduction reductionOf(ReduceKind k) {
  switch (k) {
  case ReduceKind::sum:
    return Reduction::Sum;
  case ReduceKind::mean:
    return Reduction::Mean;
  case ReduceKind::max:
    return Reduction::Max;
  case ReduceKind::min:
    return Reduction::Min;
  case ReduceKind::prod:
    return Reduction::Prod;
  }
  return Reduction::Sum;
}

static std::vector<int64_t> toVector(ArrayRef<int64_t> a) {
  return {a.begin(), a.end()};
}

namespace {
/// Values of one block (graph or task body): block arguments and op results.
class BlockInterpreter {
public:
  /// Runs `block` with its arguments bound to `args`; returns the operands of
  /// its terminator.
  FailureOr<std::vector<Tensor>> run(Block &block, ArrayRef<Tensor> args) {
    // Each tensor is dropped after its last use, so memory follows the live
    // values rather than the whole graph.
    llvm::DenseMap<Value, Operation *> lastUser;
    for (Operation &op : block)
      for (Value v : op.getOperands())
        lastUser[v] = &op;
    for (auto [arg, tensor] : llvm::zip(block.getArguments(), args))
      values[arg] = tensor;
    for (Operation &op : block) {
      if (op.hasTrait<mlir::OpTrait::IsTerminator>())
        return operandTensors(&op);
      if (failed(execute(&op)))
        return failure();
      for (Value v : op.getOperands())
        if (lastUser.lookup(v) == &op)
          values.erase(v);
      for (Value v : op.getResults())
        if (v.use_empty())
          values.erase(v);
    }
    return block.getParentOp()->emitOpError("body has no terminator");
  }

private:
  const Tensor &get(Value v) { return values.find(v)->second; }
  const Tensor *getOptional(Value v) { return v ? &get(v) : nullptr; }

  std::vector<Tensor> operandTensors(Operation *op) {
    std::vector<Tensor> result;
    for (Value v : op->getOperands())
      result.push_back(get(v));
    return result;
  }

  LogicalResult execute(Operation *op) {
    if (!isa_and_nonnull<GPUOSDialect>(op->getDialect()))
      return unsupported(op);
    for (Type type : op->getResultTypes())
      if (failed(checkSize(op, type)))
        return failure();
    if (auto task = dyn_cast<TaskOp>(op)) {
      auto results =
          BlockInterpreter().run(task.getBodyBlock(), operandTensors(op));
      if (failed(results))
        return failure();
      for (auto [value, tensor] : llvm::zip(task.getResults(), *results))
        values[value] = std::move(tensor);
      return success();
    }
    if (op->getNumResults() != 1 || op->getNumRegions() != 0)
      return unsupported(op);
    FailureOr<Tensor> result = evaluate(op);
    if (failed(result))
      return failure();
    if (failed(checkResultType(op, *result)))
      return failure();
    values[op->getResult(0)] = std::move(*result);
    return success();
  }

  /// Refuses results too large to hold, before allocating them.
  static LogicalResult checkSize(Operation *op, Type type) {
    auto shaped = dyn_cast<RankedTensorType>(type);
    if (!shaped || !shaped.hasStaticShape())
      return op->emitOpError() << "reference executor cannot hold a value of "
                               << "type " << type;
    if (!boundedNumElements(toVector(shaped.getShape())))
      return op->emitOpError() << "result " << type << " has more than 2^28 "
                               << "elements, more than the reference "
                               << "executor holds";
    return success();
  }

  static LogicalResult unsupported(Operation *op) {
    return op->emitError() << "reference executor does not support '"
                           << op->getName() << "'";
  }

  /// Guards against kernels and the dialect disagreeing on a result type.
  static LogicalResult checkResultType(Operation *op, const Tensor &t) {
    Value result = op->getResult(0);
    auto type = cast<ShapedType>(result.getType());
    if (dtypeOf(type.getElementType()) == t.dtype &&
        shapeOf(result) == t.shape &&
        t.values.size() == static_cast<size_t>(t.numElements()))
      return success();
    return op->emitOpError() << "reference executor computed "
                             << tensorTypeString(t.dtype, t.shape)
                             << " but the op declares " << result.getType();
  }

  template <typename OpTy> Tensor binaryOp(OpTy op, BinaryFn fn) {
    return binary(fn, get(op.getLhs()), get(op.getRhs()));
  }
  template <typename OpTy> Tensor unaryOp(OpTy op, UnaryFn fn) {
    return unary(fn, get(op.getInput()));
  }

  FailureOr<Tensor> evaluate(Operation *op) {
    std::optional<DType> resultType =
        dtypeOf(getElementTypeOrSelf(op->getResult(0).getType()));
    if (!resultType)
      return op->emitOpError() << "reference executor cannot hold a value of "
                               << "type " << op->getResult(0).getType();
    return llvm::TypeSwitch<Operation *, FailureOr<Tensor>>(op)
        .Case([&](AddOp o) { return binaryOp(o, BinaryFn::Add); })
        .Case([&](SubOp o) { return binaryOp(o, BinaryFn::Sub); })
        .Case([&](MulOp o) { return binaryOp(o, BinaryFn::Mul); })
        .Case([&](DivOp o) { return binaryOp(o, BinaryFn::Div); })
        .Case([&](MaxOp o) { return binaryOp(o, BinaryFn::Max); })
        .Case([&](MinOp o) { return binaryOp(o, BinaryFn::Min); })
        .Case([&](PowOp o) { return binaryOp(o, BinaryFn::Pow); })
        .Case([&](NegOp o) { return unaryOp(o, UnaryFn::Neg); })
        .Case([&](AbsOp o) { return unaryOp(o, UnaryFn::Abs); })
        .Case([&](ExpOp o) { return unaryOp(o, UnaryFn::Exp); })
        .Case([&](LogOp o) { return unaryOp(o, UnaryFn::Log); })
        .Case([&](SqrtOp o) { return unaryOp(o, UnaryFn::Sqrt); })
        .Case([&](RsqrtOp o) { return unaryOp(o, UnaryFn::Rsqrt); })
        .Case([&](TanhOp o) { return unaryOp(o, UnaryFn::Tanh); })
        .Case([&](SigmoidOp o) { return unaryOp(o, UnaryFn::Sigmoid); })
        .Case([&](ReluOp o) { return unaryOp(o, UnaryFn::Relu); })
        .Case([&](SiluOp o) { return unaryOp(o, UnaryFn::Silu); })
        .Case([&](SinOp o) { return unaryOp(o, UnaryFn::Sin); })
        .Case([&](CosOp o) { return unaryOp(o, UnaryFn::Cos); })
        .Case([&](GeluOp o) {
          return unaryOp(o, o.getApproximation() == GeluApproximation::erf
                                ? UnaryFn::GeluErf
                                : UnaryFn::GeluTanh);
        })
        .Case([&](CmpOp o) {
          return compare(comparisonOf(o.getPredicate()), get(o.getLhs()),
                         get(o.getRhs()));
        })
        .Case([&](SelectOp o) {
          return select(get(o.getCondition()), get(o.getTrueValue()),
                        get(o.getFalseValue()));
        })
        .Case([&](CastOp o) { return cast(get(o.getInput()), *resultType); })
        .Case([&](ReduceOp o) {
          return reduce(reductionOf(o.getKind()), get(o.getInput()),
                        toVector(o.getAxes()), o.getKeepdim());
        })
        .Case([&](SoftmaxOp o) {
          return softmax(get(o.getInput()), o.getAxis());
        })
        .Case([&](LayerNormOp o) {
          return layerNorm(get(o.getInput()), getOptional(o.getWeight()),
                           getOptional(o.getBias()), o.getDims(),
                           o.getEpsilon().convertToDouble());
        })
        .Case([&](RmsNormOp o) {
          return rmsNorm(get(o.getInput()), getOptional(o.getWeight()),
                         o.getDims(), o.getEpsilon().convertToDouble());
        })
        .Case([&](MatmulOp o) {
          return matmul(get(o.getLhs()), get(o.getRhs()), o.getTransposeLhs(),
                        o.getTransposeRhs());
        })
        .Case([&](ReshapeOp o) {
          return reshape(get(o.getInput()), shapeOf(o.getResult()));
        })
        .Case([&](PermuteOp o) {
          return permute(get(o.getInput()), toVector(o.getPermutation()));
        })
        .Case([&](SliceOp o) {
          return slice(get(o.getInput()), toVector(o.getStarts()),
                       toVector(o.getLimits()), toVector(o.getStrides()));
        })
        .Case([&](BroadcastToOp o) {
          return broadcastTo(get(o.getInput()), shapeOf(o.getResult()));
        })
        .Case([&](ConcatOp o) {
          std::vector<const Tensor *> inputs;
          for (Value v : o.getInputs())
            inputs.push_back(&get(v));
          return concat(inputs, o.getAxis());
        })
        .Case([&](ConstantOp o) { return constantTensor(o, *resultType); })
        .Case([&](FillOp o) -> FailureOr<Tensor> {
          std::optional<double> value = scalarValue(o.getValue(), *resultType);
          if (!value)
            return o.emitOpError("reference executor cannot read fill value ")
                   << o.getValue();
          return fill(*resultType, shapeOf(o.getResult()), *value);
        })
        .Default(
            [&](Operation *) -> FailureOr<Tensor> { return unsupported(op); });
  }

  llvm::DenseMap<Value, Tensor> values;
};
} // namespace

/// Checks one input against the graph argument it binds to.
static LogicalResult checkInput(GraphOp graph, unsigned index,
                                const Tensor &input) {
  auto type = cast<RankedTensorType>(graph.getArgumentTypes()[index]);
  std::optional<DType> dtype = dtypeOf(type.getElementType());
  std::vector<int64_t> shape = toVector(type.getShape());
  if (!dtype)
    return graph.emitOpError() << "argument #" << index << " has type " << type
                               << ", which the reference executor cannot hold";
  if (input.dtype != *dtype || input.shape != shape)
    return graph.emitOpError()
           << "input #" << index << " is "
           << tensorTypeString(input.dtype, input.shape) << " but argument #"
           << index << " expects " << type;
  if (input.values.size() != static_cast<size_t>(input.numElements()))
    return graph.emitOpError()
           << "input #" << index << " has " << input.values.size()
           << " values but its shape " << shapeToString(input.shape)
           << " holds " << input.numElements();
  return success();
}

FailureOr<std::vector<Tensor>> gpuos::ref::interpret(GraphOp graph,
                                                     ArrayRef<Tensor> inputs) {
  if (failed(mlir::verify(graph)))
    return failure();
  unsigned expected = graph.getNumArguments();
  if (inputs.size() != expected)
    return graph.emitOpError() << "takes " << expected << " inputs but "
                               << inputs.size() << " were given";
  for (auto [i, input] : llvm::enumerate(inputs))
    if (failed(checkInput(graph, i, input)))
      return failure();
  return BlockInterpreter().run(graph.getBody().front(), inputs);
}
