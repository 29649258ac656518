// Host-only unit tests: run in CI without a GPU.
#include <algorithm>
#include <atomic>
#include <cstring>
#include <random>
#include <set>
#include <thread>

#include "internal.h"
#include "layout.h"
#include "test_util.h"

using namespace gpuos;

TEST_CASE(api_version_and_strings) {
  CHECK_EQ(gpuos_api_version(), uint32_t(GPUOS_RUNTIME_API_VERSION));
  CHECK(std::strcmp(gpuos_status_string(GPUOS_ERROR_UNKNOWN_OP), "GPUOS_ERROR_UNKNOWN_OP") == 0);
  CHECK(std::strcmp(gpuos_status_string(GPUOS_OK), "GPUOS_OK") == 0);
  CHECK(std::strcmp(gpuos_status_string((gpuos_status_t)-999), "GPUOS_ERROR_(unknown)") == 0);
}

TEST_CASE(abi_layout) {
  CHECK_EQ(sizeof(gpuos_arg), 144u);
  CHECK_EQ(offsetof(gpuos_arg, shape), 16u);
  CHECK_EQ(offsetof(gpuos_arg, strides), 80u);
  CHECK_EQ(sizeof(gpuos_task_ctx), 64u);
  CHECK_EQ(sizeof(gpuos_task_rec), 48u);
  CHECK_EQ(sizeof(gpuos_graph_static), 80u);
  CHECK_EQ(sizeof(gpuos_graph_dyn), 32u);
  CHECK_EQ(sizeof(gpuos_cmd), 16u);
  CHECK_EQ(sizeof(gpuos_completion), 16u);
  CHECK_EQ(sizeof(gpuos_host_shared) % 16, 0u);
  CHECK(GPUOS_CTL_BYTES >= 512);
}

TEST_CASE(queue_item_encoding) {
  std::mt19937_64 rng(1);
  for (int i = 0; i < 100000; ++i) {
    uint32_t tag = rng() % (GPUOS_MAX_TAG + 1), slot = rng() % GPUOS_MAX_GRAPHS, task = rng() % GPUOS_MAX_TASKS,
             tile = rng() % (GPUOS_MAX_TILES + 1);
    uint64_t it = gpuos_item_make(tag, slot, task, tile);
    CHECK(it != GPUOS_ITEM_EMPTY);
    CHECK_EQ(gpuos_item_tag(it), tag);
    CHECK_EQ(gpuos_item_slot(it), slot);
    CHECK_EQ(gpuos_item_task(it), task);
    CHECK_EQ(gpuos_item_tile(it), tile);
  }
  // The largest legal item is not the empty marker.
  CHECK(gpuos_item_make(GPUOS_MAX_TAG, 255, GPUOS_MAX_TASKS - 1, GPUOS_MAX_TILES) != GPUOS_ITEM_EMPTY);
}

TEST_CASE(monotonic_counters_wrap) {
  // A counter needing 3 arrivals per submission, across the 2^32 wrap.
  uint32_t c = 0xFFFFFFF0u;  // as if many submissions happened: serial s with s*3 == c (mod 2^32)?
  // find serial with serial*3 == c mod 2^32
  uint32_t serial = 0;
  for (uint32_t s = 1; s != 0; ++s)
    if (uint32_t(s * 3u) == c) {
      serial = s;
      break;
    }
  CHECK(serial != 0);
  for (int sub = 1; sub <= 10; ++sub) {
    const uint32_t ser = serial + uint32_t(sub);
    int lasts = 0;
    for (int k = 0; k < 3; ++k) {
      uint32_t old = c++;
      if (gpuos_counter_is_last(old, ser, 3)) {
        ++lasts;
        CHECK_EQ(k, 2);
      }
    }
    CHECK_EQ(lasts, 1);
  }
}

