//===- PlanMemory.cpp - place intermediates in one arena ------------------===//
//
// Liveness over the task order: a result is live from its task to its last
// reader. Blocks are taken first fit from a free list that coalesces
// neighbours; every offset is a multiple of `alignment` because every block
// size is rounded up to it. Graph inputs and outputs are external buffers.
//
// Tasks of one graph run concurrently, so reusing memory adds an ordering:
// a task writing a block waits for every reader of the block's previous
// value. Those write-after-read edges are added to `gpuos.deps` (present
// when gpuos-schedule ran before), never creating a cycle since the readers
// come earlier in the order.
//
//===----------------------------------------------------------------------===//

#include "ImpliedDeps.h"
#include "Report.h"
#include "gpuos/Transforms/Passes.h"
#include "gpuos/Transforms/TaskAttributes.h"

#include "mlir/IR/Builders.h"

#include <map>

namespace gpuos {
#define GEN_PASS_DEF_GPUOSPLANMEMORY
#include "gpuos/Transforms/Passes.h.inc"
} // namespace gpuos

using namespace mlir;
using namespace gpuos;

namespace {

int64_t bytesOf(Value v) {
  auto type = cast<RankedTensorType>(v.getType());
  return type.getNumElements() *
         std::max<int64_t>(1, type.getElementTypeBitWidth() / 8);
}

/// Each element of every value depends only on the same element of the
/// inputs of that shape: writing a result over such an input is safe.
/// Constants read no input and may have any shape.
bool isUniformElementwise(TaskOp task, RankedTensorType type) {
  return llvm::all_of(task.getBodyBlock().without_terminator(),
                      [&](Operation &op) {
                        if (isa<FillOp, ConstantOp>(op))
                          return true;
                        return isElementwise(&op) &&
                               cast<RankedTensorType>(op.getResult(0).getType())
                                       .getShape() == type.getShape();
                      });
}

/// A free stretch of the arena and the tasks that must finish before
/// anything is written there.
struct FreeBlock {
  int64_t size;
  SmallVector<int, 4> fences;
};

class Arena {
public:
  explicit Arena(int64_t alignment) : alignment(alignment) {}

  int64_t round(int64_t bytes) const {
    return std::max<int64_t>(alignment,
                             (bytes + alignment - 1) / alignment * alignment);
  }

  /// First fit; appends to `fences` the readers to wait for. `reused` says
  /// whether the memory held another value before.
  int64_t allocate(int64_t bytes, SmallVectorImpl<int> &fences, bool &reused) {
    int64_t size = round(bytes);
    for (auto it = free.begin(); it != free.end(); ++it) {
      if (it->second.size < size)
        continue;
      int64_t offset = it->first;
      FreeBlock block = std::move(it->second);
      free.erase(it);
      fences.append(block.fences);
      if (block.size > size)
        free[offset + size] = {block.size - size, block.fences};
      reused = true;
      return offset;
    }
    // Grow the arena, starting inside a free block that touches its end.
    int64_t offset = top;
    if (!free.empty()) {
      auto last = std::prev(free.end());
      if (last->first + last->second.size == top) {
        offset = last->first;
        fences.append(last->second.fences);
        free.erase(last);
        reused = true;
      }
    }
    top = offset + size;
    return offset;
  }

  void release(int64_t offset, int64_t bytes, ArrayRef<int> readers) {
    FreeBlock block{round(bytes), SmallVector<int, 4>(readers)};
    auto next = free.lower_bound(offset);
    if (next != free.end() && offset + block.size == next->first) {
      block.size += next->second.size;
      block.fences.append(next->second.fences);
      free.erase(next);
    }
    auto after = free.lower_bound(offset);
    if (after != free.begin()) {
      auto prev = std::prev(after);
      if (prev->first + prev->second.size == offset) {
        prev->second.size += block.size;
        prev->second.fences.append(block.fences);
        return;
      }
    }
    free[offset] = std::move(block);
  }

