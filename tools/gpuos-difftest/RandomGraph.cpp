//===- RandomGraph.cpp - random gpuos graphs for differential tests -------===//

#include "RandomGraph.h"

#include "mlir/IR/Builders.h"

#include <cmath>

using namespace mlir;
using namespace gpuos;
using namespace gpuos::difftest;

namespace {

/// Magnitude above which a value is squashed before a product or a norm.
constexpr double kSafeBound = 4.0;

class Generator {
public:
  Generator(MLIRContext &context, std::mt19937_64 &rng,
            const RandomGraphOptions &options)
      : builder(&context), loc(builder.getUnknownLoc()), rng(rng),
        options(options) {}

  OwningOpRef<ModuleOp> build(int64_t index) {
    OwningOpRef<ModuleOp> module = ModuleOp::create(loc);
    builder.setInsertionPointToEnd(module->getBody());
    graph = GraphOp::create(builder, loc, "g" + std::to_string(index),
                            builder.getFunctionType({}, {}));
    body = &graph.getBody().front();
    builder.setInsertionPointToEnd(body);

    const Type floats[] = {builder.getF32Type(), builder.getF32Type(),
                           builder.getF32Type(), builder.getF16Type(),
                           builder.getBF16Type()};
    floatType = floats[uniform(0, 4)];
    int64_t rank = pick<int64_t>({1, 2, 2, 3, 3});
    for (int64_t d = 0; d < rank; ++d)
      baseShape.push_back(pick<int64_t>({2, 3, 4, 5, 8, 16, 32, 64}));
    while (numElements(baseShape) > options.maxElements / 2)
      for (int64_t &d : baseShape)
        d = std::max<int64_t>(1, d / 2);

    for (int64_t i = 0; i < options.numOps; ++i)
      addRandomOp();

    // Return the values nothing reads (at most 8), newest first.
    SmallVector<Value> outputs;
    for (Value v : llvm::reverse(pool))
      if (v.use_empty() && isa<OpResult>(v) && outputs.size() < 8)
        outputs.push_back(v);
    if (outputs.empty())
      outputs.push_back(pool.back());
    ReturnOp::create(builder, loc, outputs);
    graph.setFunctionTypeAttr(TypeAttr::get(builder.getFunctionType(
        body->getArgumentTypes(), ValueRange(outputs).getTypes())));
    return module;
  }

private:
  int64_t uniform(int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(rng);
  }
  bool chance(double p) { return std::bernoulli_distribution(p)(rng); }
  template <typename T> T pick(std::initializer_list<T> list) {
    return *(list.begin() + uniform(0, list.size() - 1));
  }
  static int64_t numElements(ArrayRef<int64_t> shape) {
    int64_t n = 1;
    for (int64_t d : shape)
      n *= d;
    return n;
  }
  static RankedTensorType typeOf(Value v) {
    return cast<RankedTensorType>(v.getType());
  }
  double boundOf(Value v) { return bound.lookup(v); }

  Value record(Operation *op, double magnitude) {
    Value v = op->getResult(0);
    bound[v] = magnitude;
    pool.push_back(v);
    return v;
  }

  Value newArgument(Type elementType, ArrayRef<int64_t> shape) {
    Value v = body->addArgument(RankedTensorType::get(shape, elementType), loc);
    bound[v] = elementType.isInteger() ? 8.0 : 1.0;
    return v;
  }

  /// A shape that broadcasts with `shape`: a suffix, some dims set to 1.
  SmallVector<int64_t> broadcastPartner(ArrayRef<int64_t> shape) {
    size_t rank = uniform(0, shape.size());
    SmallVector<int64_t> out(shape.take_back(rank));
    for (int64_t &d : out)
      if (chance(0.3))
        d = 1;
    return out;
  }

  /// A float value of the graph's float type, bounded by kSafeBound.
  Value floatOperand(bool bounded = true) {
    SmallVector<Value> candidates;
    for (Value v : pool)
      if (typeOf(v).getElementType() == floatType)
        candidates.push_back(v);
    Value v;
    if (candidates.empty() || chance(0.15)) {
      SmallVector<int64_t> shape(baseShape);
      if (chance(0.3))
        shape = broadcastPartner(baseShape);
      v = newArgument(floatType, shape);
    } else {
      // Prefer recent values so chains grow long.
      size_t n = candidates.size();
      size_t i = chance(0.7) ? n - 1 - uniform(0, std::min<size_t>(n - 1, 3))
                             : uniform(0, n - 1);
      v = candidates[i];
    }
    if (bounded && boundOf(v) > kSafeBound)
      v = unary<TanhOp>(v, 1.0);
    return v;
  }