// The ready queue's protocol (ticket per consumer, producers reserve ranges, exchange to
// take), on host threads with a tiny capacity so that it wraps around many times.
TEST_CASE(queue_wraparound_exactly_once) {
  const uint64_t cap = 8, mask = cap - 1;
  std::vector<std::atomic<uint64_t>> slots(cap);
  for (auto& s : slots) s.store(GPUOS_ITEM_EMPTY);
  std::atomic<uint64_t> head{0}, tail{0}, taken{0};
  const int producers = 2, consumers = 3, per_producer = 20000;
  std::atomic<int> outstanding{0};
  std::vector<std::atomic<int>> seen(producers * per_producer);
  for (auto& x : seen) x.store(0);
  std::atomic<bool> stop{false};
  std::vector<std::thread> th;
  for (int p = 0; p < producers; ++p)
    th.emplace_back([&, p] {
      for (int i = 0; i < per_producer;) {
        const int n = std::min(3, per_producer - i);
        // admission control: never more than cap - consumers items outstanding
        int o = outstanding.load();
        if (o + n > int(cap) || !outstanding.compare_exchange_weak(o, o + n)) {
          std::this_thread::yield();
          continue;
        }
        uint64_t base = tail.fetch_add(n);
        for (int k = 0; k < n; ++k) {
          auto& s = slots[(base + k) & mask];
          uint64_t id = uint64_t(p * per_producer + i + k);
          // Admission makes a full slot rare; two producers a lap apart can both find it empty,
          // so the write itself must check (the runtime's stricter admission, all tiles of the
          // graphs in flight, rules that out on the device).
          uint64_t empty = GPUOS_ITEM_EMPTY;
          while (!s.compare_exchange_weak(empty, gpuos_item_make(0, 0, uint32_t(id), 0))) {
            empty = GPUOS_ITEM_EMPTY;
            std::this_thread::yield();
          }
        }
        i += n;
      }
    });
  for (int c = 0; c < consumers; ++c)
    th.emplace_back([&] {
      while (!stop.load()) {
        uint64_t t = head.fetch_add(1);
        auto& s = slots[t & mask];
        for (;;) {
          uint64_t v = s.load();
          if (v != GPUOS_ITEM_EMPTY) {
            // A consumer a lap ahead can wait on the same slot while a slow producer has not
            // written this position yet: only the exchange makes taking an item exactly-once.
            v = s.exchange(GPUOS_ITEM_EMPTY);
            if (v != GPUOS_ITEM_EMPTY) {
              seen[gpuos_item_task(v)].fetch_add(1);
              outstanding.fetch_sub(1);
              taken.fetch_add(1);
              break;
            }
          }
          if (stop.load()) return;
          std::this_thread::yield();
        }
      }
    });
  auto t0 = std::chrono::steady_clock::now();
  while (taken.load() < uint64_t(producers * per_producer) &&
         std::chrono::steady_clock::now() - t0 < std::chrono::seconds(60))
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  stop.store(true);
  for (auto& x : th) x.join();
  CHECK_EQ(taken.load(), uint64_t(producers * per_producer));
  int bad = 0;
  for (auto& x : seen)
    if (x.load() != 1) ++bad;
  CHECK_EQ(bad, 0);
  CHECK(tail.load() > 100 * cap);  // wrapped many times
}

static HostTask task(uint32_t op, uint32_t tiles, std::vector<uint32_t> succ, int nargs = 0) {
  HostTask t;
  t.op = op;
  t.ntiles = tiles;
  t.succ = std::move(succ);
  for (int i = 0; i < nargs; ++i) {
    gpuos_arg a{};
    a.data = reinterpret_cast<void*>(uintptr_t(0x1000 * (i + 1)));
    a.dtype = GPUOS_DTYPE_F32;
    a.rank = 1;
    a.shape[0] = 1024;
    a.strides[0] = 1;
    t.args.push_back(a);
  }
  return t;
}

