// Reading a bundle (gpuos/bundle_format.h) into what the loader needs: header checks,
// checksum, and the JSON manifest of its one graph, validated field by field. Host only,
// so the rejections are tested without a GPU.
#ifndef GPUOS_RUNTIME_BUNDLE_MANIFEST_H
#define GPUOS_RUNTIME_BUNDLE_MANIFEST_H

#include <cstdint>
#include <string>
#include <vector>

#include "gpuos/bundle_format.h"
#include "gpuos/runtime.h"

namespace gpuos {

struct BundleArg {
  enum Kind { Input, Output, Arena } kind = Arena;
  uint64_t where = 0;  // input/output index, or arena byte offset
  gpuos_arg layout{};  // data left NULL
};

struct BundleTask {
  int64_t id = 0;
  std::string op;  // operator name; the module exports gpuos_opptr_<op>
  uint32_t tiles = 1, smem_bytes = 0;
  uint64_t scratch_bytes = 0;
  std::vector<uint32_t> deps;  // positions in BundleDesc::tasks
  std::vector<BundleArg> args;
};

struct BundleDesc {
  gpuos_bundle_header header{};
  std::string graph;
  uint64_t arena_bytes = 0, arena_alignment = 0;
  std::vector<gpuos_bundle_tensor> inputs, outputs;
  std::vector<BundleTask> tasks;
  std::vector<std::string> operators;  // distinct, in first-use order
  std::string cubin;
};

// Checks and reads a bundle; GPUOS_ERROR_INVALID_IMAGE with the reason otherwise.
gpuos_status_t read_bundle(const void* data, size_t size, BundleDesc* out);
// Fills the public summary.
void bundle_info(const BundleDesc& d, gpuos_bundle_info* info);

}  // namespace gpuos
#endif
