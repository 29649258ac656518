// JIT path: CUDA source -> NVRTC (-rdc=true) -> nvJitLink (non-LTO) -> final cubin.
// Needs no GPU: the target comes from the options.
#include <nvJitLink.h>
#include <nvrtc.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "internal.h"

namespace gpuos {

gpuos_status_t jit_compile(int sm, unsigned max_registers, const char* source, const char* name,
                           const std::vector<std::string>& extra, std::vector<char>* cubin, std::string* log) {
  if (!source) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "jit: source is NULL");
  if (!name || !*name) name = "operator.cu";
  if (sm <= 0) sm = 90;
  if (max_registers == 0) max_registers = 128;
  log->clear();
  nvrtcProgram prog;
  const char* hdr_src[] = {gpuos_device_abi_header_text};
  const char* hdr_name[] = {"gpuos/device_abi.h"};
  nvrtcResult rr = nvrtcCreateProgram(&prog, source, name, 1, hdr_src, hdr_name);
  if (rr != NVRTC_SUCCESS)
    return set_error(GPUOS_ERROR_COMPILE, "jit: nvrtcCreateProgram(%s): %s", name, nvrtcGetErrorString(rr));
  std::vector<std::string> opts = {
      "--gpu-architecture=sm_" + std::to_string(sm), "-rdc=true", "-maxrregcount=" + std::to_string(max_registers),
      "-default-device", "-std=c++17", "-DGPUOS_REGISTER_BUDGET=" + std::to_string(max_registers)};
  for (const auto& e : extra) opts.push_back(e);
  std::vector<const char*> copts;
  for (auto& o : opts) copts.push_back(o.c_str());
  rr = nvrtcCompileProgram(prog, int(copts.size()), copts.data());
  size_t lsz = 0;
  nvrtcGetProgramLogSize(prog, &lsz);
  std::string nlog(lsz, '\0');
  if (lsz) nvrtcGetProgramLog(prog, &nlog[0]);
  while (!nlog.empty() && (nlog.back() == '\0' || nlog.back() == '\n')) nlog.pop_back();
  if (rr != NVRTC_SUCCESS) {
    *log = nlog;
    nvrtcDestroyProgram(&prog);
    return set_error(GPUOS_ERROR_COMPILE, "jit: NVRTC failed to compile %s (%s):\n%s", name, nvrtcGetErrorString(rr),
                     nlog.c_str());
  }
  size_t csz = 0;
  rr = nvrtcGetCUBINSize(prog, &csz);
  std::vector<char> reloc(csz);
  if (rr == NVRTC_SUCCESS && csz) rr = nvrtcGetCUBIN(prog, reloc.data());
  nvrtcDestroyProgram(&prog);
  if (rr != NVRTC_SUCCESS || csz == 0)
    return set_error(GPUOS_ERROR_COMPILE, "jit: NVRTC produced no cubin for %s: %s", name, nvrtcGetErrorString(rr));

  nvJitLinkHandle h;
  std::string arch = "-arch=sm_" + std::to_string(sm);
  std::string mr = "-maxrregcount=" + std::to_string(max_registers);
  const char* lopts[] = {arch.c_str(), mr.c_str()};
  nvJitLinkResult lr = nvJitLinkCreate(&h, 2, lopts);
  if (lr != NVJITLINK_SUCCESS) return set_error(GPUOS_ERROR_LINK, "jit: nvJitLinkCreate failed (%d)", int(lr));
  auto link_log = [&]() {
    size_t n = 0;
    std::string s;
    if (nvJitLinkGetErrorLogSize(h, &n) == NVJITLINK_SUCCESS && n) {
      s.resize(n);
      nvJitLinkGetErrorLog(h, &s[0]);
      while (!s.empty() && (s.back() == '\0' || s.back() == '\n')) s.pop_back();
    }
    return s;
  };
  lr = nvJitLinkAddData(h, NVJITLINK_INPUT_CUBIN, reloc.data(), reloc.size(), name);
  if (lr == NVJITLINK_SUCCESS) lr = nvJitLinkComplete(h);
  if (lr != NVJITLINK_SUCCESS) {
    *log = link_log();
    nvJitLinkDestroy(&h);
    return set_error(GPUOS_ERROR_LINK, "jit: nvJitLink failed to link %s (error %d):\n%s", name, int(lr), log->c_str());
  }
  size_t osz = 0;
  lr = nvJitLinkGetLinkedCubinSize(h, &osz);
  cubin->assign(osz, 0);
  if (lr == NVJITLINK_SUCCESS) lr = nvJitLinkGetLinkedCubin(h, cubin->data());
  nvJitLinkDestroy(&h);
  if (lr != NVJITLINK_SUCCESS) return set_error(GPUOS_ERROR_LINK, "jit: nvJitLink produced no cubin (%d)", int(lr));
  *log = nlog;
  return GPUOS_OK;
}

