// GPU tests of bundles: load, bind, run and the rejections that need a device. Exits 77
// (CTest: skipped) where there is no GPU.
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "gpuos/bundle_format.h"
#include "test_util.h"

namespace {

const char* kSource = R"(#include "gpuos/device_abi.h"
GPUOS_OP(twice) {
  const float* x = (const float*)ctx->args[0].data;
  float* y = (float*)ctx->args[1].data;
  for (long long i = ctx->tile * blockDim.x + threadIdx.x; i < ctx->args[0].shape[0]; i += ctx->ntiles * blockDim.x)
    y[i] = 2.0f * x[i];
}
GPUOS_EXPORT_OP(twice);
GPUOS_OP(plus_one) {
  const float* x = (const float*)ctx->args[0].data;
  float* y = (float*)ctx->args[1].data;
  for (long long i = ctx->tile * blockDim.x + threadIdx.x; i < ctx->args[0].shape[0]; i += ctx->ntiles * blockDim.x)
    y[i] = x[i] + 1.0f;
}
GPUOS_EXPORT_OP(plus_one);
)";

// out = 2 * in + 1 through the arena, over 1024 f32.
const char* kManifest = R"({"format": "gpuos-manifest", "version": 1, "device_abi_version": 1, "graphs": [{
  "name": "affine", "arena": {"bytes": 4096, "alignment": 256},
  "inputs": [{"index": 0, "dtype": "f32", "shape": [1024], "strides": [1], "bytes": 4096}],
  "outputs": [{"index": 0, "dtype": "f32", "shape": [1024], "strides": [1], "bytes": 4096}],
  "tasks": [
    {"id": 0, "operator": "twice", "symbol": "gpuos_opptr_twice", "tiles": 3, "smem_bytes": 0,
     "scratch_bytes": 0, "deps": [], "args": [
       {"role": "input", "buffer": {"kind": "input", "index": 0}, "dtype": "f32", "shape": [1024], "strides": [1], "bytes": 4096},
       {"role": "result", "buffer": {"kind": "arena", "offset": 0}, "dtype": "f32", "shape": [1024], "strides": [1], "bytes": 4096}]},
    {"id": 1, "operator": "plus_one", "symbol": "gpuos_opptr_plus_one", "tiles": 2, "smem_bytes": 0,
     "scratch_bytes": 0, "deps": [0], "args": [
       {"role": "input", "buffer": {"kind": "arena", "offset": 0}, "dtype": "f32", "shape": [1024], "strides": [1], "bytes": 4096},
       {"role": "result", "buffer": {"kind": "output", "index": 0}, "dtype": "f32", "shape": [1024], "strides": [1], "bytes": 4096}]}]
}]})";

