// Host side of the GPUOS runtime: driver loading, the persistent kernel's lifetime, modules,
// dual-slot operator tables and graph submission.
#include <cuda.h>
#include <dlfcn.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <mutex>
#include <thread>

#include "internal.h"
#include "layout.h"

using namespace gpuos;

namespace {

// ------------------------------------------------------------------ driver, loaded at run time
#define GPUOS_XSTR(x) GPUOS_STR(x)
#define GPUOS_STR(x) #x
#define GPUOS_DRIVER_FUNCS(X)                                                                            \
  X(cuInit) X(cuDeviceGetCount) X(cuDeviceGet) X(cuDeviceGetAttribute) X(cuDevicePrimaryCtxRetain)      \
  X(cuDevicePrimaryCtxRelease) X(cuCtxSetCurrent) X(cuCtxSetLimit) X(cuCtxGetLimit) X(cuStreamCreate)   \
  X(cuStreamDestroy) X(cuStreamQuery) X(cuStreamSynchronize) X(cuMemAlloc) X(cuMemFree)        \
  X(cuMemcpyHtoDAsync) X(cuMemcpyDtoHAsync) X(cuMemHostAlloc)                         \
  X(cuMemHostGetDevicePointer) X(cuMemFreeHost) X(cuModuleLoadData) X(cuModuleUnload)                    \
  X(cuModuleGetFunction) X(cuModuleGetGlobal) X(cuFuncGetAttribute) X(cuFuncSetAttribute)                \
  X(cuOccupancyMaxActiveBlocksPerMultiprocessor) X(cuLaunchKernel) X(cuGetErrorName) X(cuGetErrorString)

struct Driver {
  void* handle = nullptr;
#define GPUOS_DECL(f) decltype(&f) f##_ = nullptr;
  GPUOS_DRIVER_FUNCS(GPUOS_DECL)
#undef GPUOS_DECL
  std::string error;
};

Driver* driver() {
  static Driver* d = [] {
    Driver* x = new Driver;
    x->handle = dlopen("libcuda.so.1", RTLD_NOW | RTLD_LOCAL);
    if (!x->handle) x->handle = dlopen("libcuda.so", RTLD_NOW | RTLD_LOCAL);
    if (!x->handle) {
      const char* e = dlerror();
      x->error = std::string("cannot load the CUDA driver (libcuda.so.1): ") + (e ? e : "?");
      return x;
    }
#define GPUOS_LOAD(f)                                                              \
  x->f##_ = reinterpret_cast<decltype(&f)>(dlsym(x->handle, GPUOS_XSTR(f)));       \
  if (!x->f##_ && x->error.empty()) x->error = "CUDA driver lacks " GPUOS_XSTR(f);
    GPUOS_DRIVER_FUNCS(GPUOS_LOAD)
#undef GPUOS_LOAD
    if (x->error.empty()) {
      // Operators are loaded while the worker kernel runs: lazy loading could make a load
      // wait for running kernels, so ask for eager loading unless the user chose.
      setenv("CUDA_MODULE_LOADING", "EAGER", 0);
      CUresult r = x->cuInit_(0);
      if (r != CUDA_SUCCESS) x->error = "cuInit failed (" + std::to_string(int(r)) + ")";
    }
    return x;
  }();
  return d;
}

const char* cu_name(CUresult r) {
  const char* s = nullptr;
  Driver* d = driver();
  if (d->cuGetErrorName_ && d->cuGetErrorName_(r, &s) == CUDA_SUCCESS && s) return s;
  return "CUDA_ERROR_?";
}

bool is_sticky(CUresult r) {
  switch (r) {
    case CUDA_ERROR_ILLEGAL_ADDRESS:
    case CUDA_ERROR_LAUNCH_FAILED:
    case CUDA_ERROR_ILLEGAL_INSTRUCTION:
    case CUDA_ERROR_MISALIGNED_ADDRESS:
    case CUDA_ERROR_INVALID_ADDRESS_SPACE:
    case CUDA_ERROR_INVALID_PC:
    case CUDA_ERROR_HARDWARE_STACK_ERROR:
    case CUDA_ERROR_ASSERT:
    case CUDA_ERROR_LAUNCH_TIMEOUT:
    case CUDA_ERROR_ECC_UNCORRECTABLE:
    case CUDA_ERROR_CONTEXT_IS_DESTROYED:
      return true;
    default:
      return false;
  }
}

using Clock = std::chrono::steady_clock;

bool trace_on() {
  static const bool on = [] {
    const char* e = std::getenv("GPUOS_RUNTIME_TRACE");
    return e && *e == '1';
  }();
  return on;
}
#define TRACE(...)                                  \
  do {                                              \
    if (trace_on()) {                               \
      std::fprintf(stderr, "[gpuos-runtime] ");     \
      std::fprintf(stderr, __VA_ARGS__);            \
      std::fprintf(stderr, "\n");                   \
    }                                               \
  } while (0)
double us_since(Clock::time_point t0) { return std::chrono::duration<double, std::micro>(Clock::now() - t0).count(); }

}  // namespace

// ------------------------------------------------------------------ objects
struct gpuos_module_s {
  gpuos_runtime_s* rt = nullptr;
  CUmodule mod = nullptr;
  std::vector<char> image;
  int user_refs = 1;
  int slot_refs = 0;
};

struct gpuos_graph_s {
  gpuos_runtime_s* rt = nullptr;
  std::vector<HostTask> tasks;
  bool finalized = false;
  EncodedGraph enc;
  int slot = -1;
  uint32_t tag = 0;
  CUdeviceptr mem = 0, recs = 0, succ = 0, arrivals = 0, tiles_done = 0, fanout = 0, roots = 0, prefix = 0;
  uint32_t serial = 0;       // submissions posted
  uint32_t done_serial = 0;  // submissions seen finished
  bool inflight = false;
  gpuos_status_t last_status = GPUOS_OK;
  uint32_t failed_task = 0xFFFFFFFFu, failed_op = 0xFFFFFFFFu;
  std::vector<uint32_t> dirty;  // records whose arguments were rebound
};

struct gpuos_runtime_s {
  std::recursive_mutex mu;
  Driver* d = nullptr;
  gpuos_runtime_config cfg{};
  gpuos_runtime_info info{};
  CUdevice dev = 0;
  CUcontext ctx = nullptr;
  CUstream kstream = nullptr, cstream = nullptr;
  CUmodule kmod = nullptr;
  CUfunction kfn = nullptr;
  bool launched = false;
  // device memory
  CUdeviceptr st = 0, q_slots = 0, opword = 0, opfn = 0, ended = 0, started = 0, graphs = 0, dyn = 0, scratch = 0,
              parked = 0;
  gpuos_kparams kp{};
  uint32_t grid = 0, smem = 0;
  uint64_t pauses = 0;
  double pause_us_total = 0, pause_us_max = 0;
  // pinned host memory
  gpuos_host_shared* host = nullptr;
  CUdeviceptr host_d = 0;
  gpuos_cmd* ring = nullptr;
  uint64_t ring_posted = 0;
  std::atomic<int> state{0};  // 0 running, 1 shut down, 2 faulted
  gpuos_status_t fault_status = GPUOS_OK;
  std::string fault_msg;
  std::vector<OpSlots> ops;
  std::vector<double> op_update_us, op_drain_us, op_flip_us;
  std::vector<gpuos_module_s*> modules;  // all live modules (deferred unloads included)
  gpuos_graph_s* slots[GPUOS_MAX_GRAPHS] = {};
  uint32_t slot_tag[GPUOS_MAX_GRAPHS] = {};
  uint32_t next_slot = 0;
  uint64_t inflight_tiles = 0;
  std::vector<gpuos_graph_s*> inflight;
  Clock::time_point last_alive_check = Clock::now();
};

namespace {

gpuos_status_t fault_error(gpuos_runtime_s* rt) {
  return set_error(GPUOS_ERROR_DEVICE_FAULT, "the device context failed earlier: %s", rt->fault_msg.c_str());
}

void mark_fault(gpuos_runtime_s* rt, const std::string& msg) {
  int expected = 0;
  if (rt->state.compare_exchange_strong(expected, 2)) rt->fault_msg = msg;
  else if (expected == 1) { rt->state = 2; rt->fault_msg = msg; }
}

gpuos_status_t cu_check(gpuos_runtime_s* rt, CUresult r, const char* what) {
  if (r == CUDA_SUCCESS) return GPUOS_OK;
  if (rt && is_sticky(r)) {
    mark_fault(rt, std::string(what) + ": " + cu_name(r));
    return fault_error(rt);
  }
  if (r == CUDA_ERROR_OUT_OF_MEMORY) return set_error(GPUOS_ERROR_OUT_OF_MEMORY, "%s: out of device memory", what);
  return set_error(GPUOS_ERROR_CUDA, "%s failed: %s", what, cu_name(r));
}
#define CU_TRY(rt, call, what)                                   \
  do {                                                           \
    gpuos_status_t s_ = cu_check((rt), (call), (what));          \
    if (s_ != GPUOS_OK) return s_;                               \
  } while (0)

// Usable for an API call? (running, not shut down, not faulted)
gpuos_status_t check_running(gpuos_runtime_s* rt) {
  if (!rt) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "runtime handle is NULL");
  int s = rt->state.load();
  if (s == 2) return fault_error(rt);
  if (s == 1) return set_error(GPUOS_ERROR_SHUTDOWN, "the runtime was shut down");
  return GPUOS_OK;
}

// The opening that calls on a live runtime share: clear the thread's last error, check the
// handle and the runtime's state, then hold the runtime's lock with its context current.
class LiveCall {
 public:
  explicit LiveCall(gpuos_runtime_s* rt) {
    clear_error();
    status_ = check_running(rt);
    if (status_ != GPUOS_OK) return;
    lock_ = std::unique_lock<std::recursive_mutex>(rt->mu);
    rt->d->cuCtxSetCurrent_(rt->ctx);
  }
  gpuos_status_t status() const { return status_; }

