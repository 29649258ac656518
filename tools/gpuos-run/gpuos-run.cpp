//===- gpuos-run.cpp - run a gpuos graph or a compiled bundle -------------===//
//
//   gpuos-run graph.mlir [--graph NAME] [--input FILE.npy ...] [--seed N]
//             [--output-dir DIR] [--print-values]
//   gpuos-run model.bundle [--check --graph-mlir graph.mlir] [--bench N]
//             [--cpu --graph-mlir graph.mlir] [same input/output options]
//
// A .mlir module: parses and verifies it, picks one graph, binds inputs
// (.npy files in argument order, or seeded random data), runs it on the CPU
// reference executor and prints one summary line per output; --output-dir
// also writes out0.npy, out1.npy, ... With no file it runs the embedded
// example examples/default.mlir; `-` reads the module from stdin.
//
// A bundle (docs/bundle.md, recognized by its magic) runs on the GPU through
// the persistent-kernel runtime (docs/gpu-run.md). A bundle holds no MLIR,
// so --check (compare with the reference executor) and --cpu take the source
// graph from --graph-mlir; the seeded random inputs are the same on both
// sides.
//
//===----------------------------------------------------------------------===//

#include "DefaultExample.h"
#include "GpuRun.h"
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
#include "llvm/Support/Format.h"
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
static cl::opt<bool>
    runOnCpuFlag("cpu", cl::cat(category),
                 cl::desc("Run a bundle's source graph (--graph-mlir) on the "
                          "CPU reference executor instead of the GPU"));
static cl::opt<bool> checkFlag(
    "check", cl::cat(category),
    cl::desc("Run a bundle on the GPU and compare each output with the "
             "reference executor's run of --graph-mlir; fails above the "
             "tolerance"));
static cl::opt<std::string> graphMlir(
    "graph-mlir", cl::cat(category), cl::value_desc("file.mlir"),
    cl::desc("The source graph of a bundle, for --check and --cpu"));
static cl::opt<double> tolerance(
    "tolerance", cl::init(-1.0), cl::cat(category),
    cl::desc("--check's limit on the relative error (default: 1e-5 for "
             "f32, 1e-2 for f16 and bf16, 0 for integers)"));
static cl::opt<unsigned>
    benchRuns("bench", cl::init(0), cl::cat(category), cl::value_desc("N"),
              cl::desc("Time N runs of a bundle on the GPU (submit to "
                       "completion, after --warmup runs); print the median"));
static cl::opt<unsigned> warmupRuns("warmup", cl::init(10), cl::cat(category),
                                    cl::value_desc("N"),
                                    cl::desc("Untimed runs before --bench"));

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

