//===- gpuos-run.cpp - run a gpuos graph on the reference executor --------===//
//
//   gpuos-run graph.mlir [--graph NAME] [--input FILE.npy ...] [--seed N]
//             [--output-dir DIR] [--print-values]
//
// Parses and verifies the module, picks one graph, binds inputs (.npy files
// in argument order, or seeded random data), runs it on the CPU reference
// executor and prints one summary line per output; --output-dir also writes
// out0.npy, out1.npy, ... With no file it runs the embedded example
// examples/default.mlir; `-` reads the module from stdin.
//
//===----------------------------------------------------------------------===//

#include "DefaultExample.h"
#include "TensorReport.h"

#include "gpuos/Dialect/GPUOSDialect.h"
#include "gpuos/Dialect/GPUOSOps.h"
#include "gpuos/Reference/Interpreter.h"
#include "gpuos/Reference/Npy.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <random>

using namespace mlir;
using namespace gpuos;
namespace cl = llvm::cl;

static cl::OptionCategory category("gpuos-run options");

static cl::opt<std::string>
    inputFilename(cl::Positional, cl::init(""), cl::cat(category),
                  cl::desc("<graph.mlir> ('-' for stdin; none: the embedded "
                           "example)"));
static cl::opt<std::string> graphName(
    "graph", cl::cat(category), cl::value_desc("name"),
    cl::desc("The graph to run (needed when the module has several)"));
static cl::list<std::string>
    inputFiles("input", cl::cat(category), cl::value_desc("file.npy"),
               cl::desc("A .npy file for the next graph argument, in order "
                        "(none: seeded random inputs)"));
static cl::opt<uint64_t> seed("seed", cl::init(0), cl::cat(category),
                              cl::desc("Seed of the random inputs"));
static cl::opt<std::string>
    outputDir("output-dir", cl::cat(category), cl::value_desc("dir"),
              cl::desc("Write the outputs there as out0.npy, out1.npy, ... "
                       "(created if missing)"));
static cl::opt<bool> printValues("print-values", cl::cat(category),
                                 cl::desc("Print every output value"));

/// Prints "gpuos-run: error: <message>".
static LogicalResult reportError(const llvm::Twine &message) {
  llvm::WithColor::error(llvm::errs(), "gpuos-run") << message << "\n";
  return failure();
}

/// reportError, as main's exit status.
static int exitWithError(const llvm::Twine &message) {
  (void)reportError(message);
  return 1;
}

static std::string graphNames(ModuleOp module) {
  std::string names;
  for (GraphOp g : module.getOps<GraphOp>())
    names += (names.empty() ? "@" : ", @") + g.getSymName().str();
  return names;
}

/// The graph named by --graph, or the only one.
static FailureOr<GraphOp> pickGraph(ModuleOp module, llvm::StringRef source) {
  auto graphs = llvm::to_vector(module.getOps<GraphOp>());
  if (!graphName.empty()) {
    for (GraphOp g : graphs)
      if (g.getSymName() == graphName)
        return g;
    return reportError(
        source + ": no graph named @" + graphName + " (the module has: " +
        (graphs.empty() ? std::string("none") : graphNames(module)) + ")");
  }
  if (graphs.size() == 1)
    return graphs.front();
  if (graphs.empty())
    return reportError(source + ": the module holds no gpuos.graph");
  return reportError(source + ": the module holds several graphs (" +
                     graphNames(module) + "); choose one with --graph");
}

/// The dtype and shape (no values) of each graph argument; fails on types
/// no input can be given for.
static FailureOr<std::vector<ref::Tensor>> argumentLayouts(GraphOp graph) {
  std::vector<ref::Tensor> layouts;
  for (auto [i, t] : llvm::enumerate(graph.getArgumentTypes())) {
    auto type = cast<RankedTensorType>(t);
    std::optional<ref::DType> dtype = ref::dtypeOf(type.getElementType());
    std::vector<int64_t> shape(type.getShape().begin(), type.getShape().end());
    std::string where = "graph argument #" + std::to_string(i) + " of @" +
                        graph.getSymName().str();
    if (!dtype) {
      std::string typeText;
      llvm::raw_string_ostream(typeText) << type;
      return reportError(where + " has type " + typeText +
                         "; inputs can be f32, f16, bf16, i1, i32 or i64 "
                         "tensors");
    }
    if (!ref::boundedNumElements(shape))
      return reportError(where + " has more than 2^28 elements");
    layouts.push_back(ref::Tensor{*dtype, std::move(shape), {}});
  }
  return layouts;
}

