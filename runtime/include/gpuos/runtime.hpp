// gpuos/runtime.hpp -- thin C++ RAII wrapper over gpuos/runtime.h. Errors throw gpuos::Error.
#ifndef GPUOS_RUNTIME_HPP
#define GPUOS_RUNTIME_HPP

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "gpuos/runtime.h"

namespace gpuos {

class Error : public std::runtime_error {
 public:
  Error(gpuos_status_t s, const std::string& msg)
      : std::runtime_error(std::string(gpuos_status_string(s)) + ": " + msg), status_(s) {}
  gpuos_status_t status() const noexcept { return status_; }

 private:
  gpuos_status_t status_;
};

inline void check(gpuos_status_t s) {
  if (s != GPUOS_OK) throw Error(s, gpuos_last_error());
}

class Runtime;

class Module {
 public:
  Module() = default;
  Module(gpuos_runtime_t rt, gpuos_module_t m) : rt_(rt), m_(m) {}
  Module(Module&& o) noexcept : rt_(o.rt_), m_(std::exchange(o.m_, nullptr)) {}
  Module& operator=(Module&& o) noexcept {
    if (this != &o) {
      reset();
      rt_ = o.rt_;
      m_ = std::exchange(o.m_, nullptr);
    }
    return *this;
  }
  Module(const Module&) = delete;
  Module& operator=(const Module&) = delete;
  ~Module() { reset(); }
  void reset() {
    if (m_) gpuos_module_release(rt_, m_);
    m_ = nullptr;
  }
  gpuos_module_t get() const { return m_; }

 private:
  gpuos_runtime_t rt_ = nullptr;
  gpuos_module_t m_ = nullptr;
};

class Graph {
 public:
  Graph() = default;
  explicit Graph(gpuos_runtime_t rt) { check(gpuos_graph_create(rt, &g_)); }
  Graph(Graph&& o) noexcept : g_(std::exchange(o.g_, nullptr)) {}
  Graph& operator=(Graph&& o) noexcept {
    if (this != &o) {
      reset();
      g_ = std::exchange(o.g_, nullptr);
    }
    return *this;
  }
  Graph(const Graph&) = delete;
  Graph& operator=(const Graph&) = delete;
  ~Graph() { reset(); }
  void reset() {
    if (g_) gpuos_graph_destroy(g_);
    g_ = nullptr;
  }
  uint32_t add_task(uint32_t op, uint32_t ntiles, const std::vector<gpuos_arg>& args = {}, uint32_t flags = 0) {
    uint32_t id = 0;
    check(gpuos_graph_add_task(g_, op, ntiles, args.data(), uint32_t(args.size()), flags, &id));
    return id;
  }
  void add_edge(uint32_t from, uint32_t to) { check(gpuos_graph_add_edge(g_, from, to)); }
  void bind(uint32_t task, uint32_t arg, void* data) { check(gpuos_graph_bind(g_, task, arg, data)); }
  void finalize() { check(gpuos_graph_finalize(g_)); }
  void submit(uint32_t timeout_ms = 10000) { check(gpuos_graph_submit(g_, timeout_ms)); }
  // true when finished, false while pending; throws on failure.
  bool poll() {
    gpuos_status_t s = gpuos_graph_poll(g_);
    if (s == GPUOS_PENDING) return false;
    check(s);
    return true;
  }
  void wait(uint32_t timeout_ms = 10000) { check(gpuos_graph_wait(g_, timeout_ms)); }
  gpuos_graph_t get() const { return g_; }

