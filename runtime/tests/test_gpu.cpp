// GPU tests of the runtime. Each case creates its own runtime; without a GPU the binary
// exits 77 (CTest: skipped). GPUOS_TEST_SMALL=1 shrinks the workloads (for compute-sanitizer).
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "gpuos/runtime.h"
#include "gpuos/runtime.hpp"
#include "test_util.h"

extern "C" const unsigned char gpuos_test_aot_ops[];
extern "C" const size_t gpuos_test_aot_ops_size;

extern "C" void gpuos_runtime_debug_print(gpuos_runtime_t rt);

namespace {

gpuos_runtime_t g_current_rt = nullptr;
void dump_current() {
  if (g_current_rt) gpuos_runtime_debug_print(g_current_rt);
}

bool small() {
  const char* s = std::getenv("GPUOS_TEST_SMALL");
  return s && *s == '1';
}

gpuos_runtime_t make_rt(gpuos_runtime_config* cfg = nullptr) {
  gpuos_runtime_t rt = nullptr;
  gpuos_status_t s = gpuos_runtime_create(cfg, &rt);
  if (s == GPUOS_ERROR_NO_DEVICE) {
    std::printf("SKIP: no GPU (%s)\n", gpuos_last_error());
    std::exit(77);
  }
  if (s != GPUOS_OK) {
    std::printf("runtime create failed: %s: %s\n", gpuos_status_string(s), gpuos_last_error());
    std::exit(1);
  }
  g_current_rt = rt;
  t::on_watchdog() = dump_current;
  static bool printed = false;
  if (!printed) {
    gpuos_runtime_info i;
    gpuos_runtime_get_info(rt, &i);
    std::printf("  device %d: cc %d.%d, %u SMs, %u worker blocks x %u threads, R=%u (kernel got %u), "
                "stack %u (kernel frame %u), op smem %u\n",
                i.device, i.cc_major, i.cc_minor, i.sm_count, i.worker_blocks, i.block_threads, i.register_budget,
                i.kernel_registers, i.stack_bytes, i.kernel_frame_bytes, i.op_smem_bytes);
    printed = true;
  }
  return rt;
}

// Records, per tile, a start and an end stamp from one global counter, and counts runs.
const char* kRecordOp = R"(
#include <gpuos/device_abi.h>
GPUOS_OP(record) {
  if (threadIdx.x == 0) {
    unsigned* clk = (unsigned*)ctx->args[0].data;
    unsigned long long* st = (unsigned long long*)ctx->args[1].data;
    unsigned* cnt = (unsigned*)ctx->args[2].data;
    unsigned s = atomicAdd(clk, 1u);
    long long t0 = clock64();
    unsigned spin = (ctx->task * 2654435761u + ctx->tile) % 2000u;
    while (clock64() - t0 < spin) { }
    __threadfence();
    unsigned e = atomicAdd(clk, 1u);
    st[ctx->tile] = ((unsigned long long)s << 32) | e;
    atomicAdd(cnt, 1u);
  }
}
GPUOS_EXPORT_OP(record);
)";

struct Dag {
  uint32_t n = 0;
  std::vector<uint32_t> tiles;
  std::vector<std::vector<uint32_t>> succ;
  std::vector<uint64_t> tile_off;
  uint64_t total_tiles = 0;
};

Dag random_dag(uint32_t n, uint32_t max_tiles, uint64_t seed) {
  std::mt19937_64 rng(seed);
  Dag d;
  d.n = n;
  d.tiles.resize(n);
  d.succ.resize(n);
  d.tile_off.resize(n);
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t r = uint32_t(rng() % 100);
    d.tiles[i] = r < 50 ? 1 : 1 + uint32_t(rng() % max_tiles);
    d.tile_off[i] = d.total_tiles;
    d.total_tiles += d.tiles[i];
    if (i == 0) continue;
    uint32_t kind = uint32_t(rng() % 10);
    if (kind < 3) {  // chain link
      d.succ[i - 1].push_back(i);
    } else if (kind < 8) {  // a few random predecessors from a window
      uint32_t k = 1 + uint32_t(rng() % 3);
      uint32_t w = std::min<uint32_t>(i, 64);
      for (uint32_t j = 0; j < k; ++j) {
        uint32_t p = i - 1 - uint32_t(rng() % w);
        if (std::find(d.succ[p].begin(), d.succ[p].end(), i) == d.succ[p].end()) d.succ[p].push_back(i);
      }
    }  // else: a root
  }
  // some wide fan-outs
  for (uint32_t k = 0; k < n / 500; ++k) {
    uint32_t p = uint32_t(rng() % n);
    for (uint32_t j = 0; j < 40 && p + 1 + j < n; ++j)
      if (std::find(d.succ[p].begin(), d.succ[p].end(), p + 1 + j) == d.succ[p].end()) d.succ[p].push_back(p + 1 + j);
  }
  return d;
}

struct DagRun {
  Dag dag;
  gpuos_graph_t g = nullptr;
  void* clk = nullptr;
  void* stamps = nullptr;
  void* counts = nullptr;
};