  Value scalar(Type elementType, double value) {
    TypedAttr attr = isa<FloatType>(elementType)
                         ? TypedAttr(FloatAttr::get(elementType, value))
                         : TypedAttr(IntegerAttr::get(elementType, (int64_t)value));
    Operation *fill = FillOp::create(
        builder, loc, RankedTensorType::get({}, elementType), attr);
    bound[fill->getResult(0)] = std::abs(value);
    return fill->getResult(0);
  }

  /// |x| + 1: a positive operand for log, sqrt, rsqrt, pow and divisors.
  Value positive(Value x) {
    Value a = unary<AbsOp>(x, boundOf(x));
    return binary<AddOp>(a, scalar(typeOf(x).getElementType(), 1.0),
                         boundOf(x) + 1);
  }

  template <typename OpTy> Value unary(Value x, double magnitude) {
    return record(OpTy::create(builder, loc, x.getType(), x), magnitude);
  }

  template <typename OpTy> Value binary(Value a, Value b, double magnitude) {
    auto shape = broadcastShapes(typeOf(a).getShape(), typeOf(b).getShape());
    auto type = RankedTensorType::get(*shape, typeOf(a).getElementType());
    return record(OpTy::create(builder, loc, type, a, b), magnitude);
  }

  /// A second operand for `a`: from the pool when one broadcasts, else new.
  Value partnerFor(Value a) {
    if (chance(0.6)) {
      for (int attempt = 0; attempt < 4; ++attempt) {
        Value b = floatOperand();
        if (typeOf(b).getElementType() == typeOf(a).getElementType() &&
            succeeded(broadcastShapes(typeOf(a).getShape(),
                                      typeOf(b).getShape())))
          return b;
      }
    }
    return newArgument(typeOf(a).getElementType(),
                       broadcastPartner(typeOf(a).getShape()));
  }

  bool fits(ArrayRef<int64_t> shape) {
    return numElements(shape) <= options.maxElements;
  }

  void addRandomOp() {
    // Each kind of op with its weight (out of 16).
    const std::pair<void (Generator::*)(), int64_t> menu[] = {
        {&Generator::addUnary, 2},         {&Generator::addBinary, 3},
        {&Generator::addGuardedMath, 1},   {&Generator::addReduce, 1},
        {&Generator::addSoftmaxOrNorm, 1}, {&Generator::addMatmul, 1},
        {&Generator::addView, 2},          {&Generator::addCompareSelect, 1},
        {&Generator::addCast, 1},          {&Generator::addIntegerIsland, 1},
        {&Generator::addConcatOrBroadcast, 2}};
    int64_t choice = uniform(0, 15);
    for (auto [add, weight] : menu) {
      if (choice < weight)
        return (this->*add)();
      choice -= weight;
    }
  }

  void addUnary() {
    Value x = floatOperand(/*bounded=*/false);
    double b = boundOf(x);
    switch (uniform(0, 8)) {
    case 0: unary<NegOp>(x, b); return;
    case 1: unary<AbsOp>(x, b); return;
    case 2: unary<TanhOp>(x, 1); return;
    case 3: unary<SigmoidOp>(x, 1); return;
    case 4: unary<ReluOp>(x, b); return;
    case 5: unary<SiluOp>(x, b); return;
    case 6: unary<SinOp>(x, 1); return;
    case 7: unary<CosOp>(x, 1); return;
    default: {
      auto approx = chance(0.5) ? GeluApproximation::tanh : GeluApproximation::erf;
      record(GeluOp::create(builder, loc, x.getType(),
                            GeluApproximationAttr::get(builder.getContext(), approx),
                            x),
             b);
      return;
    }
    }
  }