TEST_CASE(fanout_flag) {
  // Fan-out needs several tiles on both sides of an edge that is the successor's only one:
  // 0 (4 tiles) -> 1 (3) -> 2 (1); 3 (2) -> 4 (5) <- 5 (1)
  std::vector<HostTask> ts = {task(1, 4, {1}), task(1, 3, {2}), task(1, 1, {}),
                              task(1, 2, {4}), task(1, 5, {}),   task(1, 1, {4})};
  EncodedGraph e;
  REQUIRE_OK(encode_graph(ts, &e));
  auto flags = [&](int i) {
    gpuos_task_rec r;
    std::memcpy(&r, e.recs.data() + size_t(i) * e.rec_stride, sizeof r);
    return r.sflags;
  };
  CHECK(flags(0) & GPUOS_SF_FANOUT);
  CHECK(!(flags(1) & GPUOS_SF_FANOUT));  // successor of one tile
  CHECK(!(flags(3) & GPUOS_SF_FANOUT));  // successor with two predecessors
  CHECK(!(flags(5) & GPUOS_SF_FANOUT));
}

TEST_CASE(graph_encoding) {
  // 0 -> 1 -> 2, 0 -> 3, {2,3} -> 4 ; 5 alone
  std::vector<HostTask> ts = {task(7, 2, {1, 3}, 1), task(8, 1, {2}, 2), task(9, 3, {4}), task(7, 1, {4}),
                              task(1, 1, {}), task(2, 5, {})};
  EncodedGraph e;
  REQUIRE_OK(encode_graph(ts, &e));
  CHECK_EQ(e.rec_stride, 48u + 2u * 144u);
  CHECK_EQ(e.recs.size(), 6u * e.rec_stride);
  CHECK_EQ(e.total_tiles, 13u);
  CHECK_EQ(e.nsinks, 2u);
  CHECK(e.roots == std::vector<uint32_t>({0, 5}));
  CHECK(e.root_prefix == std::vector<uint32_t>({0, 2, 7}));
  auto rec = [&](int i) {
    gpuos_task_rec r;
    std::memcpy(&r, e.recs.data() + size_t(i) * e.rec_stride, sizeof r);
    return r;
  };
  gpuos_task_rec r0 = rec(0), r1 = rec(1), r2 = rec(2), r4 = rec(4);
  CHECK_EQ(r0.nsucc, 2u);
  CHECK_EQ(r0.npred, 0u);
  CHECK_EQ(r0.nargs, 1u);
  CHECK_EQ(e.succ[r0.succ * 4 + 0], 1u);  // id
  CHECK_EQ(e.succ[r0.succ * 4 + 1], 8u);  // op
  CHECK_EQ(e.succ[r0.succ * 4 + 2], 1u);  // tiles
  CHECK_EQ(e.succ[r0.succ * 4 + 3], 1u);  // npred
  CHECK_EQ(e.succ[r0.succ * 4 + 4], 3u);
  CHECK_EQ(r1.nsucc, 1u);
  CHECK_EQ(r1.succ, 2u);
  CHECK_EQ(r1.succ_op, 9u);
  CHECK_EQ(r1.succ_ntiles, 3u);
  CHECK(r1.sflags & GPUOS_SF_SUCC_LOCAL_READY);
  CHECK(!(r1.sflags & GPUOS_SF_FANOUT));  // one tile: its successor's tile 0 stays local instead
  CHECK_EQ(r2.succ, 4u);
  CHECK_EQ(r2.succ_npred, 2u);
  CHECK(!(r2.sflags & GPUOS_SF_SUCC_LOCAL_READY));
  CHECK_EQ(r4.npred, 2u);
  CHECK_EQ(r4.nsucc, 0u);
  gpuos_arg a;
  std::memcpy(&a, e.recs.data() + 1 * e.rec_stride + record_arg_offset(1), sizeof a);
  CHECK_EQ(reinterpret_cast<uintptr_t>(a.data), 0x2000u);
  CHECK_EQ(a.shape[0], 1024);
}

