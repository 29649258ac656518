//===- CudaEmitter.cpp - prints one planned task as a CUDA operator -------===//
//
// A plain printer in the style of MLIR's C++ emitter: it follows a TaskPlan
// (CudaTaskPlan.cpp), names every computed value once per scope, and prints
// each op kind with its own method. A value is printed at an index: a list
// of C expressions, one per dimension of the value, so views and
// broadcasting become index maps and elementwise chains fuse into the loop
// that needs them.
//
//===----------------------------------------------------------------------===//

#include "gpuos/CodeGen/CudaEmitter.h"
#include "CudaPrelude.h"
#include "CudaTaskPlan.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/Support/IndentedOstream.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MathExtras.h"

#include <algorithm>
#include <cmath>

using namespace mlir;
using namespace gpuos;
using namespace gpuos::cuda;

//===----------------------------------------------------------------------===//
// Element types and literals
//===----------------------------------------------------------------------===//

static ArrayRef<int64_t> shapeOf(Value v) {
  return cast<RankedTensorType>(v.getType()).getShape();
}
static Type elementTypeOf(Value v) {
  return cast<RankedTensorType>(v.getType()).getElementType();
}

/// The C type values are computed in: f16 and bf16 compute in float.
static StringRef computeType(Type t) {
  if (t.isInteger(1))
    return "bool";
  if (t.isInteger(32))
    return "gpuos_i32";
  if (t.isInteger(64))
    return "gpuos_i64";
  return "float";
}

/// The C type of one element in memory.
static StringRef storageType(Type t) {
  if (t.isInteger(1))
    return "gpuos_u8";
  if (t.isF16() || t.isBF16())
    return "gpuos_u16";
  return computeType(t);
}

static bool isFloat(Type t) { return isa<FloatType>(t); }

/// `f16(expr)` or `bf16(expr)` for those types, else `expr` unchanged.
static std::string applyForHalf(Type t, StringRef f16, StringRef bf16,
                                StringRef expr) {
  if (t.isF16())
    return (f16 + "(" + expr + ")").str();
  if (t.isBF16())
    return (bf16 + "(" + expr + ")").str();
  return expr.str();
}

/// `expr` (compute type) rounded to the precision of `t`.
static std::string roundTo(Type t, StringRef expr) {
  return applyForHalf(t, "gpuos_round_f16", "gpuos_round_bf16", expr);
}

/// A stored element read back into the compute type.
static std::string fromStorage(Type t, StringRef expr) {
  if (t.isInteger(1))
    return ("(" + expr + " != 0)").str();
  return applyForHalf(t, "gpuos_f16_to_f32", "gpuos_bf16_to_f32", expr);
}

/// A computed value converted for storing.
static std::string toStorage(Type t, StringRef expr) {
  if (t.isInteger(1))
    return ("(gpuos_u8)(" + expr + ")").str();
  return applyForHalf(t, "gpuos_f32_to_f16", "gpuos_f32_to_bf16", expr);
}

/// A float literal that reads back as the same f32 value.
static std::string floatLiteral(double v) {
  if (std::isnan(v))
    return "__int_as_float(0x7fc00000)";
  if (std::isinf(v))
    return v > 0 ? "__int_as_float(0x7f800000)" : "__int_as_float(0xff800000)";
  std::string s = llvm::formatv("{0}", llvm::format("%.9g", v)).str();
  if (s.find_first_of(".en") == std::string::npos)
    s += ".0";
  s += "f";
  return v < 0 ? "(" + s + ")" : s;
}

static std::string intLiteral(int64_t v, Type t) {
  if (t.isInteger(1))
    return v ? "true" : "false";
  if (t.isInteger(64)) {
    if (v == INT64_MIN)
      return "(-9223372036854775807LL - 1)";
    std::string s = std::to_string(v) + "LL";
    return v < 0 ? "(" + s + ")" : s;
  }
  if (v == INT32_MIN)
    return "(-2147483647 - 1)";
  std::string s = std::to_string(v);
  return v < 0 ? "(" + s + ")" : s;
}

/// The literal of one element attribute value in the compute type of `t`.
static std::string literal(Attribute attr, Type t) {
  if (auto f = dyn_cast<FloatAttr>(attr))
    return floatLiteral(f.getValueAsDouble());
  auto i = cast<IntegerAttr>(attr);
  return intLiteral(t.isInteger(1) ? (int64_t)i.getValue().getBoolValue()
                                   : i.getValue().getSExtValue(),
                    t);
}

/// The identity of a reduction and of max/min in the compute type of `t`.
static std::string reductionInit(ReduceKind kind, Type t) {
  bool fp = isFloat(t);
  switch (kind) {
  case ReduceKind::sum:
  case ReduceKind::mean:
    return fp ? "0.0f" : intLiteral(0, t);
  case ReduceKind::prod:
    return fp ? "1.0f" : intLiteral(1, t);
  case ReduceKind::max:
    return fp ? floatLiteral(-INFINITY)
              : intLiteral(t.isInteger(64) ? INT64_MIN : INT32_MIN, t);
  case ReduceKind::min:
    return fp ? floatLiteral(INFINITY)
              : intLiteral(t.isInteger(64) ? INT64_MAX : INT32_MAX, t);
  }
  llvm_unreachable("reduce kind");
}

static StringRef combinerName(ReduceKind kind) {
  switch (kind) {
  case ReduceKind::sum:
  case ReduceKind::mean:
    return "gpuos_op_sum";
  case ReduceKind::prod:
    return "gpuos_op_prod";
  case ReduceKind::max:
    return "gpuos_op_max";
  case ReduceKind::min:
    return "gpuos_op_min";
  }
  llvm_unreachable("reduce kind");
}

/// `a` and `b` combined by a reduction of `kind`.
static std::string combine(ReduceKind kind, StringRef a, StringRef b) {
  switch (kind) {
  case ReduceKind::sum:
  case ReduceKind::mean:
    return ("(" + a + " + " + b + ")").str();
  case ReduceKind::prod:
    return ("(" + a + " * " + b + ")").str();
  case ReduceKind::max:
  case ReduceKind::min:
    return (combinerName(kind) + "()(" + a + ", " + b + ")").str();
  }
  llvm_unreachable("reduce kind");
}

/// The statement adding `x` into accumulator `acc`.
static std::string accumulateInto(ReduceKind kind, StringRef acc, StringRef x) {
  switch (kind) {
  case ReduceKind::sum:
  case ReduceKind::mean:
    return (acc + " += " + x + ";").str();
  case ReduceKind::prod:
    return (acc + " *= " + x + ";").str();
  case ReduceKind::max:
  case ReduceKind::min:
    return (acc + " = " + combine(kind, acc, x) + ";").str();
  }
  llvm_unreachable("reduce kind");
}

static std::string shapeString(ArrayRef<int64_t> shape) {
  return "[" + llvm::join(llvm::map_range(shape, [](int64_t d) {
                            return std::to_string(d);
                          }),
                          ", ") +
         "]";
}

static std::string typeString(Type t) {
  std::string s;
  llvm::raw_string_ostream os(s);
  t.print(os);
  return s;
}

//===----------------------------------------------------------------------===//
// TaskPrinter
//===----------------------------------------------------------------------===//

namespace {
/// One C expression per dimension of the value it indexes.
using Index = SmallVector<std::string, 4>;

/// A pointer and per-dimension strides (C expressions) of a stored tensor.
struct BufferRef {
  std::string pointer;
  SmallVector<std::string, 4> strides;
};

/// Prints one planned task: its constant arrays, then the operator.
class TaskPrinter {
public:
  TaskPrinter(const TaskPlan &plan, bool locations)
      : plan(plan), locations(locations), bodyStream(body), os(bodyStream),
        constantStream(constants) {}

  /// The operator's source text, or failure after reporting an error.
  FailureOr<std::string> print();
  bool readsAcrossDomainRows() const { return crossesDomainRows; }

private:
  // Scoped value names: a value printed at an index is named once per scope.
  struct Scope {
    explicit Scope(TaskPrinter &p) : p(p) { p.names.emplace_back(); }
    ~Scope() { p.names.pop_back(); }
    TaskPrinter &p;
  };
  static std::string key(Value v, const Index &idx) {
    return llvm::formatv("{0}@{1}", v.getAsOpaquePointer(),
                         llvm::join(idx, ","))
        .str();
  }
  std::optional<std::string> lookup(Value v, const Index &idx) const;
  void bind(Value v, const Index &idx, std::string name);
  std::string fresh(StringRef prefix) {
    return (prefix + Twine(counter++)).str();
  }
  /// Declares `const TYPE name = expr;` and returns the name.
  std::string declare(StringRef type, StringRef prefix, StringRef expr);

  // Index maps.
  std::string indexVar(StringRef expr) {
    return declare(plan.narrowIndices ? "gpuos_i32" : "gpuos_i64", "t", expr);
  }
  Index delinearize(StringRef linear, ArrayRef<int64_t> shape);
  std::string linearize(const Index &idx, ArrayRef<int64_t> shape);
  static Index broadcastIndex(const Index &idx, ArrayRef<int64_t> fromShape,
                              ArrayRef<int64_t> toShape);
  static std::string offset(const Index &idx, const BufferRef &buffer);
  static Index matmulOperandIndex(Value operand, const Index &batch,
                                  ArrayRef<int64_t> outBatch, StringRef mn,
                                  StringRef k, bool transposed, bool isLhs);

  // Buffers.
  BufferRef argBuffer(unsigned arg, Value v) const;
  BufferRef storedBuffer(Value v) const;
  void store(Value v, const Index &idx, StringRef value);
  void storeOutputs(const Stage &stage, const Index &idx);

  // Values at an index.
  std::string valueAt(Value v, const Index &idx);
  std::string printOp(Operation *op, Value v, const Index &idx);
  /// Operand `i` of a broadcasting op at result index `idx`.
  std::string operandAt(Operation *op, unsigned i, const Index &idx);
  std::string printBinary(Operation *op, const Index &idx);
  std::string printUnary(Operation *op, const Index &idx);
  std::string printOperation(CmpOp op, const Index &idx);
  std::string printOperation(SelectOp op, const Index &idx);
  std::string printOperation(CastOp op, const Index &idx);
  std::string printOperation(FillOp op, const Index &idx);
  std::string printOperation(ConstantOp op, const Index &idx);
  std::string printOperation(ReshapeOp op, const Index &idx);
  std::string printOperation(PermuteOp op, const Index &idx);
  std::string printOperation(SliceOp op, const Index &idx);
  std::string printOperation(BroadcastToOp op, const Index &idx);
  std::string printOperation(ConcatOp op, const Index &idx);

