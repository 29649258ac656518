//===- GPUOSOps.cpp - gpuos op builders, parsers and verifiers ------------===//
//
// Every verifier names the offending operand and prints the shapes involved,
// so an exporter bug is found from the message alone.
//
//===----------------------------------------------------------------------===//

#include "gpuos/Dialect/GPUOSOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/FunctionImplementation.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallSet.h"
#include "llvm/Support/CheckedArithmetic.h"

using namespace mlir;
using namespace gpuos;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

static RankedTensorType tensorType(Value v) {
  return cast<RankedTensorType>(v.getType());
}

/// "4x8" for tensor<4x8xf32>; "scalar" for rank 0.
static std::string shapeString(ArrayRef<int64_t> shape) {
  if (shape.empty())
    return "[]";
  std::string s = "[";
  llvm::raw_string_ostream os(s);
  llvm::interleave(shape, os, ", ");
  os << "]";
  return s;
}
static std::string shapeString(Value v) {
  return shapeString(tensorType(v).getShape());
}

/// Number of elements of `shape`; nullopt when it does not fit in int64 (a
/// static dimension may be as large as INT64_MAX).
static std::optional<int64_t> elementCount(ArrayRef<int64_t> shape) {
  std::optional<int64_t> count = 1;
  for (int64_t dim : shape)
    if (!(count = llvm::checkedMul(*count, dim)))
      return std::nullopt;
  return count;
}

FailureOr<SmallVector<int64_t>>
gpuos::broadcastShapes(ArrayRef<int64_t> a, ArrayRef<int64_t> b) {
  size_t rank = std::max(a.size(), b.size());
  SmallVector<int64_t> out(rank);
  for (size_t i = 0; i < rank; ++i) {
    int64_t da = i < rank - a.size() ? 1 : a[i - (rank - a.size())];
    int64_t db = i < rank - b.size() ? 1 : b[i - (rank - b.size())];
    if (da != db && da != 1 && db != 1)
      return failure();
    out[i] = da == 1 ? db : da;
  }
  return out;
}

/// Operand names from ODS, for messages ("lhs", "true_value", ...).
static StringRef operandName(Operation *op, unsigned index) {
  StringRef names[] = {"lhs", "rhs"};
  if (isa<SelectOp>(op)) {
    StringRef selectNames[] = {"condition", "true_value", "false_value"};
    return selectNames[index];
  }
  return names[index];
}

LogicalResult gpuos::verifyBroadcastElementwise(Operation *op) {
  // A select's condition is i1 and need not match the value element type.
  unsigned firstValue = isa<SelectOp>(op) ? 1 : 0;
  Type elementType =
      tensorType(op->getOperand(firstValue)).getElementType();
  for (unsigned i = firstValue; i < op->getNumOperands(); ++i) {
    Type t = tensorType(op->getOperand(i)).getElementType();
    if (t != elementType)
      return op->emitOpError()
             << "operand '" << operandName(op, i) << "' has element type " << t
             << " but '" << operandName(op, firstValue) << "' has "
             << elementType;
  }
  SmallVector<int64_t> shape;
  for (unsigned i = 0; i < op->getNumOperands(); ++i) {
    auto next = broadcastShapes(shape, tensorType(op->getOperand(i)).getShape());
    if (failed(next))
      return op->emitOpError()
             << "operand '" << operandName(op, i) << "' of shape "
             << shapeString(op->getOperand(i))
             << " does not broadcast with shape " << shapeString(shape)
             << " of the operands before it";
    shape = std::move(*next);
  }
  auto resultType = cast<RankedTensorType>(op->getResult(0).getType());
  if (resultType.getShape() != ArrayRef<int64_t>(shape))
    return op->emitOpError() << "result shape "
                             << shapeString(resultType.getShape())
                             << " does not match the broadcast shape "
                             << shapeString(shape) << " of the operands";
  if (!isa<CmpOp>(op) && resultType.getElementType() != elementType)
    return op->emitOpError() << "result element type "
                             << resultType.getElementType()
                             << " differs from operand element type "
                             << elementType;
  return success();
}

/// Checks an axis attribute against a rank.
static LogicalResult checkAxis(Operation *op, StringRef what, int64_t axis,
                               int64_t rank) {
  if (axis < 0 || axis >= rank)
    return op->emitOpError() << what << " " << axis
                             << " is out of range for an input of rank "
                             << rank << " (expected 0 <= axis < " << rank
                             << ")";
  return success();
}

//===----------------------------------------------------------------------===//
// GraphOp
//===----------------------------------------------------------------------===//