TEST_CASE(graph_encoding_errors) {
  EncodedGraph e;
  CHECK_STATUS(encode_graph({}, &e), GPUOS_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(encode_graph({task(0, 1, {1}), task(0, 1, {2}), task(0, 1, {0})}, &e), GPUOS_ERROR_INVALID_ARGUMENT);
  CHECK(std::string(gpuos_last_error()).find("cycle") != std::string::npos);
  CHECK_STATUS(encode_graph({task(0, 0, {})}, &e), GPUOS_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(encode_graph({task(0, 1, {5})}, &e), GPUOS_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(encode_graph({task(0, 1, {}, 17)}, &e), GPUOS_ERROR_INVALID_ARGUMENT);
}

TEST_CASE(op_slot_state_machine) {
  // Simulates the device side of the dual-slot protocol against the host's OpSlots.
  struct Dev {
    uint64_t word = 0;  // [gen:16][count:48]
    uint64_t started[2] = {0, 0}, ended[2] = {0, 0};
    uint64_t fn[2] = {0, 0};
    uint32_t task_start(uint64_t* fn_out) {
      uint64_t w = word++;
      uint32_t slot = gpuos_opword_slot(w);
      *fn_out = fn[slot];
      return slot;
    }
    void task_end(uint32_t slot) { ++ended[slot]; }
    void flip() {
      uint64_t old = word;
      word = uint64_t((gpuos_opword_gen(old) + 1) & 0xFFFF) << 48;
      started[gpuos_opword_gen(old) & 1] = gpuos_opword_count(old);
    }
  } dev;
  OpSlots os;
  CHECK_EQ(os.active(), 0u);
  CHECK_EQ(os.inactive(), 1u);
  CHECK(os.inactive_free(0, 0));
  // install v1 into slot 1
  dev.fn[1] = 0x100;
  dev.flip();
  os.gen = 1;
  uint64_t f;
  uint32_t s1 = dev.task_start(&f);  // a task in flight with v1
  CHECK_EQ(s1, 1u);
  CHECK_EQ(f, 0x100u);
  // install v2 into slot 0: gen 0 had no tasks -> free
  CHECK(os.inactive_free(dev.started[0], dev.ended[0]));
  dev.fn[0] = 0x200;
  dev.ended[0] = 0;
  dev.flip();
  os.gen = 2;
  uint32_t s2 = dev.task_start(&f);
  CHECK_EQ(s2, 0u);
  CHECK_EQ(f, 0x200u);
  // install v3 into slot 1: the v1 task is still running -> not free
  CHECK(!os.inactive_free(dev.started[1], dev.ended[1]));
  dev.task_end(s1);
  CHECK(os.inactive_free(dev.started[1], dev.ended[1]));
  dev.task_end(s2);
  // generation wraps at 16 bits, parity stays consistent
  OpSlots w;
  w.gen = 0xFFFF;
  CHECK_EQ(w.active(), 1u);
  CHECK_EQ(w.inactive(), 0u);
  CHECK_EQ(gpuos_opword_slot(uint64_t(0xFFFF) << 48), 1u);
  CHECK_EQ(gpuos_opword_slot(uint64_t((0xFFFF + 1) & 0xFFFF) << 48), 0u);
}

static const char* kGoodOp = R"(
#include <gpuos/device_abi.h>
GPUOS_OP(scale_add) {
  float* x = (float*)ctx->args[0].data;
  long long n = ctx->args[0].shape[0];
  for (long long i = ctx->tile * blockDim.x + threadIdx.x; i < n; i += (long long)ctx->ntiles * blockDim.x)
    x[i] = x[i] * 2.0f + 1.0f;
}
GPUOS_EXPORT_OP(scale_add);
)";

// 100 independent accumulators kept live: needs well over 100 registers.
static std::string hungry_source(int n) {
  std::string s = "#include <gpuos/device_abi.h>\nGPUOS_OP(hungry) {\n  const float* in = (const float*)ctx->args[0].data;\n"
                  "  float* out = (float*)ctx->args[1].data;\n  int t = threadIdx.x;\n";
  s += "  float a[" + std::to_string(n) + "];\n";
  s += "#pragma unroll\n  for (int i = 0; i < " + std::to_string(n) + "; ++i) a[i] = in[t * " + std::to_string(n) + " + i];\n";
  s += "#pragma unroll\n  for (int k = 0; k < 8; ++k) {\n#pragma unroll\n    for (int i = 0; i < " + std::to_string(n) +
       "; ++i) a[i] = a[i] * 1.0001f + a[(i + 1) % " + std::to_string(n) + "] * 0.5f;\n  }\n";
  s += "  float acc = 0.f;\n#pragma unroll\n  for (int i = 0; i < " + std::to_string(n) +
       "; ++i) out[t * " + std::to_string(n) + " + i] = a[i];\n}\nGPUOS_EXPORT_OP(hungry);\n";
  return s;
}

TEST_CASE(jit_compile_and_resources) {
  std::vector<char> cubin;
  std::string log;
  REQUIRE_OK(jit_compile(90, 128, kGoodOp, "good.cu", {}, &cubin, &log));
  CHECK(is_elf(cubin.data(), cubin.size()));
  FunctionResources r;
  CHECK(image_function_resources(cubin.data(), cubin.size(), "scale_add", &r));
  CHECK(r.found);
  std::printf("  scale_add: %u registers, stack %u\n", r.registers, r.stack());
  CHECK(r.registers > 0 && r.registers <= 128);
  // public API
  void* img = nullptr;
  size_t sz = 0;
  char* lg = nullptr;
  REQUIRE_OK(gpuos_jit_compile(nullptr, kGoodOp, "good.cu", &img, &sz, &lg));
  gpuos_function_resources fr;
  CHECK_OK(gpuos_cubin_function_resources(img, sz, "scale_add", &fr));
  CHECK(fr.found);
  gpuos_free(img);
  gpuos_free(lg);
}

TEST_CASE(jit_register_hungry) {
  std::vector<char> cubin;
  std::string log;
  REQUIRE_OK(jit_compile(90, 128, hungry_source(100).c_str(), "hungry.cu", {}, &cubin, &log));
  FunctionResources r;
  CHECK(image_function_resources(cubin.data(), cubin.size(), "hungry", &r));
  std::printf("  hungry at R=128: %u registers, stack %u\n", r.registers, r.stack());
  CHECK(r.found);
  CHECK(r.registers >= 100);
  CHECK(r.registers <= 128);
  // Without the budget the same operator goes over it: the runtime must refuse such a cubin.
  REQUIRE_OK(jit_compile(90, 255, hungry_source(160).c_str(), "hungry.cu", {}, &cubin, &log));
  CHECK(image_function_resources(cubin.data(), cubin.size(), "hungry", &r));
  std::printf("  hungry(160) at R=255: %u registers\n", r.registers);
  CHECK(r.registers > 128);
}

TEST_CASE(jit_stack_hungry) {
  const char* src = R"(
#include <gpuos/device_abi.h>
GPUOS_OP(big_stack) {
  volatile float buf[4096];
  for (int i = 0; i < 4096; ++i) buf[i] = i * ctx->tile;
  ((float*)ctx->args[0].data)[threadIdx.x] = buf[(threadIdx.x * 7) % 4096];
}
GPUOS_EXPORT_OP(big_stack);
)";
  std::vector<char> cubin;
  std::string log;
  REQUIRE_OK(jit_compile(90, 128, src, "stack.cu", {}, &cubin, &log));
  FunctionResources r;
  CHECK(image_function_resources(cubin.data(), cubin.size(), "big_stack", &r));
  std::printf("  big_stack: %u registers, stack %u\n", r.registers, r.stack());
  CHECK(r.stack() >= 16384);
}

TEST_CASE(jit_compile_error_returns_log) {
  std::vector<char> cubin;
  std::string log;
  const char* bad = "#include <gpuos/device_abi.h>\nGPUOS_OP(broken) { this is not cuda; }\n";
  CHECK_STATUS(jit_compile(90, 128, bad, "broken.cu", {}, &cubin, &log), GPUOS_ERROR_COMPILE);
  CHECK(log.find("broken.cu") != std::string::npos);
  CHECK(std::string(gpuos_last_error()).find("error") != std::string::npos);
  void* img = nullptr;
  size_t sz = 0;
  char* lg = nullptr;
  CHECK_STATUS(gpuos_jit_compile(nullptr, bad, "broken.cu", &img, &sz, &lg), GPUOS_ERROR_COMPILE);
  CHECK(lg != nullptr && std::strstr(lg, "broken.cu"));
  CHECK(img == nullptr);
  gpuos_free(lg);
}

TEST_CASE(jit_link_error) {
  const char* src = R"(
#include <gpuos/device_abi.h>
extern "C" __device__ float not_defined_anywhere(float);
GPUOS_OP(needs_extern) { ((float*)ctx->args[0].data)[threadIdx.x] = not_defined_anywhere(1.0f); }
GPUOS_EXPORT_OP(needs_extern);
)";
  std::vector<char> cubin;
  std::string log;
  CHECK_STATUS(jit_compile(90, 128, src, "link.cu", {}, &cubin, &log), GPUOS_ERROR_LINK);
  std::printf("  link log: %s\n", log.c_str());
  CHECK(log.find("not_defined_anywhere") != std::string::npos);
}

