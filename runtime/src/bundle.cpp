// gpuos_bundle_*: load a compiled graph (gpuos/bundle_format.h) with one call. Built only
// on the public API: the cubin goes through the AOT module path, operators through
// gpuos_op_set, the graph through gpuos_graph_*.
#include <cstdio>
#include <mutex>
#include <vector>

#include "bundle_manifest.h"
#include "internal.h"

using namespace gpuos;

struct gpuos_bundle_s {
  gpuos_runtime_t rt = nullptr;
  BundleDesc desc;
  gpuos_module_t module = nullptr;
  gpuos_graph_t graph = nullptr;
  void* arena = nullptr;
  // (task, argument) pairs that read each external input / output.
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> input_uses, output_uses;
  std::vector<bool> input_bound, output_bound;
};

namespace {

// Operator ids are taken from those never installed (generation 0); the lock keeps two
// loads from picking the same ones.
std::mutex op_id_mutex;

gpuos_status_t free_op_ids(gpuos_runtime_t rt, size_t count, std::vector<uint32_t>* ids) {
  gpuos_runtime_info info;
  gpuos_status_t s = gpuos_runtime_get_info(rt, &info);
  if (s != GPUOS_OK) return s;
  for (uint32_t id = 0; id < info.max_ops && ids->size() < count; ++id) {
    gpuos_op_stats st;
    if ((s = gpuos_op_get_stats(rt, id, &st)) != GPUOS_OK) return s;
    if (st.generation == 0) ids->push_back(id);
  }
  if (ids->size() < count)
    return set_error(GPUOS_ERROR_RESOURCE_LIMIT, "bundle: needs %zu free operator ids, the runtime has %zu of %u",
                     count, ids->size(), info.max_ops);
  return GPUOS_OK;
}

gpuos_status_t check_device(gpuos_runtime_t rt, const BundleDesc& d) {
  gpuos_runtime_info info;
  gpuos_status_t s = gpuos_runtime_get_info(rt, &info);
  if (s != GPUOS_OK) return s;
  const uint32_t sm = uint32_t(info.cc_major * 10 + info.cc_minor);
  if (d.header.sm != sm)
    return set_error(GPUOS_ERROR_UNSUPPORTED_DEVICE, "bundle: compiled for sm_%u, the device is sm_%u", d.header.sm, sm);
  if (d.header.register_budget > info.register_budget)
    return set_error(GPUOS_ERROR_RESOURCE_LIMIT, "bundle: compiled for %u registers, the runtime allows %u",
                     d.header.register_budget, info.register_budget);
  // An operator short of either traps on the device, which kills the context.
  const uint32_t scratch = runtime_scratch_bytes(rt);
  for (const BundleTask& t : d.tasks) {
    if (t.smem_bytes > info.op_smem_bytes)
      return set_error(GPUOS_ERROR_RESOURCE_LIMIT,
                       "bundle: operator %s needs %u bytes of shared memory, the runtime gives %u (op_smem_bytes)",
                       t.op.c_str(), t.smem_bytes, info.op_smem_bytes);
    if (t.scratch_bytes > scratch)
      return set_error(GPUOS_ERROR_RESOURCE_LIMIT,
                       "bundle: operator %s needs %llu bytes of scratch, the runtime gives %u (scratch_bytes)",
                       t.op.c_str(), (unsigned long long)t.scratch_bytes, scratch);
  }
  return GPUOS_OK;
}

// Operators, arena and graph of a validated bundle.
gpuos_status_t instantiate(gpuos_bundle_s* b) {
  const BundleDesc& d = b->desc;
  gpuos_status_t s = gpuos_module_load_image(b->rt, d.cubin.data(), d.cubin.size(), &b->module);
  if (s != GPUOS_OK) return s;
  std::vector<uint32_t> ids;
  {
    std::lock_guard<std::mutex> lock(op_id_mutex);
    if ((s = free_op_ids(b->rt, d.operators.size(), &ids)) != GPUOS_OK) return s;
    for (size_t i = 0; i < ids.size(); ++i)
      if ((s = gpuos_op_set(b->rt, ids[i], b->module, d.operators[i].c_str(), 10000)) != GPUOS_OK) return s;
  }
  if (d.arena_bytes) {
    if ((s = gpuos_mem_alloc(b->rt, d.arena_bytes, &b->arena)) != GPUOS_OK) return s;
    if (reinterpret_cast<uintptr_t>(b->arena) % d.arena_alignment)
      return set_error(GPUOS_ERROR_INTERNAL, "bundle: arena not aligned to %llu bytes", (unsigned long long)d.arena_alignment);
  }
  if ((s = gpuos_graph_create(b->rt, &b->graph)) != GPUOS_OK) return s;
  b->input_uses.resize(d.inputs.size());
  b->output_uses.resize(d.outputs.size());
  b->input_bound.assign(d.inputs.size(), false);
  b->output_bound.assign(d.outputs.size(), false);
  for (uint32_t t = 0; t < d.tasks.size(); ++t) {
    const BundleTask& task = d.tasks[t];
    std::vector<gpuos_arg> args;
    for (uint32_t a = 0; a < task.args.size(); ++a) {
      const BundleArg& arg = task.args[a];
      args.push_back(arg.layout);
      if (arg.kind == BundleArg::Arena)
        args.back().data = static_cast<char*>(b->arena) + arg.where;
      else
        (arg.kind == BundleArg::Input ? b->input_uses : b->output_uses)[arg.where].push_back({t, a});
    }
    size_t op = 0;
    while (d.operators[op] != task.op) ++op;
    uint32_t id = 0;
    if ((s = gpuos_graph_add_task(b->graph, ids[op], task.tiles, args.data(), uint32_t(args.size()), 0, &id)) != GPUOS_OK)
      return s;
  }
  for (uint32_t t = 0; t < d.tasks.size(); ++t)
    for (uint32_t dep : d.tasks[t].deps)
      if ((s = gpuos_graph_add_edge(b->graph, dep, t)) != GPUOS_OK) return s;
  return GPUOS_OK;
}

gpuos_status_t bind(gpuos_bundle_t b, bool input, uint32_t index, void* dptr, size_t bytes) {
  clear_error();
  if (!b) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "bundle is NULL");
  const char* kind = input ? "input" : "output";
  const auto& tensors = input ? b->desc.inputs : b->desc.outputs;
  if (index >= tensors.size())
    return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "bundle: no %s %u (it has %zu)", kind, index, tensors.size());
  if (bytes != tensors[index].bytes)
    return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "bundle: %s %u holds %llu bytes, the buffer has %zu", kind, index,
                     (unsigned long long)tensors[index].bytes, bytes);
  if (!dptr && bytes) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "bundle: %s %u bound to NULL", kind, index);
  for (auto [task, arg] : (input ? b->input_uses : b->output_uses)[index]) {
    gpuos_status_t s = gpuos_graph_bind(b->graph, task, arg, dptr);
    if (s != GPUOS_OK) return s;
  }
  (input ? b->input_bound : b->output_bound)[index] = true;
  return GPUOS_OK;
}