void GraphOp::build(OpBuilder &builder, OperationState &state, StringRef name,
                    FunctionType type) {
  state.addAttribute(SymbolTable::getSymbolAttrName(),
                     builder.getStringAttr(name));
  state.addAttribute(getFunctionTypeAttrName(state.name), TypeAttr::get(type));
  Region *body = state.addRegion();
  Block *block = new Block();
  body->push_back(block);
  for (Type t : type.getInputs())
    block->addArgument(t, state.location);
}

ParseResult GraphOp::parse(OpAsmParser &parser, OperationState &result) {
  auto buildFuncType = [](Builder &builder, ArrayRef<Type> argTypes,
                          ArrayRef<Type> results,
                          function_interface_impl::VariadicFlag,
                          std::string &) {
    return builder.getFunctionType(argTypes, results);
  };
  return function_interface_impl::parseFunctionOp(
      parser, result, /*allowVariadic=*/false,
      getFunctionTypeAttrName(result.name), buildFuncType,
      getArgAttrsAttrName(result.name), getResAttrsAttrName(result.name));
}

void GraphOp::print(OpAsmPrinter &p) {
  function_interface_impl::printFunctionOp(
      p, *this, /*isVariadic=*/false, getFunctionTypeAttrName(),
      getArgAttrsAttrName(), getResAttrsAttrName());
}

LogicalResult GraphOp::verify() {
  if (isExternal())
    return emitOpError("must have a body");
  if (!getBody().hasOneBlock())
    return emitOpError() << "body must be a single block, got "
                         << getBody().getBlocks().size();
  auto checkTypes = [&](ArrayRef<Type> types, StringRef what) -> LogicalResult {
    for (auto [i, t] : llvm::enumerate(types)) {
      auto tensor = dyn_cast<RankedTensorType>(t);
      if (!tensor || !tensor.hasStaticShape())
        return emitOpError() << what << " #" << i
                             << " must be a statically shaped tensor, got "
                             << t;
    }
    return success();
  };
  if (failed(checkTypes(getArgumentTypes(), "argument")) ||
      failed(checkTypes(getResultTypes(), "result")))
    return failure();
  return success();
}

LogicalResult ReturnOp::verify() {
  auto graph = (*this)->getParentOfType<GraphOp>();
  ArrayRef<Type> expected = graph.getResultTypes();
  if (getNumOperands() != expected.size())
    return emitOpError() << "returns " << getNumOperands()
                         << " values but graph @" << graph.getSymName()
                         << " declares " << expected.size() << " results";
  for (auto [i, pair] : llvm::enumerate(llvm::zip(getOperands(), expected))) {
    auto [value, type] = pair;
    if (value.getType() != type)
      return emitOpError() << "operand #" << i << " has type "
                           << value.getType() << " but graph @"
                           << graph.getSymName() << " returns " << type;
  }
  return success();
}

//===----------------------------------------------------------------------===//
// TaskOp
//===----------------------------------------------------------------------===//

void TaskOp::build(OpBuilder &builder, OperationState &state,
                   TypeRange resultTypes, ValueRange inputs) {
  state.addOperands(inputs);
  state.addTypes(resultTypes);
  Region *body = state.addRegion();
  Block *block = new Block();
  body->push_back(block);
  for (Value v : inputs)
    block->addArgument(v.getType(), v.getLoc());
}

YieldOp TaskOp::getYield() {
  return cast<YieldOp>(getBodyBlock().getTerminator());
}

LogicalResult TaskOp::verify() {
  Block &block = getBodyBlock();
  if (block.getNumArguments() != getInputs().size())
    return emitOpError() << "body has " << block.getNumArguments()
                         << " arguments but the task has "
                         << getInputs().size() << " inputs";
  for (auto [i, pair] :
       llvm::enumerate(llvm::zip(block.getArguments(), getInputs()))) {
    auto [arg, input] = pair;
    if (arg.getType() != input.getType())
      return emitOpError() << "body argument #" << i << " has type "
                           << arg.getType() << " but input #" << i
                           << " has type " << input.getType();
  }
  YieldOp yield = getYield();
  if (yield.getNumOperands() != getNumResults())
    return emitOpError() << "yields " << yield.getNumOperands()
                         << " values but the task has " << getNumResults()
                         << " results";
  for (auto [i, pair] : llvm::enumerate(
           llvm::zip(yield.getOperandTypes(), getResultTypes()))) {
    auto [yielded, result] = pair;
    if (yielded != result)
      return emitOpError() << "yields " << yielded << " as value #" << i
                           << " but result #" << i << " has type " << result;
  }
  return success();
}

//===----------------------------------------------------------------------===//
// CastOp
//===----------------------------------------------------------------------===//

