//===- ImpliedDeps.cpp - drop dependencies that a path already implies ---===//
//
// Task ids follow a topological order (every dependency has a smaller id).
// For a task with several dependencies they are visited from the largest id
// down: a dependency already marked as an ancestor of a kept one is implied;
// otherwise it is kept and its ancestors are marked, searching only ids above
// the task's smallest dependency (nothing below it can be one).
//
//===----------------------------------------------------------------------===//

#include "ImpliedDeps.h"

#include "gpuos/Transforms/TaskAttributes.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

using namespace mlir;

int64_t gpuos::dropImpliedDeps(GraphOp graph) {
  llvm::DenseMap<int64_t, TaskOp> byId;
  graph.walk([&](TaskOp task) {
    if (auto id = task->getAttrOfType<IntegerAttr>(attr::kTaskId))
      byId[id.getInt()] = task;
  });
  auto depsOf = [](TaskOp task) -> ArrayRef<int64_t> {
    if (auto deps = task->getAttrOfType<DenseI64ArrayAttr>(attr::kDeps))
      return deps.asArrayRef();
    return {};
  };
  int64_t dropped = 0;
  llvm::DenseSet<int64_t> ancestors;
  SmallVector<int64_t> stack;
  for (auto &[id, task] : byId) {
    ArrayRef<int64_t> deps = depsOf(task);
    if (deps.size() < 2)
      continue;
    SmallVector<int64_t> sorted(deps);
    llvm::sort(sorted);
    const int64_t lowest = sorted.front();
    ancestors.clear();
    SmallVector<int64_t> kept;
    for (int64_t dep : llvm::reverse(sorted)) {
      if (ancestors.contains(dep))
        continue;
      kept.push_back(dep);
      stack.assign(1, dep);
      while (!stack.empty()) {
        auto it = byId.find(stack.pop_back_val());
        if (it == byId.end())
          continue;
        for (int64_t up : depsOf(it->second))
          if (up >= lowest && ancestors.insert(up).second)
            stack.push_back(up);
      }
    }
    if (kept.size() == deps.size())
      continue;
    dropped += deps.size() - kept.size();
    llvm::sort(kept);
    task->setAttr(attr::kDeps, DenseI64ArrayAttr::get(task.getContext(), kept));
  }
  return dropped;
}