bool image_function_resources(const void* image, size_t size, const char* function, FunctionResources* r) {
  bool any = false;
  for (auto& e : find_elf_images(image, size)) {
    FunctionResources fr;
    if (!elf_function_resources(e.first, e.second, function, &fr)) continue;
    any = true;
    if (fr.found) {
      *r = fr;
      return true;
    }
  }
  *r = FunctionResources{};
  return any;
}

}  // namespace gpuos

using namespace gpuos;

extern "C" {

void gpuos_jit_options_init(gpuos_jit_options* o) {
  if (!o) return;
  std::memset(o, 0, sizeof *o);
  o->struct_size = sizeof *o;
  o->sm = 90;
  o->max_registers = 128;
}

gpuos_status_t gpuos_jit_compile(const gpuos_jit_options* opts, const char* source, const char* name, void** cubin,
                                 size_t* cubin_size, char** log) {
  clear_error();
  if (log) *log = nullptr;
  if (!cubin || !cubin_size) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "gpuos_jit_compile: NULL output");
  *cubin = nullptr;
  *cubin_size = 0;
  gpuos_jit_options o;
  gpuos_jit_options_init(&o);
  if (opts) {
    if (opts->struct_size < sizeof(gpuos_jit_options))
      return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "gpuos_jit_compile: bad struct_size");
    o = *opts;
  }
  std::vector<std::string> extra;
  for (uint32_t i = 0; i < o.num_extra_options; ++i)
    if (o.extra_options && o.extra_options[i]) extra.push_back(o.extra_options[i]);
  std::vector<char> out;
  std::string lg;
  gpuos_status_t s = jit_compile(o.sm, o.max_registers, source, name, extra, &out, &lg);
  if (log && !lg.empty()) {
    *log = static_cast<char*>(std::malloc(lg.size() + 1));
    if (*log) std::memcpy(*log, lg.c_str(), lg.size() + 1);
  }
  if (s != GPUOS_OK) return s;
  *cubin = std::malloc(out.size());
  if (!*cubin) return set_error(GPUOS_ERROR_OUT_OF_MEMORY, "gpuos_jit_compile: out of host memory");
  std::memcpy(*cubin, out.data(), out.size());
  *cubin_size = out.size();
  return GPUOS_OK;
}

void gpuos_free(void* p) { std::free(p); }

gpuos_status_t gpuos_cubin_function_resources(const void* cubin, size_t size, const char* function,
                                              gpuos_function_resources* out) {
  clear_error();
  if (!cubin || !function || !out) return set_error(GPUOS_ERROR_INVALID_ARGUMENT, "NULL argument");
  FunctionResources r;
  if (!image_function_resources(cubin, size, function, &r))
    return set_error(GPUOS_ERROR_INVALID_IMAGE, "image is neither a cubin nor a fatbin with an uncompressed cubin");
  out->registers = r.registers;
  out->stack_bytes = r.stack();
  out->found = r.found ? 1 : 0;
  return GPUOS_OK;
}

}  // extern "C"