LogicalResult CastOp::verify() {
  if (tensorType(getInput()).getShape() != tensorType(getResult()).getShape())
    return emitOpError() << "input shape " << shapeString(getInput())
                         << " differs from result shape "
                         << shapeString(getResult());
  return success();
}

//===----------------------------------------------------------------------===//
// Reductions and row-wise composites
//===----------------------------------------------------------------------===//

LogicalResult ReduceOp::verify() {
  auto input = tensorType(getInput());
  int64_t rank = input.getRank();
  ArrayRef<int64_t> axes = getAxes();
  if (axes.empty())
    return emitOpError("axes must not be empty");
  for (auto [i, axis] : llvm::enumerate(axes)) {
    if (failed(checkAxis(*this, "axis", axis, rank)))
      return failure();
    if (i > 0 && axes[i - 1] >= axis)
      return emitOpError() << "axes " << shapeString(axes)
                           << " must be strictly increasing";
  }
  SmallVector<int64_t> expected;
  for (int64_t d = 0; d < rank; ++d) {
    if (!llvm::is_contained(axes, d))
      expected.push_back(input.getDimSize(d));
    else if (getKeepdim())
      expected.push_back(1);
  }
  auto result = tensorType(getResult());
  if (result.getShape() != ArrayRef<int64_t>(expected))
    return emitOpError() << "result shape " << shapeString(result.getShape())
                         << " does not match " << shapeString(expected)
                         << " (input " << shapeString(getInput())
                         << " reduced over axes " << shapeString(axes)
                         << (getKeepdim() ? " with keepdim" : "") << ")";
  if (result.getElementType() != input.getElementType())
    return emitOpError() << "result element type " << result.getElementType()
                         << " differs from input element type "
                         << input.getElementType();
  return success();
}

LogicalResult SoftmaxOp::verify() {
  return checkAxis(*this, "axis", getAxis(), tensorType(getInput()).getRank());
}

/// Shared by layer_norm and rms_norm: `dims` trailing dimensions, and the
/// affine parameters shaped like them.
static LogicalResult verifyNorm(Operation *op, Value input, int64_t dims,
                                double epsilon,
                                ArrayRef<std::pair<StringRef, Value>> params) {
  auto inputType = tensorType(input);
  if (dims < 1 || dims > inputType.getRank())
    return op->emitOpError()
           << "dims = " << dims << " must be in [1, " << inputType.getRank()
           << "] for an input of shape " << shapeString(input);
  if (!(epsilon >= 0.0))
    return op->emitOpError() << "eps = " << epsilon << " must be >= 0";
  ArrayRef<int64_t> normalized = inputType.getShape().take_back(dims);
  for (auto [name, value] : params) {
    if (!value)
      continue;
    auto type = tensorType(value);
    if (type.getShape() != normalized)
      return op->emitOpError()
             << "operand '" << name << "' of shape " << shapeString(value)
             << " must have the normalized shape " << shapeString(normalized)
             << " (the last " << dims << " dims of input "
             << shapeString(input) << ")";
    if (type.getElementType() != inputType.getElementType())
      return op->emitOpError()
             << "operand '" << name << "' has element type "
             << type.getElementType() << " but 'input' has "
             << inputType.getElementType();
  }
  return success();
}

LogicalResult LayerNormOp::verify() {
  return verifyNorm(*this, getInput(), getDims(),
                    getEpsilon().convertToDouble(),
                    {{"weight", getWeight()}, {"bias", getBias()}});
}

LogicalResult RmsNormOp::verify() {
  return verifyNorm(*this, getInput(), getDims(),
                    getEpsilon().convertToDouble(), {{"weight", getWeight()}});
}

//===----------------------------------------------------------------------===//
// MatmulOp
//===----------------------------------------------------------------------===//

int64_t MatmulOp::getContractionSize() {
  auto lhs = tensorType(getLhs());
  return lhs.getDimSize(lhs.getRank() - (getTransposeLhs() ? 2 : 1));
}

