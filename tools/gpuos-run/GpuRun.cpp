//===- GpuRun.cpp - run a bundle on the GPU through the runtime -----------===//

#include "GpuRun.h"

#include "gpuos/Reference/Npy.h"

#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <chrono>
#include <cstring>

#ifdef GPUOS_RUN_WITH_RUNTIME
#include "gpuos/runtime.h"
#endif

using namespace gpuos;

bool run::isBundle(llvm::StringRef bytes) {
  return bytes.starts_with("GPUOSBDL");
}

#ifndef GPUOS_RUN_WITH_RUNTIME

std::optional<run::GpuRunResult>
run::runBundleOnGpu(llvm::StringRef, llvm::StringRef name, InputMaker,
                    unsigned, unsigned, std::string &error) {
  error = name.str() + ": this gpuos-run was built without the GPUOS runtime "
                       "(configure with -DGPUOS_ENABLE_RUNTIME=ON); --cpu "
                       "with --graph-mlir runs the reference executor";
  return std::nullopt;
}

#else

namespace {

// Device bytes of a tensor are the data section of its .npy encoding (dense,
// row-major, little-endian): the .npy reader and writer are the one place
// that knows each dtype's storage.
size_t npyDataOffset(const std::string &npy) {
  if (npy.size() < 12)
    return npy.size();
  auto byte = [&](size_t i) { return size_t(uint8_t(npy[i])); };
  if (byte(6) == 1)
    return 10 + (byte(8) | byte(9) << 8);
  return 12 + (byte(8) | byte(9) << 8 | byte(10) << 16 | byte(11) << 24);
}

std::string deviceBytes(const ref::Tensor &t) {
  std::string npy = ref::encodeNpy(t);
  return npy.substr(npyDataOffset(npy));
}

ref::Tensor zerosLike(const ref::Tensor &layout) {
  ref::Tensor zeros = layout;
  zeros.values.assign(size_t(layout.numElements()), 0.0);
  return zeros;
}

std::optional<ref::Tensor> tensorFromDeviceBytes(const ref::Tensor &layout,
                                                 const std::string &bytes,
                                                 std::string &error) {
  std::string npy = ref::encodeNpy(zerosLike(layout));
  npy.resize(npyDataOffset(npy));
  return ref::parseNpy(npy + bytes, "device output", error);
}

std::string lastError(gpuos_status_t s) {
  return std::string(gpuos_status_string(s)) + ": " + gpuos_last_error();
}

/// Owns what a run creates, in the order it must be released.
struct Session {
  gpuos_runtime_t rt = nullptr;
  gpuos_bundle_t bundle = nullptr;
  std::vector<void *> buffers;
  ~Session() {
    if (bundle)
      gpuos_bundle_destroy(bundle);
    for (void *p : buffers)
      gpuos_mem_free(rt, p);
    if (rt)
      gpuos_runtime_destroy(rt);
  }
};

constexpr uint32_t kTimeoutMs = 30000;

ref::Tensor layoutOf(const gpuos_bundle_tensor &t) {
  ref::Tensor layout;
  layout.dtype = ref::DType(t.dtype - GPUOS_DTYPE_F32);
  layout.shape.assign(t.shape, t.shape + t.rank);
  return layout;
}

double medianOf(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  size_t n = v.size();
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

} // namespace

std::optional<run::GpuRunResult>
run::runBundleOnGpu(llvm::StringRef bytes, llvm::StringRef name,
                    InputMaker makeInputs, unsigned warmupRuns,
                    unsigned benchRuns, std::string &error) {
  auto fail = [&](const std::string &message) {
    error = name.str() + ": " + message;
    return std::nullopt;
  };
  // Validate first: a bad file is reported the same with or without a GPU.
  gpuos_bundle_info info;
  if (gpuos_status_t s = gpuos_bundle_inspect(bytes.data(), bytes.size(), &info))
    return fail(lastError(s));

  Session session;
  gpuos_runtime_config cfg;
  gpuos_runtime_config_init(&cfg);
  cfg.op_smem_bytes = std::max(cfg.op_smem_bytes, info.max_smem_bytes);
  if (info.max_scratch_bytes > UINT32_MAX)
    return fail("an operator needs " + std::to_string(info.max_scratch_bytes) +
                " bytes of scratch, more than the runtime can give");
  cfg.scratch_bytes =
      std::max(cfg.scratch_bytes, uint32_t(info.max_scratch_bytes));
  if (gpuos_status_t s = gpuos_runtime_create(&cfg, &session.rt)) {
    session.rt = nullptr;
    if (s == GPUOS_ERROR_NO_DEVICE)
      return fail(std::string("no CUDA device/driver (") + gpuos_last_error() +
                  ")");
    return fail(lastError(s));
  }
  if (gpuos_status_t s = gpuos_bundle_load(session.rt, bytes.data(),
                                           bytes.size(), &session.bundle)) {
    session.bundle = nullptr;
    return fail(lastError(s));
  }

  std::vector<ref::Tensor> inLayouts, outLayouts;
  for (uint32_t i = 0; i < info.num_inputs + info.num_outputs; ++i) {
    bool isInput = i < info.num_inputs;
    gpuos_bundle_tensor t;
    gpuos_status_t s =
        isInput ? gpuos_bundle_input(session.bundle, i, &t)
                : gpuos_bundle_output(session.bundle, i - info.num_inputs, &t);
    if (s)
      return fail(lastError(s));
    if (t.dtype < GPUOS_DTYPE_F32 || t.dtype > GPUOS_DTYPE_I64 || t.rank < 0 ||
        t.rank > GPUOS_MAX_RANK)
      return fail("the runtime reported an unknown dtype or rank for " +
                  std::string(isInput ? "input" : "output") + " #" +
                  std::to_string(isInput ? i : i - info.num_inputs));
    (isInput ? inLayouts : outLayouts).push_back(layoutOf(t));
  }
  std::optional<std::vector<ref::Tensor>> inputs = makeInputs(inLayouts);
  if (!inputs) {
    error.clear(); // makeInputs printed its own error
    return std::nullopt;
  }

  // Bind every input (uploaded) and output (filled with NaN bytes, so an
  // output the graph never writes cannot pass the check).
  std::vector<std::pair<void *, size_t>> outBuffers;
  for (size_t i = 0; i < inLayouts.size() + outLayouts.size(); ++i) {
    bool isInput = i < inLayouts.size();
    const ref::Tensor &tensor =
        isInput ? (*inputs)[i] : zerosLike(outLayouts[i - inLayouts.size()]);
    std::string data = deviceBytes(tensor);
    size_t size = data.size();
    void *dptr = nullptr;
    if (gpuos_status_t s = gpuos_mem_alloc(session.rt, std::max<size_t>(size, 1), &dptr))
      return fail(lastError(s));
    session.buffers.push_back(dptr);
    gpuos_status_t s =
        isInput ? gpuos_memcpy_htod(session.rt, dptr, data.data(), size)
                : gpuos_memset_d8(session.rt, dptr, 0xFF, size);
    if (!s)
      s = isInput ? gpuos_bundle_bind_input(session.bundle, uint32_t(i), dptr, size)
                  : gpuos_bundle_bind_output(session.bundle,
                                             uint32_t(i - inLayouts.size()),
                                             dptr, size);
    if (s)
      return fail(lastError(s));
    if (!isInput)
      outBuffers.push_back({dptr, size});
  }

  auto runOnce = [&]() -> gpuos_status_t {
    if (gpuos_status_t s = gpuos_bundle_submit(session.bundle, kTimeoutMs))
      return s;
    return gpuos_bundle_wait(session.bundle, kTimeoutMs);
  };
  if (gpuos_status_t s = runOnce())
    return fail(lastError(s));

  GpuRunResult result;
  result.tasks = info.num_tasks;
  for (auto [i, out] : llvm::enumerate(outBuffers)) {
    std::string data(out.second, '\0');
    if (gpuos_status_t s =
            gpuos_memcpy_dtoh(session.rt, data.data(), out.first, out.second))
      return fail(lastError(s));
    std::string decodeError;
    std::optional<ref::Tensor> t =
        tensorFromDeviceBytes(outLayouts[i], data, decodeError);
    if (!t)
      return fail("output #" + std::to_string(i) + ": " + decodeError);
    result.outputs.push_back(std::move(*t));
  }

  if (benchRuns > 0) {
    std::vector<double> times;
    for (unsigned r = 0; r < warmupRuns + benchRuns; ++r) {
      auto start = std::chrono::steady_clock::now();
      if (gpuos_status_t s = runOnce())
        return fail("bench run " + std::to_string(r) + ": " + lastError(s));
      std::chrono::duration<double, std::micro> took =
          std::chrono::steady_clock::now() - start;
      if (r >= warmupRuns)
        times.push_back(took.count());
    }
    result.bench = BenchResult{medianOf(times),
                               *std::min_element(times.begin(), times.end()),
                               benchRuns};
  }
  return result;
}

#endif
