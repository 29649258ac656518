//===- GraphToDot.cpp - draw gpuos graphs as Graphviz DOT -----------------===//
//
// One digraph per module; each gpuos.graph is a cluster, each gpuos.task a
// cluster inside it with one port node per task input and result, so that
// every SSA use is exactly one edge. Node names depend only on positions in
// the module (g<graph>_n<op>, g<graph>_in<i>, ...), so the output is stable
// across runs and diffable.
//
//===----------------------------------------------------------------------===//

#include "gpuos/CodeGen/GraphToDot.h"

#include "gpuos/Dialect/GPUOSOps.h"

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace gpuos;

namespace {

/// Attribute values longer than this are cut, so a large constant does not
/// swamp the drawing.
constexpr size_t kMaxAttrChars = 48;

/// `text` as a DOT string literal; newlines become DOT line breaks.
std::string quote(StringRef text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\')
      out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

/// "4x8xf32" for tensor<4x8xf32>, "f32" for tensor<f32>; any other type as
/// MLIR prints it.
std::string shapeLabel(Type type) {
  std::string s;
  llvm::raw_string_ostream os(s);
  if (auto tensor = dyn_cast<RankedTensorType>(type)) {
    for (int64_t dim : tensor.getShape())
      os << dim << "x";
    os << tensor.getElementType();
  } else {
    os << type;
  }
  return s;
}

/// `value` as a label shows it: arrays as [0, 2], integers and floats
/// without their type; cut to kMaxAttrChars.
std::string attributeText(Attribute value) {
  std::string text;
  llvm::raw_string_ostream os(text);
  if (auto array = dyn_cast<DenseI64ArrayAttr>(value)) {
    os << "[";
    llvm::interleaveComma(array.asArrayRef(), os);
    os << "]";
  } else {
    value.print(os, /*elideType=*/true);
  }
  if (text.size() > kMaxAttrChars)
    text = text.substr(0, kMaxAttrChars) + "...";
  return text;
}

/// The enum keyword that the custom form prints right after the op name
/// ("gpuos.cmp lt"), and the attribute holding it.
std::pair<std::string, StringRef> enumKeyword(Operation *op) {
  using Result = std::pair<std::string, StringRef>;
  return llvm::TypeSwitch<Operation *, Result>(op)
      .Case([](CmpOp cmp) -> Result {
        return {stringifyCmpPredicate(cmp.getPredicate()).str(),
                cmp.getPredicateAttrName().getValue()};
      })
      .Case([](ReduceOp reduce) -> Result {
        return {stringifyReduceKind(reduce.getKind()).str(),
                reduce.getKindAttrName().getValue()};
      })
      .Case([](GeluOp gelu) -> Result {
        return {stringifyGeluApproximation(gelu.getApproximation()).str(),
                gelu.getApproximationAttrName().getValue()};
      })
      .Default([](Operation *) { return Result(); });
}

/// One line per attribute, "name = value" (unit attributes: "name").
std::string attributeLines(ArrayRef<NamedAttribute> attrs,
                           StringRef skip = {}) {
  std::string s;
  llvm::raw_string_ostream os(s);
  for (NamedAttribute attr : attrs) {
    // Bookkeeping of optional operands, already visible as edges.
    if (attr.getName() == skip || attr.getName() == "operandSegmentSizes")
      continue;
    os << "\n" << attr.getName().getValue();
    if (!isa<UnitAttr>(attr.getValue()))
      os << " = " << attributeText(attr.getValue());
  }
  return s;
}

/// Op name (with its enum keyword), result types, then attributes.
std::string opLabel(Operation *op) {
  auto [keyword, enumAttr] = enumKeyword(op);
  std::string label = op->getName().getStringRef().str();
  if (!keyword.empty())
    label += " " + keyword;
  label += "\n";
  llvm::raw_string_ostream os(label);
  llvm::interleaveComma(op->getResultTypes(), os,
                        [&](Type t) { os << shapeLabel(t); });
  return label + attributeLines(op->getAttrDictionary().getValue(), enumAttr);
}

class DotWriter {
public:
  LogicalResult writeModule(ModuleOp module);
  StringRef text() const { return out; }

private:
  LogicalResult writeGraph(GraphOp graph, unsigned index);
  LogicalResult writeBlock(Block &block, unsigned depth);
  LogicalResult writeTask(TaskOp task, StringRef name, unsigned depth);
  void writeNode(unsigned depth, StringRef name, StringRef attrs,
                 StringRef label);
  /// Records an edge from the producer of `value` to node `to`. Edges are
  /// written after all clusters: an edge inside a cluster would pull an
  /// outside producer into it.
  void addEdge(Value value, StringRef to);
  llvm::raw_ostream &indent(unsigned depth);

  std::string out;
  llvm::raw_string_ostream os{out};
  std::vector<std::string> edges;
  llvm::DenseMap<Value, std::string> producers;
  /// Yield operands flow into the result ports of the enclosing task.
  llvm::DenseMap<Operation *, std::string> taskNames;
  std::string prefix;
  unsigned nextOp = 0;
};

} // namespace

llvm::raw_ostream &DotWriter::indent(unsigned depth) {
  return os.indent(2 * depth);
}

void DotWriter::writeNode(unsigned depth, StringRef name, StringRef attrs,
                          StringRef label) {
  indent(depth) << name << " [" << attrs << (attrs.empty() ? "" : ", ")
                << "label=" << quote(label) << "];\n";
}

void DotWriter::addEdge(Value value, StringRef to) {
  edges.push_back(producers.lookup(value) + " -> " + to.str() +
                  " [label=" + quote(shapeLabel(value.getType())) + "];");
}

LogicalResult DotWriter::writeModule(ModuleOp module) {
  os << "digraph gpuos {\n"
     << "  graph [fontname=\"monospace\", fontsize=11];\n"
     << "  node [fontname=\"monospace\", fontsize=10];\n"
     << "  edge [fontname=\"monospace\", fontsize=9];\n";
  unsigned index = 0;
  for (Operation &op : module.getBody()->getOperations()) {
    auto graph = dyn_cast<GraphOp>(op);
    if (!graph)
      return op.emitError() << "cannot draw '" << op.getName()
                            << "': only gpuos.graph operations may appear at "
                               "the top level of the module";
    if (failed(writeGraph(graph, index++)))
      return failure();
  }
  for (const std::string &edge : edges)
    os << "  " << edge << "\n";
  os << "}\n";
  return success();
}

LogicalResult DotWriter::writeGraph(GraphOp graph, unsigned index) {
  prefix = "g" + std::to_string(index) + "_";
  nextOp = 0;
  indent(1) << "subgraph cluster_g" << index << " {\n";
  // Graph-level results of passes (arena size, task count, ...), not the
  // signature.
  SmallVector<NamedAttribute> passAttrs =
      llvm::to_vector(graph->getDiscardableAttrs());
  indent(2) << "label="
            << quote("@" + graph.getSymName().str() + attributeLines(passAttrs))
            << ";\n";
  Block &body = graph.getBody().front();
  for (BlockArgument arg : body.getArguments()) {
    std::string name = prefix + "in" + std::to_string(arg.getArgNumber());
    producers[arg] = name;
    writeNode(2, name, "shape=invhouse, style=filled, fillcolor=\"#d6eaf8\"",
              "input #" + std::to_string(arg.getArgNumber()) + "\n" +
                  shapeLabel(arg.getType()));
  }
  if (failed(writeBlock(body, 2)))
    return failure();
  indent(1) << "}\n";
  return success();
}

LogicalResult DotWriter::writeBlock(Block &block, unsigned depth) {
  for (Operation &op : block) {
    if (auto ret = dyn_cast<ReturnOp>(op)) {
      for (auto [i, value] : llvm::enumerate(ret.getOperands())) {
        std::string name = prefix + "out" + std::to_string(i);
        writeNode(depth, name,
                  "shape=house, style=filled, fillcolor=\"#fdebd0\"",
                  "output #" + std::to_string(i) + "\n" +
                      shapeLabel(value.getType()));
        addEdge(value, name);
      }
      continue;
    }
    if (auto yield = dyn_cast<YieldOp>(op)) {
      std::string task = taskNames.lookup(yield->getParentOp());
      for (auto [i, value] : llvm::enumerate(yield.getOperands()))
        addEdge(value, (task + "_out" + Twine(i)).str());
      continue;
    }
    std::string name = prefix + "n" + std::to_string(nextOp++);
    if (auto task = dyn_cast<TaskOp>(op)) {
      if (failed(writeTask(task, name, depth)))
        return failure();
      continue;
    }
    if (op.getNumRegions() != 0)
      return op.emitError() << "cannot draw '" << op.getName()
                            << "': only gpuos.task may hold a region";
    writeNode(depth, name, "shape=box", opLabel(&op));
    for (Value operand : op.getOperands())
      addEdge(operand, name);
    for (Value result : op.getResults())
      producers[result] = name;
  }
  return success();
}

LogicalResult DotWriter::writeTask(TaskOp task, StringRef name,
                                   unsigned depth) {
  taskNames[task] = name.str();
  indent(depth) << "subgraph cluster_" << name << " {\n";
  indent(depth + 1) << "label="
                    << quote(
                           "gpuos.task" +
                           attributeLines(task->getAttrDictionary().getValue()))
                    << ";\n";
  indent(depth + 1) << "style=rounded;\n";
  Block &body = task.getBodyBlock();
  for (auto [i, pair] :
       llvm::enumerate(llvm::zip(task.getInputs(), body.getArguments()))) {
    auto [input, arg] = pair;
    std::string port = (name + "_in" + Twine(i)).str();
    writeNode(depth + 1, port, "shape=invtriangle",
              "in #" + std::to_string(i) + "\n" + shapeLabel(arg.getType()));
    addEdge(input, port);
    producers[arg] = port;
  }
  if (failed(writeBlock(body, depth + 1)))
    return failure();
  for (auto [i, result] : llvm::enumerate(task.getResults())) {
    std::string port = (name + "_out" + Twine(i)).str();
    writeNode(depth + 1, port, "shape=triangle",
              "out #" + std::to_string(i) + "\n" +
                  shapeLabel(result.getType()));
    producers[result] = port;
  }
  indent(depth) << "}\n";
  return success();
}

LogicalResult gpuos::translateToDot(ModuleOp module, llvm::raw_ostream &os) {
  DotWriter writer;
  if (failed(writer.writeModule(module)))
    return failure();
  os << writer.text();
  return success();
}

void gpuos::registerToDotTranslation() {
  static TranslateFromMLIRRegistration registration(
      "gpuos-to-dot", "Draw gpuos graphs as a Graphviz DOT digraph",
      [](ModuleOp module, llvm::raw_ostream &os) {
        return translateToDot(module, os);
      },
      [](DialectRegistry &registry) { registry.insert<GPUOSDialect>(); });
}