LogicalResult MatmulOp::verify() {
  auto lhs = tensorType(getLhs()), rhs = tensorType(getRhs());
  if (lhs.getRank() < 2)
    return emitOpError() << "operand 'lhs' of shape " << shapeString(getLhs())
                         << " must have rank >= 2";
  if (rhs.getRank() < 2)
    return emitOpError() << "operand 'rhs' of shape " << shapeString(getRhs())
                         << " must have rank >= 2";
  if (lhs.getElementType() != rhs.getElementType())
    return emitOpError() << "operand 'rhs' has element type "
                         << rhs.getElementType() << " but 'lhs' has "
                         << lhs.getElementType();
  int64_t m = lhs.getDimSize(lhs.getRank() - (getTransposeLhs() ? 1 : 2));
  int64_t kl = getContractionSize();
  int64_t kr = rhs.getDimSize(rhs.getRank() - (getTransposeRhs() ? 1 : 2));
  int64_t n = rhs.getDimSize(rhs.getRank() - (getTransposeRhs() ? 2 : 1));
  if (kl != kr)
    return emitOpError() << "contraction sizes differ: 'lhs' of shape "
                         << shapeString(getLhs())
                         << (getTransposeLhs() ? " (transposed)" : "")
                         << " has K = " << kl << ", 'rhs' of shape "
                         << shapeString(getRhs())
                         << (getTransposeRhs() ? " (transposed)" : "")
                         << " has K = " << kr;
  auto batch = broadcastShapes(lhs.getShape().drop_back(2),
                               rhs.getShape().drop_back(2));
  if (failed(batch))
    return emitOpError() << "batch dimensions of 'lhs' "
                         << shapeString(getLhs()) << " and 'rhs' "
                         << shapeString(getRhs()) << " do not broadcast";
  SmallVector<int64_t> expected = *batch;
  expected.push_back(m);
  expected.push_back(n);
  auto result = tensorType(getResult());
  if (result.getShape() != ArrayRef<int64_t>(expected))
    return emitOpError() << "result shape " << shapeString(result.getShape())
                         << " does not match " << shapeString(expected);
  if (result.getElementType() != lhs.getElementType())
    return emitOpError() << "result element type " << result.getElementType()
                         << " differs from operand element type "
                         << lhs.getElementType();
  return success();
}

//===----------------------------------------------------------------------===//
// Views
//===----------------------------------------------------------------------===//

static LogicalResult verifySameElementType(Operation *op, Value input,
                                           Value result) {
  Type in = tensorType(input).getElementType();
  Type out = tensorType(result).getElementType();
  if (in != out)
    return op->emitOpError() << "result element type " << out
                             << " differs from input element type " << in;
  return success();
}

LogicalResult ReshapeOp::verify() {
  if (failed(verifySameElementType(*this, getInput(), getResult())))
    return failure();
  std::optional<int64_t> in = elementCount(tensorType(getInput()).getShape());
  std::optional<int64_t> out =
      elementCount(tensorType(getResult()).getShape());
  if (!in || !out)
    return emitOpError() << (in ? "result" : "input") << " shape "
                         << shapeString(in ? getResult() : getInput())
                         << " has more elements than int64 can count";
  if (*in != *out)
    return emitOpError() << "input shape " << shapeString(getInput()) << " ("
                         << *in << " elements) cannot be reshaped to "
                         << shapeString(getResult()) << " (" << *out
                         << " elements)";
  return success();
}

LogicalResult PermuteOp::verify() {
  if (failed(verifySameElementType(*this, getInput(), getResult())))
    return failure();
  auto input = tensorType(getInput());
  ArrayRef<int64_t> perm = getPermutation();
  if (static_cast<int64_t>(perm.size()) != input.getRank())
    return emitOpError() << "permutation " << shapeString(perm) << " has "
                         << perm.size() << " entries but input of shape "
                         << shapeString(getInput()) << " has rank "
                         << input.getRank();
  llvm::SmallSet<int64_t, 8> seen;
  SmallVector<int64_t> expected;
  for (int64_t p : perm) {
    if (p < 0 || p >= input.getRank() || !seen.insert(p).second)
      return emitOpError() << "permutation " << shapeString(perm)
                           << " is not a permutation of [0, "
                           << input.getRank() << ")";
    expected.push_back(input.getDimSize(p));
  }
  if (tensorType(getResult()).getShape() != ArrayRef<int64_t>(expected))
    return emitOpError() << "result shape " << shapeString(getResult())
                         << " does not match " << shapeString(expected)
                         << " (input " << shapeString(getInput())
                         << " permuted by " << shapeString(perm) << ")";
  return success();
}