  // Stages.
  void printHeader();
  void printArguments(StringRef stages);
  void printStage(const Stage &stage, unsigned number);
  void printElementwiseStage(const Stage &stage);
  void printElementwiseLoop(const Stage &stage, StringRef first,
                            StringRef end, StringRef step);
  std::string tileBound(const Stage &stage, StringRef tile) const;
  void printVectorLoop(const Stage &stage, StringRef first, StringRef step);
  void printRowLoop(const Stage &stage, llvm::function_ref<void()> body);
  void printReduceStage(const Stage &stage);
  void printMatmulStage(const Stage &stage);
  void printMatmulRows(const Stage &stage);
  void printMatmulRowsSum(const Stage &stage, ArrayRef<std::string> accs,
                          ArrayRef<Index> outs);
  void printMmaStage(const Stage &stage);
  void printMmaStaging(const Stage &stage, const Index &batch, StringRef m0,
                       StringRef n0);
  void printMmaOperandLoad(const Stage &stage, bool isLhs, const Index &batch,
                           StringRef origin);
  void printMmaEpilogue(const Stage &stage, const Index &batch, StringRef m0,
                        StringRef n0);
  void printRowReduction(const Stage &stage, Type t, ReduceKind kind,
                         llvm::function_ref<std::string()> element,
                         const Index &out);
  void printRowOpStage(const Stage &stage);
  // Row chains (CudaRowChains.cpp).
  void printChain(ArrayRef<Stage> chain, unsigned first);
  void printBatchedReduction(ArrayRef<Stage> batch, const Index &row,
                             unsigned reductionInRow, const Stage *prefix);
  void printBatchedColumns(ArrayRef<Stage> batch, const Index &row,
                           ArrayRef<SmallVector<std::string, 4>> state,
                           const Stage *prefix);
  void printChainElementwise(const Stage &stage, const Stage &head,
                             const Index &row);
  void printChainColumns(const Stage &head, const Index &row,
                         llvm::function_ref<void(const Index &)> body);
  void printTileBounds(const Stage &stage);
  void printReductionResult(const Stage &stage, Type t, ReduceKind kind,
                            std::string total, const Index &out);
  void noteChainRead(Value v, const Index &idx, bool stored);
  void printColumnLoop(const Stage &stage, bool registers, bool usesColumn,
                       StringRef init,
                       llvm::function_ref<void(StringRef slot)> body);
  Index rowOpInputIndex(const Stage &stage, StringRef col);
  std::string groupReduce(const Stage &stage, StringRef var, StringRef type,
                          StringRef combiner);
  void printOutputs(const Stage &stage, const Index &idx, StringRef core);

  const TaskPlan &plan;
  std::string body;
  /// Source locations in comments; without, only the code identifies a task.
  bool locations;
  std::string where(Location loc) const {
    return locations ? locationString(loc) : "?";
  }
  llvm::raw_string_ostream bodyStream;
  raw_indented_ostream os;
  std::string constants;
  llvm::raw_string_ostream constantStream;
  std::vector<llvm::StringMap<std::string>> names;
  unsigned counter = 0;
  unsigned constantCount = 0;
  llvm::DenseMap<Operation *, std::string> constantArrays;
  /// Values stored by the stages printed so far.
  llvm::DenseSet<Value> available;
  /// The input index of the current row (kept dims; reduced dims empty).
  Index rowIndex;
  /// The index of the current work item; its domain prefix is the row.
  Index domainIndex;
  bool crossesDomainRows = false;
  /// In a row chain: values stored earlier in it (not yet behind a barrier),
  /// the chain's input shape, and the element index of the current column
  /// loop (empty outside one). A read of a pending value elsewhere than the
  /// element the thread itself stored needs a barrier (`chainNeedsSync`), as
  /// does a store over an input read elsewhere (`chainForeignRead`).
  llvm::DenseSet<Value> chainPending;
  SmallVector<int64_t> chainShape;
  Index chainElementIndex;
  bool inChain = false, chainNeedsSync = false, chainForeignRead = false;
  LogicalResult status = success();
};
} // namespace

std::optional<std::string> TaskPrinter::lookup(Value v,
                                               const Index &idx) const {
  std::string k = key(v, idx);
  for (auto it = names.rbegin(); it != names.rend(); ++it) {
    auto found = it->find(k);
    if (found != it->end())
      return found->second;
  }
  return std::nullopt;
}

void TaskPrinter::bind(Value v, const Index &idx, std::string name) {
  names.back()[key(v, idx)] = std::move(name);
}

std::string TaskPrinter::declare(StringRef type, StringRef prefix,
                                 StringRef expr) {
  std::string name = fresh(prefix);
  os << "const " << type << " " << name << " = " << expr << ";\n";
  return name;
}

//===----------------------------------------------------------------------===//
// Index maps
//===----------------------------------------------------------------------===//

Index TaskPrinter::delinearize(StringRef linear, ArrayRef<int64_t> shape) {
  Index idx;
  // An empty shape has no elements: the loop around never runs.
  if (llvm::is_contained(shape, 0))
    return Index(shape.size(), "0");
  int64_t stride = 1;
  SmallVector<int64_t> strides(shape.size());
  for (int64_t d = shape.size() - 1; d >= 0; --d) {
    strides[d] = stride;
    stride *= shape[d];
  }
  // The leading non-unit dim needs no modulo: linear < product(shape).
  int64_t leading = 0;
  while (leading < (int64_t)shape.size() && shape[leading] == 1)
    ++leading;
  // Loop counters are 64-bit; below 2^31 elements, 32-bit division is
  // several times cheaper and exact.
  std::string base = linear.str();
  if (plan.narrowIndices &&
      (linear == "i" || linear == "col" || linear.starts_with("row") ||
       linear.starts_with("item")))
    base = "(gpuos_i32)" + base;
  for (auto [d, size] : llvm::enumerate(shape)) {
    if (size == 1) {
      idx.push_back("0");
      continue;
    }
    std::string e = base;
    if (strides[d] != 1)
      e = "(" + e + " / " + std::to_string(strides[d]) + ")";
    if ((int64_t)d != leading)
      e += " % " + std::to_string(size);
    idx.push_back(e == base ? linear.str() : indexVar(e));
  }
  return idx;
}

std::string TaskPrinter::linearize(const Index &idx, ArrayRef<int64_t> shape) {
  SmallVector<std::string> terms;
  int64_t stride = 1;
  for (int64_t d = shape.size() - 1; d >= 0; --d) {
    if (idx[d] != "0")
      terms.push_back(stride == 1 ? idx[d]
                                  : idx[d] + " * " + std::to_string(stride));
    stride *= shape[d];
  }
  if (terms.empty())
    return "0";
  if (terms.size() == 1)
    return terms.front();
  std::reverse(terms.begin(), terms.end());
  return indexVar(llvm::join(terms, " + "));
}

Index TaskPrinter::broadcastIndex(const Index &idx, ArrayRef<int64_t> fromShape,
                                  ArrayRef<int64_t> toShape) {
  // `toShape` broadcasts to `fromShape`: align trailing dims, size-1 dims
  // read element 0 (stride 0).
  Index out;
  size_t lead = fromShape.size() - toShape.size();
  for (auto [d, size] : llvm::enumerate(toShape))
    out.push_back(size == 1 ? "0" : idx[lead + d]);
  return out;
}

std::string TaskPrinter::offset(const Index &idx, const BufferRef &buffer) {
  SmallVector<std::string> terms;
  for (auto [i, s] : llvm::zip(idx, buffer.strides)) {
    if (i == "0" || s == "0")
      continue;
    terms.push_back(s == "1" ? i : i + " * " + s);
  }
  return terms.empty() ? "0" : llvm::join(terms, " + ");
}

/// The index of a matmul operand for the output's batch index `batch` (over
/// the output's batch dims `outBatch`), row or column `mn` and contraction
/// index `k`: batch dims broadcast, then (m, k) for lhs and (k, n) for rhs,
/// swapped when transposed.
Index TaskPrinter::matmulOperandIndex(Value operand, const Index &batch,
                                      ArrayRef<int64_t> outBatch, StringRef mn,
                                      StringRef k, bool transposed,
                                      bool isLhs) {
  ArrayRef<int64_t> shape = shapeOf(operand);
  Index idx = broadcastIndex(batch, outBatch, shape.drop_back(2));
  std::string first = (isLhs ? mn : k).str(), second = (isLhs ? k : mn).str();
  if (transposed)
    std::swap(first, second);
  idx.push_back(shape[shape.size() - 2] == 1 ? "0" : first);
  idx.push_back(shape[shape.size() - 1] == 1 ? "0" : second);
  return idx;
}

//===----------------------------------------------------------------------===//
// Buffers
//===----------------------------------------------------------------------===//

static std::string argName(const TaskPlan &plan, unsigned arg) {
  TaskOp task = plan.task;
  unsigned numInputs = task.getInputs().size();
  return arg < numInputs ? "in" + std::to_string(arg)
                         : "out" + std::to_string(arg - numInputs);
}

BufferRef TaskPrinter::argBuffer(unsigned arg, Value v) const {
  BufferRef buffer{argName(plan, arg), {}};
  for (auto [d, size] : llvm::enumerate(shapeOf(v)))
    buffer.strides.push_back(size == 1 ? "0"
                                       : buffer.pointer + "_s" +
                                             std::to_string(d));
  return buffer;
}

BufferRef TaskPrinter::storedBuffer(Value v) const {
  const Storage &storage = plan.storage.lookup(v);
  if (!storage.resultArgs.empty())
    return argBuffer(storage.resultArgs.front(), v);
  BufferRef buffer{"tmp" + std::to_string(storage.scratchOffset), {}};
  ArrayRef<int64_t> shape = shapeOf(v);
  buffer.strides.resize(shape.size());
  int64_t stride = 1;
  for (int64_t d = shape.size() - 1; d >= 0; --d) {
    buffer.strides[d] = shape[d] == 1 ? "0" : std::to_string(stride);
    stride *= shape[d];
  }
  return buffer;
}

/// Computes every output at `idx`, then stores them: gpuos-plan-memory may
/// place a result over an input of the same shape (in place), so no store
/// may precede a load of the same element.
void TaskPrinter::storeOutputs(const Stage &stage, const Index &idx) {
  SmallVector<std::string> values;
  for (Value out : stage.outputs)
    values.push_back(valueAt(out, idx));
  for (auto [out, value] : llvm::zip(stage.outputs, values))
    store(out, idx, value);
}

void TaskPrinter::store(Value v, const Index &idx, StringRef value) {
  const Storage &storage = plan.storage.lookup(v);
  std::string stored = toStorage(elementTypeOf(v), value);
  for (unsigned arg : storage.resultArgs) {
    BufferRef buffer = argBuffer(arg, v);
    os << buffer.pointer << "[" << offset(idx, buffer) << "] = " << stored
       << ";\n";
  }
  if (storage.scratchOffset >= 0) {
    BufferRef buffer = storedBuffer(v);
    if (!storage.resultArgs.empty())
      buffer.pointer = "tmp" + std::to_string(storage.scratchOffset);
    os << buffer.pointer << "[" << offset(idx, buffer) << "] = " << stored
       << ";\n";
  }
}

//===----------------------------------------------------------------------===//
// Values
//===----------------------------------------------------------------------===//

std::string TaskPrinter::valueAt(Value v, const Index &idx) {
  if (auto name = lookup(v, idx))
    return *name;
  Type t = elementTypeOf(v);
  std::string name;
  if (auto arg = dyn_cast<BlockArgument>(v)) {
    noteChainRead(v, idx, /*stored=*/false);
    BufferRef buffer = argBuffer(arg.getArgNumber(), v);
    name = declare(computeType(t), "v",
                   fromStorage(t, buffer.pointer + "[" +
                                      offset(idx, buffer) + "]"));
  } else if (available.contains(v)) {
    noteChainRead(v, idx, /*stored=*/true);
    // With domain tiling, another tile may own other rows of the value.
    size_t k = plan.domain.size();
    if (k && (idx.size() < k || domainIndex.size() < k ||
              !std::equal(idx.begin(), idx.begin() + k, domainIndex.begin())))
      crossesDomainRows = true;
    BufferRef buffer = storedBuffer(v);
    name = declare(computeType(t), "v",
                   fromStorage(t, buffer.pointer + "[" +
                                      offset(idx, buffer) + "]"));
  } else {
    name = printOp(v.getDefiningOp(), v, idx);
  }
  bind(v, idx, name);
  return name;
}