 private:
  gpuos_status_t status_;
  std::unique_lock<std::recursive_mutex> lock_;
};

// Is the worker kernel still alive? Rate-limited unless force.
gpuos_status_t check_alive(gpuos_runtime_s* rt, bool force) {
  if (rt->state.load() == 2) return fault_error(rt);
  if (!rt->launched || rt->state.load() != 0) return GPUOS_OK;
  auto now = Clock::now();
  if (!force && now - rt->last_alive_check < std::chrono::milliseconds(2)) return GPUOS_OK;
  rt->last_alive_check = now;
  CUresult r = rt->d->cuStreamQuery_(rt->kstream);
  if (r == CUDA_ERROR_NOT_READY) return GPUOS_OK;
  if (r == CUDA_SUCCESS) mark_fault(rt, "the worker kernel exited unexpectedly");
  else mark_fault(rt, std::string("worker kernel: ") + cu_name(r));
  return fault_error(rt);
}

gpuos_status_t htod(gpuos_runtime_s* rt, CUdeviceptr dst, const void* src, size_t n) {
  if (n == 0) return GPUOS_OK;
  CU_TRY(rt, rt->d->cuMemcpyHtoDAsync_(dst, src, n, rt->cstream), "cuMemcpyHtoDAsync");
  CU_TRY(rt, rt->d->cuStreamSynchronize_(rt->cstream), "cuStreamSynchronize(control)");
  return GPUOS_OK;
}
gpuos_status_t dtoh(gpuos_runtime_s* rt, void* dst, CUdeviceptr src, size_t n) {
  if (n == 0) return GPUOS_OK;
  CU_TRY(rt, rt->d->cuMemcpyDtoHAsync_(dst, src, n, rt->cstream), "cuMemcpyDtoHAsync");
  CU_TRY(rt, rt->d->cuStreamSynchronize_(rt->cstream), "cuStreamSynchronize(control)");
  return GPUOS_OK;
}
gpuos_status_t pause_worker(gpuos_runtime_s* rt, uint32_t timeout_ms);
gpuos_status_t resume_worker(gpuos_runtime_s* rt);

// Device memory. Memory allocated while the worker kernel runs is not promised to be usable by
// it (stream-ordered memory is for work ordered after the allocation; compute-sanitizer flagged
// such a read on the H100), so allocations and frees park the worker kernel around
// cuMemAlloc/cuMemFree; the relaunched kernel is ordered after them.
gpuos_status_t dalloc(gpuos_runtime_s* rt, CUdeviceptr* p, size_t n) {
  *p = 0;
  if (n == 0) n = 16;
  const bool was = rt->launched;
  gpuos_status_t s = pause_worker(rt, 10000);
  if (s != GPUOS_OK) return s;
  CUresult r = rt->d->cuMemAlloc_(p, n);
  if (was && (s = resume_worker(rt)) != GPUOS_OK) return s;
  CU_TRY(rt, r, "cuMemAlloc");
  return GPUOS_OK;
}
void dfree(gpuos_runtime_s* rt, CUdeviceptr& p) {
  if (p && rt->state.load() != 2) {
    const bool was = rt->launched;
    if (pause_worker(rt, 10000) == GPUOS_OK) {
      rt->d->cuMemFree_(p);
      if (was) resume_worker(rt);
    }
  }
  p = 0;
}
// cuMemset runs as a kernel for larger sizes, and a kernel cannot start while the worker
// kernel holds every SM: fill from the host through the copy engine instead.
gpuos_status_t dmemset(gpuos_runtime_s* rt, CUdeviceptr p, unsigned char v, size_t n) {
  const size_t chunk = n < (size_t(4) << 20) ? n : (size_t(4) << 20);
  std::vector<unsigned char> buf(chunk, v);
  for (size_t off = 0; off < n; off += chunk) {
    const size_t m = n - off < chunk ? n - off : chunk;
    CU_TRY(rt, rt->d->cuMemcpyHtoDAsync_(p + off, buf.data(), m, rt->cstream), "cuMemcpyHtoDAsync(fill)");
    CU_TRY(rt, rt->d->cuStreamSynchronize_(rt->cstream), "cuStreamSynchronize(control)");
  }
  return GPUOS_OK;
}

// Post one command to the ring; waits (bounded) for room. Caller holds rt->mu.
gpuos_status_t post(gpuos_runtime_s* rt, const gpuos_cmd& cmd, uint32_t timeout_ms, uint64_t* index) {
  const uint64_t cap = rt->cfg.ring_capacity;
  auto t0 = Clock::now();
  volatile gpuos_host_shared* h = rt->host;
  while (rt->ring_posted - h->ring_consumed >= cap) {
    gpuos_status_t s = check_alive(rt, false);
    if (s != GPUOS_OK) return s;
    if (us_since(t0) > timeout_ms * 1000.0)
      return set_error(GPUOS_ERROR_QUEUE_FULL, "command ring full (%llu entries) for %u ms", (unsigned long long)cap,
                       timeout_ms);
  }
  volatile gpuos_cmd* e = &rt->ring[rt->ring_posted & (cap - 1)];
  e->kind = cmd.kind | (cmd.c << 8);  // c: the tag of a SUBMIT, and its flags
  e->a = cmd.a;
  e->b = cmd.b;
  std::atomic_thread_fence(std::memory_order_seq_cst);
  e->c = uint32_t(rt->ring_posted + 1);  // the device polls this sequence number
  ++rt->ring_posted;
  h->ring_head = rt->ring_posted;
  std::atomic_thread_fence(std::memory_order_seq_cst);
  if (index) *index = rt->ring_posted;
  return GPUOS_OK;
}

gpuos_status_t wait_consumed(gpuos_runtime_s* rt, uint64_t index, uint32_t timeout_ms) {
  auto t0 = Clock::now();
  volatile gpuos_host_shared* h = rt->host;
  while (h->ring_consumed < index) {
    gpuos_status_t s = check_alive(rt, false);
    if (s != GPUOS_OK) return s;
    if (us_since(t0) > timeout_ms * 1000.0)
      return set_error(GPUOS_ERROR_TIMEOUT, "the device did not take command %llu within %u ms",
                       (unsigned long long)index, timeout_ms);
  }
  std::atomic_thread_fence(std::memory_order_acquire);
  return GPUOS_OK;
}

void unload_module(gpuos_runtime_s* rt, gpuos_module_s* m) {
  TRACE("module: unloading %p", static_cast<void*>(m));
  if (m->mod && rt->state.load() != 2) rt->d->cuModuleUnload_(m->mod);
  m->mod = nullptr;
  for (size_t i = 0; i < rt->modules.size(); ++i)
    if (rt->modules[i] == m) {
      rt->modules.erase(rt->modules.begin() + long(i));
      break;
    }
  delete m;
}

// Unload when nothing refers to the module. cuModuleUnload waits for running kernels, so
// while the worker kernel runs the module waits for the next park (module load, allocation,
// free) or for shutdown.
void maybe_unload(gpuos_runtime_s* rt, gpuos_module_s* m) {
  if (m->user_refs > 0 || m->slot_refs > 0) return;
  if (rt->state.load() == 0 && rt->launched) return;
  unload_module(rt, m);
}

void unload_unreferenced(gpuos_runtime_s* rt) {
  std::vector<gpuos_module_s*> zombies;
  for (auto* z : rt->modules)
    if (z->user_refs == 0 && z->slot_refs == 0) zombies.push_back(z);
  for (auto* z : zombies) unload_module(rt, z);
}


// The CUDA driver does not load or unload a module while a kernel of the context runs
// (cuModuleLoadData waits for the worker kernel to end). Module loads therefore park the
// worker kernel: the front end takes a PAUSE command and exits, workers park the queue
// ticket they hold and exit at their next idle point, and all state (queue, counters,
// graphs in flight, operator table) stays in device memory. The host loads, then launches
// the kernel again, which resumes where it stopped. Operator flips never pause the kernel.
gpuos_status_t launch_worker(gpuos_runtime_s* rt) {
  volatile gpuos_host_shared* h = rt->host;
  h->kernel_started = 0;
  std::atomic_thread_fence(std::memory_order_seq_cst);
  void* params[] = {&rt->kp};
  CU_TRY(rt, rt->d->cuLaunchKernel_(rt->kfn, rt->grid, 1, 1, rt->cfg.block_threads, 1, 1, rt->smem, rt->kstream, params,
                                    nullptr),
         "cuLaunchKernel(worker)");
  rt->launched = true;
  auto t0 = Clock::now();
  while (!h->kernel_started) {
    CUresult q = rt->d->cuStreamQuery_(rt->kstream);
    if (q != CUDA_ERROR_NOT_READY) {
      rt->launched = false;
      if (is_sticky(q)) {
        mark_fault(rt, std::string("worker kernel: ") + cu_name(q));
        return fault_error(rt);
      }
      return set_error(GPUOS_ERROR_CUDA, "worker kernel ended at start: %s", cu_name(q));
    }
    if (us_since(t0) > 10e6) return set_error(GPUOS_ERROR_TIMEOUT, "worker kernel did not start within 10 s");
    std::this_thread::yield();
  }
  return GPUOS_OK;
}

gpuos_status_t post(gpuos_runtime_s* rt, const gpuos_cmd& cmd, uint32_t timeout_ms, uint64_t* index);

gpuos_status_t pause_worker(gpuos_runtime_s* rt, uint32_t timeout_ms) {
  if (!rt->launched) return GPUOS_OK;
  auto t0 = Clock::now();
  gpuos_cmd c{GPUOS_CMD_PAUSE, 0, 0, 0};
  gpuos_status_t s = post(rt, c, timeout_ms, nullptr);
  if (s != GPUOS_OK) return s;
  for (;;) {
    CUresult q = rt->d->cuStreamQuery_(rt->kstream);
    if (q == CUDA_SUCCESS) break;
    if (q != CUDA_ERROR_NOT_READY) {
      mark_fault(rt, std::string("worker kernel: ") + cu_name(q));
      return fault_error(rt);
    }
    if (us_since(t0) > timeout_ms * 1000.0)
      return set_error(GPUOS_ERROR_TIMEOUT, "worker kernel did not park within %u ms (a long chain is running?)",
                       timeout_ms);
    std::this_thread::yield();
  }
  rt->launched = false;
  TRACE("pause: worker parked after %.1f us", us_since(t0));
  return GPUOS_OK;
}

gpuos_status_t resume_worker(gpuos_runtime_s* rt) {
  if (rt->launched) return GPUOS_OK;
  unload_unreferenced(rt);  // the kernel is parked: modules nothing refers to can go now
  gpuos_status_t s = dmemset(rt, rt->st + offsetof(gpuos_dev_state, pause), 0, 4);
  if (s != GPUOS_OK) return s;
  return launch_worker(rt);
}

// Has graph g's current submission finished? Updates bookkeeping. Caller holds rt->mu.
bool reap(gpuos_runtime_s* rt, gpuos_graph_s* g) {
  if (!g->inflight) return true;
  volatile gpuos_completion* c = &rt->host->completions[g->slot];
  if (c->serial != g->serial) return false;
  std::atomic_thread_fence(std::memory_order_acquire);
  int st = c->status;
  g->failed_task = c->failed_task;
  g->failed_op = c->failed_op;
  g->last_status = st == 0 ? GPUOS_OK : (st == GPUOS_ERROR_UNKNOWN_OP ? GPUOS_ERROR_UNKNOWN_OP : GPUOS_ERROR_GRAPH_FAILED);
  g->done_serial = g->serial;
  g->inflight = false;
  rt->inflight_tiles -= g->enc.total_tiles;
  for (size_t i = 0; i < rt->inflight.size(); ++i)
    if (rt->inflight[i] == g) {
      rt->inflight[i] = rt->inflight.back();
      rt->inflight.pop_back();
      break;
    }
  return true;
}

void reap_all(gpuos_runtime_s* rt) {
  for (size_t i = 0; i < rt->inflight.size();) {
    gpuos_graph_s* g = rt->inflight[i];
    if (!reap(rt, g)) ++i;
  }
}

gpuos_status_t graph_result_status(gpuos_graph_s* g) {
  if (g->last_status == GPUOS_OK) return GPUOS_OK;
  return set_error(g->last_status, "graph failed: task %u (operator %u): %s", g->failed_task, g->failed_op,
                   g->last_status == GPUOS_ERROR_UNKNOWN_OP ? "no operator installed under this id"
                                                            : "a task failed");
}

gpuos_status_t upload_graph(gpuos_runtime_s* rt, gpuos_graph_s* g) {
  gpuos_status_t s = encode_graph(g->tasks, &g->enc);
  if (s != GPUOS_OK) return s;
  if (g->enc.total_tiles > rt->cfg.queue_capacity)
    return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "graph has %llu tiles; the ready queue holds %u (raise queue_capacity)",
                     (unsigned long long)g->enc.total_tiles, rt->cfg.queue_capacity);
  int slot = -1;
  for (uint32_t k = 0; k < GPUOS_MAX_GRAPHS; ++k) {
    uint32_t i = (rt->next_slot + k) % GPUOS_MAX_GRAPHS;
    if (!rt->slots[i]) {
      slot = int(i);
      break;
    }
  }
  if (slot < 0) return set_error(GPUOS_ERROR_BUSY, "all %u graph slots are in use; destroy a graph first", GPUOS_MAX_GRAPHS);
  rt->next_slot = (uint32_t(slot) + 1) % GPUOS_MAX_GRAPHS;
  const EncodedGraph& e = g->enc;
  const size_t n = g->tasks.size();
  // One allocation for all of the graph's arrays (each part 256-byte aligned).
  auto up = [](size_t x) { return (x + 255) & ~size_t(255); };
  const size_t o_recs = 0, o_succ = o_recs + up(e.recs.size()), o_arr = o_succ + up(e.succ.size() * 4),
               o_tiles = o_arr + up(n * 4), o_fan = o_tiles + up(n * 4), o_roots = o_fan + up(n * 8),
               o_prefix = o_roots + up(e.roots.size() * 4),
               total = o_prefix + up(e.root_prefix.size() * 4);
  if ((s = dalloc(rt, &g->mem, total)) != GPUOS_OK) return s;
  g->recs = g->mem + o_recs;
  g->succ = g->mem + o_succ;
  g->arrivals = g->mem + o_arr;
  g->tiles_done = g->mem + o_tiles;
  g->fanout = g->mem + o_fan;
  g->roots = g->mem + o_roots;
  g->prefix = g->mem + o_prefix;
  if ((s = htod(rt, g->recs, e.recs.data(), e.recs.size())) != GPUOS_OK) return s;
  if ((s = htod(rt, g->succ, e.succ.data(), e.succ.size() * 4)) != GPUOS_OK) return s;
  if ((s = dmemset(rt, g->arrivals, 0, n * 4)) != GPUOS_OK) return s;
  if ((s = dmemset(rt, g->tiles_done, 0, n * 4)) != GPUOS_OK) return s;
  if ((s = dmemset(rt, g->fanout, 0, n * 8)) != GPUOS_OK) return s;
  if ((s = htod(rt, g->roots, e.roots.data(), e.roots.size() * 4)) != GPUOS_OK) return s;
  if ((s = htod(rt, g->prefix, e.root_prefix.data(), e.root_prefix.size() * 4)) != GPUOS_OK) return s;
  gpuos_graph_static gs;
  std::memset(&gs, 0, sizeof gs);
  gs.recs = reinterpret_cast<const char*>(g->recs);
  gs.succ = reinterpret_cast<const gpuos_succ_ent*>(g->succ);
  gs.arrivals = reinterpret_cast<gpuos_u32*>(g->arrivals);
  gs.tiles_done = reinterpret_cast<gpuos_u32*>(g->tiles_done);
  gs.fanout = reinterpret_cast<gpuos_u64*>(g->fanout);
  gs.roots = reinterpret_cast<const gpuos_u32*>(g->roots);
  gs.root_prefix = reinterpret_cast<const gpuos_u32*>(g->prefix);
  gs.rec_stride = e.rec_stride;
  gs.nroots = uint32_t(e.roots.size());
  gs.root_tiles = e.root_prefix.back();
  gs.nsinks = e.nsinks;
  if ((s = htod(rt, rt->graphs + size_t(slot) * sizeof gs, &gs, sizeof gs)) != GPUOS_OK) return s;
  rt->slot_tag[slot] = rt->slot_tag[slot] >= GPUOS_MAX_TAG ? 0 : rt->slot_tag[slot] + 1;
  g->tag = rt->slot_tag[slot];
  g->slot = slot;
  rt->slots[slot] = g;
  // The completion record of this slot restarts at serial 0.
  volatile gpuos_completion* c = &rt->host->completions[slot];
  c->serial = 0;
  g->finalized = true;
  return GPUOS_OK;
}

