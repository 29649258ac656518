//===- FusionCostModels.cpp - the built-in fusion cost models -------------===//
//
// greedy: fuse whatever is legal, never duplicate work.
// bytes:  estimate global-memory traffic, counting one task's overhead as
//         `task-overhead-bytes` of traffic and lost parallelism as slower
//         traffic (parallel items: GroupSummary::parallelism); fuse when
//         the estimate drops. Recomputation is accepted
//         when the recomputed elements cost less than the traffic they save.
//
//===----------------------------------------------------------------------===//

#include "gpuos/Transforms/FusionCostModel.h"

#include "llvm/ADT/StringMap.h"

#include <algorithm>
#include <mutex>

using namespace gpuos;

FusionCostModel::~FusionCostModel() = default;

namespace {

class GreedyCostModel : public FusionCostModel {
public:
  bool shouldFuse(const FusionCandidate &candidate) override {
    return candidate.kind != FusionKind::Recompute;
  }
};

class BytesMovedCostModel : public FusionCostModel {
public:
  explicit BytesMovedCostModel(const CostModelOptions &options)
      : options(options) {}

  bool shouldFuse(const FusionCandidate &c) override {
    switch (c.kind) {
    case FusionKind::Producer:
      return saved(c) > parallelismPenalty(c.producer, c.merged) +
                            parallelismPenalty(c.consumer, c.merged);
    case FusionKind::Recompute:
      return c.bytesSaved +
                 (c.producerOnlyFeedsConsumer ? options.taskOverheadBytes : 0) >
             c.extraElements *
                 (std::min(c.copies, options.minParallelRows) - 1) *
                 options.recomputeBytesPerElement;
    case FusionKind::Horizontal:
      // Batching pays for small tasks only: a large one hides its overhead.
      return c.producer.valueBytes <= options.taskOverheadBytes &&
             c.consumer.valueBytes <= options.taskOverheadBytes;
    }
    return false;
  }

private:
  int64_t saved(const FusionCandidate &c) const {
    return c.bytesSaved + options.taskOverheadBytes;
  }

  /// Work of `side` runs on fewer blocks after the merge: its traffic takes
  /// longer in proportion, counted as extra bytes. Parallelism counts
  /// independent items (a matmul's outputs, not its rows: a GEMV has one).
  int64_t parallelismPenalty(const GroupSummary &side,
                             const GroupSummary &merged) const {
    int64_t before = std::min(side.parallelism, options.minParallelRows);
    int64_t after = std::max<int64_t>(
        1, std::min(merged.parallelism, options.minParallelRows));
    if (after >= before)
      return 0;
    return side.valueBytes * (before - after) / after;
  }

  CostModelOptions options;
};

struct Registry {
  std::mutex mutex;
  llvm::StringMap<FusionCostModelFactory> factories;

  Registry() {
    factories["greedy"] = [](const CostModelOptions &) {
      return std::make_unique<GreedyCostModel>();
    };
    factories["bytes"] = [](const CostModelOptions &options) {
      return std::make_unique<BytesMovedCostModel>(options);
    };
  }
};

Registry &registry() {
  static Registry instance;
  return instance;
}

} // namespace

void gpuos::registerFusionCostModel(llvm::StringRef name,
                                    FusionCostModelFactory factory) {
  Registry &r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  r.factories[name] = std::move(factory);
}

std::unique_ptr<FusionCostModel>
gpuos::createFusionCostModel(llvm::StringRef name,
                             const CostModelOptions &options) {
  Registry &r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  auto it = r.factories.find(name);
  if (it == r.factories.end())
    return nullptr;
  return it->second(options);
}

std::vector<std::string> gpuos::registeredFusionCostModels() {
  Registry &r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  std::vector<std::string> names;
  for (const auto &entry : r.factories)
    names.push_back(entry.getKey().str());
  std::sort(names.begin(), names.end());
  return names;
}