bool build_dag_graph(gpuos_runtime_t rt, DagRun& r, uint32_t op) {
  const Dag& d = r.dag;
  if (gpuos_mem_alloc(rt, 4, &r.clk) || gpuos_mem_alloc(rt, d.total_tiles * 8, &r.stamps) ||
      gpuos_mem_alloc(rt, d.n * 4ull, &r.counts))
    return false;
  gpuos_memset_d8(rt, r.clk, 0, 4);
  gpuos_memset_d8(rt, r.counts, 0, d.n * 4ull);
  gpuos_memset_d8(rt, r.stamps, 0xFF, d.total_tiles * 8);
  if (gpuos_graph_create(rt, &r.g)) return false;
  for (uint32_t i = 0; i < d.n; ++i) {
    gpuos_arg a[3] = {gpuos::make_arg(r.clk, GPUOS_DTYPE_I32, 1),
                      gpuos::make_arg(static_cast<char*>(r.stamps) + d.tile_off[i] * 8, GPUOS_DTYPE_I64, d.tiles[i]),
                      gpuos::make_arg(static_cast<char*>(r.counts) + i * 4ull, GPUOS_DTYPE_I32, 1)};
    if (gpuos_graph_add_task(r.g, op, d.tiles[i], a, 3, 0, nullptr)) return false;
  }
  for (uint32_t i = 0; i < d.n; ++i)
    for (uint32_t s : d.succ[i])
      if (gpuos_graph_add_edge(r.g, i, s)) return false;
  return true;
}

// Every tile ran `runs` times in total; every edge's predecessor tiles all ended before any
// successor tile started (in the last run).
int check_dag(gpuos_runtime_t rt, DagRun& r, uint32_t runs) {
  const Dag& d = r.dag;
  std::vector<uint64_t> st(d.total_tiles);
  std::vector<uint32_t> cnt(d.n);
  gpuos_memcpy_dtoh(rt, st.data(), r.stamps, st.size() * 8);
  gpuos_memcpy_dtoh(rt, cnt.data(), r.counts, cnt.size() * 4);
  int bad_count = 0, bad_order = 0, unwritten = 0;
  std::vector<uint32_t> max_end(d.n, 0), min_start(d.n, 0xFFFFFFFFu);
  for (uint32_t i = 0; i < d.n; ++i) {
    if (cnt[i] != runs * d.tiles[i]) ++bad_count;
    for (uint32_t k = 0; k < d.tiles[i]; ++k) {
      uint64_t v = st[d.tile_off[i] + k];
      if (v == ~0ull) {
        ++unwritten;
        continue;
      }
      uint32_t s = uint32_t(v >> 32), e = uint32_t(v);
      max_end[i] = std::max(max_end[i], e);
      min_start[i] = std::min(min_start[i], s);
    }
  }
  for (uint32_t i = 0; i < d.n; ++i)
    for (uint32_t s : d.succ[i])
      if (!(max_end[i] < min_start[s])) ++bad_order;
  if (bad_count || bad_order || unwritten)
    std::printf("  DAG check: %d tasks with wrong run counts, %d edges out of order, %d tiles unwritten\n", bad_count,
                bad_order, unwritten);
  return bad_count + bad_order + unwritten;
}

void free_dag(gpuos_runtime_t rt, DagRun& r) {
  if (r.g) gpuos_graph_destroy(r.g);
  gpuos_mem_free(rt, r.clk);
  gpuos_mem_free(rt, r.stamps);
  gpuos_mem_free(rt, r.counts);
}

gpuos_module_t compile_or_die(gpuos_runtime_t rt, const std::string& src, const char* name,
                              std::vector<const char*> opts = {}) {
  gpuos_module_t m = nullptr;
  gpuos_status_t s = gpuos_module_compile(rt, src.c_str(), name, opts.data(), uint32_t(opts.size()), &m);
  if (s != GPUOS_OK) {
    std::printf("compile %s failed: %s\n", name, gpuos_last_error());
    std::exit(1);
  }
  return m;
}

void run_dags(const std::vector<uint32_t>& sizes, uint32_t max_tiles) {
  gpuos_runtime_t rt = make_rt();
  gpuos_module_t m = compile_or_die(rt, kRecordOp, "record.cu");
  REQUIRE_OK(gpuos_op_set(rt, 1, m, "record", 5000));
  uint64_t seed = uint64_t(std::chrono::steady_clock::now().time_since_epoch().count());
  for (uint32_t n : sizes) {
    DagRun r;
    r.dag = random_dag(n, max_tiles, seed++);
    CHECK(build_dag_graph(rt, r, 1));
    auto t0 = std::chrono::steady_clock::now();
    for (uint32_t run = 1; run <= 2; ++run) {  // the second submission reuses the uploaded graph
      CHECK_OK(gpuos_graph_submit(r.g, 10000));
      CHECK_OK(gpuos_graph_wait(r.g, 20000));
    }
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    size_t edges = 0;
    for (auto& s : r.dag.succ) edges += s.size();
    int bad = check_dag(rt, r, 2);
    std::printf("  random DAG: %u tasks, %zu edges, %llu tiles, 2 submissions in %.1f ms: %s\n", n, edges,
                (unsigned long long)r.dag.total_tiles, ms, bad ? "WRONG" : "order and counts correct");
    CHECK_EQ(bad, 0);
    free_dag(rt, r);
  }
  gpuos_module_release(rt, m);
  CHECK_OK(gpuos_runtime_destroy(rt));
}

}  // namespace

// An operator that does nothing, for tests about scheduling and lifetime.
static const char* const kNopSource =
    "#include <gpuos/device_abi.h>\nGPUOS_OP(nop) { }\nGPUOS_EXPORT_OP(nop);\n";

TEST_CASE(dag_random) {
  if (small()) run_dags({1, 10, 300}, 8);
  else run_dags({1, 2, 10, 100, 1000, 10000}, 16);
}

TEST_CASE(dag_100k) {
  if (small()) run_dags({2000}, 4);
  else run_dags({100000}, 8);
}