  void addBinary() {
    Value a = floatOperand();
    Value b = partnerFor(a);
    auto shape = broadcastShapes(typeOf(a).getShape(), typeOf(b).getShape());
    if (!fits(*shape))
      return;
    double ba = boundOf(a), bb = boundOf(b);
    switch (uniform(0, 5)) {
    case 0: binary<AddOp>(a, b, ba + bb); return;
    case 1: binary<SubOp>(a, b, ba + bb); return;
    case 2: binary<MulOp>(a, b, ba * bb); return;
    case 3: binary<MaxOp>(a, b, std::max(ba, bb)); return;
    case 4: binary<MinOp>(a, b, std::max(ba, bb)); return;
    default:
      binary<DivOp>(a, positive(b), ba);
      return;
    }
  }

  /// exp, log, sqrt, rsqrt and pow on operands that keep them finite.
  void addGuardedMath() {
    Value x = floatOperand();
    double b = boundOf(x);
    switch (uniform(0, 4)) {
    case 0: unary<ExpOp>(unary<TanhOp>(x, 1), M_E); return;
    case 1: unary<LogOp>(positive(x), std::log(b + 1)); return;
    case 2: unary<SqrtOp>(positive(x), std::sqrt(b + 1)); return;
    case 3: unary<RsqrtOp>(positive(x), 1); return;
    default:
      binary<PowOp>(positive(x), scalar(typeOf(x).getElementType(), 1.5),
                    std::pow(b + 1, 1.5));
      return;
    }
  }

  void addReduce() {
    Value x = floatOperand();
    auto type = typeOf(x);
    if (type.getRank() == 0)
      return;
    SmallVector<int64_t> axes;
    for (int64_t d = 0; d < type.getRank(); ++d)
      if (chance(0.5))
        axes.push_back(d);
    if (axes.empty())
      axes.push_back(type.getRank() - 1);
    bool keepdim = chance(0.6);
    int64_t reduced = 1;
    SmallVector<int64_t> shape;
    for (int64_t d = 0; d < type.getRank(); ++d) {
      if (!llvm::is_contained(axes, d))
        shape.push_back(type.getDimSize(d));
      else {
        reduced *= type.getDimSize(d);
        if (keepdim)
          shape.push_back(1);
      }
    }
    auto kind = pick<ReduceKind>({ReduceKind::sum, ReduceKind::mean,
                                  ReduceKind::max, ReduceKind::min,
                                  ReduceKind::prod});
    if (kind == ReduceKind::prod && reduced > 4)
      kind = ReduceKind::sum;
    double b = boundOf(x);
    double magnitude = kind == ReduceKind::sum    ? b * reduced
                       : kind == ReduceKind::prod ? std::pow(std::max(b, 1.0), reduced)
                                                  : b;
    record(ReduceOp::create(builder, loc,
                            RankedTensorType::get(shape, type.getElementType()),
                            kind, x, axes, keepdim),
           magnitude);
  }

  void addSoftmaxOrNorm() {
    Value x = floatOperand();
    auto type = typeOf(x);
    if (type.getRank() == 0)
      return;
    int64_t rank = type.getRank();
    int64_t which = uniform(0, 2);
    if (which == 0) {
      record(SoftmaxOp::create(builder, loc, type, x,
                               builder.getI64IntegerAttr(uniform(0, rank - 1))),
             1);
      return;
    }
    int64_t dims = uniform(1, rank);
    SmallVector<int64_t> normalized(type.getShape().take_back(dims));
    // Half precision cancels badly in x - mean for near-constant rows; a
    // larger epsilon keeps both forms comparable.
    double eps = floatType.isF32() ? pick<double>({1e-5, 1e-2}) : 1e-1;
    Value weight = chance(0.6) ? newArgument(floatType, normalized) : Value();
    double magnitude = std::sqrt((double)numElements(normalized)) *
                       (weight ? boundOf(weight) : 1.0);
    if (which == 1) {
      Value bias = chance(0.5) ? newArgument(floatType, normalized) : Value();
      record(LayerNormOp::create(builder, loc, type, x, weight, bias,
                                 builder.getI64IntegerAttr(dims),
                                 builder.getF64FloatAttr(eps)),
             magnitude + 1);
      return;
    }
    record(RmsNormOp::create(builder, loc, type, x, weight,
                             builder.getI64IntegerAttr(dims),
                             builder.getF64FloatAttr(eps)),
           magnitude);
  }