std::string TaskPrinter::printOp(Operation *op, Value v, const Index &idx) {
  if (isAnchor(op)) {
    // The plan stores every anchor another stage reads; reaching one here
    // means the plan and the printer disagree.
    status = op->emitError("internal error: the CUDA emitter reached '")
             << op->getName() << "' outside its stage";
    return "0";
  }
  return llvm::TypeSwitch<Operation *, std::string>(op)
      .Case<AddOp, SubOp, MulOp, DivOp, MaxOp, MinOp, PowOp>(
          [&](Operation *op) { return printBinary(op, idx); })
      .Case<NegOp, AbsOp, ExpOp, LogOp, SqrtOp, RsqrtOp, TanhOp, SigmoidOp,
            ReluOp, SiluOp, SinOp, CosOp, GeluOp>(
          [&](Operation *op) { return printUnary(op, idx); })
      .Case<CmpOp, SelectOp, CastOp, FillOp, ConstantOp, ReshapeOp, PermuteOp,
            SliceOp, BroadcastToOp, ConcatOp>(
          [&](auto op) { return printOperation(op, idx); })
      .Default([&](Operation *op) {
        status = op->emitError("cannot emit CUDA for '")
                 << op->getName() << "'";
        return std::string("0");
      });
}

std::string TaskPrinter::printBinary(Operation *op, const Index &idx) {
  Type t = elementTypeOf(op->getResult(0));
  std::string a = operandAt(op, 0, idx), b = operandAt(op, 1, idx);
  bool fp = isFloat(t);
  // i1 arithmetic is integer arithmetic keeping the low bit.
  bool boolean = t.isInteger(1);
  if (boolean) {
    a = "(int)" + a;
    b = "(int)" + b;
  }
  std::string expr =
      llvm::TypeSwitch<Operation *, std::string>(op)
          .Case([&](AddOp) { return a + " + " + b; })
          .Case([&](SubOp) { return a + " - " + b; })
          .Case([&](MulOp) { return a + " * " + b; })
          .Case([&](DivOp) {
            return fp ? a + " / " + b : "gpuos_idiv(" + a + ", " + b + ")";
          })
          .Case([&](MaxOp) {
            return fp ? "fmaxf(" + a + ", " + b + ")"
                      : "(" + a + " > " + b + " ? " + a + " : " + b + ")";
          })
          .Case([&](MinOp) {
            return fp ? "fminf(" + a + ", " + b + ")"
                      : "(" + a + " < " + b + " ? " + a + " : " + b + ")";
          })
          .Case([&](PowOp) {
            return fp ? "powf(" + a + ", " + b + ")"
                      : "gpuos_ipow(" + a + ", " + b + ")";
          });
  if (boolean)
    expr = "((" + expr + ") & 1) != 0";
  return declare(computeType(t), "v", roundTo(t, expr));
}

std::string TaskPrinter::printUnary(Operation *op, const Index &idx) {
  Type t = elementTypeOf(op->getResult(0));
  std::string a = valueAt(op->getOperand(0), idx);
  bool fp = isFloat(t);
  std::string expr =
      llvm::TypeSwitch<Operation *, std::string>(op)
          .Case([&](NegOp) { return "-" + a; })
          .Case([&](AbsOp) {
            return fp ? "fabsf(" + a + ")"
                      : "(" + a + " < 0 ? -" + a + " : " + a + ")";
          })
          .Case([&](ExpOp) { return "expf(" + a + ")"; })
          .Case([&](LogOp) { return "logf(" + a + ")"; })
          .Case([&](SqrtOp) { return "sqrtf(" + a + ")"; })
          .Case([&](RsqrtOp) { return "rsqrtf(" + a + ")"; })
          .Case([&](TanhOp) { return "tanhf(" + a + ")"; })
          .Case([&](SigmoidOp) { return "1.0f / (1.0f + expf(-" + a + "))"; })
          .Case([&](ReluOp) {
            // NaN stays NaN, as in the reference.
            return fp ? "(" + a + " < 0.0f ? 0.0f : " + a + ")"
                      : "(" + a + " < 0 ? 0 : " + a + ")";
          })
          .Case([&](SiluOp) { return a + " / (1.0f + expf(-" + a + "))"; })
          .Case([&](SinOp) { return "sinf(" + a + ")"; })
          .Case([&](CosOp) { return "cosf(" + a + ")"; })
          .Case([&](GeluOp gelu) {
            if (gelu.getApproximation() == GeluApproximation::erf)
              return "0.5f * " + a + " * (1.0f + erff(" + a +
                     " * 0.707106781f))";
            return "0.5f * " + a + " * (1.0f + tanhf(0.797884561f * (" + a +
                   " + 0.044715f * " + a + " * " + a + " * " + a + ")))";
          });
  return declare(computeType(t), "v", roundTo(t, expr));
}

std::string TaskPrinter::operandAt(Operation *op, unsigned i,
                                   const Index &idx) {
  Value operand = op->getOperand(i);
  return valueAt(operand, broadcastIndex(idx, shapeOf(op->getResult(0)),
                                         shapeOf(operand)));
}

std::string TaskPrinter::printOperation(CmpOp op, const Index &idx) {
  // Indexed by the CmpPredicate values (eq, ne, lt, le, gt, ge).
  static constexpr StringLiteral kOperators[] = {"==", "!=", "<",
                                                 "<=", ">",  ">="};
  std::string a = operandAt(op, 0, idx), b = operandAt(op, 1, idx);
  StringRef cmp = kOperators[static_cast<uint32_t>(op.getPredicate())];
  return declare("bool", "v", a + " " + cmp.str() + " " + b);
}

std::string TaskPrinter::printOperation(SelectOp op, const Index &idx) {
  std::string c = operandAt(op, 0, idx), a = operandAt(op, 1, idx),
              b = operandAt(op, 2, idx);
  return declare(computeType(elementTypeOf(op.getResult())), "v",
                 c + " ? " + a + " : " + b);
}

std::string TaskPrinter::printOperation(CastOp op, const Index &idx) {
  Type from = elementTypeOf(op.getInput()), to = elementTypeOf(op.getResult());
  std::string a = valueAt(op.getInput(), idx);
  std::string expr;
  if (to.isInteger(1))
    expr = isFloat(from) ? a + " != 0.0f" : a + " != 0";
  else if (isFloat(to))
    expr = roundTo(to, isFloat(from) ? a : "(float)" + a);
  else if (isFloat(from))
    // Truncates toward zero, saturates, NaN gives 0 (PTX cvt.rzi).
    expr = (to.isInteger(64) ? "__float2ll_rz(" : "__float2int_rz(") + a + ")";
  else
    expr = "(" + computeType(to).str() + ")" + a;
  return declare(computeType(to), "v", expr);
}

std::string TaskPrinter::printOperation(FillOp op, const Index &) {
  return literal(op.getValue(), elementTypeOf(op.getResult()));
}

std::string TaskPrinter::printOperation(ConstantOp op, const Index &idx) {
  Type t = elementTypeOf(op.getResult());
  auto dense = cast<DenseElementsAttr>(op.getValue());
  if (dense.isSplat())
    return literal(dense.getSplatValue<Attribute>(), t);
  std::string &array = constantArrays[op];
  if (array.empty()) {
    array = plan.name + "_cst" + std::to_string(constantCount++);
    // Floats are kept as their bits: exact, and infinities and NaNs need no
    // (non-constant) intrinsic in the initializer.
    constantStream << "// gpuos.constant at " << where(op.getLoc())
                   << "\nstatic __device__ const "
                   << (t.isF32() ? "gpuos_u32" : storageType(t)) << " "
                   << array << "[" << dense.getNumElements() << "] = {";
    unsigned n = 0;
    for (Attribute element : dense.getValues<Attribute>()) {
      constantStream << (n % 8 ? " " : "\n    ");
      if (auto f = dyn_cast<FloatAttr>(element)) {
        constantStream << llvm::formatv(
            "{0:x}", f.getValue().bitcastToAPInt().getZExtValue());
      } else if (t.isInteger(1)) {
        constantStream << (cast<IntegerAttr>(element).getValue().isZero() ? 0
                                                                          : 1);
      } else {
        constantStream << literal(element, t);
      }
      constantStream << ",";
      ++n;
    }
    constantStream << "\n};\n\n";
  }
  std::string element =
      array + "[" + linearize(idx, shapeOf(op.getResult())) + "]";
  return declare(computeType(t), "v",
                 t.isF32() ? "__uint_as_float(" + element + ")"
                           : fromStorage(t, element));
}

std::string TaskPrinter::printOperation(ReshapeOp op, const Index &idx) {
  std::string linear = linearize(idx, shapeOf(op.getResult()));
  return valueAt(op.getInput(), delinearize(linear, shapeOf(op.getInput())));
}

std::string TaskPrinter::printOperation(PermuteOp op, const Index &idx) {
  Index in(idx.size());
  for (auto [i, p] : llvm::enumerate(op.getPermutation()))
    in[p] = idx[i];
  return valueAt(op.getInput(), in);
}

std::string TaskPrinter::printOperation(SliceOp op, const Index &idx) {
  Index in;
  for (auto [i, start, stride] :
       llvm::zip(idx, op.getStarts(), op.getStrides())) {
    std::string e = stride == 1 ? i : i + " * " + std::to_string(stride);
    if (i == "0")
      e = std::to_string(start);
    else if (start != 0)
      e = std::to_string(start) + " + " + e;
    in.push_back(e == i || e == "0" ? e : indexVar(e));
  }
  return valueAt(op.getInput(), in);
}

std::string TaskPrinter::printOperation(BroadcastToOp op, const Index &idx) {
  return valueAt(op.getInput(), broadcastIndex(idx, shapeOf(op.getResult()),
                                               shapeOf(op.getInput())));
}

std::string TaskPrinter::printOperation(ConcatOp op, const Index &idx) {
  // Only the input that holds the element is read.
  Type t = elementTypeOf(op.getResult());
  int64_t axis = op.getAxis();
  std::string name = fresh("v");
  os << computeType(t) << " " << name << ";\n";
  int64_t begin = 0;
  for (auto [i, input] : llvm::enumerate(op.getInputs())) {
    int64_t size = shapeOf(input)[axis];
    bool last = i + 1 == op.getInputs().size();
    if (i > 0)
      os << " else ";
    if (!last)
      os << "if (" << idx[axis] << " < " << begin + size << ") ";
    os << "{\n";
    os.indent();
    {
      Scope scope(*this);
      Index in = idx;
      if (shapeOf(input)[axis] == 1)
        in[axis] = "0";
      else if (begin != 0)
        in[axis] = indexVar(idx[axis] + " - " + std::to_string(begin));
      std::string value = valueAt(input, in);
      os << name << " = " << value << ";\n";
    }
    os.unindent();
    os << "}";
    begin += size;
  }
  os << "\n";
  return name;
}

//===----------------------------------------------------------------------===//
// Operator structure
//===----------------------------------------------------------------------===//

static StringRef stageKindName(const Stage &stage) {
  return stage.anchor ? stage.anchor->getName().stripDialect()
                      : StringRef("elementwise");
}

static StringRef groupName(Group group) {
  switch (group) {
  case Group::Thread:
    return "a thread";
  case Group::Warp:
    return "a warp";
  case Group::Block:
    return "the block";
  case Group::Columns:
    return "32 outputs";
  }
  llvm_unreachable("group");
}

void TaskPrinter::printHeader() {
  TaskOp task = plan.task;
  unsigned numInputs = task.getInputs().size();
  os << "// Operator " << plan.name << ": gpuos.task at "
     << where(task.getLoc()) << "\n";
  os << "//   ops:";
  unsigned n = 0;
  for (Operation &op : task.getBodyBlock().without_terminator())
    os << (n++ % 4 ? ", " : "\n//     ") << op.getName().stripDialect()
       << " (" << where(op.getLoc()) << ")";
  os << "\n//   args (ctx->args[i]: task inputs, then task results):\n";
  for (auto [i, type] : llvm::enumerate(task.getInputs().getTypes()))
    os << "//     [" << i << "] in" << i << ": " << typeString(type) << "\n";
  for (auto [i, type] : llvm::enumerate(task.getResultTypes()))
    os << "//     [" << numInputs + i << "] out" << i << ": "
       << typeString(type) << "\n";
  os << "//   tiles: " << plan.tiles
     << (plan.tilesFromAttribute ? " (task attribute)" : " (from size)");
  if (plan.onlyFirstTile)
    os << "; stages depend on each other, so tile 0 runs them all";
  else if (!plan.domain.empty())
    os << "; tiles take whole rows of the domain "
       << shapeString(plan.domain);
  else if (llvm::all_of(plan.stages, [](const Stage &stage) {
             return stage.splitAcrossTiles;
           }))
    os << "; any ctx->ntiles works";
  else
    os << "; every tile recomputes what later stages read, then takes its "
          "share";
  os << "\n";
  if (plan.scratchBytes)
    os << "//   scratch: " << plan.scratchBytes << " bytes\n";
  if (plan.smemBytes)
    os << "//   smem: " << plan.smemBytes << " bytes\n";
}

