// Bundle reading and manifest validation (see bundle_manifest.h, docs/bundle.md).
#include "bundle_manifest.h"

#include <algorithm>
#include <cstring>
#include <map>

#include "bundle_json.h"
#include "internal.h"

namespace gpuos {
namespace {

// A rejection; caught once in read_bundle and turned into the error message.
struct Rejected {
  std::string message;
};
[[noreturn]] void reject(const std::string& message) { throw Rejected{message}; }

const json::Value& member(const json::Value& object, const std::string& key, json::Value::Kind kind,
                          const std::string& where) {
  const json::Value* v = object.get(key);
  if (!v) reject(where + ": missing '" + key + "'");
  if (v->kind != kind) reject(where + ": '" + key + "' has the wrong type");
  return *v;
}

int64_t integer(const json::Value& object, const std::string& key, const std::string& where, int64_t lo,
                int64_t hi) {
  int64_t v = member(object, key, json::Value::Int, where).i;
  if (v < lo || v > hi)
    reject(where + ": '" + key + "' = " + std::to_string(v) + " is outside " + std::to_string(lo) + ".." +
           std::to_string(hi));
  return v;
}

struct DType {
  const char* name;
  int32_t code;
  uint64_t bytes;
};
constexpr DType kDTypes[] = {{"f32", GPUOS_DTYPE_F32, 4}, {"f16", GPUOS_DTYPE_F16, 2},
                             {"bf16", GPUOS_DTYPE_BF16, 2}, {"i1", GPUOS_DTYPE_I1, 1},
                             {"i32", GPUOS_DTYPE_I32, 4}, {"i64", GPUOS_DTYPE_I64, 8}};

// dtype, shape, strides and bytes of a tensor or argument: consistent, dense sizes.
gpuos_arg layout(const json::Value& v, const std::string& where, uint64_t* bytes) {
  const std::string& name = member(v, "dtype", json::Value::String, where).s;
  const DType* dtype = nullptr;
  for (const DType& d : kDTypes)
    if (name == d.name) dtype = &d;
  if (!dtype) reject(where + ": unknown dtype '" + name + "'");
  const auto& shape = member(v, "shape", json::Value::Array, where).items;
  const auto& strides = member(v, "strides", json::Value::Array, where).items;
  if (shape.size() > GPUOS_MAX_RANK || strides.size() != shape.size())
    reject(where + ": rank " + std::to_string(shape.size()) + " with " + std::to_string(strides.size()) +
           " strides (rank at most " + std::to_string(GPUOS_MAX_RANK) + ")");
  gpuos_arg a{};
  a.dtype = dtype->code;
  a.rank = int32_t(shape.size());
  uint64_t elements = 1;
  for (size_t d = 0; d < shape.size(); ++d) {
    if (shape[d].kind != json::Value::Int || shape[d].i < 0 || shape[d].i > (int64_t(1) << 40) ||
        strides[d].kind != json::Value::Int || strides[d].i < 0)
      reject(where + ": bad shape or stride in dimension " + std::to_string(d));
    a.shape[d] = shape[d].i;
    a.strides[d] = strides[d].i;
    elements *= uint64_t(shape[d].i);
    if (elements > (uint64_t(1) << 40)) reject(where + ": tensor too large");
  }
  *bytes = uint64_t(integer(v, "bytes", where, 0, INT64_MAX));
  if (*bytes != elements * dtype->bytes)
    reject(where + ": 'bytes' = " + std::to_string(*bytes) + " but the shape holds " +
           std::to_string(elements * dtype->bytes));
  return a;
}

std::vector<gpuos_bundle_tensor> externals(const json::Value& graph, const char* key) {
  std::vector<gpuos_bundle_tensor> out;
  const auto& items = member(graph, key, json::Value::Array, "graph").items;
  for (size_t i = 0; i < items.size(); ++i) {
    std::string where = std::string(key) + "[" + std::to_string(i) + "]";
    if (integer(items[i], "index", where, 0, INT32_MAX) != int64_t(i)) reject(where + ": 'index' is not " + std::to_string(i));
    if (items[i].get("copy_of_input") || items[i].get("buffer"))
      reject(where + ": outputs that alias an input or another buffer are not supported by the bundle loader");
    gpuos_bundle_tensor t{};
    gpuos_arg a = layout(items[i], where, &t.bytes);
    t.dtype = a.dtype;
    t.rank = a.rank;
    std::memcpy(t.shape, a.shape, sizeof t.shape);
    out.push_back(t);
  }
  return out;
}

BundleArg argument(const json::Value& v, const BundleDesc& d, const std::string& where) {
  BundleArg arg;
  uint64_t bytes = 0;
  arg.layout = layout(v, where, &bytes);
  const json::Value& buffer = member(v, "buffer", json::Value::Object, where);
  const std::string& kind = member(buffer, "kind", json::Value::String, where + ".buffer").s;
  if (kind == "arena") {
    arg.kind = BundleArg::Arena;
    arg.where = uint64_t(integer(buffer, "offset", where + ".buffer", 0, INT64_MAX));
    if (arg.where > d.arena_bytes || bytes > d.arena_bytes - arg.where)
      reject(where + ": arena bytes [" + std::to_string(arg.where) + ", +" + std::to_string(bytes) +
             ") outside the arena of " + std::to_string(d.arena_bytes));
    return arg;
  }
  const bool input = kind == "input";
  if (!input && kind != "output") reject(where + ": unknown buffer kind '" + kind + "'");
  const auto& list = input ? d.inputs : d.outputs;
  arg.kind = input ? BundleArg::Input : BundleArg::Output;
  arg.where = uint64_t(integer(buffer, "index", where + ".buffer", 0, int64_t(list.size()) - 1));
  if (list[arg.where].bytes != bytes || list[arg.where].dtype != arg.layout.dtype)
    reject(where + ": does not match " + kind + " " + std::to_string(arg.where) + " in dtype or size");
  return arg;
}

void read_tasks(const json::Value& graph, BundleDesc* d) {
  const auto& tasks = member(graph, "tasks", json::Value::Array, "graph").items;
  if (tasks.empty()) reject("graph: no tasks");
  std::map<int64_t, uint32_t> position;
  for (size_t t = 0; t < tasks.size(); ++t) {
    std::string where = "tasks[" + std::to_string(t) + "]";
    BundleTask task;
    task.id = integer(tasks[t], "id", where, 0, INT32_MAX);
    if (!position.emplace(task.id, uint32_t(t)).second) reject(where + ": duplicate id " + std::to_string(task.id));
    task.op = member(tasks[t], "operator", json::Value::String, where).s;
    if (task.op.empty()) reject(where + ": empty operator name");
    if (member(tasks[t], "symbol", json::Value::String, where).s != GPUOS_OPPTR_PREFIX + task.op)
      reject(where + ": 'symbol' is not " GPUOS_OPPTR_PREFIX + task.op);
    task.tiles = uint32_t(integer(tasks[t], "tiles", where, 1, UINT32_MAX));
    task.smem_bytes = uint32_t(integer(tasks[t], "smem_bytes", where, 0, UINT32_MAX));
    task.scratch_bytes = uint64_t(integer(tasks[t], "scratch_bytes", where, 0, INT64_MAX));
    const auto& args = member(tasks[t], "args", json::Value::Array, where).items;
    if (args.size() > GPUOS_MAX_ARGS) reject(where + ": more than " + std::to_string(GPUOS_MAX_ARGS) + " arguments");
    for (size_t a = 0; a < args.size(); ++a)
      task.args.push_back(argument(args[a], *d, where + ".args[" + std::to_string(a) + "]"));
    d->tasks.push_back(std::move(task));
  }
  // Dependencies name task ids, possibly of later tasks: resolve once all are known.
  for (size_t t = 0; t < tasks.size(); ++t) {
    std::string where = "tasks[" + std::to_string(t) + "]";
    for (const json::Value& dep : member(tasks[t], "deps", json::Value::Array, where).items) {
      auto it = dep.kind == json::Value::Int ? position.find(dep.i) : position.end();
      if (it == position.end() || it->second == t) reject(where + ": 'deps' names no other task");
      d->tasks[t].deps.push_back(it->second);
    }
    bool seen = false;
    for (const std::string& name : d->operators) seen |= name == d->tasks[t].op;
    if (!seen) d->operators.push_back(d->tasks[t].op);
  }
}

void read_manifest(const char* text, size_t size, BundleDesc* d) {
  json::Value root;
  std::string error;
  if (!json::parse(text, size, &root, &error)) reject("manifest is not valid JSON: " + error);
  if (root.kind != json::Value::Object) reject("manifest is not a JSON object");
  if (member(root, "format", json::Value::String, "manifest").s != "gpuos-manifest")
    reject("manifest: 'format' is not \"gpuos-manifest\"");
  int64_t version = member(root, "version", json::Value::Int, "manifest").i;
  if (version != GPUOS_BUNDLE_MANIFEST_VERSION)
    reject("manifest version " + std::to_string(version) + "; this runtime reads version " +
           std::to_string(GPUOS_BUNDLE_MANIFEST_VERSION));
  const auto& graphs = member(root, "graphs", json::Value::Array, "manifest").items;
  if (graphs.size() != 1) reject("manifest holds " + std::to_string(graphs.size()) + " graphs; a bundle holds one");
  const json::Value& graph = graphs[0];
  d->graph = member(graph, "name", json::Value::String, "graph").s;
  const json::Value& arena = member(graph, "arena", json::Value::Object, "graph");
  d->arena_bytes = uint64_t(integer(arena, "bytes", "arena", 0, INT64_MAX));
  d->arena_alignment = uint64_t(integer(arena, "alignment", "arena", 1, 1 << 20));
  d->inputs = externals(graph, "inputs");
  d->outputs = externals(graph, "outputs");
  read_tasks(graph, d);
}

// Header fields and section bounds, before anything is read from the sections.
void read_header(const unsigned char* p, size_t size, BundleDesc* d) {
  if (size < 8 || std::memcmp(p, GPUOS_BUNDLE_MAGIC, 8) != 0) reject("bad magic: not a GPUOS bundle");
  if (size < 16) reject("truncated: " + std::to_string(size) + " bytes, shorter than the header");
  gpuos_bundle_header& h = d->header;
  std::memcpy(&h.format_version, p + 8, 4);
  if (h.format_version != GPUOS_BUNDLE_FORMAT_VERSION)
    reject("format version " + std::to_string(h.format_version) + "; this runtime reads version " +
           std::to_string(GPUOS_BUNDLE_FORMAT_VERSION));
  if (size < sizeof h) reject("truncated: " + std::to_string(size) + " bytes, shorter than the header");
  std::memcpy(&h, p, sizeof h);
  if (h.header_bytes != sizeof h) reject("header size " + std::to_string(h.header_bytes) + " is not " + std::to_string(sizeof h));
  if (h.total_bytes != size)
    reject("truncated or padded: the header says " + std::to_string(h.total_bytes) + " bytes, got " +
           std::to_string(size));
  if (h.checksum != gpuos_bundle_checksum(p + sizeof h, size - sizeof h)) reject("checksum mismatch: the bundle is corrupt");
  if (h.device_abi_version != GPUOS_DEVICE_ABI_VERSION)
    reject("device ABI version " + std::to_string(h.device_abi_version) + "; this runtime has " +
           std::to_string(GPUOS_DEVICE_ABI_VERSION));
  auto inside = [&](uint64_t offset, uint64_t bytes, const char* what) {
    if (offset < sizeof h || offset > size || bytes > size - offset)
      reject(std::string(what) + " section [" + std::to_string(offset) + ", +" + std::to_string(bytes) +
             ") lies outside the bundle");
  };
  inside(h.manifest_offset, h.manifest_bytes, "manifest");
  inside(h.cubin_offset, h.cubin_bytes, "cubin");
  if (h.source_bytes) inside(h.source_offset, h.source_bytes, "source");
  if (!h.manifest_bytes) reject("no manifest");
  if (!is_elf(p + h.cubin_offset, h.cubin_bytes)) reject("the cubin section is not an ELF image");
}

}  // namespace

gpuos_status_t read_bundle(const void* data, size_t size, BundleDesc* out) {
  if (!data || !out) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "bundle: data or result is NULL");
  auto p = static_cast<const unsigned char*>(data);
  BundleDesc d;
  try {
    read_header(p, size, &d);
    read_manifest(reinterpret_cast<const char*>(p) + d.header.manifest_offset, d.header.manifest_bytes, &d);
  } catch (const Rejected& r) {
    return set_error(GPUOS_ERROR_INVALID_IMAGE, "bundle: %s", r.message.c_str());
  }
  d.cubin.assign(reinterpret_cast<const char*>(p) + d.header.cubin_offset, d.header.cubin_bytes);
  *out = std::move(d);
  return GPUOS_OK;
}

void bundle_info(const BundleDesc& d, gpuos_bundle_info* info) {
  *info = gpuos_bundle_info{};
  info->format_version = d.header.format_version;
  info->sm = d.header.sm;
  info->register_budget = d.header.register_budget;
  info->device_abi_version = d.header.device_abi_version;
  info->num_inputs = uint32_t(d.inputs.size());
  info->num_outputs = uint32_t(d.outputs.size());
  info->num_tasks = uint32_t(d.tasks.size());
  info->num_operators = uint32_t(d.operators.size());
  info->arena_bytes = d.arena_bytes;
  info->cubin_bytes = d.header.cubin_bytes;
  info->source_bytes = d.header.source_bytes;
  for (const BundleTask& t : d.tasks) {
    info->max_smem_bytes = std::max(info->max_smem_bytes, t.smem_bytes);
    info->max_scratch_bytes = std::max(info->max_scratch_bytes, t.scratch_bytes);
  }
}

}  // namespace gpuos
