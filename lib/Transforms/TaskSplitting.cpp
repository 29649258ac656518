//===- TaskSplitting.cpp - cut a group to the operator argument limit -----===//
//
// Greedy, in one walk: add ops to the current piece while its inputs plus
// the values it must hand on stay within the limit. A value is handed on when
// something outside the group reads it or a later op of the group does.
//
//===----------------------------------------------------------------------===//

#include "TaskSplitting.h"

#include "llvm/ADT/DenseMap.h"

using namespace mlir;
using namespace gpuos;

namespace {

class Splitter {
public:
  Splitter(ArrayRef<Operation *> members, const DenseSet<Value> &escapes,
           function_ref<bool(Operation *)> isCopied, int64_t maxArgs)
      : members(members), escapes(escapes), isCopied(isCopied),
        maxArgs(maxArgs), dying(members.size(), 0) {
    for (auto [i, op] : llvm::enumerate(members))
      position[op] = i;
    lastReader.assign(members.size(), -1);
    for (auto [i, op] : llvm::enumerate(members))
      for (Operation *user : op->getResult(0).getUsers())
        if (auto it = position.find(user); it != position.end())
          lastReader[i] = std::max<int64_t>(lastReader[i], it->second);
  }

  SmallVector<TaskPiece> run() {
    for (size_t i = 0; i < members.size(); ++i) {
      SmallVector<Value> fresh = newInputs(i);
      if (argumentsWith(i, fresh.size()) > maxArgs && i > start) {
        close(i);
        fresh = newInputs(i);
      }
      inputs.insert(fresh.begin(), fresh.end());
      liveOut += (handedOn(i) ? 1 : 0) - dying[i];
      if (handedOn(i) && !escapes.contains(value(i)))
        ++dying[lastReader[i]];
    }
    close(members.size());
    return std::move(pieces);
  }

private:
  Value value(size_t i) const { return members[i]->getResult(0); }

  /// The value of member `i` is needed after it: outside or later.
  bool handedOn(size_t i) const {
    return escapes.contains(value(i)) || lastReader[i] > (int64_t)i;
  }

  /// Arguments of the current piece if it ends with member `i`.
  int64_t argumentsWith(size_t i, size_t freshInputs) const {
    return inputs.size() + freshInputs + liveOut + (handedOn(i) ? 1 : 0) -
           dying[i];
  }

  /// Inputs member `i` adds to the current piece.
  SmallVector<Value> newInputs(size_t i) {
    SmallVector<Value> fresh;
    DenseSet<Operation *> visited;
    SmallVector<Operation *> worklist{members[i]};
    while (!worklist.empty()) {
      Operation *op = worklist.pop_back_val();
      for (Value operand : op->getOperands()) {
        Operation *def = operand.getDefiningOp();
        if (def && isCopied(def)) {
          if (visited.insert(def).second)
            worklist.push_back(def);
          continue;
        }
        auto it = def ? position.find(def) : position.end();
        bool inPiece = it != position.end() && it->second >= (int64_t)start;
        if (!inPiece && !inputs.contains(operand) &&
            !llvm::is_contained(fresh, operand))
          fresh.push_back(operand);
      }
    }
    return fresh;
  }

  /// Ends the current piece before member `end`.
  void close(size_t end) {
    if (end == start)
      return;
    TaskPiece piece;
    for (size_t k = start; k < end; ++k) {
      piece.ops.push_back(members[k]);
      if (escapes.contains(value(k)) || lastReader[k] >= (int64_t)end)
        piece.results.push_back(value(k));
    }
    pieces.push_back(std::move(piece));
    start = end;
    inputs.clear();
    liveOut = 0;
    std::fill(dying.begin() + end, dying.end(), 0);
  }

  ArrayRef<Operation *> members;
  const DenseSet<Value> &escapes;
  function_ref<bool(Operation *)> isCopied;
  int64_t maxArgs;
  DenseMap<Operation *, int64_t> position;
  /// Position of the last member reading each member's value, -1 if none.
  SmallVector<int64_t> lastReader;
  /// Values of the current piece handed on until each position.
  SmallVector<int64_t> dying;
  size_t start = 0;
  DenseSet<Value> inputs;
  int64_t liveOut = 0;
  SmallVector<TaskPiece> pieces;
};

} // namespace

SmallVector<TaskPiece>
gpuos::splitByArguments(ArrayRef<Operation *> members,
                        const DenseSet<Value> &escapes,
                        function_ref<bool(Operation *)> isCopied,
                        int64_t maxArgs) {
  if (maxArgs <= 0) {
    TaskPiece whole;
    whole.ops.assign(members.begin(), members.end());
    for (Operation *op : members)
      if (escapes.contains(op->getResult(0)))
        whole.results.push_back(op->getResult(0));
    return {whole};
  }
  return Splitter(members, escapes, isCopied, maxArgs).run();
}