/// Whether `text` uses identifier `name` (as a whole token).
static bool mentions(StringRef text, StringRef name) {
  auto isIdentifier = [](char c) { return llvm::isAlnum(c) || c == '_'; };
  for (size_t at = text.find(name); at != StringRef::npos;
       at = text.find(name, at + 1)) {
    size_t end = at + name.size();
    if ((at == 0 || !isIdentifier(text[at - 1])) &&
        (end == text.size() || !isIdentifier(text[end])))
      return true;
  }
  return false;
}

void TaskPrinter::printArguments(StringRef stages) {
  TaskOp task = plan.task;
  unsigned numInputs = task.getInputs().size();
  auto declareArg = [&](unsigned arg, Type type) {
    auto tensor = cast<RankedTensorType>(type);
    std::string name = argName(plan, arg);
    if (!mentions(stages, name))
      return;
    bool input = arg < numInputs;
    os << (input ? "const " : "") << storageType(tensor.getElementType())
       << "* " << name << " = (" << (input ? "const " : "")
       << storageType(tensor.getElementType()) << "*)ctx->args[" << arg
       << "].data;\n";
    for (auto [d, size] : llvm::enumerate(tensor.getShape())) {
      std::string stride = name + "_s" + std::to_string(d);
      if (mentions(stages, stride))
        os << "const gpuos_i64 " << stride << " = ctx->args[" << arg
           << "].strides[" << d << "];\n";
    }
  };
  for (auto [i, type] : llvm::enumerate(task.getInputs().getTypes()))
    declareArg(i, type);
  for (auto [i, type] : llvm::enumerate(task.getResultTypes()))
    declareArg(numInputs + i, type);
  // By offset: the map's order follows addresses, and tasks of the same code
  // must print the same text to share an operator.
  SmallVector<std::pair<int64_t, Value>> scratch;
  for (auto &[value, storage] : plan.storage)
    if (storage.scratchOffset >= 0)
      scratch.push_back({storage.scratchOffset, value});
  llvm::sort(scratch, llvm::less_first());
  for (auto [offset, value] : scratch) {
    StringRef type = storageType(elementTypeOf(value));
    os << type << "* tmp" << offset << " = (" << type
       << "*)((char*)ctx->scratch + " << offset << ");\n";
  }
}

FailureOr<std::string> TaskPrinter::print() {
  Scope scope(*this);
  // Stages first, so that the prologue declares only what they use.
  os.indent();
  ArrayRef<Stage> all = plan.stages;
  bool readLater = false;
  for (size_t i = 0; i < all.size();) {
    size_t end = i + 1;
    while (end < all.size() && all[end].chained)
      ++end;
    if (readLater)
      os << "__syncthreads(); // earlier stages stored what later ones read\n";
    ArrayRef<Stage> chain = all.slice(i, end - i);
    if (chain.size() == 1)
      printStage(chain.front(), i);
    else
      printChain(chain, i);
    readLater = false;
    for (const Stage &stage : chain) {
      readLater |= stage.readLater;
      for (Value out : stage.outputs)
        if (plan.storage.lookup(out).readByLaterStage)
          available.insert(out);
    }
    i = end;
  }
  os.unindent();
  os.flush();
  std::string stages = std::move(body);
  body.clear();

  printHeader();
  os << "extern \"C\" __device__ void " << plan.name
     << "(const gpuos_task_ctx* ctx) {\n";
  os.indent();
  if (plan.onlyFirstTile)
    os << "if (ctx->tile != 0)\n  return;\n";
  if (plan.scratchBytes)
    os << "if (ctx->scratch_bytes < " << plan.scratchBytes << ")\n"
       << "  __trap(); // the manifest reserves scratch for this operator\n";
  if (plan.smemBytes)
    os << "if (ctx->smem_bytes < " << plan.smemBytes << ")\n"
       << "  __trap(); // block reductions, split-K or tensor-core tiles need it\n";
  printArguments(stages);
  os.unindent();
  os << stages << "}\n";
  os << "GPUOS_EXPORT_OP(" << plan.name << ");\n";
  os.flush();
  if (failed(status))
    return failure();
  return constants + body;
}

void TaskPrinter::printStage(const Stage &stage, unsigned number) {
  os << "{ // stage " << number << ": " << stageKindName(stage);
  if (stage.anchor)
    os << " at " << where(stage.anchor->getLoc());
  if (stage.kind == StageKind::Elementwise)
    os << " over " << shapeString(stage.shape);
  else if (stage.usesTensorCores())
    os << ", " << stage.rows << (stage.rows == 1 ? " tile" : " tiles")
       << " of " << stage.mma.blockM << "x"
       << stage.mma.blockN << " outputs on tensor cores (mma.sync m16n8k16, "
          "f32 accumulation), K = "
       << stage.cols << " in steps of " << stage.mma.stepK;
  else if (stage.group == Group::Columns)
    os << ", " << stage.rows << " rows of 32 outputs (a lane each), K = "
       << stage.cols << " split over the warps";
  else
    os << ", " << stage.rows << " rows of " << stage.cols << ", "
       << groupName(stage.group) << " per row"
       << (stage.inRegisters ? ", row in registers" : "");
  os << "\n";
  os.indent();
  Scope scope(*this);
  printTileBounds(stage);
  switch (stage.kind) {
  case StageKind::Elementwise:
    printElementwiseStage(stage);
    break;
  case StageKind::Reduce:
    printReduceStage(stage);
    break;
  case StageKind::Matmul:
    printMatmulStage(stage);
    break;
  case StageKind::Softmax:
  case StageKind::LayerNorm:
  case StageKind::RmsNorm:
    printRowOpStage(stage);
    break;
  }
  os.unindent();
  os << "}\n";
}

void TaskPrinter::printTileBounds(const Stage &stage) {
  if (stage.splitAcrossTiles)
    os << "const gpuos_i64 tile = ctx->tile, ntiles = ctx->ntiles;\n";
  else
    os << "const gpuos_i64 tile = 0, ntiles = 1; // all of it, in this block\n";
}

//===----------------------------------------------------------------------===//
// Elementwise stages
//===----------------------------------------------------------------------===//

void TaskPrinter::printElementwiseStage(const Stage &stage) {
  if (!plan.domain.empty()) {
    // A run of whole domain rows per tile.
    os << "const gpuos_i64 end = " << tileBound(stage, "(tile + 1)") << ";\n";
    printElementwiseLoop(stage, tileBound(stage, "tile") + " + threadIdx.x",
                         "end", "blockDim.x");
    return;
  }
  os << "const gpuos_i64 first = tile * blockDim.x + threadIdx.x;\n";
  os << "const gpuos_i64 step = ntiles * blockDim.x;\n";
  std::string n = std::to_string(stage.rows);
  if (!stage.vectorizable) {
    printElementwiseLoop(stage, "first", n, "step");
    return;
  }
  // Dense f32 arguments: 16-byte loads and stores.
  SmallVector<std::string> checks;
  for (unsigned arg : stage.vectorLoads)
    checks.push_back("gpuos_vec4_ok(&ctx->args[" + std::to_string(arg) + "])");
  for (Value out : stage.outputs)
    for (unsigned arg : plan.storage.lookup(out).resultArgs)
      checks.push_back("gpuos_vec4_ok(&ctx->args[" + std::to_string(arg) +
                       "])");
  os << "if (" << llvm::join(checks, " && ") << ") {\n";
  os.indent();
  printVectorLoop(stage, "first", "step");
  os.unindent();
  os << "} else {\n";
  os.indent();
  printElementwiseLoop(stage, "first", n, "step");
  os.unindent();
  os << "}\n";
}

void TaskPrinter::printElementwiseLoop(const Stage &stage, StringRef first,
                                       StringRef end, StringRef step) {
  os << "for (gpuos_i64 i = " << first << "; i < " << end << "; i += " << step
     << ") {\n";
  os.indent();
  {
    Scope scope(*this);
    Index idx = delinearize("i", stage.shape);
    domainIndex = idx;
    storeOutputs(stage, idx);
  }
  os.unindent();
  os << "}\n";
}

void TaskPrinter::printVectorLoop(const Stage &stage, StringRef first,
                                  StringRef step) {
  int64_t n = stage.rows, vectors = n / 4;
  // Leaves are read at the identity index only (the plan checked), so a
  // placeholder index that cannot compile guards against any other use.
  Index identity;
  for (int64_t size : stage.shape)
    identity.push_back(size == 1 ? "0" : "@");
  TaskOp task = plan.task;
  Block &body = task.getBodyBlock();
  // Each thread loads kVectorUnroll vectors (one step apart, so accesses
  // stay coalesced) before computing or storing any: more loads in flight per
  // thread is what a streaming loop needs to reach memory bandwidth with the
  // runtime's few resident warps per SM. Loading all first also keeps results
  // placed over inputs correct. At most 16 vectors (64 registers) are held
  // so wide tasks stay inside the register budget.
  const int kVectorUnroll = static_cast<int>(std::clamp<size_t>(
      16 / std::max<size_t>(1, stage.vectorLoads.size()), 1, 4));
  os << "for (gpuos_i64 q0 = " << first << "; q0 < " << vectors
     << "; q0 += " << kVectorUnroll << " * " << step << ") {\n";
  os.indent();
  {
    Scope scope(*this);
    for (unsigned arg : stage.vectorLoads)
      os << "float4 x" << arg << "[" << kVectorUnroll << "];\n";
    os << "#pragma unroll\n";
    os << "for (int u = 0; u < " << kVectorUnroll << "; ++u) {\n";
    os.indent();
    os << "const gpuos_i64 q = q0 + u * " << step << ";\n";
    os << "if (q < " << vectors << ") {\n";
    os.indent();
    for (unsigned arg : stage.vectorLoads)
      os << "x" << arg << "[u] = ((const float4*)in" << arg << ")[q];\n";
    os.unindent();
    os << "}\n";
    os.unindent();
    os << "}\n";
    os << "#pragma unroll\n";
    os << "for (int u = 0; u < " << kVectorUnroll << "; ++u) {\n";
    os.indent();
    os << "const gpuos_i64 q = q0 + u * " << step << ";\n";
    os << "if (q >= " << vectors << ")\n";
    os << "  break;\n";
    SmallVector<std::string> results;
    for (auto [o, out] : llvm::enumerate(stage.outputs)) {
      results.push_back("r" + std::to_string(o));
      os << "float4 " << results.back() << ";\n";
    }
    for (StringRef lane : {"x", "y", "z", "w"}) {
      Scope laneScope(*this);
      for (unsigned arg : stage.vectorLoads)
        bind(body.getArgument(arg), identity,
             "x" + std::to_string(arg) + "[u]." + lane.str());
      for (auto [o, out] : llvm::enumerate(stage.outputs)) {
        std::string value = valueAt(out, identity);
        os << results[o] << "." << lane << " = " << value << ";\n";
      }
    }
    for (auto [o, out] : llvm::enumerate(stage.outputs))
      for (unsigned arg : plan.storage.lookup(out).resultArgs)
        os << "((float4*)" << argName(plan, arg) << ")[q] = " << results[o]
           << ";\n";
    os.unindent();
    os << "}\n";
  }
  os.unindent();
  os << "}\n";
  if (n % 4 == 0)
    return;
  os << "for (gpuos_i64 i = " << vectors * 4 << " + " << first << "; i < " << n
     << "; i += " << step << ") {\n";
  os.indent();
  {
    Scope scope(*this);
    for (unsigned arg : stage.vectorLoads)
      bind(body.getArgument(arg), identity,
           declare("float", "v", "in" + std::to_string(arg) + "[i]"));
    SmallVector<std::string> values;
    for (Value out : stage.outputs)
      values.push_back(valueAt(out, identity));
    for (auto [out, value] : llvm::zip(stage.outputs, values))
      for (unsigned arg : plan.storage.lookup(out).resultArgs)
        os << argName(plan, arg) << "[i] = " << value << ";\n";
  }
  os.unindent();
  os << "}\n";
}