 private:
  gpuos_graph_t g_ = nullptr;
};

// A loaded bundle (docs/bundle.md): its graph, arena and operators.
class Bundle {
 public:
  Bundle() = default;
  Bundle(gpuos_runtime_t rt, const void* data, size_t size) { check(gpuos_bundle_load(rt, data, size, &b_)); }
  Bundle(gpuos_runtime_t rt, const std::string& path) { check(gpuos_bundle_load_file(rt, path.c_str(), &b_)); }
  Bundle(Bundle&& o) noexcept : b_(std::exchange(o.b_, nullptr)) {}
  Bundle& operator=(Bundle&& o) noexcept {
    if (this != &o) {
      reset();
      b_ = std::exchange(o.b_, nullptr);
    }
    return *this;
  }
  Bundle(const Bundle&) = delete;
  Bundle& operator=(const Bundle&) = delete;
  ~Bundle() { reset(); }
  void reset() {
    if (b_) gpuos_bundle_destroy(b_);
    b_ = nullptr;
  }
  gpuos_bundle_info info() const {
    gpuos_bundle_info i;
    check(gpuos_bundle_get_info(b_, &i));
    return i;
  }
  gpuos_bundle_tensor input(uint32_t i) const {
    gpuos_bundle_tensor t;
    check(gpuos_bundle_input(b_, i, &t));
    return t;
  }
  gpuos_bundle_tensor output(uint32_t i) const {
    gpuos_bundle_tensor t;
    check(gpuos_bundle_output(b_, i, &t));
    return t;
  }
  void bind_input(uint32_t i, void* dptr, size_t bytes) { check(gpuos_bundle_bind_input(b_, i, dptr, bytes)); }
  void bind_output(uint32_t i, void* dptr, size_t bytes) { check(gpuos_bundle_bind_output(b_, i, dptr, bytes)); }
  void submit(uint32_t timeout_ms = 10000) { check(gpuos_bundle_submit(b_, timeout_ms)); }
  void wait(uint32_t timeout_ms = 10000) { check(gpuos_bundle_wait(b_, timeout_ms)); }
  gpuos_bundle_t get() const { return b_; }

 private:
  gpuos_bundle_t b_ = nullptr;
};

class Runtime {
 public:
  explicit Runtime(const gpuos_runtime_config* cfg = nullptr) { check(gpuos_runtime_create(cfg, &rt_)); }
  Runtime(Runtime&& o) noexcept : rt_(std::exchange(o.rt_, nullptr)) {}
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;
  ~Runtime() {
    if (rt_) gpuos_runtime_destroy(rt_);
  }
  gpuos_runtime_t get() const { return rt_; }
  gpuos_runtime_info info() const {
    gpuos_runtime_info i;
    check(gpuos_runtime_get_info(rt_, &i));
    return i;
  }
  Module load_image(const void* image, size_t size) {
    gpuos_module_t m;
    check(gpuos_module_load_image(rt_, image, size, &m));
    return Module(rt_, m);
  }
  Module load_file(const std::string& path) {
    gpuos_module_t m;
    check(gpuos_module_load_file(rt_, path.c_str(), &m));
    return Module(rt_, m);
  }
  Module compile(const std::string& source, const std::string& name = "operator.cu",
                 const std::vector<std::string>& options = {}) {
    std::vector<const char*> o;
    for (auto& s : options) o.push_back(s.c_str());
    gpuos_module_t m;
    check(gpuos_module_compile(rt_, source.c_str(), name.c_str(), o.data(), uint32_t(o.size()), &m));
    return Module(rt_, m);
  }
  void set_op(uint32_t op, const Module& m, const std::string& name, uint32_t timeout_ms = 5000) {
    check(gpuos_op_set(rt_, op, m.get(), name.c_str(), timeout_ms));
  }
  Graph graph() { return Graph(rt_); }
  Bundle load_bundle(const std::string& path) { return Bundle(rt_, path); }
  void* alloc(size_t bytes) {
    void* p;
    check(gpuos_mem_alloc(rt_, bytes, &p));
    return p;
  }
  void free(void* p) { check(gpuos_mem_free(rt_, p)); }
  void upload(void* dst, const void* src, size_t n) { check(gpuos_memcpy_htod(rt_, dst, src, n)); }
  void download(void* dst, const void* src, size_t n) { check(gpuos_memcpy_dtoh(rt_, dst, src, n)); }
  void shutdown(uint32_t timeout_ms = 5000) { check(gpuos_runtime_shutdown(rt_, timeout_ms)); }

 private:
  gpuos_runtime_t rt_ = nullptr;
};

// A 1-D f32/i32/... argument descriptor.
inline gpuos_arg make_arg(void* data, int32_t dtype, int64_t n) {
  gpuos_arg a{};
  a.data = data;
  a.dtype = dtype;
  a.rank = 1;
  a.shape[0] = n;
  a.strides[0] = 1;
  return a;
}

}  // namespace gpuos
#endif
