// Host stand-ins for the CUDA features emitted operators use, so that the
// CPU simulator (simulate.py) can compile an emitted .cu as C++20 and run
// one block per tile with one std::thread per CUDA thread. Barriers stand in
// for __syncthreads and for the lock-step of warp shuffles.
#ifndef GPUOS_TEST_HOST_SHIM_H
#define GPUOS_TEST_HOST_SHIM_H

#include <barrier>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

#define __device__
#define __global__ // the keep kernel of GPUOS_EXPORT_OP becomes a plain function
#define __forceinline__ inline
#define __CUDACC__ 1 // device_abi.h: GPUOS_EXPORT_OP and GPUOS_OP

struct gpuos_sim_dim3 {
  unsigned x = 0, y = 0, z = 0;
};
inline thread_local gpuos_sim_dim3 threadIdx;
inline gpuos_sim_dim3 blockDim;

struct alignas(16) float4 {
  float x, y, z, w;
};

inline std::barrier<> *gpuos_sim_block_barrier;
inline std::vector<std::barrier<> *> gpuos_sim_warp_barriers;
inline std::vector<uint64_t> gpuos_sim_lanes; // one slot per thread

inline void __syncthreads() { gpuos_sim_block_barrier->arrive_and_wait(); }
[[noreturn]] inline void __trap() { std::abort(); }

// The value of lane `source(lane)` of the warp.
template <typename T, typename Source> T gpuos_sim_shuffle(T v, Source source) {
  static_assert(sizeof(T) <= 8);
  unsigned warp = threadIdx.x / 32, lane = threadIdx.x % 32;
  uint64_t bits = 0;
  std::memcpy(&bits, &v, sizeof(T));
  gpuos_sim_lanes[threadIdx.x] = bits;
  gpuos_sim_warp_barriers[warp]->arrive_and_wait();
  bits = gpuos_sim_lanes[warp * 32 + source(lane)];
  gpuos_sim_warp_barriers[warp]->arrive_and_wait();
  T r;
  std::memcpy(&r, &bits, sizeof(T));
  return r;
}
template <typename T> T __shfl_xor_sync(unsigned, T v, int offset) {
  return gpuos_sim_shuffle(v, [&](unsigned lane) { return lane ^ unsigned(offset); });
}
template <typename T> T __shfl_sync(unsigned, T v, int from) {
  return gpuos_sim_shuffle(v, [&](unsigned) { return unsigned(from) % 32u; });
}

inline float __int_as_float(int i) {
  float f;
  std::memcpy(&f, &i, 4);
  return f;
}
inline float __uint_as_float(unsigned u) {
  float f;
  std::memcpy(&f, &u, 4);
  return f;
}
inline int __float2int_rz(float f) {
  if (std::isnan(f))
    return 0;
  if (f >= 2147483648.0f)
    return INT32_MAX;
  if (f <= -2147483648.0f)
    return INT32_MIN;
  return int(f);
}
inline long long __float2ll_rz(float f) {
  if (std::isnan(f))
    return 0;
  if (f >= 9223372036854775808.0f)
    return INT64_MAX;
  if (f <= -9223372036854775808.0f)
    return INT64_MIN;
  return (long long)f;
}
inline float rsqrtf(float x) { return 1.0f / std::sqrt(x); }

// The PTX conversions of the prelude, on the host.
#define GPUOS_HOST_HALF_CONVERSIONS
inline float gpuos_f16_to_f32(unsigned short h) {
  _Float16 v;
  std::memcpy(&v, &h, 2);
  return float(v);
}
inline unsigned short gpuos_f32_to_f16(float f) {
  _Float16 v = _Float16(f);
  unsigned short h;
  std::memcpy(&h, &v, 2);
  return h;
}
inline float gpuos_bf16_to_f32(unsigned short h) {
  return __uint_as_float(unsigned(h) << 16);
}
inline unsigned short gpuos_f32_to_bf16(float f) {
  unsigned u;
  std::memcpy(&u, &f, 4);
  if (std::isnan(f))
    return 0x7fc0;
  u += 0x7fffu + ((u >> 16) & 1u); // round to nearest, ties to even
  return (unsigned short)(u >> 16);
}

// mma.sync.aligned.m16n8k16.row.col.f32.{f16,bf16} on the host, from the
// PTX ISA's fragment layout (independently of the prelude's loads): every
// lane publishes its fragments, then computes its four accumulators from
// the whole warp's A (16 x 16) and B (16 x 8).
#define GPUOS_HOST_MMA
inline unsigned gpuos_sim_mma_slots[1024][6];
template <float (*ToFloat)(unsigned short)> struct gpuos_sim_mma {
  void operator()(float (&d)[4], const unsigned (&a)[4], const unsigned (&b)[2]) const {
    unsigned warp = threadIdx.x / 32, lane = threadIdx.x % 32;
    std::memcpy(gpuos_sim_mma_slots[threadIdx.x], a, sizeof a);
    std::memcpy(gpuos_sim_mma_slots[threadIdx.x] + 4, b, sizeof b);
    gpuos_sim_warp_barriers[warp]->arrive_and_wait();
    // Element i (0..7) of a lane's A fragment: register i / 2, half i % 2;
    // row group + 8 * (i / 2 % 2), column 2 * (lane % 4) + i % 2 + 8 * (i / 4).
    float A[16][16], B[16][8];
    for (unsigned l = 0; l < 32; ++l) {
      const unsigned *slot = gpuos_sim_mma_slots[warp * 32 + l];
      unsigned group = l / 4, pair = 2 * (l % 4);
      for (unsigned i = 0; i < 8; ++i) {
        unsigned short h = (unsigned short)(slot[i / 2] >> (16 * (i % 2)));
        A[group + 8 * (i / 2 % 2)][pair + i % 2 + 8 * (i / 4)] = ToFloat(h);
      }
      // B: element i (0..3): register i / 2; row 2 * (lane % 4) + i % 2 + 8 * (i / 2), column group.
      for (unsigned i = 0; i < 4; ++i) {
        unsigned short h = (unsigned short)(slot[4 + i / 2] >> (16 * (i % 2)));
        B[pair + i % 2 + 8 * (i / 2)][group] = ToFloat(h);
      }
    }
    gpuos_sim_warp_barriers[warp]->arrive_and_wait(); // slots are free again
    // Accumulator i: row group + 8 * (i / 2), column 2 * (lane % 4) + i % 2.
    for (unsigned i = 0; i < 4; ++i) {
      unsigned row = lane / 4 + 8 * (i / 2), col = 2 * (lane % 4) + i % 2;
      float sum = d[i];
      for (unsigned k = 0; k < 16; ++k)
        sum += A[row][k] * B[k][col]; // products of halves are exact in f32
      d[i] = sum;
    }
  }
};
using gpuos_mma_f16 = gpuos_sim_mma<gpuos_f16_to_f32>;
using gpuos_mma_bf16 = gpuos_sim_mma<gpuos_bf16_to_f32>;

#endif // GPUOS_TEST_HOST_SHIM_H