//===----------------------------------------------------------------------===//
// Row stages: reduce, matmul, softmax, norms
//===----------------------------------------------------------------------===//

/// The threads of one row group: its id and count in the block, and the
/// lane and lane count within the group.
struct GroupVars {
  StringRef id, count, lane, lanes;
};
static GroupVars groupVars(Group group) {
  switch (group) {
  case Group::Thread:
    return {"threadIdx.x", "blockDim.x", "0", "1"};
  case Group::Warp:
    return {"warp", "nwarps", "lane", "32"};
  case Group::Block:
    return {"0", "1", "threadIdx.x", "blockDim.x"};
  case Group::Columns:
    break;
  }
  llvm_unreachable("Columns matmuls print their own loops (printMatmulRows)");
}

/// The first work item (element or row) of tile `tile`: items split evenly,
/// or, with domain tiling, whole domain rows.
std::string TaskPrinter::tileBound(const Stage &stage, StringRef tile) const {
  if (plan.domain.empty())
    return (Twine(stage.rows) + " * " + tile + " / ntiles").str();
  std::string rows = (Twine(plan.domainRows()) + " * " + tile + " / ntiles").str();
  if (stage.itemsPerDomainRow == 1)
    return rows;
  return "(" + rows + ") * " + std::to_string(stage.itemsPerDomainRow);
}

void TaskPrinter::printRowLoop(const Stage &stage,
                               llvm::function_ref<void()> body) {
  GroupVars g = groupVars(stage.group);
  if (stage.group == Group::Warp)
    os << "const unsigned lane = threadIdx.x & 31u, warp = threadIdx.x >> 5, "
          "nwarps = blockDim.x >> 5;\n";
  // Tiles take contiguous row ranges.
  os << "const gpuos_i64 row_end = " << tileBound(stage, "(tile + 1)")
     << ";\n";
  os << "for (gpuos_i64 row = " << tileBound(stage, "tile");
  if (g.id != "0")
    os << " + " << g.id;
  os << "; row < row_end; row += " << g.count << ") {\n";
  os.indent();
  {
    Scope scope(*this);
    body();
  }
  os.unindent();
  os << "}\n";
}

std::string TaskPrinter::groupReduce(const Stage &stage, StringRef var,
                                     StringRef type, StringRef combiner) {
  switch (stage.group) {
  case Group::Thread:
    return var.str();
  case Group::Warp:
    return declare(type, "red",
                   ("gpuos_warp_reduce(" + var + ", " + combiner + "())").str());
  case Group::Block:
    return declare(type, "red", ("gpuos_block_reduce(" + var + ", " +
                                 combiner + "(), ctx->smem)")
                                    .str());
  case Group::Columns:
    break;
  }
  llvm_unreachable("Columns matmuls sum their partials in printMatmulRowsSum");
}

void TaskPrinter::printOutputs(const Stage &stage, const Index &idx,
                               StringRef core) {
  Scope scope(*this);
  bind(stage.anchor->getResult(0), idx, core.str());
  storeOutputs(stage, idx);
}

/// The kept dims of `shape` (those not in `reduced`), or the reduced ones.
static SmallVector<int64_t> selectDims(ArrayRef<int64_t> shape,
                                       ArrayRef<bool> reduced, bool which) {
  SmallVector<int64_t> dims;
  for (auto [size, r] : llvm::zip(shape, reduced))
    if (r == which)
      dims.push_back(size);
  return dims;
}

/// Merges the kept-dim index of a row and the reduced-dim index of a column
/// into a full input index.
static Index mergeIndex(ArrayRef<bool> reduced, const Index &row,
                        const Index &col) {
  Index full;
  size_t r = 0, c = 0;
  for (bool isReduced : reduced)
    full.push_back(isReduced ? col[c++] : row[r++]);
  return full;
}

void TaskPrinter::printRowReduction(const Stage &stage, Type t,
                                    ReduceKind kind,
                                    llvm::function_ref<std::string()> element,
                                    const Index &out) {
  StringRef type = computeType(t);
  GroupVars g = groupVars(stage.group);
  std::string acc = fresh("acc");
  os << type << " " << acc << " = " << reductionInit(kind, t) << ";\n";
  if (stage.group == Group::Thread)
    os << "#pragma unroll 4\n";
  os << "for (gpuos_i64 col = " << g.lane << "; col < " << stage.cols
     << "; col += " << g.lanes << ") {\n";
  os.indent();
  {
    Scope scope(*this);
    os << accumulateInto(kind, acc, element()) << "\n";
  }
  os.unindent();
  os << "}\n";
  printReductionResult(stage, t, kind,
                       groupReduce(stage, acc, type, combinerName(kind)), out);
}

/// Stores a reduction's outputs from its group total (a mean divides it).
/// The value stays bound at `out` in the enclosing scope: later stages of a
/// row chain read it from registers.
void TaskPrinter::printReductionResult(const Stage &stage, Type t,
                                       ReduceKind kind, std::string total,
                                       const Index &out) {
  StringRef type = computeType(t);
  if (kind == ReduceKind::mean)
    total = declare(type, "mean",
                    total + " / (" + type.str() + ")" +
                        std::to_string(stage.cols));
  if (roundTo(t, total) != total)
    total = declare(type, "r", roundTo(t, total));
  bind(stage.anchor->getResult(0), out, total);
  // Every lane holds the total; one writes.
  GroupVars g = groupVars(stage.group);
  if (g.lane != "0") {
    os << "if (" << g.lane << " == 0) {\n";
    os.indent();
  }
  printOutputs(stage, out, total);
  if (g.lane != "0") {
    os.unindent();
    os << "}\n";
  }
}

/// The output index of a reduction at input row `row`: kept dims, and 0 for
/// reduced dims kept as size 1.
static Index reduceOutputIndex(ReduceOp reduce, ArrayRef<bool> reduced,
                               const Index &row) {
  Index out;
  size_t r = 0;
  for (bool isReduced : reduced) {
    if (!isReduced)
      out.push_back(row[r++]);
    else if (reduce.getKeepdim())
      out.push_back("0");
  }
  return out;
}

void TaskPrinter::printReduceStage(const Stage &stage) {
  auto reduce = cast<ReduceOp>(stage.anchor);
  Value input = reduce.getInput();
  ArrayRef<int64_t> inShape = shapeOf(input);
  printRowLoop(stage, [&] {
    Index row = delinearize("row", selectDims(inShape, stage.reduced, false));
    domainIndex = row;
    Index out = reduceOutputIndex(reduce, stage.reduced, row);
    printRowReduction(
        stage, elementTypeOf(input), reduce.getKind(),
        [&] {
          Index col =
              delinearize("col", selectDims(inShape, stage.reduced, true));
          return valueAt(input, mergeIndex(stage.reduced, row, col));
        },
        out);
  });
}

void TaskPrinter::printMatmulStage(const Stage &stage) {
  auto matmul = cast<MatmulOp>(stage.anchor);
  if (stage.usesTensorCores())
    return printMmaStage(stage);
  if (stage.group == Group::Warp || stage.group == Group::Columns)
    return printMatmulRows(stage);
  Type t = elementTypeOf(matmul.getResult());
  ArrayRef<int64_t> outShape = stage.shape;
  // The operand index of output `out` and contraction index `col`.
  auto operandIndex = [&](Value operand, const Index &out, bool transposed,
                          bool isLhs) {
    Index batch(out.begin(), out.end() - 2);
    return matmulOperandIndex(operand, batch, outShape.drop_back(2),
                              isLhs ? out[out.size() - 2] : out.back(), "col",
                              transposed, isLhs);
  };
  printRowLoop(stage, [&] {
    Index out = delinearize("row", outShape);
    domainIndex = out;
    printRowReduction(
        stage, t, ReduceKind::sum,
        [&] {
          std::string a = valueAt(
              matmul.getLhs(),
              operandIndex(matmul.getLhs(), out, matmul.getTransposeLhs(),
                           true));
          std::string b = valueAt(
              matmul.getRhs(),
              operandIndex(matmul.getRhs(), out, matmul.getTransposeRhs(),
                           false));
          return declare(computeType(t), "p", a + " * " + b);
        },
        out);
  });
}

//===----------------------------------------------------------------------===//
// Small-M matmuls: several rows per pass
//===----------------------------------------------------------------------===//

// A warp per row (K-contiguous operands), or a block per 32 neighbouring
// outputs whose warps split K (row-major rhs), takes `rowsPerPass` rows at
// once: each row has its own accumulator and one unrolled K loop issues
// every row's loads before their sums need them. Rows past the tile's end
// repeat its last row (loads stay in bounds) and store nothing.
void TaskPrinter::printMatmulRows(const Stage &stage) {
  auto matmul = cast<MatmulOp>(stage.anchor);
  Type t = elementTypeOf(matmul.getResult());
  StringRef type = computeType(t);
  ArrayRef<int64_t> outShape = stage.shape;
  bool columns = stage.group == Group::Columns;
  int64_t passRows = stage.rowsPerPass;
  std::string step = std::to_string(passRows);
  os << "const unsigned lane = threadIdx.x & 31u, warp = threadIdx.x >> 5, "
        "nwarps = blockDim.x >> 5;\n";
  os << "const gpuos_i64 row_end = " << tileBound(stage, "(tile + 1)")
     << ";\n";
  os << "for (gpuos_i64 row = " << tileBound(stage, "tile");
  if (columns)
    os << "; row < row_end; row += " << step << ") {\n";
  else if (passRows == 1)
    os << " + warp; row < row_end; row += nwarps) {\n";
  else
    os << " + warp * " << step << "; row < row_end; row += nwarps * " << step
       << ") {\n";
  os.indent();
  Scope scope(*this);
  SmallVector<Index> outs;
  for (int64_t r = 0; r < passRows; ++r) {
    std::string row = "row";
    if (r > 0) {
      row = "row_" + std::to_string(r);
      os << "const gpuos_i64 " << row << " = row + " << r
         << " < row_end ? row + " << r << " : row_end - 1;\n";
    }
    if (!columns) {
      outs.push_back(delinearize(row, outShape));
      continue;
    }
    std::string item = r == 0 ? "item" : "item_" + std::to_string(r);
    os << "const gpuos_i64 " << item << " = " << row << " * 32 + lane;\n";
    outs.push_back(delinearize(item, outShape));
  }
  SmallVector<std::string> accs;
  for (int64_t r = 0; r < passRows; ++r) {
    accs.push_back(fresh("acc"));
    os << type << " " << accs.back() << " = "
       << reductionInit(ReduceKind::sum, t) << ";\n";
  }
  // K loop unrolling, measured on the H100: whole for short loops (B3's
  // q.K^T, K = 64) and one row of K = 256 (B4: 31.8 against 32.6 us by 4);
  // by 4 with several rows per pass; one row of a longer K is left to nvcc
  // (B5, K = 512: 69.3 us; by 4 75.0; whole 156, spilling). The warps of a
  // Columns stage stride K by nwarps, unknown here: by 16, so that a lane's
  // loads for 16 steps of K are in flight together.
  const int64_t perLane = llvm::divideCeilSigned(stage.cols, int64_t(32));
  if (columns)
    os << "#pragma unroll 16\n";
  else if (perLane <= 4 || perLane * passRows <= 8)
    os << "#pragma unroll\n";
  else if (passRows > 1)
    os << "#pragma unroll 4\n";
  os << "for (gpuos_i64 col = " << (columns ? "warp" : "lane") << "; col < "
     << stage.cols << "; col += " << (columns ? "nwarps" : "32") << ") {\n";
  os.indent();
  {
    Scope loop(*this);
    for (auto [acc, out] : llvm::zip(accs, outs)) {
      domainIndex = out;
      Index batch(out.begin(), out.end() - 2);
      std::string a = valueAt(
          matmul.getLhs(),
          matmulOperandIndex(matmul.getLhs(), batch, outShape.drop_back(2),
                             out[out.size() - 2], "col",
                             matmul.getTransposeLhs(), /*isLhs=*/true));
      std::string b = valueAt(
          matmul.getRhs(),
          matmulOperandIndex(matmul.getRhs(), batch, outShape.drop_back(2),
                             out.back(), "col", matmul.getTransposeRhs(),
                             /*isLhs=*/false));
      std::string p = declare(type, "p", a + " * " + b);
      os << acc << " += " << p << ";\n";
    }
  }
  os.unindent();
  os << "}\n";
  printMatmulRowsSum(stage, accs, outs);
  os.unindent();
  os << "}\n";
}