/// Reads the --input files, or draws seeded random inputs without them.
static FailureOr<std::vector<ref::Tensor>> loadInputs(GraphOp graph) {
  FailureOr<std::vector<ref::Tensor>> layouts = argumentLayouts(graph);
  if (failed(layouts))
    return failure();
  unsigned count = layouts->size();
  std::vector<ref::Tensor> inputs;
  if (inputFiles.empty()) {
    std::mt19937_64 rng(seed);
    for (const ref::Tensor &layout : *layouts)
      inputs.push_back(ref::randomTensor(layout.dtype, layout.shape, rng));
    return inputs;
  }
  if (inputFiles.size() != count) {
    return reportError(
        "graph @" + graph.getSymName() + " takes " + llvm::Twine(count) +
        (count == 1 ? " input" : " inputs") + " but " +
        llvm::Twine(inputFiles.size()) +
        (inputFiles.size() == 1 ? " --input file was" : " --input files were") +
        " given");
  }
  for (unsigned i = 0; i < count; ++i) {
    const std::string &path = inputFiles[i];
    std::string error;
    std::optional<ref::Tensor> tensor = ref::readNpyFile(path, error);
    if (!tensor) {
      return reportError(error);
    }
    const ref::Tensor &want = (*layouts)[i];
    if (tensor->dtype != want.dtype) {
      return reportError(
          path + ": expected dtype " + ref::dtypeName(want.dtype) + " (" +
          ref::npyDescr(want.dtype) + ") for graph argument #" +
          llvm::Twine(i) + " but file has " + ref::npyDescr(tensor->dtype));
    }
    if (tensor->shape != want.shape) {
      return reportError(path + ": shape " + ref::shapeToString(tensor->shape) +
                         " but graph argument #" + llvm::Twine(i) +
                         " expects " + ref::shapeToString(want.shape));
    }
    inputs.push_back(std::move(*tensor));
  }
  return inputs;
}

/// The CPU path: the reference executor. Diagnostics go to the handler.
static FailureOr<std::vector<ref::Tensor>>
runOnCpu(GraphOp graph, llvm::ArrayRef<ref::Tensor> inputs) {
  return ref::interpret(graph, inputs);
}

/// Checks an existing --output-dir before any work, so a bad folder fails
/// fast; a missing one is created when the outputs are written.
static LogicalResult checkOutputDir() {
  if (outputDir.empty() || !llvm::sys::fs::exists(outputDir))
    return success();
  if (!llvm::sys::fs::is_directory(outputDir))
    return reportError("output path '" + outputDir + "' is not a directory");
  if (llvm::sys::fs::access(outputDir, llvm::sys::fs::AccessMode::Write))
    return reportError("output directory '" + outputDir + "' is not writable");
  return success();
}

/// Writes out<i>.npy atomically; on failure removes the ones already written.
static LogicalResult writeOutputs(llvm::ArrayRef<ref::Tensor> outputs) {
  if (std::error_code ec = llvm::sys::fs::create_directories(outputDir))
    return reportError("cannot create output directory '" + outputDir +
                       "': " + ec.message());
  std::vector<std::string> written;
  for (auto [i, tensor] : llvm::enumerate(outputs)) {
    llvm::SmallString<256> path(outputDir);
    llvm::sys::path::append(path, "out" + llvm::Twine(i) + ".npy");
    std::string error;
    if (!ref::writeNpyFile(path.str().str(), tensor, error)) {
      for (const std::string &done : written)
        llvm::sys::fs::remove(done);
      return reportError(error);
    }
    written.push_back(path.str().str());
  }
  return success();
}

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  cl::HideUnrelatedOptions(category);
  cl::ParseCommandLineOptions(
      argc, argv, "Runs a gpuos graph on the CPU reference executor\n");

  if (failed(checkOutputDir()))
    return 1;

  std::unique_ptr<llvm::MemoryBuffer> buffer;
  std::string sourceName;
  if (inputFilename.empty()) {
    sourceName = kDefaultExampleName;
    buffer = llvm::MemoryBuffer::getMemBuffer(kDefaultExample, sourceName,
                                              /*RequiresNullTerminator=*/true);
  } else {
    sourceName = inputFilename == "-" ? "<stdin>" : inputFilename.getValue();
    auto file = llvm::MemoryBuffer::getFileOrSTDIN(inputFilename);
    if (std::error_code ec = file.getError())
      return exitWithError("cannot open '" + inputFilename +
                           "': " + ec.message());
    buffer = std::move(*file);
  }

  MLIRContext context;
  context.loadDialect<GPUOSDialect>();
  auto sourceMgr = std::make_shared<llvm::SourceMgr>();
  sourceMgr->AddNewSourceBuffer(std::move(buffer), llvm::SMLoc());
  SourceMgrDiagnosticHandler diagnostics(*sourceMgr, &context);
  OwningOpRef<ModuleOp> module =
      parseSourceFile<ModuleOp>(sourceMgr, ParserConfig(&context));
  if (!module)
    return exitWithError(sourceName + ": cannot parse or verify the module");

  FailureOr<GraphOp> graph = pickGraph(*module, sourceName);
  if (failed(graph))
    return 1;
  if (inputFilename.empty())
    llvm::outs() << "running graph @" << graph->getSymName()
                 << " of the embedded example " << kDefaultExampleName
                 << " (seed " << seed << ")\n";

  FailureOr<std::vector<ref::Tensor>> inputs = loadInputs(*graph);
  if (failed(inputs))
    return 1;
  FailureOr<std::vector<ref::Tensor>> outputs = runOnCpu(*graph, *inputs);
  if (failed(outputs))
    return exitWithError("graph @" + graph->getSymName() + " failed to run");
  if (!outputDir.empty() && failed(writeOutputs(*outputs)))
    return 1;

  for (auto [i, tensor] : llvm::enumerate(*outputs)) {
    llvm::outs() << "output #" << i << ": " << ref::summarizeTensor(tensor)
                 << "\n";
    if (printValues)
      llvm::outs() << ref::formatValues(tensor) << "\n";
  }
  return 0;
}
