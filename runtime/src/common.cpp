// Errors, version, status strings and graph encoding: everything that needs no driver.
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <deque>

#include "internal.h"
#include "layout.h"

namespace gpuos {

static thread_local std::string t_last_error;

gpuos_status_t set_error(gpuos_status_t s, const char* fmt, ...) {
  char buf[4096];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  t_last_error = buf;
  return s;
}
void clear_error() { t_last_error.clear(); }

size_t record_arg_offset(uint32_t arg) { return sizeof(gpuos_task_rec) + size_t(arg) * sizeof(gpuos_arg); }

gpuos_status_t encode_graph(const std::vector<HostTask>& tasks, EncodedGraph* out) {
  static_assert(sizeof(gpuos_task_rec) == 48, "record header is 48 bytes");
  static_assert(sizeof(gpuos_arg) == 144, "gpuos_arg is 144 bytes");
  static_assert(sizeof(gpuos_succ_ent) == 16, "succ entry is 16 bytes");
  static_assert(sizeof(gpuos_graph_static) == 80, "graph static is 80 bytes");
  *out = EncodedGraph{};
  const size_t n = tasks.size();
  if (n == 0) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "graph has no tasks");
  if (n > GPUOS_MAX_TASKS) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "graph has %zu tasks, at most %u", n, GPUOS_MAX_TASKS);
  uint32_t max_args = 0;
  std::vector<uint32_t> npred(n, 0);
  for (size_t i = 0; i < n; ++i) {
    const HostTask& t = tasks[i];
    if (t.ntiles == 0 || t.ntiles > GPUOS_MAX_TILES)
      return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "task %zu has %u tiles (1..%u)", i, t.ntiles, GPUOS_MAX_TILES);
    if (t.args.size() > GPUOS_MAX_ARGS)
      return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "task %zu has %zu arguments, at most %d", i, t.args.size(), GPUOS_MAX_ARGS);
    if (t.args.size() > max_args) max_args = uint32_t(t.args.size());
    for (uint32_t s : t.succ) {
      if (s >= n) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "task %zu has successor %u out of range", i, s);
      if (s == i) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "task %zu depends on itself", i);
      ++npred[s];
    }
    out->total_tiles += t.ntiles;
  }
  // Cycle check (Kahn).
  {
    std::vector<uint32_t> indeg = npred;
    std::deque<uint32_t> q;
    for (size_t i = 0; i < n; ++i)
      if (indeg[i] == 0) q.push_back(uint32_t(i));
    size_t seen = 0;
    while (!q.empty()) {
      uint32_t v = q.front();
      q.pop_front();
      ++seen;
      for (uint32_t s : tasks[v].succ)
        if (--indeg[s] == 0) q.push_back(s);
    }
    if (seen != n) {
      size_t bad = 0;
      while (bad < n && indeg[bad] == 0) ++bad;
      return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "graph has a cycle through task %zu", bad);
    }
  }
  out->rec_stride = uint32_t(sizeof(gpuos_task_rec) + max_args * sizeof(gpuos_arg));
  out->recs.assign(n * size_t(out->rec_stride), 0);
  out->root_prefix.push_back(0);
  for (size_t i = 0; i < n; ++i) {
    const HostTask& t = tasks[i];
    gpuos_task_rec r;
    std::memset(&r, 0, sizeof r);
    r.op = t.op;
    r.ntiles = t.ntiles;
    r.npred = npred[i];
    r.nsucc = uint32_t(t.succ.size());
    r.nargs = uint32_t(t.args.size());
    r.user_flags = t.flags;
    if (t.succ.size() == 1) {
      const uint32_t s = t.succ[0];
      r.succ = s;
      r.succ_op = tasks[s].op;
      r.succ_ntiles = tasks[s].ntiles;
      r.succ_npred = npred[s];
      if (npred[s] == 1) r.sflags |= GPUOS_SF_SUCC_LOCAL_READY;
      if (npred[s] == 1 && t.ntiles > 1 && tasks[s].ntiles > 1) r.sflags |= GPUOS_SF_FANOUT;
    } else if (!t.succ.empty()) {
      r.succ = uint32_t(out->succ.size() / 4);
      for (uint32_t s : t.succ) {
        out->succ.push_back(s);
        out->succ.push_back(tasks[s].op);
        out->succ.push_back(tasks[s].ntiles);
        out->succ.push_back(npred[s]);
      }
    } else {
      ++out->nsinks;
    }
    char* dst = out->recs.data() + i * size_t(out->rec_stride);
    std::memcpy(dst, &r, sizeof r);
    if (!t.args.empty()) std::memcpy(dst + sizeof r, t.args.data(), t.args.size() * sizeof(gpuos_arg));
    if (npred[i] == 0) {
      out->roots.push_back(uint32_t(i));
      out->root_prefix.push_back(out->root_prefix.back() + t.ntiles);
    }
  }
  return GPUOS_OK;
}

}  // namespace gpuos

extern "C" {

uint32_t gpuos_api_version(void) { return GPUOS_RUNTIME_API_VERSION; }

const char* gpuos_last_error(void) { return gpuos::t_last_error.c_str(); }

const char* gpuos_status_string(gpuos_status_t s) {
  switch (s) {
    case GPUOS_OK: return "GPUOS_OK";
    case GPUOS_PENDING: return "GPUOS_PENDING";
    case GPUOS_ERROR_INVALID_ARGUMENT: return "GPUOS_ERROR_INVALID_ARGUMENT";
    case GPUOS_ERROR_NO_DEVICE: return "GPUOS_ERROR_NO_DEVICE";
    case GPUOS_ERROR_UNSUPPORTED_DEVICE: return "GPUOS_ERROR_UNSUPPORTED_DEVICE";
    case GPUOS_ERROR_CUDA: return "GPUOS_ERROR_CUDA";
    case GPUOS_ERROR_OUT_OF_MEMORY: return "GPUOS_ERROR_OUT_OF_MEMORY";
    case GPUOS_ERROR_COMPILE: return "GPUOS_ERROR_COMPILE";
    case GPUOS_ERROR_LINK: return "GPUOS_ERROR_LINK";
    case GPUOS_ERROR_SYMBOL_NOT_FOUND: return "GPUOS_ERROR_SYMBOL_NOT_FOUND";
    case GPUOS_ERROR_RESOURCE_LIMIT: return "GPUOS_ERROR_RESOURCE_LIMIT";
    case GPUOS_ERROR_QUEUE_FULL: return "GPUOS_ERROR_QUEUE_FULL";
    case GPUOS_ERROR_TIMEOUT: return "GPUOS_ERROR_TIMEOUT";
    case GPUOS_ERROR_SHUTDOWN: return "GPUOS_ERROR_SHUTDOWN";
    case GPUOS_ERROR_DEVICE_FAULT: return "GPUOS_ERROR_DEVICE_FAULT";
    case GPUOS_ERROR_GRAPH_FAILED: return "GPUOS_ERROR_GRAPH_FAILED";
    case GPUOS_ERROR_UNKNOWN_OP: return "GPUOS_ERROR_UNKNOWN_OP";
    case GPUOS_ERROR_BUSY: return "GPUOS_ERROR_BUSY";
    case GPUOS_ERROR_INVALID_IMAGE: return "GPUOS_ERROR_INVALID_IMAGE";
    case GPUOS_ERROR_INTERNAL: return "GPUOS_ERROR_INTERNAL";
  }
  return "GPUOS_ERROR_(unknown)";
}

}  // extern "C"
