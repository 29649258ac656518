// AOT operators for the GPU tests: compiled by nvcc into a final cubin and embedded.
#include <gpuos/device_abi.h>

// y[i] = a * x[i] + y[i]; args: x (f32, n), y (f32, n), a (f32 scalar on the device)
GPUOS_OP(aot_axpy) {
  const float* x = (const float*)ctx->args[0].data;
  float* y = (float*)ctx->args[1].data;
  const float a = *(const float*)ctx->args[2].data;
  const long long n = ctx->args[0].shape[0];
  const long long per = (n + ctx->ntiles - 1) / ctx->ntiles;
  const long long b = per * ctx->tile, e = b + per < n ? b + per : n;
  for (long long i = b + threadIdx.x; i < e; i += blockDim.x) y[i] = a * x[i] + y[i];
}
GPUOS_EXPORT_OP(aot_axpy);

// Uses the context's shared memory: reverses each tile of 256 floats through smem.
GPUOS_OP(aot_reverse_smem) {
  float* s = (float*)ctx->smem;
  float* x = (float*)ctx->args[0].data;
  const unsigned base = ctx->tile * 256u;
  if (threadIdx.x < 256) s[threadIdx.x] = x[base + threadIdx.x];
  __syncthreads();
  if (threadIdx.x < 256) x[base + threadIdx.x] = s[255 - threadIdx.x];
}
GPUOS_EXPORT_OP(aot_reverse_smem);