// Chains of many-tile tasks hand their successors' tiles to the blocks that ran theirs
// (fan-out). Successors wider and narrower than their predecessors, tasks wider than the grid
// (blocks that wait must also take queue work, or the graph never finishes), two graphs at
// once, repeated submissions, and pauses (allocations park the kernel) while blocks wait.
TEST_CASE(fanout) {
  gpuos_runtime_t rt = make_rt();
  gpuos_module_t m = compile_or_die(rt, kRecordOp, "record.cu");
  REQUIRE_OK(gpuos_op_set(rt, 1, m, "record", 5000));
  gpuos_runtime_info info;
  gpuos_runtime_get_info(rt, &info);
  const uint32_t wide = 3 * info.worker_blocks;
  const std::vector<uint32_t> pattern = {64, 200, 7, 3, 500, wide, 2, 900, 129, 1, 40, 40};
  const uint32_t repeats = small() ? 2 : 12;
  DagRun runs[2];
  for (int k = 0; k < 2; ++k) {
    Dag& d = runs[k].dag;
    for (uint32_t r = 0; r < repeats; ++r)
      for (size_t i = 0; i < pattern.size(); ++i) d.tiles.push_back(pattern[k ? pattern.size() - 1 - i : i]);
    d.n = uint32_t(d.tiles.size());
    d.succ.resize(d.n);
    for (uint32_t i = 0; i < d.n; ++i) {
      d.tile_off.push_back(d.total_tiles);
      d.total_tiles += d.tiles[i];
      if (i + 1 < d.n) d.succ[i].push_back(i + 1);
    }
    CHECK(build_dag_graph(rt, runs[k], 1));
  }
  const uint32_t submissions = 3;
  uint32_t pauses = 0;
  for (uint32_t sub = 0; sub < submissions; ++sub) {
    for (auto& r : runs) CHECK_OK(gpuos_graph_submit(r.g, 10000));
    if (sub > 0) {  // park the kernel a few times while the chains run
      for (int p = 0; p < 6; ++p) {
        void* x = nullptr;
        CHECK_OK(gpuos_mem_alloc(rt, 256, &x));
        CHECK_OK(gpuos_mem_free(rt, x));
        pauses += 2;
      }
    }
    for (auto& r : runs) CHECK_OK(gpuos_graph_wait(r.g, 20000));
  }
  for (auto& r : runs) {
    const int bad = check_dag(rt, r, submissions);
    std::printf("  fan-out chain: %u tasks, %llu tiles (widest %u), %u submissions, %u pauses: %s\n", r.dag.n,
                (unsigned long long)r.dag.total_tiles, wide, submissions, pauses,
                bad ? "WRONG" : "order and counts correct");
    CHECK_EQ(bad, 0);
    free_dag(rt, r);
  }
  gpuos_module_release(rt, m);
  CHECK_OK(gpuos_runtime_destroy(rt));
}

TEST_CASE(concurrent_graphs) {
  gpuos_runtime_t rt = make_rt();
  gpuos_module_t m = compile_or_die(rt, kRecordOp, "record.cu");
  REQUIRE_OK(gpuos_op_set(rt, 1, m, "record", 5000));
  const int ng = small() ? 3 : 12;
  const uint32_t n = small() ? 200 : 3000;
  std::vector<DagRun> runs(ng);
  for (int i = 0; i < ng; ++i) {
    runs[i].dag = random_dag(n, 6, 1000 + i);
    CHECK(build_dag_graph(rt, runs[i], 1));
  }
  // One extra graph names an operator id nothing was installed under: it must fail alone.
  gpuos_graph_t badg;
  REQUIRE_OK(gpuos_graph_create(rt, &badg));
  uint32_t b0, b1, b2;
  gpuos_graph_add_task(badg, 1, 1, nullptr, 0, 0, &b0);  // record with no args would fault: use op 7 below
  gpuos_graph_destroy(badg);
  REQUIRE_OK(gpuos_graph_create(rt, &badg));
  DagRun tmp;
  tmp.dag = random_dag(3, 1, 5);
  void* scratch;
  REQUIRE_OK(gpuos_mem_alloc(rt, 64, &scratch));
  gpuos_arg a[3] = {gpuos::make_arg(scratch, GPUOS_DTYPE_I32, 1), gpuos::make_arg(static_cast<char*>(scratch) + 16, GPUOS_DTYPE_I64, 1),
                    gpuos::make_arg(static_cast<char*>(scratch) + 8, GPUOS_DTYPE_I32, 1)};
  gpuos_graph_add_task(badg, 1, 1, a, 3, 0, &b0);
  gpuos_graph_add_task(badg, 777, 3, a, 3, 0, &b1);  // unknown operator
  gpuos_graph_add_task(badg, 1, 1, a, 3, 0, &b2);
  gpuos_graph_add_edge(badg, b0, b1);
  gpuos_graph_add_edge(badg, b1, b2);
  const int rounds = 3;
  int bad_failures = 0;
  for (int round = 1; round <= rounds; ++round) {
    for (int i = 0; i < ng; ++i) {
      CHECK_OK(gpuos_graph_submit(runs[i].g, 10000));
      if (i == ng / 2) CHECK_OK(gpuos_graph_submit(badg, 10000));
    }
    for (int i = 0; i < ng; ++i) CHECK_OK(gpuos_graph_wait(runs[i].g, 60000));
    gpuos_status_t s = gpuos_graph_wait(badg, 60000);
    gpuos_graph_result res;
    gpuos_graph_get_result(badg, &res);
    if (s != GPUOS_ERROR_UNKNOWN_OP || res.failed_task != b1 || res.failed_op != 777) ++bad_failures;
    if (round == 1)
      std::printf("  graph with unknown operator: %s (task %u, op %u): %s\n", gpuos_status_string(s), res.failed_task,
                  res.failed_op, gpuos_last_error());
  }
  CHECK_EQ(bad_failures, 0);
  int bad = 0;
  for (int i = 0; i < ng; ++i) bad += check_dag(rt, runs[i], rounds);
  std::printf("  %d graphs of %u tasks in flight together, %d rounds, + 1 failing graph: %s\n", ng, n, rounds,
              bad ? "WRONG" : "all correct");
  CHECK_EQ(bad, 0);
  for (auto& r : runs) free_dag(rt, r);
  gpuos_graph_destroy(badg);
  gpuos_mem_free(rt, scratch);
  gpuos_module_release(rt, m);
  CHECK_OK(gpuos_runtime_destroy(rt));
}

