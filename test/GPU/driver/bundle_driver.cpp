// Runs compiled bundles on the GPU and compares them with reference outputs.
//
//   bundle_driver check <case-dir>...   each dir: graph.bundle, in<i>.npy, out<i>.npy
//   bundle_driver time <case-dir>...    check, then the median time of 31 runs of each
//   bundle_driver bench <bundle>        one f32 input x, one output -x: checks, then
//                                       times the graph against a device-to-device copy
//
// Outputs are poisoned (all bytes 0xFF: NaN for floats) before every run. The error of
// an output is max|got - want| / max(max|want|, 1e-30) (normwise relative error);
// NaN where the reference has none is an infinite error. Limits: 1e-5 for f32, 1e-2
// for f16/bf16, exact for integers and booleans; a case's `limits` file (one per output)
// replaces them where an output was computed through a less precise type.
#include <cuda_runtime.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "gpuos/runtime.hpp"

namespace {

struct Npy {
  std::string descr;
  std::vector<int64_t> shape;
  std::vector<char> data;
};

bool readNpy(const std::string& path, Npy& npy) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), {});
  if (bytes.size() < 10 || bytes.compare(0, 6, "\x93NUMPY") != 0) return false;
  size_t headerLen = bytes[6] == 1 ? (uint8_t(bytes[8]) | uint8_t(bytes[9]) << 8) : 0;
  size_t start = bytes[6] == 1 ? 10 : 12;
  if (bytes[6] != 1) std::memcpy(&headerLen, &bytes[8], 4);
  std::string header = bytes.substr(start, headerLen);
  size_t d = header.find("'descr': '");
  if (d == std::string::npos) return false;
  npy.descr = header.substr(d + 10, header.find('\'', d + 10) - d - 10);
  size_t s = header.find('(', header.find("'shape'"));
  for (size_t p = s + 1; header[p] != ')';) {
    if (header[p] >= '0' && header[p] <= '9') {
      npy.shape.push_back(std::strtoll(&header[p], nullptr, 10));
      while (header[p] >= '0' && header[p] <= '9') ++p;
    } else {
      ++p;
    }
  }
  npy.data.assign(bytes.begin() + start + headerLen, bytes.end());
  return true;
}

float half(uint16_t h) {
  uint32_t sign = (h >> 15) & 1, exp = (h >> 10) & 31, man = h & 1023;
  float v = exp == 0 ? std::ldexp(float(man), -24) : exp == 31 ? (man ? NAN : INFINITY)
                                                               : std::ldexp(float(man | 1024), int(exp) - 25);
  return sign ? -v : v;
}
float bfloat(uint16_t b) {
  uint32_t bits = uint32_t(b) << 16;
  float f;
  std::memcpy(&f, &bits, 4);
  return f;
}

// Element i of a buffer of dtype as double.
double element(const char* p, int32_t dtype, size_t i) {
  switch (dtype) {
    case GPUOS_DTYPE_F32: { float f; std::memcpy(&f, p + 4 * i, 4); return f; }
    case GPUOS_DTYPE_F16: { uint16_t h; std::memcpy(&h, p + 2 * i, 2); return half(h); }
    case GPUOS_DTYPE_BF16: { uint16_t h; std::memcpy(&h, p + 2 * i, 2); return bfloat(h); }
    case GPUOS_DTYPE_I1: return double(uint8_t(p[i]));
    case GPUOS_DTYPE_I32: { int32_t v; std::memcpy(&v, p + 4 * i, 4); return v; }
    default: { int64_t v; std::memcpy(&v, p + 8 * i, 8); return double(v); }
  }
}
size_t elementBytes(int32_t dtype) {
  return dtype == GPUOS_DTYPE_F32 || dtype == GPUOS_DTYPE_I32 ? 4 : dtype == GPUOS_DTYPE_I1 ? 1 : dtype == GPUOS_DTYPE_I64 ? 8 : 2;
}
const char* dtypeName(int32_t dtype) {
  static const char* names[] = {"?", "f32", "f16", "bf16", "i1", "i32", "i64"};
  return dtype >= 0 && dtype <= 6 ? names[dtype] : "?";
}
double tolerance(int32_t dtype) {
  return dtype == GPUOS_DTYPE_F32 ? 1e-5 : dtype == GPUOS_DTYPE_F16 || dtype == GPUOS_DTYPE_BF16 ? 1e-2 : 0;
}

double relativeError(const char* got, const char* want, int32_t dtype, size_t n) {
  double maxDiff = 0, maxWant = 0;
  for (size_t i = 0; i < n; ++i) {
    double g = element(got, dtype, i), w = element(want, dtype, i);
    if (std::isnan(w) && std::isnan(g)) continue;
    if (std::isinf(w) && g == w) continue;
    if (std::isnan(g) || std::isnan(w) || std::isinf(g) || std::isinf(w)) return INFINITY;
    maxDiff = std::max(maxDiff, std::fabs(g - w));
    maxWant = std::max(maxWant, std::fabs(w));
  }
  return maxDiff / std::max(maxWant, 1e-30);
}