// Combines each row's partials and stores its outputs: a warp reduction
// with lane 0 storing, or, for Columns, partials through ctx->smem that warp
// r % nwarps sums for row r (rows of a pass in parallel, one barrier).
void TaskPrinter::printMatmulRowsSum(const Stage &stage,
                                     ArrayRef<std::string> accs,
                                     ArrayRef<Index> outs) {
  Type t = elementTypeOf(stage.anchor->getResult(0));
  StringRef type = computeType(t);
  bool columns = stage.group == Group::Columns;
  std::string partial = ("((" + type + "*)ctx->smem)").str();
  auto slot = [](int64_t r, StringRef w) {
    if (r == 0)
      return w == "0" ? std::string("lane") : (w + " * 32 + lane").str();
    if (w == "0")
      return (Twine(r) + " * nwarps * 32 + lane").str();
    return ("(" + Twine(r) + " * nwarps + " + w + ") * 32 + lane").str();
  };
  SmallVector<std::string> totals;
  if (columns) {
    for (auto [r, acc] : llvm::enumerate(accs))
      os << partial << "[" << slot(r, "warp") << "] = " << acc << ";\n";
    os << "__syncthreads();\n";
  } else {
    for (const std::string &acc : accs)
      totals.push_back(declare(
          type, "red", "gpuos_warp_reduce(" + acc + ", gpuos_op_sum())"));
  }
  if (!columns) {
    os << "if (lane == 0) {\n";
    os.indent();
  }
  for (int64_t r = 0, e = accs.size(); r < e; ++r) {
    std::string cond =
        r == 0 ? "" : "row + " + std::to_string(r) + " < row_end";
    if (columns)
      cond = (r == 0 ? "warp == 0" : "warp == " + std::to_string(r) +
                                         " % nwarps && " + cond);
    if (!cond.empty()) {
      os << "if (" << cond << ") {\n";
      os.indent();
    }
    Scope scope(*this);
    std::string total;
    if (columns) {
      total = fresh("red");
      os << type << " " << total << " = " << partial << "[" << slot(r, "0")
         << "];\n";
      os << "for (unsigned w = 1; w < nwarps; ++w)\n";
      os << "  " << total << " += " << partial << "[" << slot(r, "w")
         << "];\n";
    } else {
      total = totals[r];
    }
    if (roundTo(t, total) != total)
      total = declare(type, "r", roundTo(t, total));
    domainIndex = outs[r];
    printOutputs(stage, outs[r], total);
    if (!cond.empty()) {
      os.unindent();
      os << "}\n";
    }
  }
  if (!columns) {
    os.unindent();
    os << "}\n";
  } else {
    os << "__syncthreads(); // the partials are read before the next pass\n";
  }
}

//===----------------------------------------------------------------------===//
// Tensor-core matmuls
//===----------------------------------------------------------------------===//

/// `origin + expr`, or `expr` when the origin is 0.
static std::string plus(StringRef origin, StringRef expr) {
  return origin == "0" ? expr.str() : (origin + " + " + expr).str();
}

// Each row is one output tile. The block stages 32 steps of K of both
// operands into ctx->smem as [rows][pitch] halves, K contiguous (lhs rows
// are m, rhs rows are n), so every fragment register of mma.sync is one
// 32-bit load (gpuos_mma_warp_step in the prelude). Warps take the tile's 8
// units in turn (several passes over K when the block has fewer warps).
void TaskPrinter::printMmaStage(const Stage &stage) {
  const MmaTiling &mma = stage.mma;
  ArrayRef<int64_t> outShape = stage.shape;
  SmallVector<int64_t> grid(outShape.drop_back(2));
  grid.push_back(llvm::divideCeilSigned(outShape[outShape.size() - 2], mma.blockM));
  grid.push_back(llvm::divideCeilSigned(outShape.back(), mma.blockN));
  os << "const unsigned lane = threadIdx.x & 31u, warp = threadIdx.x >> 5, "
        "nwarps = blockDim.x >> 5;\n";
  os << "// lhs tile [" << mma.blockM << "][" << mma.pitch()
     << "] (m, k), then rhs tile [" << mma.blockN << "][" << mma.pitch()
     << "] (n, k)\n";
  os << "gpuos_u16* const tiles = (gpuos_u16*)ctx->smem;\n";
  printRowLoop(stage, [&] {
    Index tile = delinearize("row", grid);
    Index batch(tile.begin(), tile.end() - 2);
    auto origin = [&](StringRef index, int64_t size) {
      return index == "0" ? std::string("0")
                          : indexVar((index + " * " + Twine(size)).str());
    };
    std::string m0 = origin(tile[tile.size() - 2], mma.blockM);
    std::string n0 = origin(tile.back(), mma.blockN);
    domainIndex = batch;
    domainIndex.append({m0, n0});
    os << "for (unsigned unit0 = 0; unit0 < " << MmaTiling::kWarpUnits
       << "; unit0 += nwarps) {\n";
    os.indent();
    os << "const unsigned unit = unit0 + warp;\n";
    os << "const int wm = unit / " << mma.unitsN() << " * 16, wn = unit % "
       << mma.unitsN() << " * " << 8 * mma.fragments << ";\n";
    os << "float acc[" << mma.fragments << "][4] = {};\n";
    os << "for (gpuos_i64 k0 = 0; k0 < " << stage.cols
       << "; k0 += " << mma.stepK << ") {\n";
    os.indent();
    os << "__syncthreads(); // every warp has read the previous tiles\n";
    printMmaStaging(stage, batch, m0, n0);
    os << "__syncthreads();\n";
    os << "if (unit < " << MmaTiling::kWarpUnits << ")\n";
    Type t = elementTypeOf(stage.anchor->getResult(0));
    os << "  gpuos_mma_warp_step<" << mma.fragments << ", " << mma.stepK
       << ">(acc, tiles + wm * " << mma.pitch() << ", tiles + ("
       << mma.blockM << " + wn) * " << mma.pitch() << ", " << mma.pitch()
       << ", "
       << (t.isF16() ? "gpuos_mma_f16" : "gpuos_mma_bf16") << "());\n";
    os.unindent();
    os << "}\n";
    printMmaEpilogue(stage, batch, m0, n0);
    os.unindent();
    os << "}\n";
  });
  os << "__syncthreads(); // the tiles are read before ctx->smem is reused\n";
}

// Each thread loads its elements of the step into registers before storing
// any to shared memory, so that the global loads are in flight together (one
// round with 256 threads; more rounds with fewer).
void TaskPrinter::printMmaStaging(const Stage &stage, const Index &batch,
                                  StringRef m0, StringRef n0) {
  const MmaTiling &mma = stage.mma;
  int64_t lhsElements = mma.blockM * mma.stepK;
  int64_t elements = mma.stepElements();
  std::string regs = std::to_string(mma.stageRegisters());
  os << "for (unsigned e0 = threadIdx.x; e0 < " << elements
     << "; e0 += " << regs << " * blockDim.x) {\n";
  os.indent();
  os << "gpuos_u16 x[" << regs << "];\n";
  os << "int at[" << regs << "]; // element of `tiles`, or -1\n";
  os << "#pragma unroll\n";
  os << "for (int j = 0; j < " << regs << "; ++j) {\n";
  os.indent();
  os << "const unsigned e = e0 + j * blockDim.x;\n";
  os << "x[j] = 0;\n";
  os << "at[j] = -1;\n";
  os << "if (e < " << lhsElements << ") {\n";
  os.indent();
  printMmaOperandLoad(stage, /*isLhs=*/true, batch, m0);
  os.unindent();
  os << "} else if (e < " << elements << ") {\n";
  os.indent();
  printMmaOperandLoad(stage, /*isLhs=*/false, batch, n0);
  os.unindent();
  os << "}\n";
  os.unindent();
  os << "}\n";
  os << "#pragma unroll\n";
  os << "for (int j = 0; j < " << regs << "; ++j)\n";
  os << "  if (at[j] >= 0)\n";
  os << "    tiles[at[j]] = x[j];\n";
  os.unindent();
  os << "}\n";
}

// One element of an operand tile (rows of m or n, by 32 of k) for the
// tile's `origin` row: consecutive threads take consecutive elements along
// the operand's contiguous dim (k for lhs and transposed rhs, else m or n).
// Elements past M, N or K stay zero.
void TaskPrinter::printMmaOperandLoad(const Stage &stage, bool isLhs,
                                      const Index &batch, StringRef origin) {
  Scope scope(*this);
  auto matmul = cast<MatmulOp>(stage.anchor);
  Value operand = isLhs ? matmul.getLhs() : matmul.getRhs();
  bool transposed = isLhs ? matmul.getTransposeLhs() : matmul.getTransposeRhs();
  ArrayRef<int64_t> outShape = stage.shape;
  int64_t rows = isLhs ? stage.mma.blockM : stage.mma.blockN;
  int64_t size = isLhs ? outShape[outShape.size() - 2] : outShape.back();
  int64_t base = isLhs ? 0 : stage.mma.blockM * stage.mma.stepK;
  std::string e = isLhs ? "e" : "(e - " + std::to_string(base) + ")";
  bool alongK = isLhs != transposed;
  int64_t k = stage.mma.stepK;
  if (alongK)
    os << "const int tr = " << e << " / " << k << ", tk = " << e << " % " << k
       << ";\n";
  else
    os << "const int tk = " << e << " / " << rows << ", tr = " << e << " % "
       << rows << ";\n";
  int64_t tileStart = isLhs ? 0 : stage.mma.blockM * stage.mma.pitch();
  os << "at[j] = " << (tileStart ? std::to_string(tileStart) + " + " : "")
     << "tr * "
     << stage.mma.pitch() << " + tk;\n";
  std::string mn = indexVar(plus(origin, "tr"));
  std::string kk = indexVar("k0 + tk");
  SmallVector<std::string> inRange;
  if (size % rows != 0)
    inRange.push_back(mn + " < " + std::to_string(size));
  if (stage.cols % k != 0)
    inRange.push_back(kk + " < " + std::to_string(stage.cols));
  if (!inRange.empty()) {
    os << "if (" << llvm::join(inRange, " && ") << ") {\n";
    os.indent();
  }
  {
    Scope inner(*this);
    Index idx = matmulOperandIndex(operand, batch,
                                   outShape.drop_back(2), mn, kk, transposed,
                                   isLhs);
    // Inputs are copied as stored; computed operands are rounded to the
    // operand type already, so converting back is exact.
    std::string bits;
    if (auto arg = dyn_cast<BlockArgument>(operand)) {
      BufferRef buffer = argBuffer(arg.getArgNumber(), operand);
      bits = buffer.pointer + "[" + offset(idx, buffer) + "]";
    } else {
      bits = toStorage(elementTypeOf(operand), valueAt(operand, idx));
    }
    os << "x[j] = " << bits << ";\n";
  }
  if (!inRange.empty()) {
    os.unindent();
    os << "}\n";
  }
}