void free_graph_memory(gpuos_runtime_s* rt, gpuos_graph_s* g) {
  dfree(rt, g->mem);
  g->recs = g->succ = g->arrivals = g->tiles_done = g->fanout = g->roots = g->prefix = 0;
  if (g->slot >= 0 && rt->slots[g->slot] == g) rt->slots[g->slot] = nullptr;
  g->slot = -1;
}

}  // namespace

uint32_t gpuos::runtime_scratch_bytes(gpuos_runtime_t rt) { return rt->cfg.scratch_bytes; }

// ------------------------------------------------------------------ C API
extern "C" {

void gpuos_runtime_config_init(gpuos_runtime_config* c) {
  if (!c) return;
  std::memset(c, 0, sizeof *c);
  c->struct_size = sizeof *c;
  c->block_threads = 256;
  c->op_smem_bytes = 16384;
  c->scratch_bytes = 65536;
  c->queue_capacity = 1u << 22;
  c->ring_capacity = 1024;
  c->max_ops = 1024;
  c->stack_bytes = 2048;
}

static bool pow2(uint32_t v) { return v && !(v & (v - 1)); }

static gpuos_status_t runtime_start(gpuos_runtime_s* rt) {
  Driver* d = rt->d;
  const gpuos_runtime_config& cfg = rt->cfg;
  int count = 0;
  CU_TRY(nullptr, d->cuDeviceGetCount_(&count), "cuDeviceGetCount");
  if (count == 0) return set_error(GPUOS_ERROR_NO_DEVICE, "no CUDA device");
  if (cfg.device < 0 || cfg.device >= count)
    return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "device %d does not exist (%d devices)", cfg.device, count);
  CU_TRY(nullptr, d->cuDeviceGet_(&rt->dev, cfg.device), "cuDeviceGet");
  int ccmaj = 0, ccmin = 0, sms = 0, mapped = 0;
  d->cuDeviceGetAttribute_(&ccmaj, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, rt->dev);
  d->cuDeviceGetAttribute_(&ccmin, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR, rt->dev);
  d->cuDeviceGetAttribute_(&sms, CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT, rt->dev);
  d->cuDeviceGetAttribute_(&mapped, CU_DEVICE_ATTRIBUTE_CAN_MAP_HOST_MEMORY, rt->dev);
  if (ccmaj < 9)
    return set_error(GPUOS_ERROR_UNSUPPORTED_DEVICE,
                     "device %d has compute capability %d.%d; the runtime needs 9.0 or newer", cfg.device, ccmaj, ccmin);
  if (!mapped) return set_error(GPUOS_ERROR_UNSUPPORTED_DEVICE, "device cannot map host memory");
  TRACE("create: device %d cc %d.%d, %d SMs", cfg.device, ccmaj, ccmin, sms);
  CU_TRY(nullptr, d->cuDevicePrimaryCtxRetain_(&rt->ctx, rt->dev), "cuDevicePrimaryCtxRetain");
  CU_TRY(nullptr, d->cuCtxSetCurrent_(rt->ctx), "cuCtxSetCurrent");
  CUresult r = d->cuModuleLoadData_(&rt->kmod, gpuos_worker_image);
  if (r == CUDA_ERROR_NO_BINARY_FOR_GPU || r == CUDA_ERROR_UNSUPPORTED_PTX_VERSION)
    return set_error(GPUOS_ERROR_UNSUPPORTED_DEVICE, "the worker kernel has no code for compute capability %d.%d (%s)",
                     ccmaj, ccmin, cu_name(r));
  CU_TRY(nullptr, r, "cuModuleLoadData(worker kernel)");
  CU_TRY(nullptr, d->cuModuleGetFunction_(&rt->kfn, rt->kmod, "gpuos_worker_kernel"), "cuModuleGetFunction");
  CU_TRY(nullptr, d->cuStreamCreate_(&rt->kstream, CU_STREAM_NON_BLOCKING), "cuStreamCreate");
  CU_TRY(nullptr, d->cuStreamCreate_(&rt->cstream, CU_STREAM_NON_BLOCKING), "cuStreamCreate");
  TRACE("create: worker module loaded; setting the stack limit");
  CU_TRY(nullptr, d->cuCtxSetLimit_(CU_LIMIT_STACK_SIZE, cfg.stack_bytes), "cuCtxSetLimit(stack)");

  int kregs = 0, klocal = 0;
  d->cuFuncGetAttribute_(&kregs, CU_FUNC_ATTRIBUTE_NUM_REGS, rt->kfn);
  d->cuFuncGetAttribute_(&klocal, CU_FUNC_ATTRIBUTE_LOCAL_SIZE_BYTES, rt->kfn);
  const uint32_t rec_off = (GPUOS_CTL_BYTES + 15u) & ~15u;
  const uint32_t op_off = (rec_off + GPUOS_REC_BUFS * GPUOS_REC_BUF_BYTES + 127u) & ~127u;
  const uint32_t fe_off = (op_off + cfg.op_smem_bytes + 15u) & ~15u;
  const uint32_t smem = fe_off + GPUOS_FE_CACHE_BYTES;
  if (smem > 48 * 1024)
    CU_TRY(nullptr, d->cuFuncSetAttribute_(rt->kfn, CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES, int(smem)),
           "cuFuncSetAttribute(dynamic smem)");
  int per_sm = 0;
  CU_TRY(nullptr, d->cuOccupancyMaxActiveBlocksPerMultiprocessor_(&per_sm, rt->kfn, int(cfg.block_threads), smem),
         "cuOccupancyMaxActiveBlocksPerMultiprocessor");
  if (per_sm <= 0)
    return set_error(GPUOS_ERROR_RESOURCE_LIMIT, "worker kernel cannot run with %u threads and %u bytes of shared memory",
                     cfg.block_threads, smem);
  if (cfg.blocks_per_sm && cfg.blocks_per_sm < uint32_t(per_sm)) per_sm = int(cfg.blocks_per_sm);
  uint32_t grid = uint32_t(per_sm) * uint32_t(sms);
  if (grid < 2) grid = 2;

  rt->info.device = cfg.device;
  rt->info.cc_major = ccmaj;
  rt->info.cc_minor = ccmin;
  rt->info.sm_count = uint32_t(sms);
  rt->info.worker_blocks = grid;
  rt->info.block_threads = cfg.block_threads;
  rt->info.register_budget = gpuos_worker_register_budget;
  rt->info.kernel_registers = uint32_t(kregs);
  rt->info.stack_bytes = cfg.stack_bytes;
  rt->info.kernel_frame_bytes = uint32_t(klocal);
  rt->info.op_smem_bytes = cfg.op_smem_bytes;
  rt->info.queue_capacity = cfg.queue_capacity;
  rt->info.max_ops = cfg.max_ops;

  gpuos_status_t s;
  const size_t nops = cfg.max_ops;
  if ((s = dalloc(rt, &rt->st, sizeof(gpuos_dev_state))) != GPUOS_OK) return s;
  if ((s = dalloc(rt, &rt->q_slots, size_t(cfg.queue_capacity) * 8)) != GPUOS_OK) return s;
  if ((s = dalloc(rt, &rt->opword, nops * 8)) != GPUOS_OK) return s;
  if ((s = dalloc(rt, &rt->opfn, nops * 16)) != GPUOS_OK) return s;
  if ((s = dalloc(rt, &rt->ended, nops * 16)) != GPUOS_OK) return s;
  if ((s = dalloc(rt, &rt->started, nops * 16)) != GPUOS_OK) return s;
  if ((s = dalloc(rt, &rt->graphs, GPUOS_MAX_GRAPHS * sizeof(gpuos_graph_static))) != GPUOS_OK) return s;
  if ((s = dalloc(rt, &rt->dyn, GPUOS_MAX_GRAPHS * sizeof(gpuos_graph_dyn))) != GPUOS_OK) return s;
  if ((s = dalloc(rt, &rt->scratch, size_t(grid) * cfg.scratch_bytes)) != GPUOS_OK) return s;
  if ((s = dalloc(rt, &rt->parked, size_t(grid) * 24)) != GPUOS_OK) return s;
  if ((s = dmemset(rt, rt->parked, 0, size_t(grid) * 24)) != GPUOS_OK) return s;
  if ((s = dmemset(rt, rt->st, 0, sizeof(gpuos_dev_state))) != GPUOS_OK) return s;
  if ((s = dmemset(rt, rt->q_slots, 0xFF, size_t(cfg.queue_capacity) * 8)) != GPUOS_OK) return s;
  if ((s = dmemset(rt, rt->opword, 0, nops * 8)) != GPUOS_OK) return s;
  if ((s = dmemset(rt, rt->opfn, 0, nops * 16)) != GPUOS_OK) return s;
  if ((s = dmemset(rt, rt->ended, 0, nops * 16)) != GPUOS_OK) return s;
  if ((s = dmemset(rt, rt->started, 0, nops * 16)) != GPUOS_OK) return s;
  if ((s = dmemset(rt, rt->graphs, 0, GPUOS_MAX_GRAPHS * sizeof(gpuos_graph_static))) != GPUOS_OK) return s;
  if ((s = dmemset(rt, rt->dyn, 0, GPUOS_MAX_GRAPHS * sizeof(gpuos_graph_dyn))) != GPUOS_OK) return s;

  const size_t hbytes = sizeof(gpuos_host_shared) + size_t(cfg.ring_capacity) * sizeof(gpuos_cmd);
  void* hp = nullptr;
  CU_TRY(nullptr, d->cuMemHostAlloc_(&hp, hbytes, CU_MEMHOSTALLOC_DEVICEMAP | CU_MEMHOSTALLOC_PORTABLE),
         "cuMemHostAlloc");
  std::memset(hp, 0, hbytes);
  rt->host = static_cast<gpuos_host_shared*>(hp);
  rt->ring = reinterpret_cast<gpuos_cmd*>(rt->host + 1);
  CU_TRY(nullptr, d->cuMemHostGetDevicePointer_(&rt->host_d, hp, 0), "cuMemHostGetDevicePointer");

  rt->ops.assign(nops, OpSlots{});
  rt->op_update_us.assign(nops, 0.0);
  rt->op_drain_us.assign(nops, 0.0);
  rt->op_flip_us.assign(nops, 0.0);

  gpuos_kparams kp;
  std::memset(&kp, 0, sizeof kp);
  kp.st = reinterpret_cast<gpuos_dev_state*>(rt->st);
  kp.q_slots = reinterpret_cast<gpuos_u64*>(rt->q_slots);
  kp.q_mask = cfg.queue_capacity - 1;
  kp.host = reinterpret_cast<gpuos_host_shared*>(rt->host_d);
  kp.ring = reinterpret_cast<gpuos_cmd*>(rt->host_d + sizeof(gpuos_host_shared));
  kp.ring_mask = cfg.ring_capacity - 1;
  kp.opword = reinterpret_cast<gpuos_u64*>(rt->opword);
  kp.opfn = reinterpret_cast<gpuos_u64*>(rt->opfn);
  kp.ended = reinterpret_cast<gpuos_u64*>(rt->ended);
  kp.started = reinterpret_cast<gpuos_u64*>(rt->started);
  kp.graphs = reinterpret_cast<gpuos_graph_static*>(rt->graphs);
  kp.dyn = reinterpret_cast<gpuos_graph_dyn*>(rt->dyn);
  kp.scratch = reinterpret_cast<char*>(rt->scratch);
  kp.scratch_bytes = cfg.scratch_bytes;
  kp.max_ops = cfg.max_ops;
  kp.op_smem_offset = op_off;
  kp.op_smem_bytes = cfg.op_smem_bytes;
  kp.rec_buf_offset = rec_off;
  kp.fe_cache_offset = fe_off;
  kp.parked = reinterpret_cast<gpuos_u64*>(rt->parked);
  // Scheduling variants, for measurements (see runtime/NOTES.md).
  const struct { const char* env; uint32_t flag; } variants[] = {
      {"GPUOS_RUNTIME_NO_HOLD", GPUOS_KF_NO_HOLD}, {"GPUOS_RUNTIME_SPIN", GPUOS_KF_SPIN},
      {"GPUOS_RUNTIME_SINK_EACH", GPUOS_KF_SINK_EACH}};
  for (const auto& v : variants)
    if (const char* e = std::getenv(v.env)) kp.flags |= (*e == '1') ? v.flag : 0u;
  rt->kp = kp;
  rt->grid = grid;
  rt->smem = smem;
  TRACE("create: launching %u blocks x %u threads, %u bytes smem, kernel %d regs, frame %d", grid, cfg.block_threads,
        smem, kregs, klocal);
  gpuos_status_t ls = launch_worker(rt);
  if (ls != GPUOS_OK) return ls;
  TRACE("create: worker kernel running");
  return GPUOS_OK;
}

