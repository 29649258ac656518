// Internal declarations of the GPUOS runtime library (not installed).
#ifndef GPUOS_RUNTIME_INTERNAL_H
#define GPUOS_RUNTIME_INTERNAL_H

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "gpuos/runtime.h"

extern "C" {
extern const char gpuos_device_abi_header_text[];
extern const unsigned char gpuos_worker_image[];
extern const size_t gpuos_worker_image_size;
extern const unsigned gpuos_worker_register_budget;
}

namespace gpuos {

// ---- errors
gpuos_status_t set_error(gpuos_status_t s, const char* fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void clear_error();

// Global scratch per worker block (gpuos_runtime_info does not carry it; its layout is fixed).
uint32_t runtime_scratch_bytes(gpuos_runtime_t rt);

// ---- cubin notes
struct FunctionResources {
  uint32_t registers = 0, frame_bytes = 0, min_stack_bytes = 0, max_stack_bytes = 0;
  bool found = false;
  uint32_t stack() const {
    uint32_t s = frame_bytes > min_stack_bytes ? frame_bytes : min_stack_bytes;
    return s > max_stack_bytes ? s : max_stack_bytes;
  }
};
bool is_elf(const void* image, size_t size);
bool elf_function_resources(const void* image, size_t size, const char* function, FunctionResources* r);
std::vector<std::pair<const void*, size_t>> find_elf_images(const void* image, size_t size);
// Search every ELF image of a cubin or fatbin. Returns false if none is readable.
bool image_function_resources(const void* image, size_t size, const char* function, FunctionResources* r);

// ---- JIT
gpuos_status_t jit_compile(int sm, unsigned max_registers, const char* source, const char* name,
                           const std::vector<std::string>& extra, std::vector<char>* cubin, std::string* log);

// ---- graph encoding (host side, testable without a GPU)
struct HostTask {
  uint32_t op = 0, ntiles = 1, flags = 0;
  std::vector<gpuos_arg> args;
  std::vector<uint32_t> succ;
  uint32_t npred = 0;
};
struct EncodedGraph {
  uint32_t rec_stride = 0;
  std::vector<char> recs;              // ntasks * rec_stride
  std::vector<uint32_t> succ;          // 4 words per entry (gpuos_succ_ent)
  std::vector<uint32_t> roots;
  std::vector<uint32_t> root_prefix;   // nroots + 1
  uint32_t nsinks = 0;
  uint64_t total_tiles = 0;
};
// Validates (ids, tile counts, cycles) and encodes. Sets the error message on failure.
gpuos_status_t encode_graph(const std::vector<HostTask>& tasks, EncodedGraph* out);
size_t record_arg_offset(uint32_t arg);  // byte offset of argument `arg` inside a record

// ---- operator slot state machine (host side of the dual-slot protocol)
// The device keeps, per operator, a word [generation:16][started:48]; a FLIP swaps in
// generation+1 and stores the old count into started[old parity]; tasks add 1 to
// ended[parity] when done. The host decides when the inactive slot may be written.
struct OpSlots {
  uint32_t gen = 0;                   // current generation (device's low 16 bits)
  void* module[2] = {nullptr, nullptr}; // module per slot (nullptr: empty)
  bool ever_flipped = false;
  uint32_t active() const { return gen & 1u; }
  uint32_t inactive() const { return (gen + 1u) & 1u; }
  // The inactive slot held generation gen-1. It may be rewritten once every task that
  // started in gen-1 has ended: ended == started (both read from the device after the flip).
  bool inactive_free(uint64_t started_prev, uint64_t ended_prev) const {
    return gen == 0 ? true : ended_prev >= started_prev;
  }
};

}  // namespace gpuos
#endif
