// Runtime primitives (shared/bench/WORKLOADS.md part C) on the GPU, with the CUDA-graph and
// stream-launch baselines measured in the same process:
//   C1 dependent chain of 2000 one-tile tasks (1024 floats each), us per task
//   C2 2000 independent one-tile tasks, ns per task
//   C3 one-task graph, host submit to host-visible completion, us
//   C4 operator hot swap under load: loaded module -> active slot, stall, lost tasks
// Baselines run first (the persistent kernel holds every SM while it lives).
#include <cuda_runtime.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "gpuos/runtime.h"
#include "gpuos/runtime.hpp"
#include "bench_util.h"

extern "C" double gpuos_runtime_debug_ping(gpuos_runtime_t rt);  // runtime debugging aids
extern "C" int gpuos_runtime_debug_stamps(gpuos_runtime_t rt, uint64_t* out, int n);

#define GK(x)                                                                                                  \
  do {                                                                                                         \
    gpuos_status_t s_ = (x);                                                                                   \
    if (s_ != GPUOS_OK) {                                                                                      \
      std::fprintf(stderr, "%s:%d: %s: %s: %s\n", __FILE__, __LINE__, #x, gpuos_status_string(s_),           \
                   gpuos_last_error());                                                                        \
      std::exit(1);                                                                                            \
    }                                                                                                          \
  } while (0)

// Latency breakdowns from the worker's stamps (builds with GPUOS_RUNTIME_STAMPS only).
constexpr int kStamps = 128;
static bool read_stamps(gpuos_runtime_t rt, std::vector<uint64_t>* st) {
  st->assign(kStamps, 0);
  return gpuos_runtime_debug_stamps(rt, st->data(), kStamps) == kStamps;
}
static void print_breakdown(const char* title, const char* unit, const std::vector<const char*>& names,
                            const std::vector<std::vector<double>>& d) {
  std::printf("%s (median, %s):", title, unit);
  for (size_t i = 0; i < names.size(); ++i) std::printf(" %s %.4g;", names[i], median(d[i]));
  std::printf("\n");
}

constexpr int kN = 1024;      // floats per task
constexpr int kChain = 2000;  // tasks per chain / batch
constexpr int kThreads = 256;

__global__ void k_axpb(const float* x, float* y) {
  for (int i = threadIdx.x; i < kN; i += blockDim.x) y[i] = x[i] * 0.999f + 0.001f;
}

static const char* kOpSource = R"(
#include <gpuos/device_abi.h>
GPUOS_OP(axpb) {
  const float* x = (const float*)ctx->args[0].data;
  float* y = (float*)ctx->args[1].data;
  for (int i = threadIdx.x; i < 1024; i += blockDim.x) y[i] = x[i] * 0.999f + 0.001f;
}
GPUOS_EXPORT_OP(axpb);
GPUOS_OP(axpb_v2) {
  const float* x = (const float*)ctx->args[0].data;
  float* y = (float*)ctx->args[1].data;
  for (int i = threadIdx.x; i < 1024; i += blockDim.x) y[i] = x[i] * 0.999f + 0.001f;
}
GPUOS_EXPORT_OP(axpb_v2);
/* counts runs per task: args[0] = counter of this task */
GPUOS_OP(count) {
  if (threadIdx.x == 0) atomicAdd((unsigned*)ctx->args[0].data, 1u);
}
GPUOS_EXPORT_OP(count);
GPUOS_OP(count_v2) {
  if (threadIdx.x == 0) atomicAdd((unsigned*)ctx->args[0].data, 1u);
}
GPUOS_EXPORT_OP(count_v2);
)";

struct Row {
  std::string id, what, unit;
  double gpuos, graph, stream, goal;
};

// Every benchmark operator takes 1-D f32 arguments.
static gpuos_arg arg1(void* p, long long n) { return gpuos::make_arg(p, GPUOS_DTYPE_F32, n); }

