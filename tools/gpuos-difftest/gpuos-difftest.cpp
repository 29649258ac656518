//===- gpuos-difftest.cpp - differential testing of the gpuos passes ------===//
//
// Generates random graphs, runs them through each pass and through whole
// pipelines, and compares the reference executor's results on the same
// random inputs before and after. Decomposition and whole pipelines change
// rounding of intermediates, so they are compared within a tolerance per
// dtype; fusion, tiling, scheduling and memory planning must not change a
// single bit, so they are compared exactly with the graph they started from.
//
//   gpuos-difftest --graphs 10000 --seed 1 --ops-per-graph 24
//
// Prints a summary; on any mismatch writes the first failing graph to
// --failure-file and exits with status 1.
//
//===----------------------------------------------------------------------===//

#include "RandomGraph.h"

#include "gpuos/Dialect/GPUOSDialect.h"
#include "gpuos/Reference/Interpreter.h"
#include "gpuos/Transforms/Passes.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <cmath>

using namespace mlir;
using namespace gpuos;
namespace cl = llvm::cl;

static cl::opt<int64_t> numGraphs("graphs", cl::desc("Graphs to generate"),
                                  cl::init(100));
static cl::opt<uint64_t> seed("seed", cl::desc("Random seed"), cl::init(1));
static cl::opt<int64_t> opsPerGraph("ops-per-graph",
                                    cl::desc("Random ops per graph"),
                                    cl::init(20));
static cl::opt<std::string>
    failureFile("failure-file",
                cl::desc("Where the first failing graph is written"),
                cl::init("gpuos-difftest-failure.mlir"));
static cl::opt<int64_t>
    firstGraph("first", cl::desc("Index of the first graph (graph i depends only "
                                 "on --seed and i, so one graph can be rerun)"),
               cl::init(0));
static cl::opt<std::string> injectFault(
    "inject-fault",
    cl::desc("After this stage, negate one elementwise result (shows that "
             "the tester catches a wrong rewrite)"),
    cl::init(""));
static cl::opt<bool> verbose("v", cl::desc("Print every comparison"));
static cl::opt<bool> printGraphs("print-graphs",
                                 cl::desc("Print each generated graph"));

