//===- BundleCompiler.cpp - NVRTC and nvJitLink for bundles ---------------===//
//
// Source -> NVRTC (-rdc=true, the register budget, the runtime's include
// directory) -> relocatable cubin -> nvJitLink -> final non-LTO cubin.
//
//===----------------------------------------------------------------------===//

#include "gpuos/CodeGen/BundleCompiler.h"

#include <nvJitLink.h>
#include <nvrtc.h>

using namespace gpuos;

namespace {
/// Destroys an NVRTC program or nvJitLink handle on every path.
struct ProgramGuard {
  nvrtcProgram program = nullptr;
  ~ProgramGuard() {
    if (program)
      nvrtcDestroyProgram(&program);
  }
};
struct LinkerGuard {
  nvJitLinkHandle linker = nullptr;
  ~LinkerGuard() {
    if (linker)
      nvJitLinkDestroy(&linker);
  }
};

bool relocatable(const std::string &source, const BundleTarget &target,
                 std::string &object, std::string &log) {
  ProgramGuard guard;
  nvrtcResult r = nvrtcCreateProgram(&guard.program, source.c_str(),
                                     "operators.cu", 0, nullptr, nullptr);
  if (r != NVRTC_SUCCESS) {
    log = std::string("nvrtcCreateProgram: ") + nvrtcGetErrorString(r);
    return false;
  }
  std::vector<std::string> options = {
      "--gpu-architecture=sm_" + std::to_string(target.sm), "-rdc=true",
      "-maxrregcount=" + std::to_string(target.maxRegisters), "-std=c++17",
      "--include-path=" GPUOS_RUNTIME_INCLUDE_DIR,
      "--include-path=" GPUOS_CUDA_INCLUDE_DIR};
  options.insert(options.end(), target.extraOptions.begin(),
                 target.extraOptions.end());
  std::vector<const char *> argv;
  for (const std::string &o : options)
    argv.push_back(o.c_str());
  r = nvrtcCompileProgram(guard.program, int(argv.size()), argv.data());
  size_t logSize = 0;
  if (nvrtcGetProgramLogSize(guard.program, &logSize) == NVRTC_SUCCESS &&
      logSize > 1) {
    log.resize(logSize);
    nvrtcGetProgramLog(guard.program, log.data());
    log.resize(logSize - 1);
  }
  if (r != NVRTC_SUCCESS) {
    log = std::string("NVRTC: ") + nvrtcGetErrorString(r) + "\n" + log;
    return false;
  }
  size_t size = 0;
  if (nvrtcGetCUBINSize(guard.program, &size) != NVRTC_SUCCESS || !size) {
    log = "NVRTC produced no cubin";
    return false;
  }
  object.resize(size);
  return nvrtcGetCUBIN(guard.program, object.data()) == NVRTC_SUCCESS;
}

bool linked(const std::string &object, const BundleTarget &target,
            std::string &cubin, std::string &log) {
  std::string arch = "-arch=sm_" + std::to_string(target.sm);
  std::string registers = "-maxrregcount=" + std::to_string(target.maxRegisters);
  const char *options[] = {arch.c_str(), registers.c_str()};
  LinkerGuard guard;
  nvJitLinkResult r = nvJitLinkCreate(&guard.linker, 2, options);
  if (r == NVJITLINK_SUCCESS)
    r = nvJitLinkAddData(guard.linker, NVJITLINK_INPUT_CUBIN, object.data(),
                         object.size(), "operators");
  if (r == NVJITLINK_SUCCESS)
    r = nvJitLinkComplete(guard.linker);
  size_t size = 0;
  if (r != NVJITLINK_SUCCESS) {
    log = "nvJitLink failed (" + std::to_string(int(r)) + ")";
    if (guard.linker &&
        nvJitLinkGetErrorLogSize(guard.linker, &size) == NVJITLINK_SUCCESS &&
        size > 1) {
      std::string text(size, '\0');
      nvJitLinkGetErrorLog(guard.linker, text.data());
      text.resize(size - 1);
      log += ":\n" + text;
    }
    return false;
  }
  if (nvJitLinkGetLinkedCubinSize(guard.linker, &size) != NVJITLINK_SUCCESS ||
      !size) {
    log = "nvJitLink produced no cubin";
    return false;
  }
  cubin.resize(size);
  return nvJitLinkGetLinkedCubin(guard.linker, cubin.data()) ==
         NVJITLINK_SUCCESS;
}
} // namespace

bool gpuos::compileBundleOperators(const std::string &source,
                                   const BundleTarget &target,
                                   std::string &cubin, std::string &log) {
  std::string object;
  return relocatable(source, target, object, log) &&
         linked(object, target, cubin, log);
}