static void runtime_free(gpuos_runtime_s* rt) {
  Driver* d = rt->d;
  if (rt->ctx) d->cuCtxSetCurrent_(rt->ctx);
  for (auto* g : rt->slots)
    if (g) free_graph_memory(rt, g);
  while (!rt->modules.empty()) unload_module(rt, rt->modules.back());
  dfree(rt, rt->st);
  dfree(rt, rt->q_slots);
  dfree(rt, rt->opword);
  dfree(rt, rt->opfn);
  dfree(rt, rt->ended);
  dfree(rt, rt->started);
  dfree(rt, rt->graphs);
  dfree(rt, rt->dyn);
  dfree(rt, rt->scratch);
  dfree(rt, rt->parked);
  if (rt->host && rt->state.load() != 2) d->cuMemFreeHost_(rt->host);
  rt->host = nullptr;
  if (rt->kmod && rt->state.load() != 2) d->cuModuleUnload_(rt->kmod);
  if (rt->kstream && rt->state.load() != 2) d->cuStreamDestroy_(rt->kstream);
  if (rt->cstream && rt->state.load() != 2) d->cuStreamDestroy_(rt->cstream);
  if (rt->ctx) d->cuDevicePrimaryCtxRelease_(rt->dev);
}

gpuos_status_t gpuos_runtime_create(const gpuos_runtime_config* cfgp, gpuos_runtime_t* out) {
  clear_error();
  if (!out) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "gpuos_runtime_create: out is NULL");
  *out = nullptr;
  gpuos_runtime_config cfg;
  gpuos_runtime_config_init(&cfg);
  if (cfgp) {
    if (cfgp->struct_size < sizeof(gpuos_runtime_config))
      return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "gpuos_runtime_config.struct_size is %u, expected %zu",
                       cfgp->struct_size, sizeof(gpuos_runtime_config));
    gpuos_runtime_config dflt = cfg;
    cfg = *cfgp;
    if (!cfg.block_threads) cfg.block_threads = dflt.block_threads;
    if (!cfg.op_smem_bytes) cfg.op_smem_bytes = dflt.op_smem_bytes;
    if (!cfg.scratch_bytes) cfg.scratch_bytes = dflt.scratch_bytes;
    if (!cfg.queue_capacity) cfg.queue_capacity = dflt.queue_capacity;
    if (!cfg.ring_capacity) cfg.ring_capacity = dflt.ring_capacity;
    if (!cfg.max_ops) cfg.max_ops = dflt.max_ops;
    if (!cfg.stack_bytes) cfg.stack_bytes = dflt.stack_bytes;
  }
  if (cfg.block_threads % 32 || cfg.block_threads > 1024)
    return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "block_threads %u must be a multiple of 32, at most 1024", cfg.block_threads);
  if (!pow2(cfg.queue_capacity) || !pow2(cfg.ring_capacity))
    return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "queue_capacity and ring_capacity must be powers of two");
  if (cfg.op_smem_bytes % 16) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "op_smem_bytes must be a multiple of 16");
  Driver* d = driver();
  if (!d->error.empty()) return set_error(GPUOS_ERROR_NO_DEVICE, "%s", d->error.c_str());
  auto* rt = new gpuos_runtime_s;
  rt->d = d;
  rt->cfg = cfg;
  gpuos_status_t s = runtime_start(rt);
  if (s != GPUOS_OK) {
    std::string msg = gpuos_last_error();
    if (rt->launched) {  // stop the kernel if it runs
      gpuos_cmd c{GPUOS_CMD_SHUTDOWN, 0, 0, 0};
      if (post(rt, c, 1000, nullptr) == GPUOS_OK) d->cuStreamSynchronize_(rt->kstream);
    }
    runtime_free(rt);
    delete rt;
    return set_error(s, "%s", msg.c_str());
  }
  *out = rt;
  return GPUOS_OK;
}