/// Reads the --input files for `layouts` (the arguments of `what`, each
/// named `argNoun` #i in messages), or draws seeded random inputs without
/// them.
static FailureOr<std::vector<ref::Tensor>>
loadInputs(const std::vector<ref::Tensor> &layouts, const std::string &what,
           const std::string &argNoun) {
  unsigned count = layouts.size();
  std::vector<ref::Tensor> inputs;
  if (inputFiles.empty()) {
    std::mt19937_64 rng(seed);
    for (const ref::Tensor &layout : layouts)
      inputs.push_back(ref::randomTensor(layout.dtype, layout.shape, rng));
    return inputs;
  }
  if (inputFiles.size() != count) {
    return reportError(
        what + " takes " + llvm::Twine(count) +
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
    const ref::Tensor &want = layouts[i];
    if (tensor->dtype != want.dtype) {
      return reportError(
          path + ": expected dtype " + ref::dtypeName(want.dtype) + " (" +
          ref::npyDescr(want.dtype) + ") for " + argNoun + " #" + llvm::Twine(i) +
          " but file has " + ref::npyDescr(tensor->dtype));
    }
    if (tensor->shape != want.shape) {
      return reportError(path + ": shape " + ref::shapeToString(tensor->shape) +
                         " but " + argNoun + " #" + llvm::Twine(i) +
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

/// The default limit of --check for an output of `dtype`.
static double defaultTolerance(ref::DType dtype) {
  switch (dtype) {
  case ref::DType::F32:
    return 1e-5;
  case ref::DType::F16:
  case ref::DType::BF16:
    return 1e-2;
  default:
    return 0.0;
  }
}

/// Prints each output's relative error against the reference executor's;
/// fails when one is above its limit.
static LogicalResult checkOutputs(llvm::ArrayRef<ref::Tensor> got,
                                  llvm::ArrayRef<ref::Tensor> want) {
  if (got.size() != want.size())
    return reportError("the bundle has " + llvm::Twine(got.size()) +
                       " outputs but --graph-mlir's graph has " +
                       llvm::Twine(want.size()));
  bool ok = true;
  for (auto [i, pair] : llvm::enumerate(llvm::zip(got, want))) {
    auto [g, w] = pair;
    double limit = tolerance >= 0 ? tolerance : defaultTolerance(w.dtype);
    double error = ref::maxRelativeError(g, w);
    bool pass = error <= limit;
    ok &= pass;
    llvm::outs() << "check output #" << i << ": relative error "
                 << llvm::format("%.3e", error) << " (limit "
                 << llvm::format("%.0e", limit) << ") "
                 << (pass ? "ok" : "FAIL") << "\n";
  }
  if (!ok)
    return reportError("the GPU outputs differ from the reference executor's");
  return success();
}

/// Reads `path` ('-' for stdin), or the embedded example when it is empty.
static std::unique_ptr<llvm::MemoryBuffer>
readSource(const std::string &path, std::string &sourceName) {
  if (path.empty()) {
    sourceName = kDefaultExampleName;
    return llvm::MemoryBuffer::getMemBuffer(kDefaultExample, sourceName,
                                            /*RequiresNullTerminator=*/true);
  }
  sourceName = path == "-" ? "<stdin>" : path;
  auto file = llvm::MemoryBuffer::getFileOrSTDIN(path);
  if (std::error_code ec = file.getError()) {
    (void)reportError("cannot open '" + path + "': " + ec.message());
    return nullptr;
  }
  return std::move(*file);
}

/// Flag combinations that cannot work, found before any work.
static LogicalResult checkFlags(bool bundle) {
  if (!bundle && (checkFlag || benchRuns > 0 || !graphMlir.empty()))
    return reportError("--check, --bench and --graph-mlir apply to a bundle; "
                       "a .mlir graph always runs on the reference executor");
  if (bundle && (checkFlag || runOnCpuFlag) && graphMlir.empty())
    return reportError(std::string(checkFlag ? "--check" : "--cpu") +
                       " needs the source graph: a bundle holds no MLIR; "
                       "give it with --graph-mlir FILE");
  if (bundle && runOnCpuFlag && (checkFlag || benchRuns > 0))
    return reportError("--check and --bench run the bundle on the GPU; they "
                       "cannot be combined with --cpu");
  return success();
}

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  cl::HideUnrelatedOptions(category);
  cl::ParseCommandLineOptions(
      argc, argv,
      "Runs a gpuos graph on the CPU reference executor, or a compiled "
      "bundle on the GPU\n");

  if (failed(checkOutputDir()))
    return 1;

  std::string sourceName;
  std::unique_ptr<llvm::MemoryBuffer> buffer =
      readSource(inputFilename, sourceName);
  if (!buffer)
    return 1;
  bool bundle = run::isBundle(buffer->getBuffer());
  if (failed(checkFlags(bundle)))
    return 1;

  // The MLIR graph: the positional file, or a bundle's --graph-mlir.
  MLIRContext context;
  context.loadDialect<GPUOSDialect>();
  auto sourceMgr = std::make_shared<llvm::SourceMgr>();
  SourceMgrDiagnosticHandler diagnostics(*sourceMgr, &context);
  OwningOpRef<ModuleOp> module;
  GraphOp graph;
  if (!bundle || !graphMlir.empty()) {
    std::string graphSource;
    std::unique_ptr<llvm::MemoryBuffer> mlirBuffer =
        bundle ? readSource(graphMlir, graphSource) : std::move(buffer);
    if (!mlirBuffer)
      return 1;
    if (!bundle)
      graphSource = sourceName;
    sourceMgr->AddNewSourceBuffer(std::move(mlirBuffer), llvm::SMLoc());
    module = parseSourceFile<ModuleOp>(sourceMgr, ParserConfig(&context));
    if (!module)
      return exitWithError(graphSource +
                           ": cannot parse or verify the module");
    FailureOr<GraphOp> picked = pickGraph(*module, graphSource);
    if (failed(picked))
      return 1;
    graph = *picked;
    if (inputFilename.empty())
      llvm::outs() << "running graph @" << graph.getSymName()
                   << " of the embedded example " << kDefaultExampleName
                   << " (seed " << seed << ")\n";
  }

  std::string graphWhat =
      graph ? "graph @" + graph.getSymName().str() : std::string();
  std::vector<ref::Tensor> inputs, outputs;
  std::optional<run::GpuRunResult> gpu;
  if (!bundle || runOnCpuFlag) {
    FailureOr<std::vector<ref::Tensor>> layouts = argumentLayouts(graph);
    if (failed(layouts))
      return 1;
    FailureOr<std::vector<ref::Tensor>> loaded =
        loadInputs(*layouts, graphWhat, "graph argument");
    if (failed(loaded))
      return 1;
    inputs = std::move(*loaded);
    FailureOr<std::vector<ref::Tensor>> ran = runOnCpu(graph, inputs);
    if (failed(ran))
      return exitWithError(graphWhat + " failed to run");
    outputs = std::move(*ran);
  } else {
    auto makeInputs = [&](const std::vector<ref::Tensor> &layouts)
        -> std::optional<std::vector<ref::Tensor>> {
      FailureOr<std::vector<ref::Tensor>> loaded =
          loadInputs(layouts, "bundle " + sourceName, "bundle input");
      if (failed(loaded))
        return std::nullopt;
      inputs = *loaded;
      return std::move(*loaded);
    };
    std::string error;
    gpu = run::runBundleOnGpu(buffer->getBuffer(), sourceName, makeInputs,
                              warmupRuns, benchRuns, error);
    if (!gpu)
      return error.empty() ? 1 : exitWithError(error);
    outputs = std::move(gpu->outputs);
  }
  if (!outputDir.empty() && failed(writeOutputs(outputs)))
    return 1;

  for (auto [i, tensor] : llvm::enumerate(outputs)) {
    llvm::outs() << "output #" << i << ": " << ref::summarizeTensor(tensor)
                 << "\n";
    if (printValues)
      llvm::outs() << ref::formatValues(tensor) << "\n";
  }
  if (gpu && gpu->bench)
    llvm::outs() << "bench: median " << llvm::format("%.2f", gpu->bench->medianUs)
                 << " us, min " << llvm::format("%.2f", gpu->bench->minUs)
                 << " us per run over " << gpu->bench->runs << " runs ("
                 << warmupRuns << " warm-up), " << gpu->tasks
                 << " tasks per run\n";

  if (checkFlag) {
    // The same inputs through the reference executor.
    FailureOr<std::vector<ref::Tensor>> layouts = argumentLayouts(graph);
    if (failed(layouts))
      return 1;
    for (auto [i, pair] : llvm::enumerate(llvm::zip(*layouts, inputs))) {
      auto [layout, input] = pair;
      if (layout.dtype != input.dtype || layout.shape != input.shape)
        return exitWithError(
            "bundle input #" + llvm::Twine(i) + " is " +
            ref::tensorTypeString(input.dtype, input.shape) + " but " +
            graphWhat + " argument #" + llvm::Twine(i) + " is " +
            ref::tensorTypeString(layout.dtype, layout.shape));
    }
    if (layouts->size() != inputs.size())
      return exitWithError("the bundle takes " + llvm::Twine(inputs.size()) +
                           " inputs but " + graphWhat + " takes " +
                           llvm::Twine(layouts->size()));
    FailureOr<std::vector<ref::Tensor>> want = runOnCpu(graph, inputs);
    if (failed(want))
      return exitWithError(graphWhat + " failed to run");
    if (failed(checkOutputs(outputs, *want)))
      return 1;
  }
  return 0;
}