  void addMatmul() {
    Value lhs = floatOperand();
    auto type = typeOf(lhs);
    if (type.getRank() < 2)
      return;
    bool transposeLhs = chance(0.2), transposeRhs = chance(0.3);
    int64_t rank = type.getRank();
    int64_t m = type.getDimSize(rank - (transposeLhs ? 1 : 2));
    int64_t k = type.getDimSize(rank - (transposeLhs ? 2 : 1));
    int64_t n = pick<int64_t>({1, 3, 4, 8, 16});
    SmallVector<int64_t> batch(type.getShape().drop_back(2));
    SmallVector<int64_t> rhsShape(batch);
    if (!rhsShape.empty() && chance(0.3))
      rhsShape.erase(rhsShape.begin()); // broadcast batch
    rhsShape.push_back(transposeRhs ? n : k);
    rhsShape.push_back(transposeRhs ? k : n);
    SmallVector<int64_t> resultShape(batch);
    resultShape.push_back(m);
    resultShape.push_back(n);
    if (!fits(resultShape))
      return;
    Value rhs = newArgument(floatType, rhsShape);
    record(MatmulOp::create(builder, loc,
                            RankedTensorType::get(resultShape, floatType), lhs,
                            rhs, transposeLhs ? builder.getUnitAttr() : nullptr,
                            transposeRhs ? builder.getUnitAttr() : nullptr),
           boundOf(lhs) * boundOf(rhs) * k);
  }

  void addView() {
    Value x = floatOperand(/*bounded=*/false);
    auto type = typeOf(x);
    ArrayRef<int64_t> shape = type.getShape();
    int64_t rank = type.getRank();
    double b = boundOf(x);
    switch (uniform(0, 2)) {
    case 0: {
      // Merge two neighbouring dims, or split one in two.
      SmallVector<int64_t> out(shape);
      if (rank >= 2 && chance(0.5)) {
        int64_t d = uniform(0, rank - 2);
        out[d] *= out[d + 1];
        out.erase(out.begin() + d + 1);
      } else if (rank >= 1 && rank < 4) {
        int64_t d = uniform(0, rank - 1);
        int64_t f = out[d] % 2 == 0 ? 2 : 1;
        out[d] /= f;
        out.insert(out.begin() + d, f);
      }
      record(ReshapeOp::create(builder, loc,
                               RankedTensorType::get(out, type.getElementType()),
                               x),
             b);
      return;
    }
    case 1: {
      if (rank < 2)
        return;
      SmallVector<int64_t> perm = llvm::to_vector(llvm::seq<int64_t>(0, rank));
      std::shuffle(perm.begin(), perm.end(), rng);
      SmallVector<int64_t> out;
      for (int64_t p : perm)
        out.push_back(shape[p]);
      record(PermuteOp::create(builder, loc,
                               RankedTensorType::get(out, type.getElementType()),
                               x, builder.getDenseI64ArrayAttr(perm)),
             b);
      return;
    }
    default: {
      if (rank == 0)
        return;
      SmallVector<int64_t> starts, limits, strides, out;
      for (int64_t d = 0; d < rank; ++d) {
        int64_t start = uniform(0, shape[d] / 2);
        int64_t limit = uniform(start + 1, shape[d]);
        int64_t stride = uniform(1, 2);
        starts.push_back(start);
        limits.push_back(limit);
        strides.push_back(stride);
        out.push_back((limit - start + stride - 1) / stride);
      }
      record(SliceOp::create(builder, loc,
                             RankedTensorType::get(out, type.getElementType()),
                             x, builder.getDenseI64ArrayAttr(starts),
                             builder.getDenseI64ArrayAttr(limits),
                             builder.getDenseI64ArrayAttr(strides)),
             b);
      return;
    }
    }
  }

  void addConcatOrBroadcast() {
    Value x = floatOperand(/*bounded=*/false);
    auto type = typeOf(x);
    if (type.getRank() == 0 || chance(0.5)) {
      // Broadcast to a shape with one more leading dim.
      SmallVector<int64_t> out(type.getShape());
      for (int64_t &d : out)
        if (d == 1)
          d = pick<int64_t>({1, 2, 4});
      out.insert(out.begin(), pick<int64_t>({2, 3}));
      if (!fits(out))
        return;
      record(BroadcastToOp::create(
                 builder, loc, RankedTensorType::get(out, type.getElementType()),
                 x),
             boundOf(x));
      return;
    }
    int64_t axis = uniform(0, type.getRank() - 1);
    SmallVector<int64_t> other(type.getShape());
    other[axis] = uniform(1, 4);
    Value y = newArgument(type.getElementType(), other);
    SmallVector<int64_t> out(type.getShape());
    out[axis] += other[axis];
    if (!fits(out))
      return;
    record(ConcatOp::create(builder, loc,
                            RankedTensorType::get(out, type.getElementType()),
                            ValueRange{x, y}, builder.getI64IntegerAttr(axis)),
           std::max(boundOf(x), 1.0));
  }