gpuos_status_t gpuos_runtime_get_info(gpuos_runtime_t rt, gpuos_runtime_info* info) {
  clear_error();
  if (!rt || !info) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "NULL argument");
  *info = rt->info;
  return GPUOS_OK;
}

gpuos_status_t gpuos_runtime_shutdown(gpuos_runtime_t rt, uint32_t timeout_ms) {
  LiveCall call(rt);
  gpuos_status_t s = call.status();
  if (s != GPUOS_OK) return s;
  auto t0 = Clock::now();
  // Let graphs in flight finish (bounded).
  while (true) {
    reap_all(rt);
    if (rt->inflight.empty()) break;
    if ((s = check_alive(rt, false)) != GPUOS_OK) return s;
    if (us_since(t0) > timeout_ms * 1000.0) break;
  }
  gpuos_cmd c{GPUOS_CMD_SHUTDOWN, 0, 0, 0};
  TRACE("shutdown: %zu graphs in flight; posting SHUTDOWN", rt->inflight.size());
  s = post(rt, c, 1000, nullptr);
  gpuos_status_t result = GPUOS_OK;
  if (s == GPUOS_OK) {
    auto t1 = Clock::now();
    for (;;) {
      CUresult q = rt->d->cuStreamQuery_(rt->kstream);
      if (q == CUDA_SUCCESS) break;
      if (q != CUDA_ERROR_NOT_READY) {
        mark_fault(rt, std::string("worker kernel: ") + cu_name(q));
        return fault_error(rt);
      }
      if (us_since(t1) > 5e6) {
        result = set_error(GPUOS_ERROR_TIMEOUT, "the worker kernel did not stop within 5 s");
        break;
      }
      std::this_thread::yield();
    }
  } else {
    result = s;
  }
  TRACE("shutdown: kernel stop: %s", result == GPUOS_OK ? "ok" : gpuos_last_error());
  if (result == GPUOS_OK) rt->launched = false;
  if (!rt->inflight.empty() && result == GPUOS_OK)
    result = set_error(GPUOS_ERROR_TIMEOUT, "%zu graphs were still in flight at shutdown", rt->inflight.size());
  int expect = 0;
  rt->state.compare_exchange_strong(expect, 1);
  // Deferred unloads.
  std::vector<gpuos_module_s*> zombies;
  for (auto* m : rt->modules)
    if (m->user_refs == 0 && m->slot_refs == 0) zombies.push_back(m);
  if (!rt->launched)
    for (auto* m : zombies) unload_module(rt, m);
  return result;
}