uint64_t splitmix64(uint64_t z) {
  z += 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// f32 input `index` of a case, from its seed file: make_bundles.py's f32_input.
std::vector<char> f32Input(const std::string& dir, uint32_t index, size_t count) {
  uint64_t seed = 0;
  if (!(std::ifstream(dir + "/seed") >> seed)) throw std::runtime_error(dir + ": no seed file");
  const uint64_t key = (seed << 40) ^ (uint64_t(index) << 32);
  std::vector<char> bytes(count * 4);
  for (size_t j = 0; j < count; ++j) {
    float v = float(double(splitmix64(key ^ j) >> 40) / 8388608.0 - 1.0);
    std::memcpy(&bytes[4 * j], &v, 4);
  }
  return bytes;
}

#define CUDA_OK(x)                                                                        \
  do {                                                                                    \
    cudaError_t e_ = (x);                                                                 \
    if (e_ != cudaSuccess) throw std::runtime_error(std::string(#x) + ": " + cudaGetErrorString(e_)); \
  } while (0)

// One submission, waited for.
void runOnce(gpuos::Bundle& bundle) {
  bundle.submit(60000);
  bundle.wait(60000);
}

// Times each of `reps` runs of `fn` (each ends synchronized) after three
// warm-up runs; returns the median in seconds.
template <typename Fn>
double timed(int reps, Fn fn) {
  for (int i = 0; i < 3; ++i) fn();
  std::vector<double> seconds;
  for (int i = 0; i < reps; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    fn();
    seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  std::nth_element(seconds.begin(), seconds.begin() + reps / 2, seconds.end());
  return seconds[reps / 2];
}

// Returns false on a mismatch; prints one line per output, and with `timeReps`
// the median time of that many runs (submit + wait).
bool checkCase(gpuos::Runtime& rt, const std::string& dir, int timeReps) {
  std::string name = dir.substr(dir.find_last_of('/') + 1);
  gpuos::Bundle bundle = rt.load_bundle(dir + "/graph.bundle");
  const gpuos_bundle_info info = bundle.info();
  std::vector<void*> buffers;
  for (uint32_t i = 0; i < info.num_inputs; ++i) {
    const gpuos_bundle_tensor t = bundle.input(i);
    Npy npy;
    if (t.dtype == GPUOS_DTYPE_F32 && !std::ifstream(dir + "/in" + std::to_string(i) + ".npy"))
      npy.data = f32Input(dir, i, t.bytes / 4);
    else if (!readNpy(dir + "/in" + std::to_string(i) + ".npy", npy) || npy.data.size() != t.bytes)
      throw std::runtime_error(name + ": in" + std::to_string(i) + ".npy missing or of the wrong size");
    void* d = rt.alloc(std::max<size_t>(t.bytes, 1));
    rt.upload(d, npy.data.data(), t.bytes);
    bundle.bind_input(i, d, t.bytes);
    buffers.push_back(d);
  }
  std::vector<std::pair<void*, gpuos_bundle_tensor>> outputs;
  for (uint32_t i = 0; i < info.num_outputs; ++i) {
    const gpuos_bundle_tensor t = bundle.output(i);
    void* d = rt.alloc(std::max<size_t>(t.bytes, 1));
    bundle.bind_output(i, d, t.bytes);
    outputs.push_back({d, t});
    buffers.push_back(d);
  }
  // Per-output limits from make_bundles.py where an output's path runs through a less
  // precise float type than its own (an f32 result of f16 values).
  std::vector<double> limits;
  std::ifstream limitsFile(dir + "/limits");
  for (double x; limitsFile >> x;) limits.push_back(x);
  bool ok = true;
  for (int run = 0; run < 2; ++run) {
    for (auto& [d, t] : outputs) gpuos::check(gpuos_memset_d8(rt.get(), d, 0xFF, t.bytes));
    runOnce(bundle);
    for (uint32_t i = 0; i < outputs.size(); ++i) {
      auto& [d, t] = outputs[i];
      std::vector<char> got(t.bytes);
      rt.download(got.data(), d, t.bytes);
      Npy want;
      if (!readNpy(dir + "/out" + std::to_string(i) + ".npy", want) || want.data.size() != t.bytes)
        throw std::runtime_error(name + ": out" + std::to_string(i) + ".npy missing or of the wrong size");
      double err = relativeError(got.data(), want.data.data(), t.dtype, t.bytes / elementBytes(t.dtype));
      bool pass = err <= (i < limits.size() ? limits[i] : tolerance(t.dtype));
      ok &= pass;
      if (run == 1)
        std::printf("RESULT %-28s out%u %-4s tasks %3u  max_rel_err %.3e  %s\n", name.c_str(), i, dtypeName(t.dtype),
                    info.num_tasks, err, pass ? "PASS" : "FAIL");
    }
  }
  if (timeReps)
    std::printf("TIME %-28s median of %d runs (submit+wait): %.1f us\n", name.c_str(), timeReps,
                timed(timeReps, [&] { runOnce(bundle); }) * 1e6);
  for (void* d : buffers) rt.free(d);
  return ok;
}

// The copy is timed before the runtime starts: while its worker kernel holds every SM,
// only the runtime's helpers (which park it) may touch device memory.
bool bench(const gpuos_runtime_config& cfg, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string bytesOfBundle((std::istreambuf_iterator<char>(in)), {});
  gpuos_bundle_info info;
  gpuos::check(gpuos_bundle_inspect(bytesOfBundle.data(), bytesOfBundle.size(), &info));
  const size_t n = 32u << 20, bytes = n * 4;
  std::vector<float> host(n);
  for (size_t i = 0; i < n; ++i) host[i] = float((i * 2654435761u) % 10007) / 10007.0f - 0.5f;
  void *x = nullptr, *y = nullptr;
  CUDA_OK(cudaMalloc(&x, bytes));
  CUDA_OK(cudaMalloc(&y, bytes));
  CUDA_OK(cudaMemcpy(x, host.data(), bytes, cudaMemcpyHostToDevice));
  const int reps = 51;
  double copy = timed(reps, [&] {
    CUDA_OK(cudaMemcpy(y, x, bytes, cudaMemcpyDeviceToDevice));
    CUDA_OK(cudaDeviceSynchronize());
  });
  CUDA_OK(cudaMemset(y, 0xFF, bytes));
  CUDA_OK(cudaDeviceSynchronize());
  size_t wrong = 0;
  double graph = 0;
  {
    gpuos::Runtime rt(&cfg);
    gpuos::Bundle bundle = rt.load_bundle(path);
    if (bundle.input(0).bytes != bytes) throw std::runtime_error("bench bundle: input is not 32Mi f32");
    bundle.bind_input(0, x, bytes);
    bundle.bind_output(0, y, bytes);
    runOnce(bundle);
    std::vector<float> got(n);
    rt.download(got.data(), y, bytes);
    for (size_t i = 0; i < n; ++i) wrong += got[i] != -host[i];
    graph = timed(reps, [&] { runOnce(bundle); });
  }
  const double moved = 2.0 * double(bytes);  // read x, write y
  std::printf("BENCH elementwise neg: %.0f MiB in + %.0f MiB out, %u task(s), %zu wrong elements\n", bytes / 1048576.0,
              bytes / 1048576.0, info.num_tasks, wrong);
  std::printf("BENCH medians of %d runs, each synchronized\n", reps);
  std::printf("BENCH bundle graph (submit+wait): %.3f ms  %.1f GB/s\n", graph * 1e3, moved / graph / 1e9);
  std::printf("BENCH cudaMemcpy D2D:             %.3f ms  %.1f GB/s\n", copy * 1e3, moved / copy / 1e9);
  std::printf("BENCH ratio bundle/copy: %.1f%%  (goal >= 85%%)\n", 100.0 * copy / graph);
  cudaFree(x);
  cudaFree(y);
  return wrong == 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: bundle_driver check|time <case-dir>... | bench <bundle>\n");
    return 2;
  }
  try {
    // Operator ids are not reused after a bundle is destroyed: room for every case.
    gpuos_runtime_config cfg;
    gpuos_runtime_config_init(&cfg);
    cfg.max_ops = 4096;
    if (std::string(argv[1]) == "bench") return bench(cfg, argv[2]) ? 0 : 1;
    for (int i = 2; i < argc; ++i) {
      std::ifstream in(std::string(argv[i]) + "/graph.bundle", std::ios::binary);
      std::string bytes((std::istreambuf_iterator<char>(in)), {});
      gpuos_bundle_info info;
      if (gpuos_bundle_inspect(bytes.data(), bytes.size(), &info) != GPUOS_OK) continue;  // reported by checkCase
      cfg.scratch_bytes = std::max<uint32_t>(cfg.scratch_bytes, uint32_t((info.max_scratch_bytes + 255) & ~255ull));
      cfg.op_smem_bytes = std::max(cfg.op_smem_bytes, (info.max_smem_bytes + 15) & ~15u);
    }
    gpuos::Runtime rt(&cfg);
    int failed = 0;
    const int timeReps = std::string(argv[1]) == "time" ? 31 : 0;
    for (int i = 2; i < argc; ++i) {
      try {
        failed += !checkCase(rt, argv[i], timeReps);
      } catch (const std::exception& e) {
        std::printf("RESULT %-28s ERROR %s\n", argv[i], e.what());
        ++failed;
      }
      std::fflush(stdout);
    }
    std::printf("SUMMARY %d of %d cases failed\n", failed, argc - 2);
    return failed ? 1 : 0;
  } catch (const std::exception& e) {
    std::printf("ERROR %s\n", e.what());
    return 1;
  }
}