LogicalResult SliceOp::verify() {
  if (failed(verifySameElementType(*this, getInput(), getResult())))
    return failure();
  auto input = tensorType(getInput());
  int64_t rank = input.getRank();
  ArrayRef<int64_t> starts = getStarts(), limits = getLimits(),
                    strides = getStrides();
  if ((int64_t)starts.size() != rank || (int64_t)limits.size() != rank ||
      (int64_t)strides.size() != rank)
    return emitOpError() << "starts, limits and strides need " << rank
                         << " entries each for input of shape "
                         << shapeString(getInput()) << "; got "
                         << starts.size() << ", " << limits.size() << ", "
                         << strides.size();
  SmallVector<int64_t> expected;
  for (int64_t d = 0; d < rank; ++d) {
    int64_t size = input.getDimSize(d);
    if (strides[d] < 1)
      return emitOpError() << "stride " << strides[d] << " of dim " << d
                           << " must be >= 1";
    if (starts[d] < 0 || starts[d] > limits[d] || limits[d] > size)
      return emitOpError() << "dim " << d << ": need 0 <= start ("
                           << starts[d] << ") <= limit (" << limits[d]
                           << ") <= size (" << size << ") for input of shape "
                           << shapeString(getInput());
    // ceil((limit - start) / stride), written so a huge stride cannot overflow.
    int64_t extent = limits[d] - starts[d];
    expected.push_back(extent == 0 ? 0 : (extent - 1) / strides[d] + 1);
  }
  if (tensorType(getResult()).getShape() != ArrayRef<int64_t>(expected))
    return emitOpError() << "result shape " << shapeString(getResult())
                         << " does not match the sliced shape "
                         << shapeString(expected);
  return success();
}

LogicalResult BroadcastToOp::verify() {
  if (failed(verifySameElementType(*this, getInput(), getResult())))
    return failure();
  ArrayRef<int64_t> in = tensorType(getInput()).getShape();
  ArrayRef<int64_t> out = tensorType(getResult()).getShape();
  auto shape = broadcastShapes(in, out);
  if (in.size() > out.size() || failed(shape) ||
      ArrayRef<int64_t>(*shape) != out)
    return emitOpError() << "input of shape " << shapeString(in)
                         << " cannot be broadcast to " << shapeString(out);
  return success();
}

LogicalResult ConcatOp::verify() {
  if (getInputs().empty())
    return emitOpError("needs at least one input");
  auto first = tensorType(getInputs()[0]);
  int64_t rank = first.getRank();
  int64_t axis = getAxis();
  if (failed(checkAxis(*this, "axis", axis, rank)))
    return failure();
  SmallVector<int64_t> expected(first.getShape());
  expected[axis] = 0;
  for (auto [i, input] : llvm::enumerate(getInputs())) {
    auto type = tensorType(input);
    if (type.getElementType() != first.getElementType())
      return emitOpError() << "input #" << i << " has element type "
                           << type.getElementType() << " but input #0 has "
                           << first.getElementType();
    if (type.getRank() != rank)
      return emitOpError() << "input #" << i << " of shape "
                           << shapeString(input) << " has rank "
                           << type.getRank() << " but input #0 has rank "
                           << rank;
    for (int64_t d = 0; d < rank; ++d)
      if (d != axis && type.getDimSize(d) != first.getDimSize(d))
        return emitOpError() << "input #" << i << " of shape "
                             << shapeString(input)
                             << " differs from input #0 of shape "
                             << shapeString(getInputs()[0]) << " in dim " << d
                             << " (only the axis " << axis << " may differ)";
    std::optional<int64_t> size =
        llvm::checkedAdd(expected[axis], type.getDimSize(axis));
    if (!size)
      return emitOpError() << "concatenated size along axis " << axis
                           << " exceeds int64";
    expected[axis] = *size;
  }
  if (failed(verifySameElementType(*this, getInputs()[0], getResult())))
    return failure();
  if (tensorType(getResult()).getShape() != ArrayRef<int64_t>(expected))
    return emitOpError() << "result shape " << shapeString(getResult())
                         << " does not match the concatenated shape "
                         << shapeString(expected);
  return success();
}

//===----------------------------------------------------------------------===//
// Constants
//===----------------------------------------------------------------------===//

LogicalResult ConstantOp::inferReturnTypes(
    MLIRContext *, std::optional<Location>, ValueRange operands,
    DictionaryAttr attributes, OpaqueProperties properties, RegionRange regions,
    SmallVectorImpl<Type> &inferred) {
  ConstantOp::Adaptor adaptor(operands, attributes, properties, regions);
  auto value = adaptor.getValue();
  if (!value)
    return failure();
  inferred.push_back(value.getType());
  return success();
}

LogicalResult FillOp::verify() {
  // The folder builds a splat from the value: only numbers make one.
  if (!isa<IntegerAttr, FloatAttr>(getValue()))
    return emitOpError() << "fill value must be an integer or float, got "
                         << getValue();
  Type element = tensorType(getResult()).getElementType();
  Type valueType = getValue().getType();
  if (valueType != element)
    return emitOpError() << "fill value of type " << valueType
                         << " does not match the result element type "
                         << element;
  return success();
}

#define GET_OP_CLASSES
#include "gpuos/Dialect/GPUOSOps.cpp.inc"
