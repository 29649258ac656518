// Loads a JIT operator into the GPUOS runtime and runs a small graph:
//   t0: y = a * x + y (tiles 0..3)  ->  t1: y = a * y + y  ->  t2: z = a * y + z
#include <cmath>
#include <cstdio>
#include <random>
#include <vector>

#include <gpuos/runtime.hpp>

static const char* kSource = R"(
#include <gpuos/device_abi.h>
GPUOS_OP(axpy) {   /* args: x, y, a (scalar on the device); y += a * x over this tile */
  const float* x = (const float*)ctx->args[0].data;
  float* y = (float*)ctx->args[1].data;
  const float a = *(const float*)ctx->args[2].data;
  const long long n = ctx->args[0].shape[0], per = (n + ctx->ntiles - 1) / ctx->ntiles;
  const long long b = per * ctx->tile, e = b + per < n ? b + per : n;
  for (long long i = b + threadIdx.x; i < e; i += blockDim.x) y[i] += a * x[i];
}
GPUOS_EXPORT_OP(axpy);
)";

int main() {
  gpuos_runtime_t probe;
  gpuos_status_t s = gpuos_runtime_create(nullptr, &probe);
  if (s == GPUOS_ERROR_NO_DEVICE) {
    std::printf("no GPU: %s\n", gpuos_last_error());
    return 77;
  }
  if (s == GPUOS_OK) gpuos_runtime_destroy(probe);
  try {
    gpuos::Runtime rt;
    gpuos::Module m = rt.compile(kSource, "axpy.cu");
    rt.set_op(7, m, "axpy");
    const int n = 4096;
    std::mt19937 rng(std::random_device{}());
    std::uniform_real_distribution<float> U(-1.f, 1.f);
    std::vector<float> x(n), y(n), z(n);
    for (int i = 0; i < n; ++i) x[i] = U(rng), y[i] = U(rng), z[i] = U(rng);
    const float a = 0.75f;
    float* dx = static_cast<float*>(rt.alloc(n * 4));
    float* dy = static_cast<float*>(rt.alloc(n * 4));
    float* dz = static_cast<float*>(rt.alloc(n * 4));
    float* da = static_cast<float*>(rt.alloc(4));
    rt.upload(dx, x.data(), n * 4);
    rt.upload(dy, y.data(), n * 4);
    rt.upload(dz, z.data(), n * 4);
    rt.upload(da, &a, 4);
    auto A = [&](float* p, int len) { return gpuos::make_arg(p, GPUOS_DTYPE_F32, len); };
    gpuos::Graph g = rt.graph();
    uint32_t t0 = g.add_task(7, 4, {A(dx, n), A(dy, n), A(da, 1)});
    uint32_t t1 = g.add_task(7, 4, {A(dy, n), A(dy, n), A(da, 1)});
    uint32_t t2 = g.add_task(7, 2, {A(dy, n), A(dz, n), A(da, 1)});
    g.add_edge(t0, t1);
    g.add_edge(t1, t2);
    g.submit();
    g.wait();
    std::vector<float> oz(n);
    rt.download(oz.data(), dz, n * 4);
    double err = 0, nrm = 0;
    for (int i = 0; i < n; ++i) {
      float yy = y[i] + a * x[i];
      yy = yy + a * yy;
      float want = z[i] + a * yy;
      err += double(oz[i] - want) * (oz[i] - want);
      nrm += double(want) * want;
    }
    const double rel = std::sqrt(err / nrm);
    std::printf("runtime-consumer (API %u): 3-task graph with a JIT operator, relative error %.2e: %s\n",
                gpuos_api_version(), rel, rel < 1e-6 ? "OK" : "WRONG");
    g.reset();
    rt.free(dx);
    rt.free(dy);
    rt.free(dz);
    rt.free(da);
    return rel < 1e-6 ? 0 : 1;
  } catch (const gpuos::Error& e) {
    std::printf("error: %s\n", e.what());
    return 1;
  }
}