namespace {

/// One transformation checked against the graph it starts from.
struct Stage {
  const char *name;
  /// Textual pipeline on the module (without the builtin.module anchor).
  const char *pipeline;
  /// Runs on the output of the previous stage (else on the original).
  bool chained;
  /// Must reproduce the results bit for bit.
  bool exact;
};

const Stage kStages[] = {
    {"decompose", "gpuos.graph(gpuos-decompose)", false, false},
    {"fuse", "gpuos.graph(gpuos-fuse)", true, true},
    {"tile", "gpuos.graph(gpuos-tile)", true, true},
    {"schedule", "gpuos.graph(gpuos-schedule)", true, true},
    {"plan-memory", "gpuos.graph(gpuos-plan-memory)", true, true},
    {"pipeline", "gpuos-pipeline", false, false},
    {"pipeline-bytes", "gpuos-pipeline{cost-model=bytes}", false, false},
    {"fuse-recompute",
     "gpuos.graph(gpuos-decompose,gpuos-fuse{cost-model=bytes "
     "recompute-max-ops=8 max-ops-per-task=6 horizontal-max-elements=512})",
     false, false},
    {"pipeline-keep",
     "gpuos-pipeline{keep=softmax,layer_norm,rms_norm,gelu,mean "
     "horizontal=false canonicalize=false}",
     false, true},
};

double toleranceFor(Type elementType) {
  if (elementType.isF32())
    return 1e-4;
  if (elementType.isF16())
    return 2e-2;
  if (elementType.isBF16())
    return 8e-2;
  return 0.0;
}

/// The loosest tolerance of any element type in the module: a f32 output
/// computed from f16 values is only as precise as f16.
double toleranceOf(ModuleOp module) {
  double tolerance = 0;
  module.walk([&](Operation *op) {
    for (Type t : op->getResultTypes())
      if (auto tensor = dyn_cast<RankedTensorType>(t))
        tolerance = std::max(tolerance, toleranceFor(tensor.getElementType()));
  });
  for (auto graph : module.getOps<GraphOp>())
    for (Type t : graph.getArgumentTypes())
      tolerance = std::max(
          tolerance,
          toleranceFor(cast<RankedTensorType>(t).getElementType()));
  return tolerance;
}

/// ||got - want||_2 / max(||want||_2, sqrt(n)): relative for outputs of
/// unit scale or more, absolute (RMS) below. Rounding of the intermediates
/// in a decomposed norm leaves an absolute residue where the exact result
/// cancels to zero (a normalized constant row, the sum of a normalized
/// row), which a purely relative measure would call a mismatch.
double scaledError(const ref::Tensor &got, const ref::Tensor &want) {
  if (got.dtype != want.dtype || got.shape != want.shape)
    return INFINITY;
  double diff = 0, norm = 0;
  for (size_t i = 0; i < got.values.size(); ++i) {
    double g = got.values[i], w = want.values[i];
    if (std::isnan(g) || std::isnan(w) || std::isinf(g) || std::isinf(w)) {
      if ((std::isnan(g) && std::isnan(w)) || g == w)
        continue;
      return INFINITY;
    }
    diff += (g - w) * (g - w);
    norm += w * w;
  }
  double n = std::max<double>(1, got.values.size());
  return std::sqrt(diff) / std::max(std::sqrt(norm), std::sqrt(n));
}

/// Negates the first float elementwise result: a deliberately wrong rewrite.
void negateOneValue(ModuleOp module) {
  module.walk([](Operation *op) {
    if (!isElementwise(op) || !isa<FloatType>(getElementTypeOrSelf(
                                  op->getResult(0).getType())))
      return WalkResult::advance();
    OpBuilder builder(op->getContext());
    builder.setInsertionPointAfter(op);
    Value result = op->getResult(0);
    Value negated = NegOp::create(builder, op->getLoc(), result.getType(),
                                  result);
    result.replaceAllUsesExcept(negated, negated.getDefiningOp());
    return WalkResult::interrupt();
  });
}

class Tester {
public:
  explicit Tester(MLIRContext &context) : context(context) {}

  /// Checks one graph; false on a mismatch (described in `failure`).
  bool check(ModuleOp original, std::mt19937_64 &rng) {
    GraphOp graph = *original.getOps<GraphOp>().begin();
    std::vector<ref::Tensor> inputs;
    for (Type t : graph.getArgumentTypes()) {
      auto type = cast<RankedTensorType>(t);
      inputs.push_back(ref::randomTensor(*ref::dtypeOf(type.getElementType()),
                                         type.getShape().vec(), rng));
    }
    auto want = run(original, inputs);
    if (failed(want))
      return fail("reference", original, original);
    double tolerance = toleranceOf(original);

    OwningOpRef<ModuleOp> previous = original.clone();
    auto previousResults = *want;
    for (const Stage &stage : kStages) {
      OwningOpRef<ModuleOp> module =
          stage.chained ? previous->clone() : original.clone();
      if (verbose)
        llvm::errs() << "stage " << stage.name << "\n";
      if (failed(applyPipeline(*module, stage.pipeline)))
        return fail(stage.name, original, *module);
      if (injectFault == stage.name)
        negateOneValue(*module);
      auto got = run(*module, inputs);
      if (failed(got))
        return fail(stage.name, original, *module);
      const auto &reference = stage.chained ? previousResults : *want;
      double allowed = stage.exact ? 0.0 : tolerance;
      for (size_t i = 0; i < got->size(); ++i) {
        double error = stage.exact
                           ? ref::maxRelativeError((*got)[i], reference[i])
                           : scaledError((*got)[i], reference[i]);
        worst = std::max(worst, error);
        ++comparisons;
        if (verbose)
          llvm::errs() << stage.name << " output " << i << ": " << error
                       << "\n";
        if (!(error <= allowed)) {
          diagnostics += "output #" +
                         std::to_string(i) + " relative error " +
                         std::to_string(error) + " > " +
                         std::to_string(allowed) + "\n";
          return fail(stage.name, original, *module);
        }
      }
      if (stage.chained || stage.exact) {
        previous = std::move(module);
        previousResults = std::move(*got);
      }
    }
    return true;
  }