// 1M tasks while the operator is replaced every ~2 ms: each task runs exactly once per
// submission, with one of the installed versions.
TEST_CASE(hot_swap) {
  gpuos_runtime_t rt = make_rt();
  const int nver = 4;
  std::vector<gpuos_module_t> mods;
  const char* src = R"(
#include <gpuos/device_abi.h>
GPUOS_OP(versioned) {
  if (threadIdx.x == 0) {
    atomicAdd((unsigned*)ctx->args[0].data, 1u);
    unsigned* ver = (unsigned*)ctx->args[1].data;   /* history of versions, 4 bits per run */
    unsigned old = *ver, assumed;
    do { assumed = old; old = atomicCAS(ver, assumed, (assumed << 4) | VERSION); } while (old != assumed);
    long long t0 = clock64();
    while (clock64() - t0 < 600) { }
  }
}
GPUOS_EXPORT_OP(versioned);
)";
  for (int v = 1; v <= nver; ++v) {
    std::string def = "-DVERSION=" + std::to_string(v) + "u";
    mods.push_back(compile_or_die(rt, src, "versioned.cu", {def.c_str()}));
  }
  REQUIRE_OK(gpuos_op_set(rt, 3, mods[0], "versioned", 5000));
  const uint32_t ngraphs = 10, chains = small() ? 20 : 1000, len = small() ? 10 : 100;
  const uint32_t per = chains * len, total = ngraphs * per;
  void *cnt, *ver;
  REQUIRE_OK(gpuos_mem_alloc(rt, total * 4ull, &cnt));
  REQUIRE_OK(gpuos_mem_alloc(rt, total * 4ull, &ver));
  gpuos_memset_d8(rt, cnt, 0, total * 4ull);
  gpuos_memset_d8(rt, ver, 0, total * 4ull);
  std::vector<gpuos_graph_t> gs(ngraphs);
  for (uint32_t g = 0; g < ngraphs; ++g) {
    REQUIRE_OK(gpuos_graph_create(rt, &gs[g]));
    for (uint32_t c = 0; c < chains; ++c)
      for (uint32_t k = 0; k < len; ++k) {
        uint64_t idx = uint64_t(g) * per + uint64_t(c) * len + k;
        gpuos_arg a[2] = {gpuos::make_arg(static_cast<char*>(cnt) + idx * 4, GPUOS_DTYPE_I32, 1),
                          gpuos::make_arg(static_cast<char*>(ver) + idx * 4, GPUOS_DTYPE_I32, 1)};
        uint32_t id;
        gpuos_graph_add_task(gs[g], 3, 1 + (k % 7 == 3 ? 2 : 0), a, 2, 0, &id);
        if (k) gpuos_graph_add_edge(gs[g], id - 1, id);
      }
    REQUIRE_OK(gpuos_graph_finalize(gs[g]));
  }
  // note: tasks with 3 tiles run 3 times (once per tile)
  std::atomic<bool> done{false};
  std::vector<double> lat;
  int swaps = 0, busy = 0, swap_err = 0;
  std::thread swapper([&] {
    int v = 1;
    while (!done.load()) {
      std::this_thread::sleep_for(std::chrono::microseconds(small() ? 200 : 2000));
      gpuos_status_t s = gpuos_op_set(rt, 3, mods[v % nver], "versioned", 1000);
      if (s == GPUOS_OK && swaps < 3) {
        gpuos_op_stats st;
        gpuos_op_get_stats(rt, 3, &st);
        std::printf("  swap %d: %.1f us (waiting for the old slot %.1f us, device flip %.1f us)\n", swaps, st.last_update_us,
                    st.last_drain_us, st.last_flip_us);
      }
      if (s == GPUOS_OK) {
        gpuos_op_stats st;
        gpuos_op_get_stats(rt, 3, &st);
        lat.push_back(st.last_update_us);
        ++swaps;
        ++v;
      } else if (s == GPUOS_ERROR_BUSY) {
        ++busy;
      } else {
        ++swap_err;
        std::printf("  op_set: %s: %s\n", gpuos_status_string(s), gpuos_last_error());
        break;
      }
    }
  });
  auto t0 = std::chrono::steady_clock::now();
  const int rounds = 2;
  for (int round = 0; round < rounds; ++round) {
    for (auto g : gs) CHECK_OK(gpuos_graph_submit(g, 30000));
    for (auto g : gs) CHECK_OK(gpuos_graph_wait(g, 120000));
    // (the swapper keeps going; make sure at least one swap separates the two rounds)
    if (round == 0) {
      int before = swaps;
      for (int k = 0; k < 1000 && swaps == before; ++k) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  done = true;
  swapper.join();
  std::vector<uint32_t> c(total), vv(total);
  gpuos_memcpy_dtoh(rt, c.data(), cnt, total * 4ull);
  gpuos_memcpy_dtoh(rt, vv.data(), ver, total * 4ull);
  uint64_t lost = 0, dup = 0, badver = 0, expected_runs = 0;
  std::set<uint32_t> seen;
  for (uint32_t i = 0; i < total; ++i) {
    const uint32_t k = i % len;
    const uint32_t tiles = 1 + (k % 7 == 3 ? 2 : 0);
    const uint32_t want = rounds * tiles;
    expected_runs += want;
    if (c[i] < want) ++lost;
    if (c[i] > want) ++dup;
    for (uint32_t r = 0; r < want && r < 8; ++r) {
      uint32_t x = (vv[i] >> (4 * r)) & 0xF;
      if (x < 1 || x > uint32_t(nver)) ++badver;
      else seen.insert(x);
    }
  }
  std::sort(lat.begin(), lat.end());
  double med = lat.empty() ? 0 : lat[lat.size() / 2], mx = lat.empty() ? 0 : lat.back();
  std::printf("  hot swap: %u tasks x %d submissions (%llu tile runs) in %.1f ms; %d swaps (every ~2 ms), %d busy retries;"
              " update latency median %.1f us, max %.1f us\n",
              total, rounds, (unsigned long long)expected_runs, ms, swaps, busy, med, mx);
  std::printf("  tasks lost: %llu, run twice: %llu, bad version: %llu, versions seen: %zu of %d\n",
              (unsigned long long)lost, (unsigned long long)dup, (unsigned long long)badver, seen.size(), nver);
  CHECK_EQ(lost, 0u);
  CHECK_EQ(dup, 0u);
  CHECK_EQ(badver, 0u);
  CHECK_EQ(swap_err, 0);
  CHECK(swaps >= (small() ? 1 : 5));
  CHECK(seen.size() >= 2u);
  for (auto g : gs) gpuos_graph_destroy(g);
  gpuos_mem_free(rt, cnt);
  gpuos_mem_free(rt, ver);
  for (auto m : mods) gpuos_module_release(rt, m);
  CHECK_OK(gpuos_runtime_destroy(rt));
}

static std::string hungry_source(int n) {
  std::string N = std::to_string(n);
  return "#include <gpuos/device_abi.h>\nGPUOS_OP(hungry) {\n"
         "  const float* in = (const float*)ctx->args[0].data;\n  float* out = (float*)ctx->args[1].data;\n"
         "  int t = ctx->tile * blockDim.x + threadIdx.x;\n  float a[" + N + "];\n"
         "#pragma unroll\n  for (int i = 0; i < " + N + "; ++i) a[i] = in[t * " + N + " + i];\n"
         "#pragma unroll\n  for (int k = 0; k < 8; ++k) {\n#pragma unroll\n    for (int i = 0; i < " + N +
         "; ++i) a[i] = __fmaf_rn(a[i], 1.0001f, __fmul_rn(a[(i + 1) % " + N + "], 0.5f));\n  }\n"
         "#pragma unroll\n  for (int i = 0; i < " + N + "; ++i) out[t * " + N + " + i] = a[i];\n}\n"
         "GPUOS_EXPORT_OP(hungry);\n";
}

TEST_CASE(register_hungry_jit) {
  gpuos_runtime_t rt = make_rt();
  gpuos_runtime_info info;
  gpuos_runtime_get_info(rt, &info);
  const int N = 100;
  std::string src = hungry_source(N);
  // Resource report of the same compile.
  gpuos_jit_options jo;
  gpuos_jit_options_init(&jo);
  jo.sm = info.cc_major * 10 + info.cc_minor;
  jo.max_registers = info.register_budget;
  void* img;
  size_t sz;
  REQUIRE_OK(gpuos_jit_compile(&jo, src.c_str(), "hungry.cu", &img, &sz, nullptr));
  gpuos_function_resources fr;
  gpuos_cubin_function_resources(img, sz, "hungry", &fr);
  std::printf("  hungry operator: %u registers (budget %u), stack %u bytes\n", fr.registers, info.register_budget,
              fr.stack_bytes);
  CHECK(fr.registers >= 100);
  gpuos_module_t m;
  REQUIRE_OK(gpuos_module_load_image(rt, img, sz, &m));
  gpuos_free(img);
  REQUIRE_OK(gpuos_op_set(rt, 9, m, "hungry", 5000));
  const uint32_t tiles = 4, threads = info.block_threads, elems = tiles * threads * N;
  std::vector<float> in(elems), out(elems, -12345.f), ref(elems);
  std::mt19937 rng(std::random_device{}());
  std::uniform_real_distribution<float> U(-1.f, 1.f);
  for (auto& x : in) x = U(rng);
  for (uint32_t t = 0; t < tiles * threads; ++t) {
    float a[N];
    for (int i = 0; i < N; ++i) a[i] = in[t * N + i];
    for (int k = 0; k < 8; ++k)
      for (int i = 0; i < N; ++i) a[i] = std::fma(a[i], 1.0001f, a[(i + 1) % N] * 0.5f);
    for (int i = 0; i < N; ++i) ref[t * N + i] = a[i];
  }
  void *din, *dout;
  REQUIRE_OK(gpuos_mem_alloc(rt, elems * 4ull, &din));
  REQUIRE_OK(gpuos_mem_alloc(rt, elems * 4ull, &dout));
  gpuos_memcpy_htod(rt, din, in.data(), elems * 4ull);
  gpuos_memcpy_htod(rt, dout, out.data(), elems * 4ull);
  gpuos_graph_t g;
  REQUIRE_OK(gpuos_graph_create(rt, &g));
  gpuos_arg a[2] = {gpuos::make_arg(din, GPUOS_DTYPE_F32, elems), gpuos::make_arg(dout, GPUOS_DTYPE_F32, elems)};
  gpuos_graph_add_task(g, 9, tiles, a, 2, 0, nullptr);
  CHECK_OK(gpuos_graph_submit(g, 5000));
  CHECK_OK(gpuos_graph_wait(g, 30000));
  gpuos_memcpy_dtoh(rt, out.data(), dout, elems * 4ull);
  double num = 0, den = 0;
  for (uint32_t i = 0; i < elems; ++i) {
    num += double(out[i] - ref[i]) * (out[i] - ref[i]);
    den += double(ref[i]) * ref[i];
  }
  double rel = std::sqrt(num / den);
  std::printf("  hungry operator ran on %u tiles: relative error vs host %.3g\n", tiles, rel);
  CHECK(rel < 1e-5);
  gpuos_graph_destroy(g);
  gpuos_mem_free(rt, din);
  gpuos_mem_free(rt, dout);
  gpuos_module_release(rt, m);
  CHECK_OK(gpuos_runtime_destroy(rt));
}

TEST_CASE(aot_operators) {
  gpuos_runtime_t rt = make_rt();
  gpuos_module_t embedded, file;
  REQUIRE_OK(gpuos_module_load_image(rt, gpuos_test_aot_ops, gpuos_test_aot_ops_size, &embedded));
  REQUIRE_OK(gpuos_module_load_file(rt, GPUOS_TEST_AOT_CUBIN, &file));
  REQUIRE_OK(gpuos_op_set(rt, 20, embedded, "aot_axpy", 5000));
  REQUIRE_OK(gpuos_op_set(rt, 21, file, "aot_reverse_smem", 5000));
  const uint32_t n = 256 * 64;
  std::vector<float> x(n), y(n), out(n);
  std::mt19937 rng(std::random_device{}());
  std::uniform_real_distribution<float> U(-1.f, 1.f);
  for (uint32_t i = 0; i < n; ++i) x[i] = U(rng), y[i] = U(rng);
  const float alpha = 0.5f + U(rng);
  void *dx, *dy, *da;
  gpuos_mem_alloc(rt, n * 4, &dx);
  gpuos_mem_alloc(rt, n * 4, &dy);
  gpuos_mem_alloc(rt, 4, &da);
  gpuos_memcpy_htod(rt, dx, x.data(), n * 4);
  gpuos_memcpy_htod(rt, dy, y.data(), n * 4);
  gpuos_memcpy_htod(rt, da, &alpha, 4);
  gpuos::Graph g(rt);
  uint32_t t0 = g.add_task(20, 8, {gpuos::make_arg(dx, GPUOS_DTYPE_F32, n), gpuos::make_arg(dy, GPUOS_DTYPE_F32, n), gpuos::make_arg(da, GPUOS_DTYPE_F32, 1)});
  uint32_t t1 = g.add_task(21, n / 256, {gpuos::make_arg(dy, GPUOS_DTYPE_F32, n)});
  g.add_edge(t0, t1);
  g.submit();
  g.wait();
  gpuos_memcpy_dtoh(rt, out.data(), dy, n * 4);
  int bad = 0;
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t tile = i / 256, j = i % 256, src = tile * 256 + (255 - j);
    float want = alpha * x[src] + y[src];
    if (std::fabs(out[i] - want) > 1e-6f * (1 + std::fabs(want))) ++bad;
  }
  std::printf("  AOT embedded cubin (axpy) + AOT cubin file (smem reverse): %d wrong of %u\n", bad, n);
  CHECK_EQ(bad, 0);
  g.reset();
  gpuos_mem_free(rt, dx);
  gpuos_mem_free(rt, dy);
  gpuos_mem_free(rt, da);
  gpuos_module_release(rt, embedded);
  gpuos_module_release(rt, file);
  CHECK_OK(gpuos_runtime_destroy(rt));
}

