//===- Fuse.cpp - form gpuos.task regions ---------------------------------===//
//
// Groups are built in one pass over the graph body, in program order:
//
// 1. Vertical. Each op starts a group and then absorbs the groups of its
//    producers. A producer group may merge only while it is "closed" (no op
//    outside it has read its values yet): then its only consumer is the op at
//    hand, so merging cannot create a cycle, and every group stays after all
//    the groups it reads. FusionLegality.h decides whether the merge is
//    legal; the cost model whether it pays. An open or misaligned producer
//    may instead be cloned (recomputed) when the cost model says so.
// 2. Horizontal. Groups get a depth (longest path from the graph inputs);
//    groups of equal depth have no path between them, so groups of equal
//    depth and equal domain are batched into one task.
// 3. Materialization. Each group becomes a gpuos.task at the end of the
//    body, in depth order (cut into several when it needs more arguments
//    than an operator takes, TaskSplitting.h); constants are cloned into the
//    tasks reading them.
//
// Union-find over op indices keeps it near linear in the number of ops.
//
//===----------------------------------------------------------------------===//

#include "Report.h"
#include "TaskSplitting.h"
#include "gpuos/Transforms/FusionCostModel.h"
#include "gpuos/Transforms/FusionLegality.h"
#include "gpuos/Transforms/Passes.h"
#include "gpuos/Transforms/TaskAttributes.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/IRMapping.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"

namespace gpuos {
#define GEN_PASS_DEF_GPUOSFUSE
#include "gpuos/Transforms/Passes.h.inc"
} // namespace gpuos

using namespace mlir;
using namespace gpuos;

namespace {

struct Group {
  GroupSummary summary;
  /// No op outside the group has read its values yet.
  bool closed = true;
  /// Fusion may add ops to it (false for tasks already formed).
  bool fusable = true;
  /// Op indices, in no particular order.
  SmallVector<int> members;
  /// Ops of other groups cloned in (recomputed by this group).
  llvm::DenseSet<int> cloned;
  /// Longest path from the graph inputs, in groups.
  int64_t depth = 0;
  /// Index of the group's last op: groups are emitted after their producers.
  int last = 0;
};

struct Counters {
  int64_t vertical = 0, horizontal = 0, recomputed = 0, illegal = 0,
          unprofitable = 0, tasks = 0, constants = 0, split = 0;
};

class Fuser {
public:
  Fuser(GraphOp graph, const FusionLimits &limits, FusionCostModel &model)
      : limits(limits), model(model) {
    Block &body = graph.getBody().front();
    returnOp = body.getTerminator();
    for (Operation &op : body.without_terminator()) {
      index[&op] = ops.size();
      ops.push_back(&op);
    }
  }

  FailureOr<Counters> run() {
    size_t n = ops.size();
    parent.resize(n);
    groups.resize(n);
    free.assign(n, false);
    for (size_t i = 0; i < n; ++i) {
      parent[i] = i;
      free[i] = isFreeConstant(ops[i]);
    }
    for (size_t i = 0; i < n; ++i)
      if (!free[i])
        fuseIntoProducers(i);
    SmallVector<int> order = groupsByLastOp();
    computeDepths(order);
    if (horizontal)
      batchHorizontally(order);
    if (failed(materialize(order)))
      return failure();
    return counters;
  }

  bool horizontal = true;

private:
  /// Constants read only by fusable ops are copied into each reader's task.
  bool isFreeConstant(Operation *op) {
    if (!isa<ConstantOp, FillOp>(op))
      return false;
    return llvm::all_of(op->getUsers(),
                        [&](Operation *user) { return isFusable(user); });
  }