  std::string failureText;
  /// One line about the last failure.
  std::string summary;
  std::string diagnostics;
  int64_t comparisons = 0;
  double worst = 0;

private:
  FailureOr<std::vector<ref::Tensor>>
  run(ModuleOp module, const std::vector<ref::Tensor> &inputs) {
    ScopedDiagnosticHandler capture(&context, [&](Diagnostic &d) {
      diagnostics += d.str() + "\n";
      return success();
    });
    return ref::interpret(*module.getOps<GraphOp>().begin(), inputs);
  }

  LogicalResult applyPipeline(ModuleOp module, StringRef text) {
    ScopedDiagnosticHandler capture(&context, [&](Diagnostic &d) {
      diagnostics += d.str() + "\n";
      return success();
    });
    PassManager pm(&context);
    std::string errors;
    llvm::raw_string_ostream os(errors);
    if (failed(parsePassPipeline(text, pm, os))) {
      diagnostics += errors;
      return mlir::failure();
    }
    return pm.run(module);
  }

  bool fail(StringRef stage, ModuleOp original, ModuleOp transformed) {
    summary = (stage + ": " + StringRef(diagnostics).split('\n').first).str();
    llvm::raw_string_ostream os(failureText);
    os << "// stage: " << stage << "\n// " << diagnostics;
    os << "// original graph:\n" << original << "\n";
    if (original != transformed)
      os << "// after the stage:\n" << transformed << "\n";
    return false;
  }

  MLIRContext &context;
};

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  gpuos::registerTransformsPasses();
  cl::ParseCommandLineOptions(
      argc, argv,
      "gpuos differential tester: random graphs through the passes, "
      "checked with the reference executor\n");
  if (numGraphs < 0 || opsPerGraph < 1) {
    llvm::errs() << "gpuos-difftest: --graphs must be >= 0 and "
                    "--ops-per-graph >= 1\n";
    return 2;
  }

  MLIRContext context;
  context.getOrLoadDialect<GPUOSDialect>();
  context.disableMultithreading();
  context.printOpOnDiagnostic(false);
  difftest::RandomGraphOptions options;
  options.numOps = opsPerGraph;

  auto start = std::chrono::steady_clock::now();
  int64_t failures = 0, ops = 0;
  Tester tester(context);
  for (int64_t i = firstGraph; i < firstGraph + numGraphs; ++i) {
    std::seed_seq seq{(uint64_t)seed, (uint64_t)i};
    std::mt19937_64 rng(seq);
    OwningOpRef<ModuleOp> module =
        difftest::buildRandomGraph(context, rng, options, i);
    module->walk([&](Operation *op) { ops += !isa<ModuleOp>(op); });
    if (printGraphs)
      llvm::outs() << *module << "\n";
    tester.diagnostics.clear();
    if (tester.check(*module, rng))
      continue;
    llvm::errs() << "gpuos-difftest: graph #" << i << " mismatch: "
                 << tester.summary << "\n";
    if (failures++ == 0) {
      std::error_code ec;
      llvm::raw_fd_ostream out(failureFile, ec);
      if (ec) {
        llvm::errs() << "gpuos-difftest: cannot write " << failureFile << ": "
                     << ec.message() << "\n";
      } else {
        out << tester.failureText;
        llvm::errs() << "gpuos-difftest: graph #" << i << " written to "
                     << failureFile << "\n"
                     << tester.diagnostics;
      }
    }
    tester.failureText.clear();
  }
  double seconds = std::chrono::duration<double>(
                       std::chrono::steady_clock::now() - start)
                       .count();
  llvm::outs() << "gpuos-difftest: " << numGraphs << " graphs (seed " << seed
               << ", " << ops << " ops), " << tester.comparisons
               << " comparisons, " << failures << " mismatches, worst relative "
               << "error " << tester.worst << ", " << llvm::format("%.1f", seconds)
                << " s\n";
  return failures == 0 ? 0 : 1;
}