TEST_CASE(errors) {
  gpuos_runtime_t rt = make_rt();
  gpuos_runtime_info info;
  gpuos_runtime_get_info(rt, &info);
  gpuos_module_t m = nullptr;
  // NVRTC error: the log comes back.
  CHECK_STATUS(gpuos_module_compile(rt, "#include <gpuos/device_abi.h>\nGPUOS_OP(x) { oops; }\n", "bad.cu", nullptr, 0, &m),
               GPUOS_ERROR_COMPILE);
  std::printf("  compile error message: %.120s...\n", gpuos_last_error());
  // Link error.
  CHECK_STATUS(gpuos_module_compile(rt,
                                    "#include <gpuos/device_abi.h>\nextern \"C\" __device__ int nowhere();\n"
                                    "GPUOS_OP(x) { if (nowhere()) __trap(); }\nGPUOS_EXPORT_OP(x);\n",
                                    "link.cu", nullptr, 0, &m),
               GPUOS_ERROR_LINK);
  // Missing exported symbol.
  gpuos_module_t ok = compile_or_die(rt, kRecordOp, "record.cu");
  CHECK_STATUS(gpuos_op_set(rt, 1, ok, "no_such_op", 1000), GPUOS_ERROR_SYMBOL_NOT_FOUND);
  std::printf("  missing symbol: %s\n", gpuos_last_error());
  CHECK_STATUS(gpuos_op_set(rt, info.max_ops, ok, "record", 1000), GPUOS_ERROR_INVALID_ARGUMENT);
  // Over the register budget (compiled elsewhere with a higher limit).
  gpuos_jit_options jo;
  gpuos_jit_options_init(&jo);
  jo.sm = info.cc_major * 10 + info.cc_minor;
  jo.max_registers = 255;
  void* img;
  size_t sz;
  REQUIRE_OK(gpuos_jit_compile(&jo, hungry_source(160).c_str(), "hungry160.cu", &img, &sz, nullptr));
  gpuos_module_t hm;
  REQUIRE_OK(gpuos_module_load_image(rt, img, sz, &hm));
  gpuos_free(img);
  CHECK_STATUS(gpuos_op_set(rt, 2, hm, "hungry", 1000), GPUOS_ERROR_RESOURCE_LIMIT);
  std::printf("  register budget: %s\n", gpuos_last_error());
  // Over the stack budget.
  gpuos_module_t sm = compile_or_die(rt, R"(
#include <gpuos/device_abi.h>
GPUOS_OP(big_stack) {
  volatile float buf[4096];
  for (int i = 0; i < 4096; ++i) buf[i] = i * ctx->tile;
  ((float*)ctx->args[0].data)[threadIdx.x] = buf[(threadIdx.x * 7) % 4096];
}
GPUOS_EXPORT_OP(big_stack);
)", "stack.cu");
  CHECK_STATUS(gpuos_op_set(rt, 2, sm, "big_stack", 1000), GPUOS_ERROR_RESOURCE_LIMIT);
  std::printf("  stack budget: %s\n", gpuos_last_error());
  // Not an image.
  std::vector<char> junk(4096, 3);
  CHECK_STATUS(gpuos_module_load_image(rt, junk.data(), junk.size(), &m), GPUOS_ERROR_INVALID_IMAGE);
  // Cycle.
  gpuos_graph_t g;
  REQUIRE_OK(gpuos_graph_create(rt, &g));
  uint32_t a, b;
  gpuos_graph_add_task(g, 1, 1, nullptr, 0, 0, &a);
  gpuos_graph_add_task(g, 1, 1, nullptr, 0, 0, &b);
  gpuos_graph_add_edge(g, a, b);
  gpuos_graph_add_edge(g, b, a);
  CHECK_STATUS(gpuos_graph_finalize(g), GPUOS_ERROR_INVALID_ARGUMENT);
  std::printf("  cycle: %s\n", gpuos_last_error());
  gpuos_graph_destroy(g);
  // Unknown operator id: the graph fails with a status, the runtime keeps going.
  REQUIRE_OK(gpuos_graph_create(rt, &g));
  gpuos_graph_add_task(g, 555, 2, nullptr, 0, 0, &a);
  CHECK_OK(gpuos_graph_submit(g, 1000));
  CHECK_STATUS(gpuos_graph_wait(g, 10000), GPUOS_ERROR_UNKNOWN_OP);
  std::printf("  unknown op: %s\n", gpuos_last_error());
  // A released module nothing refers to is unloaded at the next park of the kernel (here: an
  // allocation), and the runtime keeps working.
  {
    gpuos_module_t tmp = compile_or_die(rt, "#include <gpuos/device_abi.h>\nGPUOS_OP(t) { }\nGPUOS_EXPORT_OP(t);\n",
                                        "tmp.cu");
    CHECK_OK(gpuos_module_release(rt, tmp));
    void* p = nullptr;
    CHECK_OK(gpuos_mem_alloc(rt, 256, &p));
    CHECK_OK(gpuos_mem_free(rt, p));
  }
  // ... and the same graph succeeds once an operator is installed under that id.
  gpuos_module_t nm = compile_or_die(rt, kNopSource, "nop.cu");
  REQUIRE_OK(gpuos_op_set(rt, 555, nm, "nop", 1000));
  CHECK_OK(gpuos_graph_submit(g, 1000));
  CHECK_OK(gpuos_graph_wait(g, 10000));
  gpuos_graph_destroy(g);
  for (auto x : {ok, hm, sm, nm}) gpuos_module_release(rt, x);
  CHECK_OK(gpuos_runtime_destroy(rt));
}