  /// cmp reads graph inputs only: rounding elsewhere can never flip it.
  void addCompareSelect() {
    SmallVector<int64_t> shape(baseShape);
    Value a = newArgument(floatType, shape);
    Value b = newArgument(floatType, broadcastPartner(shape));
    auto predicate = pick<CmpPredicate>({CmpPredicate::lt, CmpPredicate::le,
                                         CmpPredicate::gt, CmpPredicate::ge,
                                         CmpPredicate::ne});
    auto condType = RankedTensorType::get(shape, builder.getI1Type());
    Value cond = CmpOp::create(builder, loc, condType,
                               CmpPredicateAttr::get(builder.getContext(),
                                                     predicate),
                               a, b);
    Value t = floatOperand(/*bounded=*/false);
    Value f = partnerFor(t);
    auto out = broadcastShapes(typeOf(t).getShape(), typeOf(f).getShape());
    if (failed(out) || failed(broadcastShapes(*out, shape)))
      return;
    auto resultShape = *broadcastShapes(*out, shape);
    if (!fits(resultShape))
      return;
    record(SelectOp::create(builder, loc,
                            RankedTensorType::get(resultShape, floatType), cond,
                            t, f),
           std::max(boundOf(t), boundOf(f)));
  }

  /// Float to another float type and back: rounding, exactly reproducible.
  void addCast() {
    Value x = floatOperand(/*bounded=*/false);
    auto type = typeOf(x);
    Type other = pick<Type>({builder.getF32Type(), builder.getF16Type(),
                             builder.getBF16Type()});
    if (other == floatType)
      return;
    if (boundOf(x) > 60000 && other.isF16())
      x = unary<TanhOp>(x, 1);
    Value there = CastOp::create(builder, loc,
                                 RankedTensorType::get(type.getShape(), other), x);
    record(CastOp::create(builder, loc, type, there), boundOf(x));
  }

  /// i32 arithmetic on fresh inputs, cast to the float type.
  void addIntegerIsland() {
    Type i32 = builder.getI32Type();
    Value a = newArgument(i32, baseShape);
    Value b = newArgument(i32, broadcastPartner(baseShape));
    Value c;
    switch (uniform(0, 4)) {
    case 0: c = binary<AddOp>(a, b, 16); break;
    case 1: c = binary<SubOp>(a, b, 16); break;
    case 2: c = binary<MulOp>(a, b, 64); break;
    case 3: c = binary<MaxOp>(a, b, 8); break;
    default: c = binary<DivOp>(a, positive(b), 8); break;
    }
    if (chance(0.5))
      c = unary<ReluOp>(c, boundOf(c));
    if (chance(0.4) && typeOf(c).getRank() > 0)
      c = record(ReduceOp::create(
                     builder, loc,
                     RankedTensorType::get(
                         typeOf(c).getShape().drop_back().vec(), i32),
                     chance(0.5) ? ReduceKind::sum : ReduceKind::mean, c,
                     ArrayRef<int64_t>{typeOf(c).getRank() - 1}, false),
                 boundOf(c) * typeOf(c).getShape().back());
    record(CastOp::create(builder, loc,
                          RankedTensorType::get(typeOf(c).getShape(), floatType),
                          c),
           boundOf(c));
  }

  OpBuilder builder;
  Location loc;
  std::mt19937_64 &rng;
  const RandomGraphOptions &options;
  GraphOp graph;
  Block *body = nullptr;
  Type floatType;
  SmallVector<int64_t> baseShape;
  SmallVector<Value> pool;
  DenseMap<Value, double> bound;
};

} // namespace

OwningOpRef<ModuleOp>
gpuos::difftest::buildRandomGraph(MLIRContext &context, std::mt19937_64 &rng,
                                  const RandomGraphOptions &options,
                                  int64_t index) {
  return Generator(context, rng, options).build(index);
}
