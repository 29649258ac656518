// Latency probes behind the runtime's C1/C3 design (no runtime involved):
//  * host <-> device flag ping through pinned mapped memory, with several ways to poll and
//    to publish the acknowledgement;
//  * device-side cost (SM clocks) of the fences and atomics a task hand-off can use.
// Run: <build>/bench/gpuos_runtime_probe
#include "bench_util.h"

static __device__ __forceinline__ unsigned ld_volatile(const unsigned* p) {
  unsigned v;
  asm volatile("ld.volatile.global.u32 %0, [%1];" : "=r"(v) : "l"(p) : "memory");
  return v;
}
static __device__ __forceinline__ void st_volatile(unsigned* p, unsigned v) {
  asm volatile("st.volatile.global.u32 [%0], %1;" ::"l"(p), "r"(v) : "memory");
}

enum PingMode { kPlain, kFenceSc, kFenceAcqRel, kReleaseSys, kFourPollers, kStoresFenceSc, kStoresFenceAcqRelGpu, kModes };
static const char* kPingName[kModes] = {
    "1 poller, volatile store ack",
    "1 poller, fence.sc.sys + ack",
    "1 poller, fence.acq_rel.sys + ack",
    "1 poller, st.release.sys ack",
    "4 pollers (warps), volatile ack",
    "1 poller, 4 KB stores + fence.sc.sys + ack",
    "1 poller, 4 KB stores + fence.acq_rel.gpu + ack"};

// cmd[0]: host writes the sequence number (0xFFFFFFFF: exit); ack[0]: device echoes it.
__global__ void ping_kernel(const unsigned* cmd, unsigned* ack, float* scratch, int mode) {
  const int warp = threadIdx.x / 32, lane = threadIdx.x % 32;
  const int pollers = mode == kFourPollers ? 4 : 1;
  __shared__ unsigned seen;
  if (threadIdx.x == 0) seen = 0;
  __syncthreads();
  if (lane != 0 || warp >= pollers) return;
  unsigned next = 1;
  for (;;) {
    {
      unsigned v;
      for (;;) {
        v = ld_volatile(cmd);
        if (v == next || v == 0xFFFFFFFFu) break;
        if (*(volatile unsigned*)&seen >= next) { v = next; break; }
      }
      if (v == 0xFFFFFFFFu) return;
      if (atomicMax(&seen, v) < v) {  // the first warp to see it answers
        if (mode == kFenceSc) __threadfence_system();
        if (mode == kFenceAcqRel) asm volatile("fence.acq_rel.sys;" ::: "memory");
        if (mode == kReleaseSys)
          asm volatile("st.release.sys.global.u32 [%0], %1;" ::"l"(ack), "r"(v) : "memory");
        else if (mode == kStoresFenceSc || mode == kStoresFenceAcqRelGpu) {
          for (int i = 0; i < 1024; i += 4) scratch[i] = float(v + i);  // thread 0 stands in for a block's stores
          if (mode == kStoresFenceSc) __threadfence_system();
          else asm volatile("fence.acq_rel.gpu;" ::: "memory");
          st_volatile(ack, v);
        } else {
          st_volatile(ack, v);
        }
      }
    }
    ++next;
  }
}

// Device-side costs in SM clocks, thread 0 of one block, medians of 64.
enum CostKind { kL2Load, kAtomRelaxed, kAtomAcqRel, kAtomRelease, kExchAcquire, kRedIssue, kFenceAcqRelGpu, kFenceScGpu, kFenceAcqRelSys,
                kFenceScSys, kStoreFenceAcqRelGpu, kStoreFenceScSys, kSysLoad, kCosts };
static const char* kCostName[kCosts] = {"ld.cg (L2 hit)", "atom.relaxed.gpu.add", "atom.acq_rel.gpu.add",
                                        "atom.release.gpu.add", "atom.acquire.gpu.exch",
                                        "red.relaxed.gpu.add (issue)", "fence.acq_rel.gpu", "fence.sc.gpu",
                                        "fence.acq_rel.sys", "fence.sc.sys", "st + fence.acq_rel.gpu",
                                        "st + fence.sc.sys", "ld.volatile of pinned host memory"};