TEST_CASE(elf_parser_rejects_garbage) {
  std::vector<char> junk(256, 7);
  FunctionResources r;
  CHECK(!image_function_resources(junk.data(), junk.size(), "x", &r));
  gpuos_function_resources fr;
  CHECK_STATUS(gpuos_cubin_function_resources(junk.data(), junk.size(), "x", &fr), GPUOS_ERROR_INVALID_IMAGE);
  // truncated ELF
  std::vector<char> cubin;
  std::string log;
  REQUIRE_OK(jit_compile(90, 128, kGoodOp, "good.cu", {}, &cubin, &log));
  cubin.resize(100);
  CHECK(!image_function_resources(cubin.data(), cubin.size(), "scale_add", &r) || !r.found);
}

TEST_CASE(null_and_bad_arguments) {
  CHECK_STATUS(gpuos_runtime_create(nullptr, nullptr), GPUOS_ERROR_INVALID_ARGUMENT);
  gpuos_runtime_config c;
  gpuos_runtime_config_init(&c);
  c.queue_capacity = 1000;  // not a power of two
  gpuos_runtime_t rt = nullptr;
  CHECK_STATUS(gpuos_runtime_create(&c, &rt), GPUOS_ERROR_INVALID_ARGUMENT);
  CHECK(rt == nullptr);
  c.struct_size = 4;
  CHECK_STATUS(gpuos_runtime_create(&c, &rt), GPUOS_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(gpuos_graph_submit(nullptr, 0), GPUOS_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(gpuos_graph_poll(nullptr), GPUOS_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(gpuos_runtime_shutdown(nullptr, 0), GPUOS_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(gpuos_jit_compile(nullptr, nullptr, "x", nullptr, nullptr, nullptr), GPUOS_ERROR_INVALID_ARGUMENT);
}

TEST_CASE(create_without_gpu_is_a_clean_error) {
  // On a machine without a driver or GPU this must fail cleanly; with a GPU it must work.
  gpuos_runtime_t rt = nullptr;
  gpuos_status_t s = gpuos_runtime_create(nullptr, &rt);
  if (s == GPUOS_OK) {
    std::printf("  (a GPU is present; runtime created)\n");
    CHECK_OK(gpuos_runtime_destroy(rt));
  } else {
    std::printf("  create: %s: %s\n", gpuos_status_string(s), gpuos_last_error());
    CHECK(s == GPUOS_ERROR_NO_DEVICE || s == GPUOS_ERROR_UNSUPPORTED_DEVICE);
    CHECK(rt == nullptr);
    CHECK(std::strlen(gpuos_last_error()) > 0);
  }
}

int main(int argc, char** argv) { return t::run_all(argc, argv); }