  int find(int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /// Merges group `b` into group `a` (both roots); returns the new root.
  int unite(int a, int b, GroupSummary merged) {
    if (groups[a].members.size() < groups[b].members.size())
      std::swap(a, b);
    parent[b] = a;
    Group &into = groups[a], &from = groups[b];
    into.members.append(from.members.begin(), from.members.end());
    into.cloned.insert(from.cloned.begin(), from.cloned.end());
    into.last = std::max(into.last, from.last);
    into.depth = std::max(into.depth, from.depth);
    into.summary = std::move(merged);
    from = Group();
    return a;
  }

  /// Index of the non-free op defining `v`, or -1 (graph argument, constant).
  int producerIndex(Value v) {
    Operation *def = v.getDefiningOp();
    if (!def)
      return -1;
    auto it = index.find(def);
    if (it == index.end() || free[it->second])
      return -1;
    return it->second;
  }

  void fuseIntoProducers(int p) {
    Operation *op = ops[p];
    Group &self = groups[p];
    self.members = {p};
    self.last = p;
    self.fusable = isFusable(op);
    if (self.fusable)
      self.summary = summarizeOp(op);

    // Producer groups with the operands each one feeds.
    SmallVector<std::pair<int, SmallVector<unsigned, 2>>, 4> producers;
    for (auto [i, operand] : llvm::enumerate(op->getOperands())) {
      int def = producerIndex(operand);
      if (def < 0)
        continue;
      int root = find(def);
      auto it = llvm::find_if(producers,
                              [&](auto &entry) { return entry.first == root; });
      if (it == producers.end())
        producers.push_back({root, {(unsigned)i}});
      else
        it->second.push_back(i);
    }

    // Operands already recomputed inside the group need no producer.
    auto clonedIn = [&](int root, unsigned operand) {
      return groups[root].cloned.contains(producerIndex(op->getOperand(operand)));
    };
    int root = p;
    for (auto &[producer, operands] : producers) {
      SmallVector<unsigned, 2> needed;
      for (unsigned i : operands)
        if (!clonedIn(root, i))
          needed.push_back(i);
      if (!needed.empty() && groups[root].fusable &&
          groups[find(producer)].fusable)
        root = tryFuse(root, producer, op, needed);
    }
    // Whatever was not absorbed is now read from outside: it stays as it is.
    for (auto &[producer, operands] : producers) {
      int current = find(producer);
      if (current != root &&
          !llvm::all_of(operands, [&](unsigned i) { return clonedIn(root, i); }))
        groups[current].closed = false;
    }
  }

  /// Tries to bring `producer` into the group `root` holding `op`; returns
  /// the root afterwards.
  int tryFuse(int root, int producer, Operation *op,
              ArrayRef<unsigned> operands) {
    producer = find(producer);
    if (producer == root)
      return root;
    Group &prod = groups[producer];
    bool feedsInput = llvm::is_contained(operands, 0u);
    LegalityResult legality =
        checkProducerFusion(prod.summary, prod.closed, op, operands,
                            feedsInput, groups[root].summary, limits);
    // A clone must be self-contained: no clones of its own to carry along.
    if (legality.kind == Legality::NeedsRecompute && !prod.cloned.empty())
      legality.kind = Legality::Illegal;
    if (legality.kind == Legality::Illegal) {
      ++counters.illegal;
      return root;
    }

    int64_t bytesSaved = 0;
    llvm::SmallDenseSet<Value, 4> seen;
    for (unsigned i : operands) {
      Value v = op->getOperand(i);
      if (seen.insert(v).second) {
        auto type = cast<RankedTensorType>(v.getType());
        bytesSaved += 2 * type.getNumElements() *
                      std::max<int64_t>(1, type.getElementTypeBitWidth() / 8);
      }
    }
    bool recompute = legality.kind == Legality::NeedsRecompute;
    FusionCandidate candidate{
        recompute ? FusionKind::Recompute : FusionKind::Producer,
        prod.summary, groups[root].summary, legality.merged, bytesSaved};
    if (recompute) {
      candidate.extraElements = prod.summary.valueElements;
      candidate.copies = legality.merged.rows();
      candidate.producerOnlyFeedsConsumer = prod.closed;
    }
    if (!model.shouldFuse(candidate)) {
      ++counters.unprofitable;
      return root;
    }
    if (recompute) {
      Group &into = groups[root];
      into.cloned.insert(prod.members.begin(), prod.members.end());
      into.summary = std::move(legality.merged);
      counters.recomputed += prod.members.size();
      return root;
    }
    ++counters.vertical;
    return unite(root, producer, std::move(legality.merged));
  }

  /// Group roots ordered by their last op: a topological order, since a
  /// group only ever reads groups whose last op comes earlier.
  SmallVector<int> groupsByLastOp() {
    SmallVector<int> order;
    for (size_t i = 0; i < ops.size(); ++i)
      if (!free[i] && groups[find(i)].last == (int)i)
        order.push_back(find(i));
    return order;
  }

  void computeDepths(ArrayRef<int> order) {
    for (int root : order) {
      Group &g = groups[root];
      auto visit = [&](int member) {
        for (Value operand : ops[member]->getOperands()) {
          int def = producerIndex(operand);
          if (def < 0 || g.cloned.contains(def))
            continue;
          int other = find(def);
          if (other != root)
            g.depth = std::max(g.depth, groups[other].depth + 1);
        }
      };
      for (int member : g.members)
        visit(member);
      for (int member : g.cloned)
        visit(member);
    }
  }

  void batchHorizontally(SmallVector<int> &order) {
    llvm::StringMap<int> open;
    for (int &root : order) {
      Group &g = groups[root];
      if (!g.fusable || !isBatchable(g.summary, limits))
        continue;
      std::string key = std::to_string(g.depth);
      for (int64_t d : g.summary.domain)
        key += "x" + std::to_string(d);
      auto [it, inserted] = open.try_emplace(key, root);
      if (inserted)
        continue;
      int batch = it->second;
      LegalityResult legality =
          checkHorizontalFusion(groups[batch].summary, g.summary, limits);
      if (legality.kind == Legality::Illegal) {
        ++counters.illegal;
        it->second = root;
        continue;
      }
      FusionCandidate candidate{FusionKind::Horizontal, g.summary,
                                groups[batch].summary, legality.merged};
      if (!model.shouldFuse(candidate)) {
        ++counters.unprofitable;
        it->second = root;
        continue;
      }
      ++counters.horizontal;
      it->second = unite(batch, root, std::move(legality.merged));
    }
    // Keep the groups that absorbed others (each root appears once in
    // `order`), ordered by depth, then by last op.
    SmallVector<int> roots;
    for (int root : order)
      if (find(root) == root)
        roots.push_back(root);
    llvm::stable_sort(roots, [&](int a, int b) {
      return groups[a].depth < groups[b].depth;
    });
    order = std::move(roots);
  }

  /// Values of `root` that something outside it reads (by program order).
  /// A reader may be an op of another group or a clone of an op in another
  /// group; a group holding its own clone of the value's op needs nothing.
  SmallVector<Value> externalResults(int root, ArrayRef<int> members) {
    SmallVector<Value> results;
    auto needsFromOutside = [&](int reader, int m) {
      return reader != root && !groups[reader].cloned.contains(m);
    };
    for (int m : members) {
      Value v = ops[m]->getResult(0);
      bool external = llvm::any_of(v.getUsers(), [&](Operation *user) {
        auto it = index.find(user);
        if (it == index.end())
          return true; // the return
        if (needsFromOutside(find(it->second), m))
          return true;
        return llvm::any_of(cloneOwners[it->second], [&](int owner) {
          return needsFromOutside(owner, m);
        });
      });
      if (external)
        results.push_back(v);
    }
    return results;
  }

  LogicalResult materialize(ArrayRef<int> order) {
    cloneOwners.assign(ops.size(), {});
    for (int root : order)
      for (int i : groups[root].cloned)
        cloneOwners[i].push_back(root);
    IRMapping outer;
    OpBuilder builder(returnOp);
    for (int root : order) {
      Group &g = groups[root];
      if (g.members.size() == 1 && isa<TaskOp>(ops[root])) {
        Operation *task = ops[root];
        task->moveBefore(returnOp);
        kept.insert(task);
        for (OpOperand &operand : task->getOpOperands())
          operand.set(outer.lookupOrDefault(operand.get()));
        continue;
      }
      SmallVector<int> members(g.members);
      llvm::sort(members);
      SmallVector<Value> results = externalResults(root, members);
      if (results.empty())
        continue;
      SmallVector<Operation *> memberOps;
      for (int m : members)
        memberOps.push_back(ops[m]);
      llvm::DenseSet<Value> escapes(results.begin(), results.end());
      auto isCopied = [&](Operation *op) {
        auto it = index.find(op);
        return it != index.end() &&
               (free[it->second] || g.cloned.contains(it->second));
      };
      SmallVector<TaskPiece> pieces = splitByArguments(
          memberOps, escapes, isCopied, limits.maxTaskArgs);
      counters.split += pieces.size() - 1;
      for (TaskPiece &piece : pieces) {
        if (piece.results.empty())
          continue;
        if (failed(emitTask(builder, outer, g, bodyOf(g, piece.ops),
                            piece.results)))
          return failure();
      }
    }
    for (OpOperand &operand : returnOp->getOpOperands())
      operand.set(outer.lookupOrDefault(operand.get()));
    // Old ops are read only by old ops now; erase readers first.
    for (Operation *op : llvm::reverse(ops))
      if (!kept.contains(op))
        op->erase();
    return success();
  }

  /// Op indices of a task computing `pieceOps`: those ops and the clones
  /// they read, directly or through other clones, in program order.
  SmallVector<int> bodyOf(Group &g, ArrayRef<Operation *> pieceOps) {
    SmallVector<int> body;
    llvm::DenseSet<int> added;
    SmallVector<int> worklist;
    for (Operation *op : pieceOps) {
      body.push_back(index[op]);
      added.insert(index[op]);
      worklist.push_back(index[op]);
    }
    while (!worklist.empty()) {
      int i = worklist.pop_back_val();
      for (Value operand : ops[i]->getOperands()) {
        int def = producerIndex(operand);
        if (def >= 0 && g.cloned.contains(def) && added.insert(def).second) {
          body.push_back(def);
          worklist.push_back(def);
        }
      }
    }
    llvm::sort(body);
    return body;
  }

  LogicalResult emitTask(OpBuilder &builder, IRMapping &outer, Group &g,
                         ArrayRef<int> body, ArrayRef<Value> results) {
    llvm::DenseSet<Operation *> inside;
    for (int i : body)
      inside.insert(ops[i]);
    SmallVector<Value> inputs;
    SmallVector<Operation *> constants;
    llvm::DenseSet<Value> seen;
    for (int i : body)
      for (Value operand : ops[i]->getOperands()) {
        Operation *def = operand.getDefiningOp();
        if (def && inside.contains(def))
          continue;
        if (!seen.insert(operand).second)
          continue;
        if (def && free[index[def]])
          constants.push_back(def);
        else
          inputs.push_back(operand);
      }

    SmallVector<Value> taskInputs;
    for (Value v : inputs) {
      // Every group comes after the groups it reads; anything else would
      // leave the task reading an op about to be erased.
      Operation *def = v.getDefiningOp();
      if (def && !outer.contains(v) && !kept.contains(def)) {
        ops[body.front()]->emitError()
            << "gpuos-fuse: internal error: a task would read " << v
            << " before the task computing it";
        return failure();
      }
      taskInputs.push_back(outer.lookupOrDefault(v));
    }
    auto task = TaskOp::create(builder, returnOp->getLoc(),
                               ValueRange(results).getTypes(), taskInputs);
    task->setAttr(attr::kDomain,
                  builder.getDenseI64ArrayAttr(g.summary.domain));
    Block &block = task.getBodyBlock();
    OpBuilder inner = OpBuilder::atBlockEnd(&block);
    IRMapping mapping;
    for (auto [v, arg] : llvm::zip(inputs, block.getArguments()))
      mapping.map(v, arg);
    for (Operation *constant : constants) {
      inner.clone(*constant, mapping);
      ++counters.constants;
    }
    for (int i : body)
      inner.clone(*ops[i], mapping);
    SmallVector<Value> yielded;
    for (Value v : results)
      yielded.push_back(mapping.lookup(v));
    YieldOp::create(inner, returnOp->getLoc(), yielded);
    for (auto [v, result] : llvm::zip(results, task.getResults()))
      outer.map(v, result);
    ++counters.tasks;
    return success();
  }

  const FusionLimits &limits;
  FusionCostModel &model;
  Operation *returnOp;
  /// Tasks formed before this pass, moved rather than rebuilt.
  llvm::DenseSet<Operation *> kept;
  SmallVector<Operation *> ops;
  DenseMap<Operation *, int> index;
  SmallVector<int> parent;
  std::vector<Group> groups;
  std::vector<bool> free;
  /// Groups holding a clone of each op (filled before materialization).
  std::vector<SmallVector<int, 1>> cloneOwners;
  Counters counters;
};

struct FusePass : public gpuos::impl::GPUOSFuseBase<FusePass> {
  using GPUOSFuseBase::GPUOSFuseBase;

