//===- ManifestEmitter.cpp - the --gpuos-to-manifest translation ----------===//
//
// Reads what the passes attach (include/gpuos/Transforms/TaskAttributes.h):
// task ids, dependencies, tiles and the memory plan; and what the CUDA
// emitter's plan needs (scratch, shared memory). Buffers are named by kind:
// a graph input, a graph output, or an offset in the graph's arena. Every
// buffer is dense row-major, so strides follow from shapes.
//
//===----------------------------------------------------------------------===//

#include "gpuos/CodeGen/ManifestEmitter.h"

#include "CudaTaskPlan.h"

#include "gpuos/CodeGen/CudaEmitter.h"
#include "gpuos/Dialect/GPUOSDialect.h"
#include "gpuos/Transforms/TaskAttributes.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/Support/JSON.h"

using namespace mlir;
using namespace gpuos;
using namespace gpuos::cuda;

/// GPUOS_DEVICE_ABI_VERSION of runtime/include/gpuos/device_abi.h, which
/// the emitted operators are written against (the compiler does not include
/// runtime headers).
static constexpr int64_t kDeviceAbiVersion = 1;

static StringRef dtypeName(Type t) {
  if (t.isF32())
    return "f32";
  if (t.isF16())
    return "f16";
  if (t.isBF16())
    return "bf16";
  if (t.isInteger(1))
    return "i1";
  if (t.isInteger(32))
    return "i32";
  return "i64";
}

/// dtype, shape, dense strides (elements) and bytes of a tensor.
static void writeLayout(llvm::json::OStream &j, Type type) {
  auto tensor = cast<RankedTensorType>(type);
  ArrayRef<int64_t> shape = tensor.getShape();
  SmallVector<int64_t> strides(shape.size());
  int64_t stride = 1;
  for (int64_t d = shape.size() - 1; d >= 0; --d) {
    strides[d] = stride;
    stride *= shape[d];
  }
  j.attribute("dtype", dtypeName(tensor.getElementType()));
  j.attributeArray("shape", [&] {
    for (int64_t s : shape)
      j.value(s);
  });
  j.attributeArray("strides", [&] {
    for (int64_t s : strides)
      j.value(s);
  });
  j.attribute("bytes",
              tensor.getNumElements() * elementBytes(tensor.getElementType()));
}

namespace {
/// Where a value lives at run time.
struct BufferRef {
  StringRef kind; // "input", "output" or "arena"
  int64_t index = 0; // graph input / output index, or arena byte offset
};

/// One graph's manifest: resolves buffers, then writes.
class GraphManifest {
public:
  GraphManifest(GraphOp graph, const ModuleOperators &operators)
      : graph(graph), operators(operators) {
    for (const ModuleOperators::Task &task : operators.tasks)
      if (task.task->getParentOp() == graph)
        tasks.push_back(&task);
  }

  LogicalResult resolve();
  void write(llvm::json::OStream &j);

private:
  FailureOr<BufferRef> bufferOf(Value v, Operation *user);
  int64_t taskId(TaskOp task, size_t position) const {
    if (auto id = task->getAttrOfType<IntegerAttr>(attr::kTaskId))
      return id.getInt();
    return position;
  }

  GraphOp graph;
  const ModuleOperators &operators;
  SmallVector<const ModuleOperators::Task *> tasks;
  llvm::DenseMap<Value, BufferRef> buffers;
  llvm::DenseMap<Operation *, int64_t> ids;
};
} // namespace

FailureOr<BufferRef> GraphManifest::bufferOf(Value v, Operation *user) {
  if (auto arg = dyn_cast<BlockArgument>(v))
    return BufferRef{"input", arg.getArgNumber()};
  auto it = buffers.find(v);
  if (it != buffers.end())
    return it->second;
  return user->emitError()
         << "reads a value of '" << v.getDefiningOp()->getName()
         << "' outside any gpuos.task; run gpuos-fuse before "
            "--gpuos-to-manifest";
}

LogicalResult GraphManifest::resolve() {
  for (auto [position, entry] : llvm::enumerate(tasks)) {
    TaskOp task = entry->task;
    ids[task] = taskId(task, position);
    auto offsets = task->getAttrOfType<DenseI64ArrayAttr>(attr::kResultOffsets);
    auto outputs = task->getAttrOfType<DenseI64ArrayAttr>(attr::kResultOutputs);
    if (!offsets || !outputs || offsets.size() != task.getNumResults() ||
        outputs.size() != task.getNumResults())
      return task.emitError()
             << "needs '" << attr::kResultOffsets << "' and '"
             << attr::kResultOutputs << "' with one entry per result; run "
             << "gpuos-plan-memory before --gpuos-to-manifest";
    for (auto [i, result] : llvm::enumerate(task.getResults())) {
      if (outputs[i] >= 0)
        buffers[result] = {"output", outputs[i]};
      else if (offsets[i] >= 0)
        buffers[result] = {"arena", offsets[i]};
      else if (!result.use_empty())
        return task.emitError() << "result #" << i
                                << " is read but has no buffer (offset and "
                                   "output are both -1)";
    }
  }
  for (Operation &op : graph.getBody().front().without_terminator())
    if (!isa<TaskOp>(op))
      return op.emitError() << "'" << op.getName()
                            << "' is outside any gpuos.task; run gpuos-fuse "
                               "before --gpuos-to-manifest";
  for (const ModuleOperators::Task *entry : tasks) {
    TaskOp task = entry->task;
    for (Value input : task.getInputs())
      if (failed(bufferOf(input, task)))
        return failure();
  }
  return success();
}