  int64_t size() const { return top; }

private:
  int64_t alignment;
  int64_t top = 0;
  std::map<int64_t, FreeBlock> free;
};

/// Adds the ids of the tasks in `fences` to the `gpuos.deps` of `task`,
/// when gpuos-schedule has numbered the tasks. Returns the edges added.
int64_t addWriteAfterReadDeps(TaskOp task, ArrayRef<int> fences,
                              ArrayRef<TaskOp> tasks) {
  auto deps = task->getAttrOfType<DenseI64ArrayAttr>(attr::kDeps);
  if (!deps || fences.empty())
    return 0;
  SmallVector<int64_t> ids(deps.asArrayRef());
  size_t before = ids.size();
  for (int fence : fences)
    if (auto id = tasks[fence]->getAttrOfType<IntegerAttr>(attr::kTaskId))
      ids.push_back(id.getInt());
  llvm::sort(ids);
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  task->setAttr(attr::kDeps, DenseI64ArrayAttr::get(task.getContext(), ids));
  return ids.size() - before;
}

struct PlanMemoryPass
    : public gpuos::impl::GPUOSPlanMemoryBase<PlanMemoryPass> {
  using GPUOSPlanMemoryBase::GPUOSPlanMemoryBase;

  void runOnOperation() override;
};

void PlanMemoryPass::runOnOperation() {
  GraphOp graph = getOperation();
  if (alignment < 1 || (alignment & (alignment - 1)) != 0) {
    graph.emitError() << "gpuos-plan-memory: alignment " << (int64_t)alignment
                      << " must be a power of two";
    return signalPassFailure();
  }
  Block &body = graph.getBody().front();
  SmallVector<TaskOp> tasks;
  DenseMap<Operation *, int> position;
  for (Operation &op : body.without_terminator()) {
    auto task = dyn_cast<TaskOp>(op);
    if (!task) {
      op.emitError() << "gpuos-plan-memory expects every op of the graph in "
                        "a gpuos.task; run gpuos-fuse first";
      return signalPassFailure();
    }
    position[task] = tasks.size();
    tasks.push_back(task);
  }

  Operation *terminator = body.getTerminator();
  DenseMap<Value, int64_t> outputIndex;
  for (auto [i, v] : llvm::enumerate(terminator->getOperands()))
    outputIndex.try_emplace(v, i);

  // Readers of each result, in task order, and the results dying at a task.
  DenseMap<Value, SmallVector<int, 2>> readers;
  SmallVector<SmallVector<Value, 2>> dyingAt(tasks.size());
  for (auto [i, task] : llvm::enumerate(tasks))
    for (Value result : task.getResults()) {
      SmallVector<int, 2> &list = readers[result];
      for (Operation *user : result.getUsers())
        if (auto it = position.find(user); it != position.end() &&
                                           !llvm::is_contained(list, it->second))
          list.push_back(it->second);
      llvm::sort(list);
      if (!outputIndex.count(result))
        dyingAt[list.empty() ? i : list.back()].push_back(result);
    }

  Arena arena(alignment);
  DenseMap<Value, int64_t> offsetOf;
  Builder builder(graph.getContext());
  int64_t naive = 0, addedDeps = 0, placed = 0, reusedCount = 0, inPlaceCount = 0;
  for (auto [i, task] : llvm::enumerate(tasks)) {
    SmallVector<int> fences;
    SmallVector<int64_t> offsets, sizes, outputs;
    SmallVector<Value> takenInPlace;
    for (Value result : task.getResults()) {
      sizes.push_back(bytesOf(result));
      auto out = outputIndex.find(result);
      outputs.push_back(out == outputIndex.end() ? -1 : out->second);
      if (out != outputIndex.end()) {
        offsets.push_back(-1);
        continue;
      }
      ++placed;
      naive += arena.round(bytesOf(result));
      auto type = cast<RankedTensorType>(result.getType());
      Value victim;
      // One result only: with several, the code generator may write one
      // before it reads the input for another.
      if (inPlace && task.getNumResults() == 1 &&
          isUniformElementwise(task, type))
        for (Value input : task.getInputs())
          if (input.getType() == type && offsetOf.count(input) &&
              llvm::is_contained(dyingAt[i], input) &&
              !llvm::is_contained(takenInPlace, input)) {
            victim = input;
            break;
          }
      if (victim) {
        takenInPlace.push_back(victim);
        for (int reader : readers[victim])
          if (reader != (int)i)
            fences.push_back(reader);
        offsetOf[result] = offsetOf[victim];
        ++inPlaceCount;
      } else {
        bool reused = false;
        offsetOf[result] = arena.allocate(bytesOf(result), fences, reused);
        reusedCount += reused;
      }
      offsets.push_back(offsetOf[result]);
    }
    task->setAttr(attr::kResultOffsets, builder.getDenseI64ArrayAttr(offsets));
    task->setAttr(attr::kResultSizes, builder.getDenseI64ArrayAttr(sizes));
    task->setAttr(attr::kResultOutputs, builder.getDenseI64ArrayAttr(outputs));
    addedDeps += addWriteAfterReadDeps(task, fences, tasks);
    for (Value dead : dyingAt[i]) {
      if (llvm::is_contained(takenInPlace, dead))
        continue;
      // A value nobody reads still has its writer, which must finish
      // before another task writes the block.
      SmallVector<int, 2> fence = readers[dead];
      if (fence.empty())
        fence.push_back(i);
      arena.release(offsetOf[dead], bytesOf(dead), fence);
    }
  }
  // Write-after-read edges often restate what a data path already orders.
  if (addedDeps)
    dropImpliedDeps(graph);
  graph->setAttr(attr::kArenaSize, builder.getI64IntegerAttr(arena.size()));
  graph->setAttr(attr::kArenaAlignment, builder.getI64IntegerAttr(alignment));
  peakArenaBytes = std::max<uint64_t>(peakArenaBytes, arena.size());
  naiveBytes += naive;
  numIntermediates += placed;
  numReused += reusedCount;
  numInPlace += inPlaceCount;
  numOrderingDeps += addedDeps;
  if (report)
    reportFigures(graph, "gpuos-plan-memory",
                  {{"arena-bytes", arena.size()},
                   {"naive-bytes", naive},
                   {"intermediates", placed},
                   {"reused", reusedCount},
                   {"in-place", inPlaceCount},
                   {"ordering-deps", addedDeps}});
}

} // namespace