TEST_CASE(back_pressure) {
  gpuos_runtime_config cfg;
  gpuos_runtime_config_init(&cfg);
  cfg.queue_capacity = 1024;
  cfg.ring_capacity = 16;
  gpuos_runtime_t rt = make_rt(&cfg);
  const char* slow = R"(
#include <gpuos/device_abi.h>
GPUOS_OP(slow) { long long t0 = clock64(); while (clock64() - t0 < 2000000) { } }
GPUOS_EXPORT_OP(slow);
)";
  gpuos_module_t m = compile_or_die(rt, slow, "slow.cu");
  REQUIRE_OK(gpuos_op_set(rt, 1, m, "slow", 1000));
  gpuos_graph_t big, g1, g2;
  REQUIRE_OK(gpuos_graph_create(rt, &big));
  gpuos_graph_add_task(big, 1, 2000, nullptr, 0, 0, nullptr);
  CHECK_STATUS(gpuos_graph_finalize(big), GPUOS_ERROR_INVALID_ARGUMENT);  // more tiles than the queue holds
  gpuos_graph_destroy(big);
  REQUIRE_OK(gpuos_graph_create(rt, &g1));
  REQUIRE_OK(gpuos_graph_create(rt, &g2));
  for (int i = 0; i < 20; ++i) {  // 20-task chain of 30 tiles: ~20 x 1 ms
    uint32_t id;
    gpuos_graph_add_task(g1, 1, 30, nullptr, 0, 0, &id);
    if (i) gpuos_graph_add_edge(g1, id - 1, id);
  }
  gpuos_graph_add_task(g2, 1, 500, nullptr, 0, 0, nullptr);
  CHECK_OK(gpuos_graph_submit(g1, 1000));  // 600 tiles in flight
  auto t0 = std::chrono::steady_clock::now();
  CHECK_STATUS(gpuos_graph_submit(g2, 0), GPUOS_ERROR_QUEUE_FULL);  // 600 + 500 > 1024
  std::printf("  full queue: %s\n", gpuos_last_error());
  CHECK_STATUS(gpuos_graph_submit(g1, 0), GPUOS_ERROR_BUSY);  // already in flight
  CHECK_OK(gpuos_graph_submit(g2, 20000));                    // waits for g1, then goes
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  std::printf("  second graph admitted after %.1f ms of back-pressure\n", ms);
  CHECK_OK(gpuos_graph_wait(g1, 20000));
  CHECK_OK(gpuos_graph_wait(g2, 20000));
  // A bounded wait that runs out reports a timeout, not a hang.
  CHECK_OK(gpuos_graph_submit(g1, 1000));
  CHECK_STATUS(gpuos_graph_wait(g1, 1), GPUOS_ERROR_TIMEOUT);
  CHECK_OK(gpuos_graph_wait(g1, 20000));
  gpuos_graph_destroy(g1);
  gpuos_graph_destroy(g2);
  gpuos_module_release(rt, m);
  CHECK_OK(gpuos_runtime_destroy(rt));
}