gpuos_status_t tensor(gpuos_bundle_t b, bool input, uint32_t index, gpuos_bundle_tensor* t) {
  clear_error();
  if (!b || !t) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "bundle or result is NULL");
  const auto& tensors = input ? b->desc.inputs : b->desc.outputs;
  if (index >= tensors.size())
    return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "bundle: no %s %u (it has %zu)", input ? "input" : "output", index,
                     tensors.size());
  *t = tensors[index];
  return GPUOS_OK;
}

}  // namespace

gpuos_status_t gpuos_bundle_inspect(const void* data, size_t size, gpuos_bundle_info* info) {
  clear_error();
  if (!info) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "info is NULL");
  BundleDesc d;
  gpuos_status_t s = read_bundle(data, size, &d);
  if (s == GPUOS_OK) bundle_info(d, info);
  return s;
}

gpuos_status_t gpuos_bundle_load(gpuos_runtime_t rt, const void* data, size_t size, gpuos_bundle_t* out) {
  clear_error();
  if (!rt || !out) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "runtime or result is NULL");
  *out = nullptr;
  auto* b = new gpuos_bundle_s;
  b->rt = rt;
  gpuos_status_t s = read_bundle(data, size, &b->desc);
  if (s == GPUOS_OK) s = check_device(rt, b->desc);
  if (s == GPUOS_OK) s = instantiate(b);
  if (s != GPUOS_OK) {
    std::string message = gpuos_last_error();
    gpuos_bundle_destroy(b);
    return set_error(s, "%s", message.c_str());
  }
  *out = b;
  return GPUOS_OK;
}