gpuos_status_t gpuos_runtime_destroy(gpuos_runtime_t rt) {
  clear_error();
  if (!rt) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "runtime handle is NULL");
  gpuos_status_t s = GPUOS_OK;
  if (rt->state.load() == 0) s = gpuos_runtime_shutdown(rt, 1000);
  {
    std::lock_guard<std::recursive_mutex> lk(rt->mu);
    if (rt->launched && rt->state.load() != 2) {
      // The kernel would not stop: leave its memory alone rather than free it under it.
      return set_error(GPUOS_ERROR_TIMEOUT, "worker kernel still running; resources leaked");
    }
    std::vector<gpuos_graph_s*> gs;
    for (auto* g : rt->slots)
      if (g) gs.push_back(g);
    runtime_free(rt);
    for (auto* g : gs) delete g;
  }
  delete rt;
  return s == GPUOS_ERROR_DEVICE_FAULT ? s : GPUOS_OK;
}

// ---- memory helpers
gpuos_status_t gpuos_mem_alloc(gpuos_runtime_t rt, size_t bytes, void** dptr) {
  LiveCall call(rt);
  gpuos_status_t s = call.status();
  if (s != GPUOS_OK) return s;
  if (!dptr) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "dptr is NULL");
  CUdeviceptr p = 0;
  if ((s = dalloc(rt, &p, bytes)) != GPUOS_OK) return s;
  *dptr = reinterpret_cast<void*>(p);
  return GPUOS_OK;
}
gpuos_status_t gpuos_mem_free(gpuos_runtime_t rt, void* dptr) {
  LiveCall call(rt);
  gpuos_status_t s = call.status();
  if (s != GPUOS_OK) return s;
  CUdeviceptr p = reinterpret_cast<CUdeviceptr>(dptr);
  dfree(rt, p);
  return check_running(rt);
}
gpuos_status_t gpuos_memcpy_htod(gpuos_runtime_t rt, void* dst, const void* src, size_t bytes) {
  LiveCall call(rt);
  gpuos_status_t s = call.status();
  if (s != GPUOS_OK) return s;
  return htod(rt, reinterpret_cast<CUdeviceptr>(dst), src, bytes);
}
gpuos_status_t gpuos_memcpy_dtoh(gpuos_runtime_t rt, void* dst, const void* src, size_t bytes) {
  LiveCall call(rt);
  gpuos_status_t s = call.status();
  if (s != GPUOS_OK) return s;
  return dtoh(rt, dst, reinterpret_cast<CUdeviceptr>(src), bytes);
}
gpuos_status_t gpuos_memset_d8(gpuos_runtime_t rt, void* dst, unsigned char v, size_t bytes) {
  LiveCall call(rt);
  gpuos_status_t s = call.status();
  if (s != GPUOS_OK) return s;
  return dmemset(rt, reinterpret_cast<CUdeviceptr>(dst), v, bytes);
}

// ---- modules
gpuos_status_t gpuos_module_load_image(gpuos_runtime_t rt, const void* image, size_t size, gpuos_module_t* out) {
  LiveCall call(rt);
  gpuos_status_t s = call.status();
  if (s != GPUOS_OK) return s;
  if (!image || !out || size < 16) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "module image is NULL or too small");
  *out = nullptr;
  uint32_t magic;
  std::memcpy(&magic, image, 4);
  if (!is_elf(image, size) && magic != 0xBA55ED50u)
    return set_error(GPUOS_ERROR_INVALID_IMAGE, "module image is neither a cubin (ELF) nor a fatbin");
  auto* m = new gpuos_module_s;
  m->rt = rt;
  m->image.assign(static_cast<const char*>(image), static_cast<const char*>(image) + size);
  TRACE("module: loading %zu bytes", size);
  auto tp = Clock::now();
  const bool was_running = rt->launched;
  gpuos_status_t ps = pause_worker(rt, 10000);
  if (ps != GPUOS_OK) {
    delete m;
    return ps;
  }
  CUresult r = rt->d->cuModuleLoadData_(&m->mod, m->image.data());
  if (was_running) {
    ps = resume_worker(rt);
    if (ps != GPUOS_OK) {
      if (r == CUDA_SUCCESS) rt->d->cuModuleUnload_(m->mod);
      delete m;
      return ps;
    }
    double us = us_since(tp);
    ++rt->pauses;
    rt->pause_us_total += us;
    if (us > rt->pause_us_max) rt->pause_us_max = us;
  }
  TRACE("module: loaded (%s) in %.1f us including the worker pause", cu_name(r), us_since(tp));
  if (r != CUDA_SUCCESS) {
    delete m;
    if (r == CUDA_ERROR_NO_BINARY_FOR_GPU || r == CUDA_ERROR_INVALID_IMAGE)
      return set_error(GPUOS_ERROR_INVALID_IMAGE, "cuModuleLoadData: %s (image not built for sm_%d%d?)", cu_name(r),
                       rt->info.cc_major, rt->info.cc_minor);
    return cu_check(rt, r, "cuModuleLoadData");
  }
  rt->modules.push_back(m);
  *out = m;
  return GPUOS_OK;
}

gpuos_status_t gpuos_module_load_file(gpuos_runtime_t rt, const char* path, gpuos_module_t* out) {
  clear_error();
  gpuos_status_t s = check_running(rt);
  if (s != GPUOS_OK) return s;
  if (!path || !out) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "NULL argument");
  std::ifstream f(path, std::ios::binary);
  if (!f) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "cannot open %s", path);
  std::vector<char> buf((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  return gpuos_module_load_image(rt, buf.data(), buf.size(), out);
}

gpuos_status_t gpuos_module_compile(gpuos_runtime_t rt, const char* source, const char* name,
                                    const char* const* extra_options, uint32_t num_extra_options, gpuos_module_t* out) {
  clear_error();
  gpuos_status_t s = check_running(rt);
  if (s != GPUOS_OK) return s;
  if (!source || !out) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "NULL argument");
  std::vector<std::string> extra;
  for (uint32_t i = 0; i < num_extra_options; ++i)
    if (extra_options && extra_options[i]) extra.push_back(extra_options[i]);
  std::vector<char> cubin;
  std::string log;
  s = jit_compile(rt->info.cc_major * 10 + rt->info.cc_minor, rt->info.register_budget, source, name, extra, &cubin, &log);
  if (s != GPUOS_OK) return s;
  if (const char* dump = std::getenv("GPUOS_RUNTIME_DUMP_DIR")) {  // debugging aid: keep JIT output
    std::string path = std::string(dump) + "/" + (name ? name : "operator") + ".cubin";
    std::ofstream f(path, std::ios::binary);
    f.write(cubin.data(), std::streamsize(cubin.size()));
  }
  return gpuos_module_load_image(rt, cubin.data(), cubin.size(), out);
}

gpuos_status_t gpuos_module_release(gpuos_runtime_t rt, gpuos_module_t m) {
  clear_error();
  if (!rt || !m || m->rt != rt) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "bad module handle");
  std::lock_guard<std::recursive_mutex> lk(rt->mu);
  if (m->user_refs <= 0) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "module released twice");
  m->user_refs = 0;
  if (rt->state.load() == 2) return GPUOS_OK;
  rt->d->cuCtxSetCurrent_(rt->ctx);
  maybe_unload(rt, m);
  return GPUOS_OK;
}