struct Fixture {
  gpuos_runtime_t rt = nullptr;
  uint32_t sm = 0;
  std::string cubin;
  Fixture() {
    if (gpuos_runtime_create(nullptr, &rt) != GPUOS_OK) return;
    gpuos_runtime_info info;
    gpuos_runtime_get_info(rt, &info);
    sm = uint32_t(info.cc_major * 10 + info.cc_minor);
    gpuos_jit_options o;
    gpuos_jit_options_init(&o);
    o.sm = int32_t(sm);
    void* image = nullptr;
    size_t size = 0;
    if (gpuos_jit_compile(&o, kSource, "bundle_ops.cu", &image, &size, nullptr) == GPUOS_OK)
      cubin.assign(static_cast<char*>(image), size);
    gpuos_free(image);
  }
  ~Fixture() { gpuos_runtime_destroy(rt); }
  std::string bundle(const std::string& manifest = kManifest, uint32_t target = 0) const {
    return gpuos::assemble_bundle(target ? target : sm, 128, GPUOS_DEVICE_ABI_VERSION, manifest, cubin, "");
  }
};

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  CHECK(at != std::string::npos);
  return at == std::string::npos ? text : text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE(bundle_runs_and_reruns) {
  Fixture f;
  REQUIRE_OK(f.cubin.empty() ? GPUOS_ERROR_COMPILE : GPUOS_OK);
  std::string b = f.bundle();
  gpuos_bundle_t bundle = nullptr;
  REQUIRE_OK(gpuos_bundle_load(f.rt, b.data(), b.size(), &bundle));
  void *x = nullptr, *y = nullptr;
  REQUIRE_OK(gpuos_mem_alloc(f.rt, 4096, &x));
  REQUIRE_OK(gpuos_mem_alloc(f.rt, 4096, &y));
  CHECK_STATUS(gpuos_bundle_submit(bundle, 1000), GPUOS_ERROR_INVALID_ARGUMENT);  // nothing bound
  CHECK_STATUS(gpuos_bundle_bind_input(bundle, 0, x, 4095), GPUOS_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(gpuos_bundle_bind_output(bundle, 1, y, 4096), GPUOS_ERROR_INVALID_ARGUMENT);
  CHECK_OK(gpuos_bundle_bind_input(bundle, 0, x, 4096));
  CHECK_OK(gpuos_bundle_bind_output(bundle, 0, y, 4096));
  for (int run = 0; run < 2; ++run) {
    std::vector<float> in(1024), out(1024);
    for (int i = 0; i < 1024; ++i) in[i] = float(i * (run + 1)) - 300.0f;
    CHECK_OK(gpuos_memcpy_htod(f.rt, x, in.data(), 4096));
    CHECK_OK(gpuos_memset_d8(f.rt, y, 0xFF, 4096));  // NaN: stale results cannot pass
    CHECK_OK(gpuos_bundle_submit(bundle, 10000));
    CHECK_OK(gpuos_bundle_wait(bundle, 10000));
    CHECK_OK(gpuos_memcpy_dtoh(f.rt, out.data(), y, 4096));
    int wrong = 0;
    for (int i = 0; i < 1024; ++i) wrong += out[i] != 2.0f * in[i] + 1.0f;
    CHECK_EQ(wrong, 0);
  }
  CHECK_OK(gpuos_bundle_destroy(bundle));
  gpuos_mem_free(f.rt, x);
  gpuos_mem_free(f.rt, y);
}

TEST_CASE(bundle_rejections_on_the_device) {
  Fixture f;
  REQUIRE_OK(f.cubin.empty() ? GPUOS_ERROR_COMPILE : GPUOS_OK);
  gpuos_bundle_t bundle = nullptr;
  std::string other = f.bundle(kManifest, f.sm + 1);
  CHECK_STATUS(gpuos_bundle_load(f.rt, other.data(), other.size(), &bundle), GPUOS_ERROR_UNSUPPORTED_DEVICE);
  CHECK(std::strstr(gpuos_last_error(), "compiled for sm_") != nullptr);
  std::string scratch = f.bundle(replaced(kManifest, "\"scratch_bytes\": 0, \"deps\": [0]",
                                          "\"scratch_bytes\": 1073741824, \"deps\": [0]"));
  CHECK_STATUS(gpuos_bundle_load(f.rt, scratch.data(), scratch.size(), &bundle), GPUOS_ERROR_RESOURCE_LIMIT);
  std::string missing = f.bundle(replaced(replaced(kManifest, "\"operator\": \"plus_one\"", "\"operator\": \"absent\""),
                                          "gpuos_opptr_plus_one", "gpuos_opptr_absent"));
  CHECK_STATUS(gpuos_bundle_load(f.rt, missing.data(), missing.size(), &bundle), GPUOS_ERROR_SYMBOL_NOT_FOUND);
  CHECK(bundle == nullptr);
  CHECK_STATUS(gpuos_bundle_load_file(f.rt, "/nonexistent/graph.bundle", &bundle), GPUOS_ERROR_INVALID_ARGUMENT);
}

int main(int argc, char** argv) {
  gpuos_runtime_t rt = nullptr;
  gpuos_status_t s = gpuos_runtime_create(nullptr, &rt);
  if (s == GPUOS_ERROR_NO_DEVICE) {
    std::printf("SKIP: no GPU (%s)\n", gpuos_last_error());
    return 77;
  }
  if (s == GPUOS_OK) gpuos_runtime_destroy(rt);
  return t::run_all(argc, argv);
}