gpuos_status_t gpuos_bundle_load_file(gpuos_runtime_t rt, const char* path, gpuos_bundle_t* out) {
  clear_error();
  if (!path) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "path is NULL");
  FILE* f = std::fopen(path, "rb");
  if (!f) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "bundle: cannot open '%s'", path);
  std::vector<char> bytes;
  char chunk[1 << 16];
  size_t n;
  while ((n = std::fread(chunk, 1, sizeof chunk, f)) > 0) bytes.insert(bytes.end(), chunk, chunk + n);
  bool failed = std::ferror(f);
  std::fclose(f);
  if (failed) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "bundle: cannot read '%s'", path);
  return gpuos_bundle_load(rt, bytes.data(), bytes.size(), out);
}

gpuos_status_t gpuos_bundle_get_info(gpuos_bundle_t b, gpuos_bundle_info* info) {
  clear_error();
  if (!b || !info) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "bundle or info is NULL");
  bundle_info(b->desc, info);
  return GPUOS_OK;
}

gpuos_status_t gpuos_bundle_input(gpuos_bundle_t b, uint32_t index, gpuos_bundle_tensor* t) {
  return tensor(b, true, index, t);
}
gpuos_status_t gpuos_bundle_output(gpuos_bundle_t b, uint32_t index, gpuos_bundle_tensor* t) {
  return tensor(b, false, index, t);
}
gpuos_status_t gpuos_bundle_bind_input(gpuos_bundle_t b, uint32_t index, void* dptr, size_t bytes) {
  return bind(b, true, index, dptr, bytes);
}
gpuos_status_t gpuos_bundle_bind_output(gpuos_bundle_t b, uint32_t index, void* dptr, size_t bytes) {
  return bind(b, false, index, dptr, bytes);
}

gpuos_status_t gpuos_bundle_submit(gpuos_bundle_t b, uint32_t timeout_ms) {
  clear_error();
  if (!b) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "bundle is NULL");
  for (size_t i = 0; i < b->input_bound.size(); ++i)
    if (!b->input_bound[i]) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "bundle: input %zu is not bound", i);
  for (size_t i = 0; i < b->output_bound.size(); ++i)
    if (!b->output_bound[i]) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "bundle: output %zu is not bound", i);
  return gpuos_graph_submit(b->graph, timeout_ms);
}

gpuos_status_t gpuos_bundle_wait(gpuos_bundle_t b, uint32_t timeout_ms) {
  clear_error();
  if (!b) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "bundle is NULL");
  return gpuos_graph_wait(b->graph, timeout_ms);
}

gpuos_status_t gpuos_bundle_destroy(gpuos_bundle_t b) {
  if (!b) return GPUOS_OK;
  gpuos_status_t s = GPUOS_OK, t;
  if (b->graph && (t = gpuos_graph_destroy(b->graph)) != GPUOS_OK) s = t;
  if (b->arena && (t = gpuos_mem_free(b->rt, b->arena)) != GPUOS_OK) s = t;
  if (b->module && (t = gpuos_module_release(b->rt, b->module)) != GPUOS_OK) s = t;
  delete b;
  return s;
}