TEST_CASE(smoke) {
  gpuos_runtime_t rt = make_rt();
  gpuos_module_t m = compile_or_die(rt, kNopSource, "nop.cu");
  REQUIRE_OK(gpuos_op_set(rt, 1, m, "nop", 1000));
  gpuos_graph_t g;
  REQUIRE_OK(gpuos_graph_create(rt, &g));
  gpuos_graph_add_task(g, 1, 1, nullptr, 0, 0, nullptr);
  CHECK_OK(gpuos_graph_submit(g, 1000));
  CHECK_OK(gpuos_graph_wait(g, 10000));
  gpuos_graph_destroy(g);
  gpuos_module_release(rt, m);
  CHECK_OK(gpuos_runtime_destroy(rt));
}

TEST_CASE(shutdown_rejects_calls) {
  gpuos_runtime_t rt = make_rt();
  gpuos_module_t m = compile_or_die(rt, kNopSource, "nop.cu");
  REQUIRE_OK(gpuos_op_set(rt, 1, m, "nop", 1000));
  gpuos_graph_t g;
  REQUIRE_OK(gpuos_graph_create(rt, &g));
  gpuos_graph_add_task(g, 1, 4, nullptr, 0, 0, nullptr);
  CHECK_OK(gpuos_graph_submit(g, 1000));
  CHECK_OK(gpuos_graph_wait(g, 10000));
  auto t0 = std::chrono::steady_clock::now();
  CHECK_OK(gpuos_runtime_shutdown(rt, 1000));
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  std::printf("  shutdown took %.2f ms\n", ms);
  gpuos_module_t m2;
  gpuos_graph_t g2;
  CHECK_STATUS(gpuos_graph_submit(g, 1000), GPUOS_ERROR_SHUTDOWN);
  CHECK_STATUS(gpuos_graph_create(rt, &g2), GPUOS_ERROR_SHUTDOWN);
  CHECK_STATUS(gpuos_module_compile(rt, kNopSource, "nop.cu", nullptr, 0, &m2), GPUOS_ERROR_SHUTDOWN);
  CHECK_STATUS(gpuos_op_set(rt, 1, m, "nop", 1000), GPUOS_ERROR_SHUTDOWN);
  CHECK_STATUS(gpuos_runtime_shutdown(rt, 1000), GPUOS_ERROR_SHUTDOWN);
  std::printf("  after shutdown: %s\n", gpuos_last_error());
  gpuos_graph_destroy(g);
  gpuos_module_release(rt, m);
  CHECK_OK(gpuos_runtime_destroy(rt));
}

