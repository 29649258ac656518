//===- Schedule.cpp - order tasks and record their dependencies -----------===//
//
// List scheduling: among ready tasks, the one with the longest path (in
// tiles) to the end of the graph goes first, so the critical path starts
// early. A chain of one-tile tasks, each the only successor of the previous
// and each with only that predecessor, is placed on one worker: the
// hand-off then happens inside one block instead of through a flag between
// blocks (0.78 vs 1.77 us per task on the H100, see H100-FACTS.md).
//
//===----------------------------------------------------------------------===//

#include "ImpliedDeps.h"
#include "Report.h"
#include "gpuos/Transforms/Passes.h"
#include "gpuos/Transforms/TaskAttributes.h"

#include "mlir/IR/Builders.h"

#include <queue>

namespace gpuos {
#define GEN_PASS_DEF_GPUOSSCHEDULE
#include "gpuos/Transforms/Passes.h.inc"
} // namespace gpuos

using namespace mlir;
using namespace gpuos;

namespace {

int64_t tilesOf(TaskOp task) {
  if (auto tiles = task->getAttrOfType<IntegerAttr>(attr::kTiles))
    return std::max<int64_t>(1, tiles.getInt());
  return 1;
}

struct TaskGraph {
  SmallVector<TaskOp> tasks;
  SmallVector<SmallVector<int, 2>> preds, succs;
  SmallVector<int64_t> tiles;
};

FailureOr<TaskGraph> buildTaskGraph(GraphOp graph) {
  TaskGraph g;
  DenseMap<Operation *, int> index;
  for (Operation &op : graph.getBody().front().without_terminator()) {
    auto task = dyn_cast<TaskOp>(op);
    if (!task)
      return op.emitError()
             << "gpuos-schedule expects every op of the graph in a "
                "gpuos.task; run gpuos-fuse first";
    index[task] = g.tasks.size();
    g.tasks.push_back(task);
    g.tiles.push_back(tilesOf(task));
  }
  g.preds.resize(g.tasks.size());
  g.succs.resize(g.tasks.size());
  for (auto [i, task] : llvm::enumerate(g.tasks))
    for (Value input : task.getInputs()) {
      auto it = index.find(input.getDefiningOp());
      if (it == index.end() || llvm::is_contained(g.preds[i], it->second))
        continue;
      g.preds[i].push_back(it->second);
      g.succs[it->second].push_back(i);
    }
  return g;
}

struct SchedulePass : public gpuos::impl::GPUOSScheduleBase<SchedulePass> {
  using GPUOSScheduleBase::GPUOSScheduleBase;

  void runOnOperation() override {
    GraphOp graph = getOperation();
    FailureOr<TaskGraph> built = buildTaskGraph(graph);
    if (failed(built))
      return signalPassFailure();
    TaskGraph &g = *built;
    size_t n = g.tasks.size();

    // Critical path to the end: program order is topological.
    SmallVector<int64_t> priority(n, 0);
    for (int i = n - 1; i >= 0; --i) {
      int64_t longest = 0;
      for (int s : g.succs[i])
        longest = std::max(longest, priority[s]);
      priority[i] = g.tiles[i] + longest;
    }

    // Kahn's algorithm, highest priority first, program order on ties.
    SmallVector<int> waiting(n);
    auto later = [&](int a, int b) {
      return priority[a] != priority[b] ? priority[a] < priority[b] : a > b;
    };
    std::priority_queue<int, std::vector<int>, decltype(later)> ready(later);
    for (size_t i = 0; i < n; ++i)
      if ((waiting[i] = g.preds[i].size()) == 0)
        ready.push(i);
    SmallVector<int> order;
    while (!ready.empty()) {
      int t = ready.top();
      ready.pop();
      order.push_back(t);
      for (int s : g.succs[t])
        if (--waiting[s] == 0)
          ready.push(s);
    }
    SmallVector<int64_t> id(n);
    for (auto [position, t] : llvm::enumerate(order))
      id[t] = position;

    SmallVector<int64_t> worker = placeChains(g, order);

    Builder builder(graph.getContext());
    Operation *terminator = graph.getBody().front().getTerminator();
    int64_t edges = 0;
    for (int t : order) {
      TaskOp task = g.tasks[t];
      task->moveBefore(terminator);
      SmallVector<int64_t> deps;
      for (int p : g.preds[t])
        deps.push_back(id[p]);
      llvm::sort(deps);
      edges += deps.size();
      task->setAttr(attr::kTaskId, builder.getI64IntegerAttr(id[t]));
      task->setAttr(attr::kDeps, builder.getDenseI64ArrayAttr(deps));
      task->setAttr(attr::kPriority, builder.getI64IntegerAttr(priority[t]));
      if (worker[t] >= 0)
        task->setAttr(attr::kWorker, builder.getI64IntegerAttr(worker[t]));
      else
        task->removeAttr(attr::kWorker);
    }
    edges -= dropImpliedDeps(graph);
    graph->setAttr(attr::kNumTasks, builder.getI64IntegerAttr(n));
    graph->setAttr(attr::kNumChains, builder.getI64IntegerAttr(chains));
    numScheduled += n;
    numDeps += edges;
    int64_t longest = 0;
    for (int64_t p : priority)
      longest = std::max(longest, p);
    criticalPath = std::max<uint64_t>(criticalPath, longest);
    if (report)
      reportFigures(graph, "gpuos-schedule",
                    {{"tasks", (int64_t)n},
                     {"deps", edges},
                     {"chains", chains},
                     {"chained-edges", chainedEdges},
                     {"critical-path", longest}});
  }

  /// Worker (chain id) per task, -1 for dynamically placed tasks.
  SmallVector<int64_t> placeChains(const TaskGraph &g, ArrayRef<int> order) {
    size_t n = g.tasks.size();
    SmallVector<int64_t> worker(n, -1);
    chains = chainedEdges = 0;
    if (!chainWorkers)
      return worker;
    // `next[t]`: the task t hands over to on its own worker.
    SmallVector<int> next(n, -1);
    SmallVector<bool> hasPrev(n, false);
    for (size_t t = 0; t < n; ++t) {
      if (g.tiles[t] != 1 || g.succs[t].size() != 1)
        continue;
      int s = g.succs[t].front();
      if (g.tiles[s] == 1 && g.preds[s].size() == 1) {
        next[t] = s;
        hasPrev[s] = true;
      }
    }
    for (int head : order) {
      if (hasPrev[head] || next[head] < 0)
        continue;
      int64_t length = 0;
      for (int t = head; t >= 0; t = next[t])
        ++length;
      if (length < minChainLength)
        continue;
      for (int t = head; t >= 0; t = next[t])
        worker[t] = chains;
      ++chains;
      numChains++;
      numChainedEdges += length - 1;
      chainedEdges += length - 1;
    }
    return worker;
  }

  int64_t chains = 0;
  int64_t chainedEdges = 0;
};

} // namespace
