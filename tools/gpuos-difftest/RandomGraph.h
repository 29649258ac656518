//===- RandomGraph.h - random gpuos graphs for differential tests -*- C++ -*-===//
//
// Builds a random, verifiable gpuos.graph: elementwise ops with broadcasting,
// casts, compare and select, reductions, softmax and norms, matmuls and
// views, on f32, f16, bf16 and i32. Values are kept bounded (a value that may
// have grown is squashed through tanh before it feeds a product or a norm)
// so that half-precision graphs do not overflow in one form and not in the
// other, and comparisons only read graph inputs so that rounding can never
// flip them.
//
//===----------------------------------------------------------------------===//

#ifndef GPUOS_TOOLS_DIFFTEST_RANDOMGRAPH_H
#define GPUOS_TOOLS_DIFFTEST_RANDOMGRAPH_H

#include "gpuos/Dialect/GPUOSOps.h"

#include "mlir/IR/BuiltinOps.h"

#include <random>

namespace gpuos::difftest {

struct RandomGraphOptions {
  int64_t numOps = 20;
  /// Largest tensor the generator creates, in elements.
  int64_t maxElements = 2048;
};

/// A module holding one graph `@g<index>`, built from `rng`.
mlir::OwningOpRef<mlir::ModuleOp>
buildRandomGraph(mlir::MLIRContext &context, std::mt19937_64 &rng,
                 const RandomGraphOptions &options, int64_t index);

} // namespace gpuos::difftest

#endif // GPUOS_TOOLS_DIFFTEST_RANDOMGRAPH_H