__global__ void cost_kernel(unsigned* g, const unsigned* host, long long* out) {
  if (threadIdx.x != 0) return;
  for (int k = 0; k < kCosts; ++k) {
    for (int r = 0; r < 64; ++r) {
      unsigned v = 0;
      long long t0 = clock64();
      switch (k) {
        case kL2Load: v = __ldcg(g + 64 * r); break;
        case kAtomRelaxed: asm volatile("atom.relaxed.gpu.global.add.u32 %0, [%1], 1;" : "=r"(v) : "l"(g + 8) : "memory"); break;
        case kAtomAcqRel: asm volatile("atom.acq_rel.gpu.global.add.u32 %0, [%1], 1;" : "=r"(v) : "l"(g + 8) : "memory"); break;
        case kAtomRelease: asm volatile("atom.release.gpu.global.add.u32 %0, [%1], 1;" : "=r"(v) : "l"(g + 8) : "memory"); break;
        case kExchAcquire: asm volatile("atom.acquire.gpu.global.exch.b32 %0, [%1], 0;" : "=r"(v) : "l"(g + 12) : "memory"); break;
        case kRedIssue: asm volatile("red.relaxed.gpu.global.add.u32 [%0], 1;" ::"l"(g + 8) : "memory"); break;
        case kFenceAcqRelGpu: asm volatile("fence.acq_rel.gpu;" ::: "memory"); break;
        case kFenceScGpu: asm volatile("fence.sc.gpu;" ::: "memory"); break;
        case kFenceAcqRelSys: asm volatile("fence.acq_rel.sys;" ::: "memory"); break;
        case kFenceScSys: asm volatile("fence.sc.sys;" ::: "memory"); break;
        case kStoreFenceAcqRelGpu: g[4096 + r] = r; asm volatile("fence.acq_rel.gpu;" ::: "memory"); break;
        case kStoreFenceScSys: g[4096 + r] = r; asm volatile("fence.sc.sys;" ::: "memory"); break;
        case kSysLoad: v = ld_volatile(host + r); break;
      }
      asm volatile("add.u32 %0, %0, 0;" : "+r"(v));  // wait for the value
      long long t1 = clock64();
      out[k * 64 + r] = t1 - t0 + (v == 0xDEADBEEFu);
      g[16] = v;
    }
  }
}

int main() {
  if (cudaSetDevice(0) != cudaSuccess || cudaFree(0) != cudaSuccess) {
    std::printf("no GPU\n");
    return 77;
  }
  int clock_khz = 0;
  CK(cudaDeviceGetAttribute(&clock_khz, cudaDevAttrClockRate, 0));
  unsigned *hcmd, *hack, *dcmd, *dack;
  CK(cudaHostAlloc(&hcmd, 4096, cudaHostAllocMapped));
  CK(cudaHostAlloc(&hack, 4096, cudaHostAllocMapped));
  CK(cudaHostGetDevicePointer(&dcmd, hcmd, 0));
  CK(cudaHostGetDevicePointer(&dack, hack, 0));
  float* scratch;
  CK(cudaMalloc(&scratch, 1 << 20));
  cudaStream_t s;
  CK(cudaStreamCreateWithFlags(&s, cudaStreamNonBlocking));
  std::printf("host <-> device ping through pinned mapped memory (median of 3000 after 300, us):\n");
  for (int mode = 0; mode < kModes; ++mode) {
    volatile unsigned* c = hcmd;
    volatile unsigned* a = hack;
    *c = 0;
    *a = 0;
    ping_kernel<<<1, 256, 0, s>>>(dcmd, dack, scratch, mode);
    CK(cudaGetLastError());
    std::vector<double> v;
    for (unsigned i = 1; i <= 3300; ++i) {
      auto t = Clock::now();
      *c = i;
      while (*a != i) {
      }
      if (i > 300) v.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t).count());
    }
    *c = 0xFFFFFFFFu;
    CK(cudaStreamSynchronize(s));
    std::printf("  %-48s %.2f\n", kPingName[mode], median(v));
  }
  unsigned* g;
  long long* out;
  CK(cudaMalloc(&g, 1 << 20));
  CK(cudaMemset(g, 0, 1 << 20));
  CK(cudaMalloc(&out, sizeof(long long) * kCosts * 64));
  for (int rep = 0; rep < 2; ++rep) cost_kernel<<<1, 32, 0, s>>>(g, dcmd, out);
  CK(cudaStreamSynchronize(s));
  std::vector<long long> h(kCosts * 64);
  CK(cudaMemcpy(h.data(), out, h.size() * 8, cudaMemcpyDeviceToHost));
  std::printf("device costs, thread 0 (median of 64, SM clock %d MHz):\n", clock_khz / 1000);
  for (int k = 0; k < kCosts; ++k) {
    std::vector<double> v(h.begin() + k * 64, h.begin() + (k + 1) * 64);
    const double cyc = median(v);
    std::printf("  %-36s %7.0f clocks  %6.0f ns\n", kCostName[k], cyc, cyc * 1e6 / clock_khz);
  }
  CK(cudaFreeHost(hcmd));
  CK(cudaFreeHost(hack));
  return 0;
}