int main(int argc, char** argv) {
  int reps = argc > 1 ? std::atoi(argv[1]) : 21;
  int dev = 0;
  if (cudaSetDevice(dev) != cudaSuccess || cudaFree(0) != cudaSuccess) {
    std::printf("no GPU\n");
    return 77;
  }
  cudaDeviceProp prop;
  CK(cudaGetDeviceProperties(&prop, dev));
  std::printf("device: %s, %d SMs\n", prop.name, prop.multiProcessorCount);

  // ------------------------------------------------------------------ baselines
  float* buf;  // kChain + 1 buffers of kN floats
  CK(cudaMalloc(&buf, sizeof(float) * kN * (kChain + 1)));
  std::vector<float> h(kN);
  for (int i = 0; i < kN; ++i) h[i] = float(i % 97) / 97.0f;
  for (int k = 0; k <= kChain; ++k) CK(cudaMemcpy(buf + size_t(k) * kN, h.data(), kN * 4, cudaMemcpyHostToDevice));
  cudaStream_t s;
  CK(cudaStreamCreateWithFlags(&s, cudaStreamNonBlocking));
  cudaEvent_t e0, e1;
  CK(cudaEventCreate(&e0));
  CK(cudaEventCreate(&e1));
  auto chain_launch = [&]() {
    for (int k = 0; k < kChain; ++k) k_axpb<<<1, kThreads, 0, s>>>(buf + size_t(k % 2) * kN, buf + size_t((k + 1) % 2) * kN);
  };
  auto indep_launch = [&]() {
    for (int k = 0; k < kChain; ++k) k_axpb<<<1, kThreads, 0, s>>>(buf + size_t(kChain) * kN, buf + size_t(k) * kN);
  };
  auto time_events = [&](auto&& fn) {
    std::vector<double> v;
    for (int r = 0; r < reps; ++r) {
      CK(cudaEventRecord(e0, s));
      fn();
      CK(cudaEventRecord(e1, s));
      CK(cudaEventSynchronize(e1));
      float ms;
      CK(cudaEventElapsedTime(&ms, e0, e1));
      v.push_back(ms * 1000.0);
    }
    return median(v);
  };
  chain_launch();
  CK(cudaStreamSynchronize(s));
  double c1_stream = time_events(chain_launch) / kChain;
  double c2_stream = time_events(indep_launch) / kChain;
  cudaGraph_t g1, g2;
  cudaGraphExec_t x1, x2;
  CK(cudaStreamBeginCapture(s, cudaStreamCaptureModeGlobal));
  chain_launch();
  CK(cudaStreamEndCapture(s, &g1));
  CK(cudaGraphInstantiate(&x1, g1, 0));
  // independent: a graph of kChain nodes without edges
  CK(cudaGraphCreate(&g2, 0));
  for (int k = 0; k < kChain; ++k) {
    cudaKernelNodeParams p{};
    const float* xin = buf + size_t(kChain) * kN;
    float* yout = buf + size_t(k) * kN;
    void* args[] = {&xin, &yout};
    p.func = (void*)k_axpb;
    p.gridDim = dim3(1);
    p.blockDim = dim3(kThreads);
    p.kernelParams = args;
    cudaGraphNode_t n;
    CK(cudaGraphAddKernelNode(&n, g2, nullptr, 0, &p));
  }
  CK(cudaGraphInstantiate(&x2, g2, 0));
  CK(cudaGraphLaunch(x1, s));
  CK(cudaGraphLaunch(x2, s));
  CK(cudaStreamSynchronize(s));
  double c1_graph = time_events([&] { CK(cudaGraphLaunch(x1, s)); }) / kChain;
  double c2_graph = time_events([&] { CK(cudaGraphLaunch(x2, s)); }) / kChain;
  // C3 baselines: launch + sync of one tiny kernel; one-node graph launch + sync (host clock)
  cudaGraph_t g3;
  cudaGraphExec_t x3;
  CK(cudaStreamBeginCapture(s, cudaStreamCaptureModeGlobal));
  k_axpb<<<1, kThreads, 0, s>>>(buf, buf + kN);
  CK(cudaStreamEndCapture(s, &g3));
  CK(cudaGraphInstantiate(&x3, g3, 0));
  std::vector<double> v3s, v3g;
  for (int r = 0; r < 2000; ++r) {
    auto t = Clock::now();
    k_axpb<<<1, kThreads, 0, s>>>(buf, buf + kN);
    CK(cudaStreamSynchronize(s));
    if (r >= 100) v3s.push_back(us_since(t));
    t = Clock::now();
    CK(cudaGraphLaunch(x3, s));
    CK(cudaStreamSynchronize(s));
    if (r >= 100) v3g.push_back(us_since(t));
  }
  double c3_stream = median(v3s), c3_graph = median(v3g);
  // reference result of the chain (for checking the runtime's output)
  std::vector<float> ref(kN);
  for (int k = 0; k <= kChain; ++k) CK(cudaMemcpy(buf + size_t(k) * kN, h.data(), kN * 4, cudaMemcpyHostToDevice));
  chain_launch();
  CK(cudaStreamSynchronize(s));
  CK(cudaMemcpy(ref.data(), buf + size_t(kChain % 2) * kN, kN * 4, cudaMemcpyDeviceToHost));
  CK(cudaGraphExecDestroy(x1));
  CK(cudaGraphExecDestroy(x2));
  CK(cudaGraphExecDestroy(x3));
  CK(cudaStreamDestroy(s));
  CK(cudaFree(buf));
  CK(cudaDeviceSynchronize());

  // ------------------------------------------------------------------ runtime
  gpuos_runtime_t rt;
  GK(gpuos_runtime_create(nullptr, &rt));
  gpuos_runtime_info info;
  GK(gpuos_runtime_get_info(rt, &info));
  std::printf("runtime: %u worker blocks x %u threads (1 front end), R=%u, kernel registers %u\n", info.worker_blocks,
              info.block_threads, info.register_budget, info.kernel_registers);
  gpuos_module_t m1, m2;
  GK(gpuos_module_compile(rt, kOpSource, "bench_ops.cu", nullptr, 0, &m1));
  GK(gpuos_module_compile(rt, kOpSource, "bench_ops.cu", nullptr, 0, &m2));
  GK(gpuos_op_set(rt, 1, m1, "axpb", 5000));
  GK(gpuos_op_set(rt, 2, m1, "count", 5000));
  void* dbuf;
  GK(gpuos_mem_alloc(rt, sizeof(float) * kN * (kChain + 1), &dbuf));
  float* fb = static_cast<float*>(dbuf);
  for (int k = 0; k <= kChain; ++k) GK(gpuos_memcpy_htod(rt, fb + size_t(k) * kN, h.data(), kN * 4));
  // C1 chain
  gpuos_graph_t chain, indep, one;
  GK(gpuos_graph_create(rt, &chain));
  for (int k = 0; k < kChain; ++k) {
    gpuos_arg a[2] = {arg1(fb + size_t(k % 2) * kN, kN), arg1(fb + size_t((k + 1) % 2) * kN, kN)};
    uint32_t id;
    GK(gpuos_graph_add_task(chain, 1, 1, a, 2, 0, &id));
    if (k) GK(gpuos_graph_add_edge(chain, id - 1, id));
  }
  GK(gpuos_graph_finalize(chain));
  auto run_graph = [&](gpuos_graph_t g) {
    auto t = Clock::now();
    GK(gpuos_graph_submit(g, 10000));
    GK(gpuos_graph_wait(g, 10000));
    return us_since(t);
  };
  // correctness of one chain run from the initial data
  run_graph(chain);
  std::vector<float> out(kN);
  GK(gpuos_memcpy_dtoh(rt, out.data(), fb + size_t(kChain % 2) * kN, kN * 4));
  double err = 0, nrm = 0;
  for (int i = 0; i < kN; ++i) err += double(out[i] - ref[i]) * (out[i] - ref[i]), nrm += double(ref[i]) * ref[i];
  std::printf("C1 chain result vs CUDA stream chain: relative error %.2e\n", std::sqrt(err / nrm));
  std::vector<double> v1;
  std::vector<uint64_t> st;
  const std::vector<const char*> chain_names = {"take+resolve", "issue prefetch", "operator call", "wait+barrier",
                                                "bookkeeping", "to next task"};
  std::vector<std::vector<double>> chain_d(chain_names.size());
  for (int r = 0; r < reps; ++r) {
    v1.push_back(run_graph(chain));
    if (read_stamps(rt, &st))
      for (int t = 0; t < 7; ++t) {
        const uint64_t* k = &st[16 + t * 8];
        for (int i = 0; i < 5; ++i) chain_d[i].push_back(double(k[i + 1] - k[i]));
        chain_d[5].push_back(double(k[8] - k[5]));  // next task's loop top
      }
  }
  double c1 = median(v1) / kChain;
  if (!chain_d[0].empty()) print_breakdown("C1 per chain task", "SM clocks", chain_names, chain_d);
  // C2 independent
  GK(gpuos_graph_create(rt, &indep));
  for (int k = 0; k < kChain; ++k) {
    gpuos_arg a[2] = {arg1(fb + size_t(kChain) * kN, kN), arg1(fb + size_t(k) * kN, kN)};
    GK(gpuos_graph_add_task(indep, 1, 1, a, 2, 0, nullptr));
  }
  GK(gpuos_graph_finalize(indep));
  run_graph(indep);
  std::vector<double> v2;
  std::vector<uint64_t> st0;
  const bool c2_stamps = read_stamps(rt, &st0);
  for (int r = 0; r < reps; ++r) v2.push_back(run_graph(indep));
  double c2 = median(v2) / kChain * 1000.0;
  if (c2_stamps && read_stamps(rt, &st)) {  // phase sums of the general path over the C2 runs
    const char* names[7] = {"take item", "graph data+barrier", "record+resolve", "chain prefetch", "operator call",
                            "barrier", "completion"};
    const double n = double(st[87] - st0[87]);
    std::printf("C2 per task (mean over %.0f tasks, SM clocks):", n);
    for (int i = 0; i < 7; ++i) std::printf(" %s %.0f;", names[i], double(st[80 + i] - st0[80 + i]) / n);
    std::printf("\n");
    for (int w = 0; w < 2; ++w) {
      const double k = double(st[90 + w] - st0[90 + w]);
      std::printf("C2 queue takes with the item %s: %.0f, mean %.0f SM clocks\n", w ? "waited for" : "present",
                  k, k ? double(st[88 + w] - st0[88 + w]) / k : 0.0);
    }
  }
  // C3 one task
  GK(gpuos_graph_create(rt, &one));
  {
    gpuos_arg a[2] = {arg1(fb, kN), arg1(fb + kN, kN)};
    GK(gpuos_graph_add_task(one, 1, 1, a, 2, 0, nullptr));
  }
  GK(gpuos_graph_finalize(one));
  std::vector<double> v3;
  for (int r = 0; r < 3000; ++r) {
    double t = run_graph(one);
    if (r >= 200) v3.push_back(t);
  }
  double c3 = median(v3);
  std::vector<double> vp;
  for (int r = 0; r < 3000; ++r) {
    double t = gpuos_runtime_debug_ping(rt);
    if (r >= 200) vp.push_back(t);
  }
  const double ping = median(vp);
  if (read_stamps(rt, &st)) {
    // The front end runs a one-task graph itself: 0 command seen, 5 task done, 6 after the
    // system fence, 7 completion stored, 8 acknowledgement stored.
    const std::vector<const char*> names = {"seen -> task done", "fence.sys", "completion store", "ack store",
                                            "host total (us)"};
    const int from[4] = {0, 5, 6, 7}, to[4] = {5, 6, 7, 8};
    std::vector<std::vector<double>> d(names.size());
    for (int r = 0; r < 300; ++r) {
      const double t = run_graph(one);
      if (!read_stamps(rt, &st)) break;
      for (int i = 0; i < 4; ++i) d[i].push_back(double(int64_t(st[to[i]] - st[from[i]])));
      d[4].push_back(t);
    }
    print_breakdown("C3 one-task path", "global timer ns", names, d);
  }
  std::vector<double> v3p = v3;
  std::sort(v3p.begin(), v3p.end());
  double c3_p99 = v3p[size_t(v3p.size() * 0.99)];

  // C4 hot swap under load: counting tasks, operator 2 flipped between two loaded modules
  // every ~1 ms while batches of 2000 independent tasks run back to back.
  const int batches = 300;
  void* cnt;
  GK(gpuos_mem_alloc(rt, kChain * 4, &cnt));
  GK(gpuos_memset_d8(rt, cnt, 0, kChain * 4));
  gpuos_graph_t cg;
  GK(gpuos_graph_create(rt, &cg));
  for (int k = 0; k < kChain; ++k) {
    gpuos_arg a = arg1(static_cast<char*>(cnt) + k * 4, 1);
    GK(gpuos_graph_add_task(cg, 2, 1, &a, 1, 0, nullptr));
  }
  GK(gpuos_graph_finalize(cg));
  run_graph(cg);  // warm
  std::vector<double> quiet;
  for (int b = 0; b < 50; ++b) quiet.push_back(run_graph(cg));
  std::atomic<bool> stop{false};
  std::vector<double> swap_us;
  int swaps = 0;
  std::thread swapper([&] {
    int v = 0;
    while (!stop.load()) {
      std::this_thread::sleep_for(std::chrono::microseconds(1000));
      gpuos_status_t st = gpuos_op_set(rt, 2, v % 2 ? m1 : m2, v % 2 ? "count" : "count_v2", 1000);
      if (st == GPUOS_OK) {
        gpuos_op_stats os;
        gpuos_op_get_stats(rt, 2, &os);
        swap_us.push_back(os.last_update_us);
        ++swaps;
        ++v;
      }
    }
  });
  std::vector<double> loud;
  for (int b = 0; b < batches; ++b) loud.push_back(run_graph(cg));
  stop = true;
  swapper.join();
  std::vector<uint32_t> counts(kChain);
  GK(gpuos_memcpy_dtoh(rt, counts.data(), cnt, kChain * 4));
  long lost = 0, dup = 0;
  // runs of cg: 1 warm + 50 quiet + batches loud
  for (int k = 0; k < kChain; ++k) {
    const uint32_t w = uint32_t(1 + 50 + batches);
    if (counts[k] < w) lost += w - counts[k];
    if (counts[k] > w) dup += counts[k] - w;
  }
  double q = median(quiet), l = median(loud);
  double swap_med = median(swap_us);
  double swap_max = swap_us.empty() ? 0 : *std::max_element(swap_us.begin(), swap_us.end());

  std::printf("\nC4 hot swap: %d swaps during %d batches of %d tasks (%ld tasks); lost %ld, duplicated %ld;\n"
              "   loaded module -> active slot: median %.1f us, max %.1f us; batch time quiet %.1f us, under swaps %.1f us\n",
              swaps, batches, kChain, long(batches) * kChain, lost, dup, swap_med, swap_max, q, l);
  std::printf("C3 one-task round trip: median %.2f us, p99 %.2f us; command ring alone (NOP posted, front end's"
              " acknowledgement seen): %.2f us\n", c3, c3_p99, ping);

  std::vector<Row> rows = {
      {"C1", "dependent chain, 2000 one-tile tasks", "us/task", c1, c1_graph, c1_stream, 1.0},
      {"C2", "2000 independent one-tile tasks", "ns/task", c2, c2_graph * 1000.0, c2_stream * 1000.0, 15.0},
      {"C3", "one-task graph, submit -> host sees completion", "us", c3, c3_graph, c3_stream, 5.0},
  };
  std::printf("\n| id | workload | unit | GPUOS runtime | CUDA graph | stream launches | goal |\n");
  std::printf("| --- | --- | --- | --- | --- | --- | --- |\n");
  for (auto& r : rows)
    std::printf("| %s | %s | %s | %.3g | %.3g | %.3g | <= %.3g |\n", r.id.c_str(), r.what.c_str(), r.unit.c_str(),
                r.gpuos, r.graph, r.stream, r.goal);
  std::printf("| C4 | hot swap under load: loaded module -> active slot | us | %.1f (max %.1f) | n/a | n/a | < 1000 |\n",
              swap_med, swap_max);
  std::printf("| C4 | hot swap: tasks lost / run twice | tasks | %ld / %ld of %ld | n/a | n/a | 0 / 0 |\n", lost, dup,
              long(1 + 50 + batches) * kChain);
  std::printf("| C4 | hot swap: batch time under swaps / quiet | ratio | %.3f | n/a | n/a | ~1 (no stall) |\n", l / q);
  std::printf("\nC3 baselines are launch (or graph launch) + cudaStreamSynchronize of one tiny kernel.\n");

  gpuos_graph_destroy(chain);
  gpuos_graph_destroy(indep);
  gpuos_graph_destroy(one);
  gpuos_graph_destroy(cg);
  gpuos_module_release(rt, m1);
  gpuos_module_release(rt, m2);
  GK(gpuos_runtime_destroy(rt));
  return (lost || dup) ? 1 : 0;
}
