//===- CudaScratchWindow.cpp - scratch in shared memory when it fits -----===//
//
// Stages hand values to later stages through scratch, one block's private
// region of global memory. Each hand-over then costs a store and a load
// that travel to L2 and back. When the block's share fits in ctx->smem past
// what the stages use there, the scratch pointers point into shared memory
// instead; the stages' index arithmetic stays the same. With domain tiling a
// tile touches only its own domain rows, so a window of one slot per row
// suffices: each value's pointer is shifted so that the tile's first row
// lands on the window's start.
//
//===----------------------------------------------------------------------===//

#include "CudaTaskPlan.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

using namespace mlir;
using namespace gpuos;
using namespace gpuos::cuda;

void gpuos::cuda::printScratchPointers(
    const TaskPlan &plan, llvm::function_ref<StringRef(Value)> storageType,
    llvm::raw_ostream &os) {
  // By offset: the map's order follows addresses, and tasks of the same code
  // must print the same text to share an operator.
  SmallVector<std::pair<int64_t, Value>> scratch;
  for (auto &[value, storage] : plan.storage)
    if (storage.scratchOffset >= 0)
      scratch.push_back({storage.scratchOffset, value});
  llvm::sort(scratch, llvm::less_first());
  if (scratch.empty())
    return;
  auto global = [&](int64_t offset, StringRef type) {
    return ("(" + type + "*)((char*)ctx->scratch + " + Twine(offset) + ")")
        .str();
  };
  if (plan.windowSlotBytes == 0) {
    for (auto [offset, value] : scratch) {
      StringRef type = storageType(value);
      os << type << "* tmp" << offset << " = " << global(offset, type)
         << ";\n";
    }
    return;
  }
  bool domain = !plan.domain.empty();
  int64_t rows = domain ? plan.domainRows() : 1;
  if (domain) {
    os << "const gpuos_i64 scratch_first = " << rows
       << " * ctx->tile / ctx->ntiles;\n";
    os << "const gpuos_i64 scratch_slots = " << rows
       << " * (ctx->tile + 1) / ctx->ntiles - scratch_first;\n";
  }
  std::string used = std::to_string(plan.smemFixedBytes) + "u";
  if (plan.smemPerThreadBytes) {
    std::string perBlock =
        std::to_string(plan.smemPerThreadBytes) + "u * blockDim.x";
    used = plan.smemFixedBytes == 0
               ? perBlock
               : "(" + used + " > " + perBlock + " ? " + used + " : " +
                     perBlock + ")";
  }
  os << "const gpuos_u64 scratch_smem_offset = (" << used
     << " + 15u) & ~15ull; // past the stages' own use\n";
  os << "const bool scratch_in_smem = scratch_smem_offset + "
     << (domain ? "scratch_slots * " : "") << plan.windowSlotBytes
     << " <= ctx->smem_bytes;\n";
  os << "char* const scratch_window = (char*)ctx->smem + "
        "scratch_smem_offset;\n";
  for (auto [offset, value] : scratch) {
    StringRef type = storageType(value);
    const Storage &storage = plan.storage.lookup(value);
    std::string window = ("(" + type + "*)(scratch_window + " +
                          (domain ? "scratch_slots * " : "") +
                          Twine(storage.windowOffset) + ")")
                             .str();
    if (domain) {
      auto shape = cast<ShapedType>(value.getType()).getShape();
      int64_t perRow = 1;
      for (int64_t size : shape)
        perRow *= size;
      window += " - scratch_first * " + std::to_string(perRow / rows);
    }
    os << type << "* tmp" << offset << " = scratch_in_smem ? " << window
       << " : " << global(offset, type) << ";\n";
  }
}
