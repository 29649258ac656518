//===- CudaPrelude.cpp - helpers every emitted CUDA file starts with ------===//

#include "CudaPrelude.h"

llvm::StringRef gpuos::cuda::devicePrelude() {
  return R"cuda(// Guarded: emitted files may be concatenated into one translation unit.
#ifndef GPUOS_EMITTED_PRELUDE
#define GPUOS_EMITTED_PRELUDE
// f16 and bf16 travel as their bits; conversions use PTX, no cuda_fp16.h.
// A host build (the CPU simulator of test/CodeGen/cuda) brings its own.
#ifndef GPUOS_HOST_HALF_CONVERSIONS
[[maybe_unused]] static __device__ __forceinline__ float gpuos_f16_to_f32(gpuos_u16 h) {
  float f;
  asm("cvt.f32.f16 %0, %1;" : "=f"(f) : "h"(h));
  return f;
}
[[maybe_unused]] static __device__ __forceinline__ gpuos_u16 gpuos_f32_to_f16(float f) {
  gpuos_u16 h;
  asm("cvt.rn.f16.f32 %0, %1;" : "=h"(h) : "f"(f));
  return h;
}
[[maybe_unused]] static __device__ __forceinline__ float gpuos_bf16_to_f32(gpuos_u16 h) {
  return __uint_as_float(((unsigned)h) << 16);
}
[[maybe_unused]] static __device__ __forceinline__ gpuos_u16 gpuos_f32_to_bf16(float f) {
  gpuos_u16 h;
  asm("cvt.rn.bf16.f32 %0, %1;" : "=h"(h) : "f"(f));
  return h;
}
#endif // GPUOS_HOST_HALF_CONVERSIONS
// Each f16/bf16 op result is rounded to its dtype, as the reference does.
[[maybe_unused]] static __device__ __forceinline__ float gpuos_round_f16(float f) {
  return gpuos_f16_to_f32(gpuos_f32_to_f16(f));
}
[[maybe_unused]] static __device__ __forceinline__ float gpuos_round_bf16(float f) {
  return gpuos_bf16_to_f32(gpuos_f32_to_bf16(f));
}
// Integer division defined everywhere, as the reference executor defines it:
// x / 0 is 0 and MIN / -1 wraps (the hardware gives -1 and traps neither).
template <typename T>
[[maybe_unused]] static __device__ __forceinline__ T gpuos_idiv(T a, T b) {
  if (b == 0)
    return T(0);
  if (b == T(-1))
    return T(0ull - (unsigned long long)a);
  return T(a / b);
}
template <typename T>
[[maybe_unused]] static __device__ __forceinline__ T gpuos_ipow(T base, T exp) {
  if (exp < 0)
    return base == 1 ? T(1) : base == -1 ? ((exp & 1) ? T(-1) : T(1)) : T(0);
  T r = 1;
  for (; exp > 0; exp >>= 1) {
    if (exp & 1)
      r *= base;
    base *= base;
  }
  return r;
}

// Reduction combiners; floats use fmaxf/fminf.
struct gpuos_op_sum {
  template <typename T> __device__ T operator()(T a, T b) const { return a + b; }
};
struct gpuos_op_prod {
  template <typename T> __device__ T operator()(T a, T b) const { return a * b; }
};
struct gpuos_op_max {
  __device__ float operator()(float a, float b) const { return fmaxf(a, b); }
  template <typename T> __device__ T operator()(T a, T b) const { return a > b ? a : b; }
};
struct gpuos_op_min {
  __device__ float operator()(float a, float b) const { return fminf(a, b); }
  template <typename T> __device__ T operator()(T a, T b) const { return a < b ? a : b; }
};

// Every lane of the warp gets the result.
template <typename T, typename Op>
[[maybe_unused]] static __device__ __forceinline__ T gpuos_warp_reduce(T v, Op op) {
#pragma unroll
  for (int offset = 16; offset > 0; offset >>= 1)
    v = op(v, __shfl_xor_sync(0xffffffffu, v, offset));
  return v;
}
// Every thread of the block gets the result; smem holds one T per warp.
// Called by all threads (blockDim.x a multiple of 32).
template <typename T, typename Op>
[[maybe_unused]] static __device__ __forceinline__ T gpuos_block_reduce(T v, Op op, void* smem) {
  T* partial = (T*)smem;
  const unsigned lane = threadIdx.x & 31u, warp = threadIdx.x >> 5;
  const unsigned nwarps = (blockDim.x + 31u) >> 5;
  v = gpuos_warp_reduce(v, op);
  __syncthreads(); // the previous reduction has read its partials
  if (lane == 0)
    partial[warp] = v;
  __syncthreads();
  v = partial[0];
  for (unsigned w = 1; w < nwarps; ++w)
    v = op(v, partial[w]);
  return v;
}

// One-pass centred sum of squares of a row: a thread sums d = x - k and d^2
// over its n elements for a shift k, its first element (so the sums do not
// cancel when the mean is large against the spread). Shifting to k' keeps
// them exact: sum (x - k') = s + n e, sum (x - k')^2 = q + e (2 s + n e),
// e = k - k'.
[[maybe_unused]] static __device__ __forceinline__ void gpuos_moments_add(float& n, float& k, float& s, float& q, float x) {
  if (n == 0.0f)
    k = x;
  const float d = x - k;
  n += 1.0f;
  s += d;
  q = fmaf(d, d, q);
}
[[maybe_unused]] static __device__ __forceinline__ void gpuos_moments_shift(float n, float& k, float& s, float& q, float to) {
  const float e = k - to;
  q += e * fmaf(n, e, 2.0f * s);
  s = fmaf(n, e, s);
  k = to;
}
// Sums over the warp at lane 0's shift (lane 0 has elements whenever any
// lane has); every lane gets the result.
[[maybe_unused]] static __device__ __forceinline__ void gpuos_warp_moments(float& n, float& k, float& s, float& q) {
  gpuos_moments_shift(n, k, s, q, __shfl_sync(0xffffffffu, k, 0));
  n = gpuos_warp_reduce(n, gpuos_op_sum());
  s = gpuos_warp_reduce(s, gpuos_op_sum());
  q = gpuos_warp_reduce(q, gpuos_op_sum());
}
// The sum of (x - mean)^2 over `count` states (one per warp).
[[maybe_unused]] static __device__ __forceinline__ float gpuos_moments_about(const float* n, const float* k, const float* s,
                                                                        const float* q, unsigned count, float mean) {
  float m2 = 0.0f;
  for (unsigned w = 0; w < count; ++w) {
    float kw = k[w], sw = s[w], qw = q[w];
    gpuos_moments_shift(n[w], kw, sw, qw, mean);
    m2 += qw;
  }
  return m2;
}

// Tensor cores: d += a * b for one m16n8k16 step of a warp, f32 accumulators,
// operands in the PTX fragment layout (a: 4 registers of two halves, b: 2).
// A host build (the CPU simulator) brings a software model of the same.
#ifndef GPUOS_HOST_MMA
#define GPUOS_MMA_M16N8K16(NAME, TYPE)                                          \
  struct NAME {                                                               \
    __device__ __forceinline__ void operator()(float (&d)[4], const gpuos_u32 (&a)[4], \
                                               const gpuos_u32 (&b)[2]) const {  \
      asm volatile("mma.sync.aligned.m16n8k16.row.col.f32." TYPE "." TYPE ".f32 " \
                   "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%0, %1, %2, %3};" \
                   : "+f"(d[0]), "+f"(d[1]), "+f"(d[2]), "+f"(d[3])          \
                   : "r"(a[0]), "r"(a[1]), "r"(a[2]), "r"(a[3]), "r"(b[0]), "r"(b[1])); \
    }                                                                         \
  }
GPUOS_MMA_M16N8K16(gpuos_mma_f16, "f16");
GPUOS_MMA_M16N8K16(gpuos_mma_bf16, "bf16");
#undef GPUOS_MMA_M16N8K16
#endif // GPUOS_HOST_MMA
// One warp's share of a tensor-core tile: acc[f] (16 x 8 outputs each, in the
// accumulator layout) += A (16 x K) * B (K x 8F). `a` holds the warp's 16
// rows of A and `b` its 8F columns of B, both K-contiguous, `ld` halves
// apart, in shared memory: each fragment register is one 32-bit load.
template <int F, int K, typename Mma>
[[maybe_unused]] static __device__ __forceinline__ void
gpuos_mma_warp_step(float (&acc)[F][4], const gpuos_u16* a, const gpuos_u16* b, int ld, Mma mma) {
  const int g = (threadIdx.x >> 2) & 7, t = threadIdx.x & 3; // lane / 4, lane % 4
  auto pair = [&](const gpuos_u16* p, int row, int k) { return *(const gpuos_u32*)(p + row * ld + k + 2 * t); };
#pragma unroll
  for (int k = 0; k < K; k += 16) {
    const gpuos_u32 af[4] = {pair(a, g, k), pair(a, g + 8, k), pair(a, g, k + 8), pair(a, g + 8, k + 8)};
#pragma unroll
    for (int f = 0; f < F; ++f) {
      const gpuos_u32 bf[2] = {pair(b, f * 8 + g, k), pair(b, f * 8 + g, k + 8)};
      mma(acc[f], af, bf);
    }
  }
}

// True when the argument is dense row-major and 16-byte aligned.
[[maybe_unused]] static __device__ __forceinline__ bool gpuos_vec4_ok(const gpuos_arg* a) {
  if (((gpuos_u64)a->data & 15u) != 0)
    return false;
  gpuos_i64 expect = 1;
  for (int d = a->rank - 1; d >= 0; --d) {
    if (a->shape[d] != 1 && a->strides[d] != expect)
      return false;
    expect *= a->shape[d];
  }
  return true;
}
#endif // GPUOS_EMITTED_PRELUDE
)cuda";
}