// ---- operators
gpuos_status_t gpuos_op_set(gpuos_runtime_t rt, uint32_t op, gpuos_module_t m, const char* name, uint32_t timeout_ms) {
  LiveCall call(rt);
  gpuos_status_t s = call.status();
  if (s != GPUOS_OK) return s;
  auto t0 = Clock::now();
  if (!m || m->rt != rt || m->user_refs <= 0 || !name || !*name)
    return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "gpuos_op_set: bad module or name");
  if (op >= rt->cfg.max_ops) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "operator id %u >= max_ops %u", op, rt->cfg.max_ops);
  // Resources of the function, from the image's notes.
  FunctionResources fr;
  if (!image_function_resources(m->image.data(), m->image.size(), name, &fr))
    return set_error(GPUOS_ERROR_INVALID_IMAGE, "operator %s: the module has no readable cubin to check resources", name);
  const std::string sym = std::string(GPUOS_OPPTR_PREFIX) + name;
  CUdeviceptr var = 0;
  size_t vbytes = 0;
  CUresult r = rt->d->cuModuleGetGlobal_(&var, &vbytes, m->mod, sym.c_str());
  if (r == CUDA_ERROR_NOT_FOUND || (r == CUDA_SUCCESS && vbytes != 8))
    return set_error(GPUOS_ERROR_SYMBOL_NOT_FOUND, "module does not export %s (declare GPUOS_EXPORT_OP(%s))", sym.c_str(), name);
  if ((s = cu_check(rt, r, "cuModuleGetGlobal")) != GPUOS_OK) return s;
  if (!fr.found)
    return set_error(GPUOS_ERROR_INVALID_IMAGE, "operator %s: no resource notes for function %s in the image", name, name);
  if (fr.registers > rt->info.register_budget)
    return set_error(GPUOS_ERROR_RESOURCE_LIMIT, "operator %s uses %u registers; the budget is %u (compile with -maxrregcount=%u)",
                     name, fr.registers, rt->info.register_budget, rt->info.register_budget);
  const uint32_t stack_budget = rt->info.stack_bytes > rt->info.kernel_frame_bytes
                                    ? rt->info.stack_bytes - rt->info.kernel_frame_bytes : 0;
  if (fr.stack() > stack_budget)
    return set_error(GPUOS_ERROR_RESOURCE_LIMIT, "operator %s needs %u bytes of stack; the budget is %u", name, fr.stack(),
                     stack_budget);
  uint64_t fn = 0;
  if ((s = dtoh(rt, &fn, var, 8)) != GPUOS_OK) return s;
  if (fn == 0) return set_error(GPUOS_ERROR_SYMBOL_NOT_FOUND, "%s is a null pointer", sym.c_str());

  OpSlots& os = rt->ops[op];
  const uint32_t i = os.inactive();
  // The inactive slot held generation gen-1: wait until every task that read it has ended.
  auto td = Clock::now();
  if (os.gen != 0) {
    for (;;) {
      uint64_t started = 0, ended = 0;
      if ((s = dtoh(rt, &started, rt->started + (op * 2 + i) * 8, 8)) != GPUOS_OK) return s;
      if ((s = dtoh(rt, &ended, rt->ended + (op * 2 + i) * 8, 8)) != GPUOS_OK) return s;
      if (os.inactive_free(started, ended)) break;
      if ((s = check_alive(rt, false)) != GPUOS_OK) return s;
      if (us_since(t0) > timeout_ms * 1000.0)
        return set_error(GPUOS_ERROR_BUSY, "operator %u: %llu tasks still use the inactive slot after %u ms", op,
                         (unsigned long long)(started - ended), timeout_ms);
    }
  }
  const double drain_us = us_since(td);
  const uint64_t zero = 0;
  if ((s = htod(rt, rt->ended + (op * 2 + i) * 8, &zero, 8)) != GPUOS_OK) return s;
  if ((s = htod(rt, rt->opfn + (op * 2 + i) * 8, &fn, 8)) != GPUOS_OK) return s;
  if (os.module[i]) {  // drop the reference of the module the drained slot held
    gpuos_module_s* old = static_cast<gpuos_module_s*>(os.module[i]);
    os.module[i] = nullptr;
    --old->slot_refs;
    maybe_unload(rt, old);
  }
  uint64_t idx = 0;
  auto tf = Clock::now();
  gpuos_cmd c{GPUOS_CMD_FLIP, op, 0, 0};
  TRACE("op_set: op %u slot %u fn 0x%llx regs %u stack %u; flipping", op, i, (unsigned long long)fn, fr.registers,
        fr.stack());
  if ((s = post(rt, c, timeout_ms, &idx)) != GPUOS_OK) return s;
  if ((s = wait_consumed(rt, idx, timeout_ms > 5000 ? timeout_ms : 5000)) != GPUOS_OK) return s;
  os.module[i] = m;
  ++m->slot_refs;
  os.gen = (os.gen + 1u) & 0xFFFFu;
  os.ever_flipped = true;
  rt->op_update_us[op] = us_since(t0);
  rt->op_drain_us[op] = drain_us;
  rt->op_flip_us[op] = us_since(tf);
  return GPUOS_OK;
}

gpuos_status_t gpuos_op_get_stats(gpuos_runtime_t rt, uint32_t op, gpuos_op_stats* st) {
  clear_error();
  if (!rt || !st) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "NULL argument");
  if (op >= rt->cfg.max_ops) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "operator id %u >= max_ops", op);
  std::lock_guard<std::recursive_mutex> lk(rt->mu);
  st->generation = rt->ops[op].gen;
  st->active_slot = rt->ops[op].active();
  st->last_update_us = rt->op_update_us[op];
  st->last_drain_us = rt->op_drain_us[op];
  st->last_flip_us = rt->op_flip_us[op];
  return GPUOS_OK;
}

// ---- graphs
gpuos_status_t gpuos_graph_create(gpuos_runtime_t rt, gpuos_graph_t* out) {
  clear_error();
  gpuos_status_t s = check_running(rt);
  if (s != GPUOS_OK) return s;
  if (!out) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "out is NULL");
  auto* g = new gpuos_graph_s;
  g->rt = rt;
  *out = g;
  return GPUOS_OK;
}

gpuos_status_t gpuos_graph_destroy(gpuos_graph_t g) {
  clear_error();
  if (!g) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "graph is NULL");
  gpuos_runtime_s* rt = g->rt;
  std::lock_guard<std::recursive_mutex> lk(rt->mu);
  if (g->inflight && rt->state.load() == 0) {
    if (!reap(rt, g)) return set_error(GPUOS_ERROR_BUSY, "graph is in flight; wait for it first");
  }
  if (g->inflight) {  // shut down or faulted: drop the bookkeeping
    rt->inflight_tiles -= g->enc.total_tiles;
    for (size_t i = 0; i < rt->inflight.size(); ++i)
      if (rt->inflight[i] == g) {
        rt->inflight.erase(rt->inflight.begin() + long(i));
        break;
      }
  }
  if (rt->state.load() != 2) rt->d->cuCtxSetCurrent_(rt->ctx);
  free_graph_memory(rt, g);
  delete g;
  return GPUOS_OK;
}

gpuos_status_t gpuos_graph_add_task(gpuos_graph_t g, uint32_t op, uint32_t ntiles, const gpuos_arg* args, uint32_t nargs,
                                    uint32_t flags, uint32_t* task_id) {
  clear_error();
  if (!g) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "graph is NULL");
  gpuos_status_t s = check_running(g->rt);
  if (s != GPUOS_OK) return s;
  if (g->finalized) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "graph is finalized; tasks can no longer be added");
  if (ntiles == 0 || ntiles > GPUOS_MAX_TILES)
    return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "tile count %u out of range 1..%u", ntiles, GPUOS_MAX_TILES);
  if (nargs > GPUOS_MAX_ARGS || (nargs && !args))
    return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "%u arguments (at most %d, args non-NULL)", nargs, GPUOS_MAX_ARGS);
  if (g->tasks.size() >= GPUOS_MAX_TASKS) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "too many tasks");
  for (uint32_t i = 0; i < nargs; ++i)
    if (args[i].rank < 0 || args[i].rank > GPUOS_MAX_RANK)
      return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "argument %u has rank %d (0..%d)", i, args[i].rank, GPUOS_MAX_RANK);
  HostTask t;
  t.op = op;
  t.ntiles = ntiles;
  t.flags = flags;
  t.args.assign(args, args + nargs);
  g->tasks.push_back(std::move(t));
  if (task_id) *task_id = uint32_t(g->tasks.size() - 1);
  return GPUOS_OK;
}

gpuos_status_t gpuos_graph_add_edge(gpuos_graph_t g, uint32_t from, uint32_t to) {
  clear_error();
  if (!g) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "graph is NULL");
  if (g->finalized) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "graph is finalized; edges can no longer be added");
  if (from >= g->tasks.size() || to >= g->tasks.size())
    return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "edge %u -> %u names a task that does not exist", from, to);
  if (from == to) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "edge %u -> %u is a self loop", from, to);
  auto& sv = g->tasks[from].succ;
  for (uint32_t x : sv)
    if (x == to) return GPUOS_OK;
  sv.push_back(to);
  return GPUOS_OK;
}

gpuos_status_t gpuos_graph_bind(gpuos_graph_t g, uint32_t task, uint32_t arg, void* data) {
  clear_error();
  if (!g) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "graph is NULL");
  if (task >= g->tasks.size() || arg >= g->tasks[task].args.size())
    return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "task %u has no argument %u", task, arg);
  std::lock_guard<std::recursive_mutex> lk(g->rt->mu);
  if (g->inflight && !reap(g->rt, g)) return set_error(GPUOS_ERROR_BUSY, "graph is in flight");
  g->tasks[task].args[arg].data = data;
  if (g->finalized) {
    std::memcpy(g->enc.recs.data() + size_t(task) * g->enc.rec_stride + record_arg_offset(arg), &data, sizeof data);
    g->dirty.push_back(task);
  }
  return GPUOS_OK;
}

gpuos_status_t gpuos_graph_finalize(gpuos_graph_t g) {
  clear_error();
  if (!g) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "graph is NULL");
  gpuos_runtime_s* rt = g->rt;
  gpuos_status_t s = check_running(rt);
  if (s != GPUOS_OK) return s;
  if (g->finalized) return GPUOS_OK;
  std::lock_guard<std::recursive_mutex> lk(rt->mu);
  rt->d->cuCtxSetCurrent_(rt->ctx);
  s = upload_graph(rt, g);
  if (s != GPUOS_OK) {
    std::string msg = gpuos_last_error();
    free_graph_memory(rt, g);
    g->finalized = false;
    return set_error(s, "%s", msg.c_str());
  }
  return GPUOS_OK;
}