  void runOnOperation() override {
    GraphOp graph = getOperation();
    CostModelOptions costOptions{taskOverheadBytes, recomputeBytesPerElement,
                                 minParallelRows};
    std::unique_ptr<FusionCostModel> model =
        createFusionCostModel(costModel, costOptions);
    if (!model) {
      std::string known;
      for (const std::string &name : registeredFusionCostModels())
        known += (known.empty() ? "" : ", ") + name;
      graph.emitError() << "gpuos-fuse: unknown cost model '" << costModel
                        << "' (registered: " << known << ")";
      return signalPassFailure();
    }
    if (maxOpsPerTask < 1 || maxTileBytes < 1 || minParallelRows < 1 ||
        maxSerialWork < 1 || recomputeMaxOps < 0) {
      graph.emitError() << "gpuos-fuse: max-ops-per-task, max-tile-bytes, "
                           "min-parallel-rows and max-serial-work must be "
                           "positive, recompute-max-ops >= 0";
      return signalPassFailure();
    }
    FusionLimits limits{maxOpsPerTask, maxTileBytes, recomputeMaxOps,
                        horizontalMaxElements, maxTaskArgs, maxSerialWork};
    Fuser fuser(graph, limits, *model);
    fuser.horizontal = horizontal;
    int64_t opsBefore = graph.getBody().front().getOperations().size() - 1;
    FailureOr<Counters> result = fuser.run();
    if (failed(result))
      return signalPassFailure();
    Counters c = *result;
    if (report)
      reportFigures(graph, "gpuos-fuse",
                    {{"ops", opsBefore},
                     {"tasks", c.tasks},
                     {"vertical", c.vertical},
                     {"horizontal", c.horizontal},
                     {"recomputed", c.recomputed},
                     {"illegal", c.illegal},
                     {"unprofitable", c.unprofitable},
                     {"split", c.split}});
    numTasks += c.tasks;
    numVerticalFusions += c.vertical;
    numHorizontalFusions += c.horizontal;
    numRecomputedOps += c.recomputed;
    numIllegal += c.illegal;
    numUnprofitable += c.unprofitable;
    numClonedConstants += c.constants;
    numSplit += c.split;
  }
};

} // namespace