void GraphManifest::write(llvm::json::OStream &j) {
  auto intAttr = [](Operation *op, StringRef name) -> std::optional<int64_t> {
    if (auto a = op->getAttrOfType<IntegerAttr>(name))
      return a.getInt();
    return std::nullopt;
  };
  auto writeBuffer = [&](const BufferRef &buffer) {
    j.attributeObject("buffer", [&] {
      j.attribute("kind", buffer.kind);
      j.attribute(buffer.kind == "arena" ? "offset" : "index", buffer.index);
    });
  };
  j.object([&] {
    j.attribute("name", graph.getSymName());
    j.attributeObject("arena", [&] {
      j.attribute("bytes", intAttr(graph, attr::kArenaSize).value_or(0));
      j.attribute("alignment",
                  intAttr(graph, attr::kArenaAlignment).value_or(256));
    });
    j.attributeArray("inputs", [&] {
      for (auto [i, type] : llvm::enumerate(graph.getArgumentTypes())) {
        int64_t index = i;
        Type argType = type;
        j.object([&] {
          j.attribute("index", index);
          writeLayout(j, argType);
        });
      }
    });
    auto ret = graph.getBody().front().getTerminator();
    j.attributeArray("outputs", [&] {
      for (OpOperand &operand : ret->getOpOperands()) {
        int64_t index = operand.getOperandNumber();
        Value value = operand.get();
        j.object([&] {
          j.attribute("index", index);
          writeLayout(j, value.getType());
          // An output that is a graph input (or another output) is copied.
          if (auto arg = dyn_cast<BlockArgument>(value))
            j.attribute("copy_of_input", (int64_t)arg.getArgNumber());
          else if (auto it = buffers.find(value);
                   it != buffers.end() &&
                   (it->second.kind != "output" || it->second.index != index))
            writeBuffer(it->second);
        });
      }
    });
    j.attributeArray("tasks", [&] {
      for (const ModuleOperators::Task *entry : tasks) {
        TaskOp task = entry->task;
        // Tasks of the same code name the same operator.
        StringRef name = operators.operatorOf(*entry).name;
        const TaskPlan &plan = entry->plan;
        j.object([&] {
          j.attribute("id", ids[task]);
          j.attribute("operator", name);
          j.attribute("symbol", ("gpuos_opptr_" + name).str());
          j.attribute("tiles", plan.tiles);
          if (auto priority = intAttr(task, attr::kPriority))
            j.attribute("priority", *priority);
          if (auto worker = intAttr(task, attr::kWorker))
            j.attribute("worker", *worker);
          j.attribute("smem_bytes", plan.smemBytes);
          j.attribute("scratch_bytes", plan.scratchBytes);
          j.attributeArray("deps", [&] {
            if (auto deps =
                    task->getAttrOfType<DenseI64ArrayAttr>(attr::kDeps)) {
              for (int64_t d : deps.asArrayRef())
                j.value(d);
              return;
            }
            // Not scheduled: the producers of the inputs.
            llvm::SetVector<int64_t> producers;
            for (Value input : task.getInputs())
              if (auto producer = input.getDefiningOp<TaskOp>())
                producers.insert(ids[producer]);
            for (int64_t d : producers)
              j.value(d);
          });
          j.attributeArray("args", [&] {
            auto writeArg = [&](Value v, StringRef role) {
              j.object([&] {
                j.attribute("role", role);
                writeBuffer(*bufferOf(v, task));
                writeLayout(j, v.getType());
              });
            };
            for (Value input : task.getInputs())
              writeArg(input, "input");
            for (Value result : task.getResults())
              writeArg(result, "result");
          });
        });
      }
    });
  });
}

LogicalResult gpuos::cuda::writeManifest(ModuleOp module,
                                         const ModuleOperators &operators,
                                         raw_ostream &output) {
  std::vector<GraphManifest> graphs;
  for (auto graph : module.getOps<GraphOp>()) {
    graphs.emplace_back(graph, operators);
    if (failed(graphs.back().resolve()))
      return failure();
  }
  // Built in memory first: nothing is written on error.
  std::string text;
  llvm::raw_string_ostream os(text);
  llvm::json::OStream j(os, /*IndentSize=*/2);
  j.object([&] {
    j.attribute("format", "gpuos-manifest");
    j.attribute("version", kManifestVersion);
    j.attribute("device_abi_version", kDeviceAbiVersion);
    j.attributeArray("graphs", [&] {
      for (GraphManifest &graph : graphs)
        graph.write(j);
    });
  });
  output << text << "\n";
  return success();
}

LogicalResult gpuos::translateToManifest(Operation *op, raw_ostream &output) {
  auto module = dyn_cast<ModuleOp>(op);
  if (!module)
    return op->emitError("--gpuos-to-manifest expects a builtin.module");
  FailureOr<ModuleOperators> operators =
      emitOperators(module, "gpuos-to-manifest");
  if (failed(operators))
    return failure();
  return writeManifest(module, *operators, output);
}

void gpuos::registerToManifestTranslation() {
  static TranslateFromMLIRRegistration registration(
      "gpuos-to-manifest",
      "emit the JSON manifest (tasks, buffers, dependencies) of gpuos graphs",
      [](Operation *op, raw_ostream &output) {
        return translateToManifest(op, output);
      },
      [](DialectRegistry &registry) { registry.insert<GPUOSDialect>(); });
}