gpuos_status_t gpuos_graph_submit(gpuos_graph_t g, uint32_t timeout_ms) {
  clear_error();
  if (!g) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "graph is NULL");
  gpuos_runtime_s* rt = g->rt;
  gpuos_status_t s = check_running(rt);
  if (s != GPUOS_OK) return s;
  if (!g->finalized && (s = gpuos_graph_finalize(g)) != GPUOS_OK) return s;
  std::lock_guard<std::recursive_mutex> lk(rt->mu);
  if (g->inflight && !reap(rt, g)) return set_error(GPUOS_ERROR_BUSY, "graph is already in flight");
  const bool recs_changed = !g->dirty.empty();
  if (recs_changed) {
    rt->d->cuCtxSetCurrent_(rt->ctx);
    for (uint32_t t : g->dirty) {
      const size_t off = size_t(t) * g->enc.rec_stride;
      if ((s = htod(rt, g->recs + off, g->enc.recs.data() + off, g->enc.rec_stride)) != GPUOS_OK) return s;
    }
    g->dirty.clear();
  }
  // Back-pressure: the ready queue must hold every tile of every graph in flight.
  auto t0 = Clock::now();
  const uint64_t cap = rt->cfg.queue_capacity;
  while (rt->inflight_tiles + g->enc.total_tiles > cap) {
    reap_all(rt);
    if (rt->inflight_tiles + g->enc.total_tiles <= cap) break;
    if ((s = check_alive(rt, false)) != GPUOS_OK) return s;
    if (us_since(t0) > timeout_ms * 1000.0)
      return set_error(GPUOS_ERROR_QUEUE_FULL, "ready queue full: %llu tiles in flight + %llu > capacity %llu after %u ms",
                       (unsigned long long)rt->inflight_tiles, (unsigned long long)g->enc.total_tiles,
                       (unsigned long long)cap, timeout_ms);
  }
  const uint32_t serial = g->serial + 1;
  gpuos_cmd c{GPUOS_CMD_SUBMIT, uint32_t(g->slot), serial,
              g->tag | (recs_changed ? (GPUOS_CMD_RECS_CHANGED >> 8) : 0u)};
  uint64_t t_left = timeout_ms;
  double spent = us_since(t0) / 1000.0;
  t_left = spent >= timeout_ms ? 0 : uint64_t(timeout_ms - spent);
  if ((s = post(rt, c, uint32_t(t_left), nullptr)) != GPUOS_OK) return s;
  TRACE("submit: slot %d serial %u tag %u tasks %zu tiles %llu", g->slot, serial, g->tag, g->tasks.size(),
        (unsigned long long)g->enc.total_tiles);
  g->serial = serial;
  g->inflight = true;
  rt->inflight_tiles += g->enc.total_tiles;
  rt->inflight.push_back(g);
  return GPUOS_OK;
}

gpuos_status_t gpuos_graph_poll(gpuos_graph_t g) {
  clear_error();
  if (!g) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "graph is NULL");
  gpuos_runtime_s* rt = g->rt;
  if (rt->state.load() == 2) return fault_error(rt);
  if (!g->inflight) {
    if (g->serial == 0) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "graph was never submitted");
    return graph_result_status(g);
  }
  volatile gpuos_completion* c = &rt->host->completions[g->slot];
  if (c->serial == g->serial) {
    std::lock_guard<std::recursive_mutex> lk(rt->mu);
    reap(rt, g);
    return graph_result_status(g);
  }
  if (rt->state.load() == 1) return set_error(GPUOS_ERROR_SHUTDOWN, "the runtime was shut down before the graph finished");
  gpuos_status_t s = check_alive(rt, false);
  if (s != GPUOS_OK) return s;
  return GPUOS_PENDING;
}

gpuos_status_t gpuos_graph_wait(gpuos_graph_t g, uint32_t timeout_ms) {
  clear_error();
  if (!g) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "graph is NULL");
  gpuos_runtime_s* rt = g->rt;
  if (!g->inflight) return gpuos_graph_poll(g);
  volatile gpuos_completion* c = &rt->host->completions[g->slot];
  auto t0 = Clock::now();
  uint32_t spins = 0;
  for (;;) {
    if (c->serial == g->serial) return gpuos_graph_poll(g);
    if ((++spins & 1023u) == 0) {
      gpuos_status_t s = gpuos_graph_poll(g);
      if (s != GPUOS_PENDING) return s;
      if (us_since(t0) > timeout_ms * 1000.0)
        return set_error(GPUOS_ERROR_TIMEOUT, "graph did not finish within %u ms", timeout_ms);
    }
  }
}

gpuos_status_t gpuos_graph_get_result(gpuos_graph_t g, gpuos_graph_result* r) {
  clear_error();
  if (!g || !r) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "NULL argument");
  r->status = g->done_serial ? g->last_status : GPUOS_PENDING;
  r->failed_task = g->failed_task;
  r->failed_op = g->failed_op;
  r->submissions = g->done_serial;
  r->ntasks = uint32_t(g->tasks.size());
  r->total_tiles = g->enc.total_tiles;
  return GPUOS_OK;
}


// Debugging aid (not part of the stable API): prints host and device queue state.
GPUOS_API void gpuos_runtime_debug_print(gpuos_runtime_t rt) {
  if (!rt) return;
  gpuos_dev_state st;
  std::memset(&st, 0, sizeof st);
  if (rt->state.load() != 2) {
    rt->d->cuCtxSetCurrent_(rt->ctx);
    rt->d->cuMemcpyDtoHAsync_(&st, rt->st, sizeof st, rt->cstream);
    rt->d->cuStreamSynchronize_(rt->cstream);
  }
  volatile gpuos_host_shared* h = rt->host;
  std::fprintf(stderr,
               "[gpuos-runtime] state %d launched %d | ring posted %llu consumed %llu | queue head %llu tail %llu | "
               "stop %u pause %u fe_next %llu | inflight graphs %zu tiles %llu | pauses %llu (max %.1f us)\n",
               rt->state.load(), int(rt->launched), (unsigned long long)rt->ring_posted,
               (unsigned long long)h->ring_consumed, (unsigned long long)st.q_head, (unsigned long long)st.q_tail, st.stop,
               st.pause, (unsigned long long)st.fe_next, rt->inflight.size(), (unsigned long long)rt->inflight_tiles,
               (unsigned long long)rt->pauses, rt->pause_us_max);
  for (auto* g : rt->inflight) {
    gpuos_graph_dyn dy;
    std::memset(&dy, 0, sizeof dy);
    if (rt->state.load() != 2) {
      rt->d->cuMemcpyDtoHAsync_(&dy, rt->dyn + size_t(g->slot) * sizeof dy, sizeof dy, rt->cstream);
      rt->d->cuStreamSynchronize_(rt->cstream);
    }
    std::fprintf(stderr, "[gpuos-runtime]   graph slot %d serial %u (device %u) sinks_left %d status %d completion %u\n",
                 g->slot, g->serial, dy.serial, dy.sinks_left, dy.status, h->completions[g->slot].serial);
  }
}


// Debugging aid (not part of the stable API): copies up to n of the worker's latency stamps
// (builds with GPUOS_RUNTIME_STAMPS only); returns how many, or -1 if the kernel has none.
GPUOS_API int gpuos_runtime_debug_stamps(gpuos_runtime_t rt, uint64_t* out, int n) {
  if (!rt || !out || n <= 0 || check_running(rt) != GPUOS_OK) return -1;
  std::lock_guard<std::recursive_mutex> lk(rt->mu);
  rt->d->cuCtxSetCurrent_(rt->ctx);
  CUdeviceptr var = 0;
  size_t bytes = 0;
  if (rt->d->cuModuleGetGlobal_(&var, &bytes, rt->kmod, "gpuos_stamps") != CUDA_SUCCESS) return -1;
  const size_t m = bytes / 8 < size_t(n) ? bytes / 8 : size_t(n);
  if (rt->d->cuMemcpyDtoHAsync_(out, var, m * 8, rt->cstream) != CUDA_SUCCESS ||
      rt->d->cuStreamSynchronize_(rt->cstream) != CUDA_SUCCESS)
    return -1;
  return int(m);
}

// Debugging aid (not part of the stable API): posts a NOP command and waits for the front
// end's acknowledgement; returns the round trip in microseconds (negative on failure).
GPUOS_API double gpuos_runtime_debug_ping(gpuos_runtime_t rt) {
  if (!rt || check_running(rt) != GPUOS_OK) return -1.0;
  std::lock_guard<std::recursive_mutex> lk(rt->mu);
  auto t0 = Clock::now();
  uint64_t idx = 0;
  gpuos_cmd c{GPUOS_CMD_NOP, 0, 0, 0};
  if (post(rt, c, 1000, &idx) != GPUOS_OK) return -1.0;
  if (wait_consumed(rt, idx, 1000) != GPUOS_OK) return -1.0;
  return us_since(t0);
}

}  // extern "C"