TEST_CASE(device_fault) {
  gpuos_runtime_t rt = make_rt();
  const char* bad = R"(
#include <gpuos/device_abi.h>
GPUOS_OP(wild_write) { *(volatile int*)(0x10ull + threadIdx.x * 4) = 1; }
GPUOS_EXPORT_OP(wild_write);
)";
  gpuos_module_t m = compile_or_die(rt, bad, "wild.cu");
  REQUIRE_OK(gpuos_op_set(rt, 1, m, "wild_write", 1000));
  gpuos_graph_t g;
  REQUIRE_OK(gpuos_graph_create(rt, &g));
  gpuos_graph_add_task(g, 1, 1, nullptr, 0, 0, nullptr);
  CHECK_OK(gpuos_graph_submit(g, 1000));
  auto t0 = std::chrono::steady_clock::now();
  CHECK_STATUS(gpuos_graph_wait(g, 20000), GPUOS_ERROR_DEVICE_FAULT);
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  std::printf("  fault reported after %.1f ms: %s\n", ms, gpuos_last_error());
  gpuos_graph_t g2;
  void* p;
  CHECK_STATUS(gpuos_graph_submit(g, 1000), GPUOS_ERROR_DEVICE_FAULT);
  CHECK_STATUS(gpuos_graph_create(rt, &g2), GPUOS_ERROR_DEVICE_FAULT);
  CHECK_STATUS(gpuos_mem_alloc(rt, 16, &p), GPUOS_ERROR_DEVICE_FAULT);
  CHECK_STATUS(gpuos_op_set(rt, 1, m, "wild_write", 1000), GPUOS_ERROR_DEVICE_FAULT);
  gpuos_graph_destroy(g);
  gpuos_module_release(rt, m);
  gpuos_runtime_destroy(rt);
}

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IONBF, 0);
  // Probe once: skip the whole binary where there is no GPU.
  gpuos_runtime_t rt = nullptr;
  gpuos_status_t s = gpuos_runtime_create(nullptr, &rt);
  if (s == GPUOS_ERROR_NO_DEVICE) {
    std::printf("SKIP: no GPU (%s)\n", gpuos_last_error());
    return 77;
  }
  if (s != GPUOS_OK) {
    std::printf("runtime create failed: %s: %s\n", gpuos_status_string(s), gpuos_last_error());
    return 1;
  }
  s = gpuos_runtime_destroy(rt);
  if (s != GPUOS_OK) {
    std::printf("runtime destroy failed: %s: %s\n", gpuos_status_string(s), gpuos_last_error());
    return 1;
  }
  return t::run_all(argc, argv);
}
