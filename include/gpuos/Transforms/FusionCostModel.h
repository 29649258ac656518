//===- FusionCostModel.h - should a legal fusion happen? --------*- C++ -*-===//
//
// Profitability of fusion, kept apart from legality (FusionLegality.h). A
// cost model sees one legal candidate at a time and answers yes or no. Models
// are registered by name; `gpuos-fuse cost-model=<name>` picks one. To add a
// model, subclass FusionCostModel and call registerFusionCostModel (see
// docs/passes.md).
//
//===----------------------------------------------------------------------===//

#ifndef GPUOS_TRANSFORMS_FUSIONCOSTMODEL_H
#define GPUOS_TRANSFORMS_FUSIONCOSTMODEL_H

#include "gpuos/Transforms/FusionLegality.h"

#include "llvm/ADT/StringRef.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace gpuos {

enum class FusionKind {
  /// The producer group merges into the consumer's group.
  Producer,
  /// The producer group is cloned into the consumer's group and computed
  /// again by every tile (duplicated work).
  Recompute,
  /// Two independent groups share one task.
  Horizontal,
};

struct FusionCandidate {
  FusionKind kind;
  const GroupSummary &producer;
  const GroupSummary &consumer;
  const GroupSummary &merged;
  /// Global-memory traffic removed: intermediates no longer written and read.
  int64_t bytesSaved = 0;
  /// Recompute only: elements of the producer, which every tile of the
  /// consumer computes again; at most `copies` tiles (the merged rows).
  int64_t extraElements = 0;
  int64_t copies = 0;
  /// Nothing but this consumer reads the producer so far: recomputing it
  /// may remove its task altogether.
  bool producerOnlyFeedsConsumer = false;
};

/// Knobs the built-in models read (pass options of gpuos-fuse).
struct CostModelOptions {
  int64_t taskOverheadBytes = 65536;
  int64_t recomputeBytesPerElement = 2;
  int64_t minParallelRows = 132;
};

class FusionCostModel {
public:
  virtual ~FusionCostModel();
  virtual bool shouldFuse(const FusionCandidate &candidate) = 0;
};

using FusionCostModelFactory =
    std::function<std::unique_ptr<FusionCostModel>(const CostModelOptions &)>;

/// Makes `name` selectable by `cost-model=<name>`; replaces an earlier one.
void registerFusionCostModel(llvm::StringRef name,
                             FusionCostModelFactory factory);
/// The model registered as `name`, or null.
std::unique_ptr<FusionCostModel>
createFusionCostModel(llvm::StringRef name, const CostModelOptions &options);
/// Registered names, sorted, for error messages.
std::vector<std::string> registeredFusionCostModels();

} // namespace gpuos

#endif // GPUOS_TRANSFORMS_FUSIONCOSTMODEL_H