// Lane l of a warp holds rows l / 4 and l / 4 + 8 and columns 2 (l % 4) and
// 2 (l % 4) + 1 of each 16 x 8 fragment (the PTX accumulator layout).
void TaskPrinter::printMmaEpilogue(const Stage &stage, const Index &batch,
                                   StringRef m0, StringRef n0) {
  ArrayRef<int64_t> outShape = stage.shape;
  int64_t m = outShape[outShape.size() - 2], n = outShape.back();
  Type t = elementTypeOf(stage.anchor->getResult(0));
  os << "if (unit < " << MmaTiling::kWarpUnits << ") {\n";
  os.indent();
  os << "#pragma unroll\n";
  os << "for (int f = 0; f < " << stage.mma.fragments << "; ++f) {\n";
  os.indent();
  os << "#pragma unroll\n";
  os << "for (int h = 0; h < 4; ++h) {\n";
  os.indent();
  {
    Scope scope(*this);
    std::string mi = indexVar(plus(m0, "wm + (lane >> 2) + (h >> 1) * 8"));
    std::string ni =
        indexVar(plus(n0, "wn + f * 8 + (lane & 3) * 2 + (h & 1)"));
    SmallVector<std::string> inRange;
    if (m % stage.mma.blockM != 0)
      inRange.push_back(mi + " < " + std::to_string(m));
    if (n % stage.mma.blockN != 0)
      inRange.push_back(ni + " < " + std::to_string(n));
    if (!inRange.empty()) {
      os << "if (" << llvm::join(inRange, " && ") << ") {\n";
      os.indent();
    }
    std::string value = roundTo(t, "acc[f][h]");
    if (value != "acc[f][h]")
      value = declare("float", "r", value);
    Index out = batch;
    out.append({mi, ni});
    printOutputs(stage, out, value);
    if (!inRange.empty()) {
      os.unindent();
      os << "}\n";
    }
  }
  os.unindent();
  os << "}\n";
  os.unindent();
  os << "}\n";
  os.unindent();
  os << "}\n";
}

Index TaskPrinter::rowOpInputIndex(const Stage &stage, StringRef col) {
  ArrayRef<int64_t> shape = shapeOf(stage.anchor->getOperand(0));
  Index colIdx = delinearize(col, selectDims(shape, stage.reduced, true));
  return mergeIndex(stage.reduced, rowIndex, colIdx);
}

/// Loops over the columns of the current row: the group's lanes stride over
/// them, or, with `registers`, lane + 32 * j addresses slot v[j].
void TaskPrinter::printColumnLoop(
    const Stage &stage, bool registers, bool usesColumn, StringRef init,
    llvm::function_ref<void(StringRef slot)> body) {
  GroupVars g = groupVars(stage.group);
  bool guard = registers && stage.cols % 32 != 0;
  if (registers) {
    os << "#pragma unroll\n";
    os << "for (int j = 0; j < " << stage.perLane << "; ++j) {\n";
    os.indent();
    if (usesColumn || guard)
      os << "const gpuos_i64 col = lane + 32 * j;\n";
    if (guard && !init.empty()) // slots past the row's end
      os << init << "\n";
  } else {
    os << "for (gpuos_i64 col = " << g.lane << "; col < " << stage.cols
       << "; col += " << g.lanes << ") {\n";
    os.indent();
  }
  if (guard) {
    os << "if (col < " << stage.cols << ") {\n";
    os.indent();
  }
  {
    Scope scope(*this);
    body(registers ? "v[j]" : "");
  }
  if (guard) {
    os.unindent();
    os << "}\n";
  }
  os.unindent();
  os << "}\n";
}

void TaskPrinter::printRowOpStage(const Stage &stage) {
  Operation *op = stage.anchor;
  Value input = op->getOperand(0);
  Type t = elementTypeOf(input);
  ArrayRef<int64_t> inShape = shapeOf(input);
  bool regs = stage.inRegisters;
  std::string cols = floatLiteral((double)stage.cols);
  // The input element of the current column: from registers, or recomputed.
  auto element = [&](StringRef slot) -> std::string {
    if (!slot.empty())
      return slot.str();
    return valueAt(input, rowOpInputIndex(stage, "col"));
  };
  // Loads (or recomputes) the row into registers when they hold it.
  auto loadRow = [&](StringRef init) {
    if (!regs)
      return;
    os << "float v[" << stage.perLane << "];\n";
    printColumnLoop(stage, true, /*usesColumn=*/true,
                    ("v[j] = " + init + ";").str(), [&](StringRef slot) {
                      std::string x =
                          valueAt(input, rowOpInputIndex(stage, "col"));
                      os << slot << " = " << x << ";\n";
                    });
  };
  // Sums `term(x)` over the row and reduces it over the group.
  auto rowSum = [&](StringRef name,
                    llvm::function_ref<std::string(StringRef)> term) {
    std::string acc = fresh(name);
    os << "float " << acc << " = 0.0f;\n";
    printColumnLoop(stage, regs, /*usesColumn=*/!regs, "", [&](StringRef slot) {
      std::string value = term(element(slot));
      os << acc << " += " << value << ";\n";
    });
    return groupReduce(stage, acc, "float", "gpuos_op_sum");
  };
  auto writeRow = [&](llvm::function_ref<std::string(StringRef, const Index &)>
                          value) {
    printColumnLoop(stage, regs, /*usesColumn=*/true, "", [&](StringRef slot) {
      Index idx = rowOpInputIndex(stage, "col");
      std::string x = slot.empty() ? valueAt(input, idx) : slot.str();
      std::string y = declare("float", "y", roundTo(t, value(x, idx)));
      printOutputs(stage, idx, y);
    });
  };
  auto paramAt = [&](Value param, const Index &idx) -> std::string {
    if (!param)
      return "";
    Index trailing(idx.end() - shapeOf(param).size(), idx.end());
    return " * " + valueAt(param, trailing);
  };

  printRowLoop(stage, [&] {
    rowIndex = delinearize("row", selectDims(inShape, stage.reduced, false));
    domainIndex = rowIndex;
    if (auto softmax = dyn_cast<SoftmaxOp>(op)) {
      loadRow(floatLiteral(-INFINITY));
      std::string m = fresh("m");
      os << "float " << m << " = " << floatLiteral(-INFINITY) << ";\n";
      printColumnLoop(stage, regs, /*usesColumn=*/!regs, "", [&](StringRef slot) {
        std::string value = element(slot);
        os << m << " = fmaxf(" << m << ", " << value << ");\n";
      });
      std::string max = groupReduce(stage, m, "float", "gpuos_op_max");
      std::string sum = rowSum("s", [&](StringRef x) {
        if (regs) { // keep exp(x - max) for the write pass
          os << x << " = expf(" << x << " - " << max << ");\n";
          return x.str();
        }
        return "expf(" + x.str() + " - " + max + ")";
      });
      std::string inv = declare("float", "inv", "1.0f / " + sum);
      writeRow([&](StringRef x, const Index &) {
        return regs ? x.str() + " * " + inv
                    : "expf(" + x.str() + " - " + max + ") * " + inv;
      });
    } else if (auto norm = dyn_cast<LayerNormOp>(op)) {
      loadRow("0.0f");
      std::string sum = rowSum("s", [](StringRef x) { return x.str(); });
      std::string mean = declare("float", "mean", sum + " / " + cols);
      std::string sq = rowSum("q", [&](StringRef x) {
        std::string d = declare("float", "d", x.str() + " - " + mean);
        return d + " * " + d;
      });
      std::string rstd = declare(
          "float", "rstd",
          "rsqrtf(" + sq + " / " + cols + " + " +
              floatLiteral(norm.getEpsilon().convertToDouble()) + ")");
      writeRow([&](StringRef x, const Index &idx) {
        std::string y = "(" + x.str() + " - " + mean + ") * " + rstd +
                        paramAt(norm.getWeight(), idx);
        if (Value bias = norm.getBias()) {
          Index trailing(idx.end() - shapeOf(bias).size(), idx.end());
          y += " + " + valueAt(bias, trailing);
        }
        return y;
      });
    } else {
      auto rms = cast<RmsNormOp>(op);
      loadRow("0.0f");
      std::string sq = rowSum("q", [](StringRef x) {
        return x.str() + " * " + x.str();
      });
      std::string rstd = declare(
          "float", "rstd",
          "rsqrtf(" + sq + " / " + cols + " + " +
              floatLiteral(rms.getEpsilon().convertToDouble()) + ")");
      writeRow([&](StringRef x, const Index &idx) {
        return x.str() + " * " + rstd + paramAt(rms.getWeight(), idx);
      });
    }
  });
}

//===----------------------------------------------------------------------===//
// Row chains: stages sharing one loop over their rows (CudaRowChains.cpp)
//===----------------------------------------------------------------------===//

void TaskPrinter::noteChainRead(Value v, const Index &idx, bool stored) {
  if (!inChain || idx == chainElementIndex)
    return;
  if (stored && chainPending.contains(v))
    chainNeedsSync = true;
  if (!stored && shapeOf(v) == ArrayRef<int64_t>(chainShape))
    chainForeignRead = true;
}

void TaskPrinter::printChain(ArrayRef<Stage> chain, unsigned first) {
  const Stage &head = chain.front();
  ArrayRef<int64_t> inShape = shapeOf(head.anchor->getOperand(0));
  os << "{ // stages " << first << "-" << first + chain.size() - 1
     << " in one loop over " << head.rows << " rows of " << head.cols << ", "
     << groupName(head.group) << " per row\n";
  os.indent();
  for (auto [i, stage] : llvm::enumerate(chain)) {
    os << "// stage " << first + i << ": " << stageKindName(stage);
    if (stage.anchor)
      os << " at " << where(stage.anchor->getLoc());
    else
      os << " over " << shapeString(stage.shape);
    if (stage.batched)
      os << ", in the column loop of the stage before";
    os << "\n";
  }
  Scope scope(*this);
  printTileBounds(head);
  if (head.group == Group::Block)
    os << "const unsigned lane = threadIdx.x & 31u, warp = threadIdx.x >> 5, "
          "nwarps = (blockDim.x + 31u) >> 5;\n";
  inChain = true;
  chainShape.assign(inShape.begin(), inShape.end());
  printRowLoop(head, [&] {
    Index row = delinearize("row", selectDims(inShape, head.reduced, false));
    domainIndex = row;
    unsigned reductions = 0;
    for (size_t s = 0; s < chain.size();) {
      size_t e = s + 1;
      while (e < chain.size() && chain[e].batched)
        ++e;
      ArrayRef<Stage> part = chain.slice(s, e - s);
      os.flush();
      size_t mark = body.size();
      chainNeedsSync = false;
      bool foreignReadBefore = chainForeignRead;
      if (part.front().kind == StageKind::Reduce)
        printBatchedReduction(part, row, reductions++, nullptr);
      else if (part.size() > 1)
        printBatchedReduction(part.drop_front(), row, reductions++,
                              &part.front());
      else
        printChainElementwise(part.front(), head, row);
      // Results may be placed over inputs of their shape (in place).
      bool overwritesInput =
          foreignReadBefore && llvm::any_of(part, [&](const Stage &stage) {
            return llvm::any_of(stage.outputs, [&](Value out) {
              return !plan.storage.lookup(out).resultArgs.empty() &&
                     shapeOf(out) == inShape;
            });
          });
      if (chainNeedsSync || overwritesInput) {
        if (head.group != Group::Block) {
          TaskOp task = plan.task;
          status = task.emitError(
              "internal error: a warp row chain needs a block barrier");
          return;
        }
        os.flush();
        size_t indent = body.find_first_not_of(' ', mark) - mark;
        body.insert(mark, std::string(indent, ' ') +
                              "__syncthreads(); // earlier stages of the "
                              "loop stored what this one reads\n");
      }
      for (const Stage &stage : part)
        for (Value out : stage.outputs)
          if (plan.storage.lookup(out).readByLaterStage) {
            available.insert(out);
            chainPending.insert(out);
          }
      s = e;
    }
  });
  inChain = chainForeignRead = false;
  chainPending.clear();
  os.unindent();
  os << "}\n";
}

void TaskPrinter::printChainColumns(
    const Stage &head, const Index &row,
    llvm::function_ref<void(const Index &)> body) {
  GroupVars g = groupVars(head.group);
  ArrayRef<int64_t> inShape = shapeOf(head.anchor->getOperand(0));
  os << "for (gpuos_i64 col = " << g.lane << "; col < " << head.cols
     << "; col += " << g.lanes << ") {\n";
  os.indent();
  {
    Scope scope(*this);
    Index col = delinearize("col", selectDims(inShape, head.reduced, true));
    chainElementIndex = mergeIndex(head.reduced, row, col);
    body(chainElementIndex);
    chainElementIndex.clear();
  }
  os.unindent();
  os << "}\n";
}

void TaskPrinter::printChainElementwise(const Stage &stage, const Stage &head,
                                        const Index &row) {
  printChainColumns(head, row, [&](const Index &idx) {
    domainIndex = idx;
    storeOutputs(stage, idx);
    domainIndex = row;
  });
}

/// The value a batched reduction accumulates: its input, or for a centered
/// one the input of the sum before it.
static Value batchedSource(ArrayRef<Stage> batch, size_t k) {
  return batch[k - (batch[k].centered ? 1 : 0)].anchor->getOperand(0);
}

/// Reductions sharing one column loop, after the elementwise stage `prefix`
/// (if any) whose elements they read.
void TaskPrinter::printBatchedReduction(ArrayRef<Stage> batch,
                                        const Index &row,
                                        unsigned reductionInRow,
                                        const Stage *prefix) {
  const Stage &head = batch.front();
  SmallVector<ReduceOp> reduces;
  SmallVector<Type> types;
  // Per reduction, what a thread accumulates: one value, or for a centered
  // one the count, shift and shifted sums of gpuos_moments_add.
  SmallVector<SmallVector<std::string, 4>> state;
  for (const Stage &stage : batch) {
    reduces.push_back(cast<ReduceOp>(stage.anchor));
    types.push_back(elementTypeOf(reduces.back().getInput()));
    if (stage.centered) {
      state.push_back({fresh("n"), fresh("k"), fresh("s"), fresh("q")});
      os << "float " << llvm::join(state.back(), " = 0.0f, ") << " = 0.0f;\n";
      continue;
    }
    state.push_back({fresh("acc")});
    os << computeType(types.back()) << " " << state.back().front() << " = "
       << reductionInit(reduces.back().getKind(), types.back()) << ";\n";
  }
  printBatchedColumns(batch, row, state, prefix);
  // Every lane's warp total (centered: the warp's state, in place).
  SmallVector<SmallVector<std::string, 4>> warpTotals;
  for (auto [k, stage] : llvm::enumerate(batch)) {
    if (stage.centered) {
      os << "gpuos_warp_moments(" << llvm::join(state[k], ", ") << ");\n";
      warpTotals.push_back(state[k]);
      continue;
    }
    warpTotals.push_back({declare(computeType(types[k]), "red",
                                  ("gpuos_warp_reduce(" + state[k].front() +
                                   ", " + combinerName(reduces[k].getKind()) +
                                   "())")
                                      .str())});
  }
  // Per reduction, its warps' states: one per group (a warp), or slots.
  SmallVector<SmallVector<std::string, 4>> parts;
  std::string count = "1";
  SmallVector<std::string> totals;
  for (auto &values : warpTotals) {
    parts.emplace_back();
    for (const std::string &value : values)
      parts.back().push_back("&" + value);
    totals.push_back(values.front());
  }
  if (head.group == Group::Block) {
    // A slot per warp and accumulated value; consecutive reductions
    // alternate halves of ctx->smem, so only the first of a row waits for
    // earlier readers.
    int64_t offset = (reductionInRow % 2) * (kBatchedReduceSmemBytes / 2);
    for (auto [k, values] : llvm::enumerate(warpTotals)) {
      std::string type = computeType(types[k]).str();
      parts[k].clear();
      for (size_t v = 0; v < values.size(); ++v, offset += 32 * 8)
        parts[k].push_back("((" + type + "*)((char*)ctx->smem + " +
                           std::to_string(offset) + "))");
    }
    if (reductionInRow == 0)
      os << "__syncthreads(); // earlier reductions may still read the slots\n";
    os << "if (lane == 0) {\n";
    for (auto [values, slots] : llvm::zip(warpTotals, parts))
      for (auto [value, slot] : llvm::zip(values, slots))
        os << "  " << slot << "[warp] = " << value << ";\n";
    os << "}\n";
    os << "__syncthreads();\n";
    // Every thread combines the slots in the same order: equal totals.
    count = "nwarps";
    for (auto [k, stage] : llvm::enumerate(batch)) {
      if (stage.centered)
        continue;
      totals[k] = fresh("red");
      os << computeType(types[k]) << " " << totals[k] << " = " << parts[k][0]
         << "[0];\n";
    }
    os << "for (unsigned w = 1; w < nwarps; ++w) {\n";
    for (auto [k, stage] : llvm::enumerate(batch))
      if (!stage.centered)
        os << "  " << totals[k] << " = "
           << combine(reduces[k].getKind(), totals[k], parts[k][0] + "[w]")
           << ";\n";
    os << "}\n";
  }
  // A centered reduction: its states about the mean of the sum before it.
  for (auto [k, stage] : llvm::enumerate(batch))
    if (stage.centered)
      totals[k] = declare(
          "float", "m2",
          "gpuos_moments_about(" + llvm::join(parts[k], ", ") + ", " + count +
              ", " + totals[k - 1] + " / " +
              floatLiteral(double(stage.cols)) + ")");
  for (auto [k, stage] : llvm::enumerate(batch)) {
    Index out = reduceOutputIndex(reduces[k], stage.reduced, row);
    printReductionResult(stage, types[k], reduces[k].getKind(), totals[k],
                         out);
  }
}

/// Row length from which batched reductions load float4 vectors.
static constexpr int64_t kMinVectorRow = 512;

/// Whether `reduced` marks only trailing dims: a dense row is contiguous.
static bool reducesTrailingDims(ArrayRef<bool> reduced) {
  return llvm::is_sorted(reduced);
}

void TaskPrinter::printBatchedColumns(
    ArrayRef<Stage> batch, const Index &row,
    ArrayRef<SmallVector<std::string, 4>> state, const Stage *prefix) {
  const Stage &head = batch.front();
  // The statement that adds element `x` to reduction `k`'s state.
  auto add = [&](size_t k, StringRef x) {
    if (batch[k].centered)
      return "gpuos_moments_add(" + llvm::join(state[k], ", ") + ", " +
             x.str() + ");";
    return accumulateInto(cast<ReduceOp>(batch[k].anchor).getKind(),
                      state[k].front(), x);
  };
  auto scalarLoop = [&] {
    printChainColumns(head, row, [&](const Index &idx) {
      if (prefix) { // its values stay bound for the reductions to read
        domainIndex = idx;
        storeOutputs(*prefix, idx);
        domainIndex = row;
      }
      SmallVector<std::string> xs;
      for (size_t k = 0; k < batch.size(); ++k)
        xs.push_back(valueAt(batchedSource(batch, k), idx));
      for (auto [k, x] : llvm::enumerate(xs))
        os << add(k, x) << "\n";
    });
  };
  // f32 task inputs reduced along contiguous rows: 16-byte loads, several
  // per thread and input issued before any is used. Rows shorter than two
  // elements a thread of a 256-thread block keep the scalar loop, which
  // leaves no thread idle: on the H100 A4 at 8x256 took 48-59 us with it
  // against 59-61 with float4, at 32x128 (a warp per row) 133 against 157.
  auto inputArg = [&](size_t k) {
    return dyn_cast<BlockArgument>(batchedSource(batch, k));
  };
  bool vector = !prefix && head.group == Group::Block &&
                head.cols >= kMinVectorRow && head.cols % 4 == 0 &&
                reducesTrailingDims(head.reduced);
  for (size_t k = 0; k < batch.size() && vector; ++k)
    vector = inputArg(k) && elementTypeOf(inputArg(k)).isF32();
  if (!vector) {
    scalarLoop();
    return;
  }
  llvm::SetVector<unsigned> args;
  for (size_t k = 0; k < batch.size(); ++k)
    args.insert(inputArg(k).getArgNumber());
  GroupVars g = groupVars(head.group);
  int64_t vectors = head.cols / 4;
  int64_t unroll = std::clamp<int64_t>(8 / args.size(), 1, 4);
  SmallVector<std::string> checks;
  for (unsigned arg : args)
    checks.push_back("gpuos_vec4_ok(&ctx->args[" + std::to_string(arg) + "])");
  os << "if (" << llvm::join(checks, " && ") << ") {\n";
  os.indent();
  os << "const gpuos_i64 base = row * " << vectors << ";\n";
  os << "for (gpuos_i64 q0 = " << g.lane << "; q0 < " << vectors
     << "; q0 += " << unroll << " * " << g.lanes << ") {\n";
  os.indent();
  for (unsigned arg : args)
    os << "float4 x" << arg << "[" << unroll << "];\n";
  os << "#pragma unroll\n";
  os << "for (int u = 0; u < " << unroll << "; ++u) {\n";
  os.indent();
  os << "const gpuos_i64 q = q0 + u * " << g.lanes << ";\n";
  os << "if (q < " << vectors << ") {\n";
  for (unsigned arg : args)
    os << "  x" << arg << "[u] = ((const float4*)in" << arg
       << ")[base + q];\n";
  os << "}\n";
  os.unindent();
  os << "}\n";
  os << "#pragma unroll\n";
  os << "for (int u = 0; u < " << unroll << "; ++u) {\n";
  os.indent();
  os << "if (q0 + u * " << g.lanes << " >= " << vectors << ")\n";
  os << "  break;\n";
  for (size_t k = 0; k < batch.size(); ++k) {
    std::string x = "x" + std::to_string(inputArg(k).getArgNumber()) + "[u].";
    if (batch[k].centered) {
      for (StringRef lane : {"x", "y", "z", "w"})
        os << add(k, x + lane.str()) << "\n";
      continue;
    }
    ReduceKind kind = cast<ReduceOp>(batch[k].anchor).getKind();
    std::string four = combine(kind, combine(kind, x + "x", x + "y"),
                               combine(kind, x + "z", x + "w"));
    os << accumulateInto(kind, state[k].front(), four) << "\n";
  }
  os.unindent();
  os << "}\n";
  os.unindent();
  os << "}\n";
  os.unindent();
  os << "} else {\n";
  os.indent();
  scalarLoop();
  os.unindent();
  os << "}\n";
}

FailureOr<PrintedTask> gpuos::cuda::printTask(const TaskPlan &plan,
                                              bool locations) {
  TaskPrinter printer(plan, locations);
  FailureOr<std::string> text = printer.print();
  if (failed(text))
    return failure();
  return PrintedTask{std::move(*text), printer.readsAcrossDomainRows()};
}
