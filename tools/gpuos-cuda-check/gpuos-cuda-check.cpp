//===- gpuos-cuda-check.cpp - compile and link emitted CUDA without a GPU -===//
//
// Usage: gpuos-cuda-check [options] <file.cu | ->
//
// Compiles the file with NVRTC as relocatable device code (-rdc=true) for
// sm_90 with the runtime's register budget, links it with nvJitLink into a
// non-LTO cubin, and exits non-zero with the compiler or linker log on any
// error. This is what the runtime's JIT loader does, so code that passes
// here loads there. With --resources it prints the stack frame and spills
// of every function (ptxas -v, through NVRTC's log; ptxas does not report
// registers of non-entry functions in relocatable code).
//
// Deliberately free of LLVM: it links only NVRTC and nvJitLink.
//
//===----------------------------------------------------------------------===//

#include <nvJitLink.h>
#include <nvrtc.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Options {
  std::string input;
  std::string arch = "sm_90";
  unsigned maxRegisters = 128;
  bool resources = false;
  std::string output; // cubin path, optional
  std::vector<std::string> includeDirs = {GPUOS_RUNTIME_INCLUDE_DIR,
                                          GPUOS_CUDA_INCLUDE_DIR};
};

void usage(std::ostream &os) {
  os << "usage: gpuos-cuda-check [--arch=sm_NN] [--maxrregcount=N] "
        "[--resources] [-I DIR]... [-o out.cubin] <file.cu | ->\n"
        "Compiles CUDA device code with NVRTC (-rdc=true) and links it with "
        "nvJitLink\n(non-LTO cubin); exits non-zero with the log on error.\n";
}

bool parseOptions(int argc, char **argv, Options &o) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&](const char *prefix) -> const char * {
      size_t n = std::strlen(prefix);
      return a.compare(0, n, prefix) == 0 ? argv[i] + n : nullptr;
    };
    if (a == "-h" || a == "--help") {
      usage(std::cout);
      std::exit(0);
    } else if (const char *v = value("--arch=")) {
      o.arch = v;
    } else if (const char *v = value("--maxrregcount=")) {
      char *end = nullptr;
      unsigned long n = std::strtoul(v, &end, 10);
      if (!*v || *end || n == 0 || n > 255) {
        std::cerr << "gpuos-cuda-check: bad --maxrregcount '" << v << "'\n";
        return false;
      }
      o.maxRegisters = unsigned(n);
    } else if (a == "--resources") {
      o.resources = true;
    } else if (a == "-I" && i + 1 < argc) {
      o.includeDirs.push_back(argv[++i]);
    } else if (a == "-o" && i + 1 < argc) {
      o.output = argv[++i];
    } else if (a.size() > 1 && a[0] == '-') {
      std::cerr << "gpuos-cuda-check: unknown option '" << a << "'\n";
      usage(std::cerr);
      return false;
    } else if (o.input.empty()) {
      o.input = a;
    } else {
      std::cerr << "gpuos-cuda-check: more than one input file\n";
      return false;
    }
  }
  if (o.input.empty()) {
    usage(std::cerr);
    return false;
  }
  return true;
}

bool readInput(const std::string &path, std::string &text) {
  if (path == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), {});
    return true;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "gpuos-cuda-check: cannot read '" << path << "'\n";
    return false;
  }
  text.assign(std::istreambuf_iterator<char>(in), {});
  return true;
}

/// A NVRTC or nvJitLink log: both APIs report a size (with the terminating
/// NUL) and then fill a buffer; success is 0 in both.
template <typename Handle, typename SizeFn, typename GetFn>
std::string readLog(Handle h, SizeFn getSize, GetFn getLog) {
  size_t size = 0;
  std::string log;
  if (getSize(h, &size) == 0 && size > 1) {
    log.resize(size);
    getLog(h, &log[0]);
    log.resize(size - 1);
  }
  return log;
}

/// NVRTC: source to relocatable cubin.
bool compile(const Options &o, const std::string &source,
             std::vector<char> &cubin, std::string &info) {
  std::string name = o.input == "-" ? "<stdin>" : o.input;
  nvrtcProgram prog;
  nvrtcResult r = nvrtcCreateProgram(&prog, source.c_str(), name.c_str(), 0,
                                     nullptr, nullptr);
  if (r != NVRTC_SUCCESS) {
    std::cerr << "gpuos-cuda-check: nvrtcCreateProgram: "
              << nvrtcGetErrorString(r) << "\n";
    return false;
  }
  std::vector<std::string> options = {
      "--gpu-architecture=" + o.arch, "-rdc=true",
      "-maxrregcount=" + std::to_string(o.maxRegisters), "-std=c++17"};
  for (const std::string &dir : o.includeDirs)
    options.push_back("--include-path=" + dir);
  if (o.resources)
    options.push_back("--ptxas-options=-v");
  std::vector<const char *> argv;
  for (const std::string &s : options)
    argv.push_back(s.c_str());
  r = nvrtcCompileProgram(prog, int(argv.size()), argv.data());
  std::string log =
      readLog(prog, nvrtcGetProgramLogSize, nvrtcGetProgramLog);
  if (r != NVRTC_SUCCESS) {
    std::cerr << name << ": NVRTC failed (" << nvrtcGetErrorString(r)
              << "):\n"
              << log;
    nvrtcDestroyProgram(&prog);
    return false;
  }
  info = log;
  size_t size = 0;
  r = nvrtcGetCUBINSize(prog, &size);
  if (r == NVRTC_SUCCESS && size) {
    cubin.resize(size);
    r = nvrtcGetCUBIN(prog, cubin.data());
  }
  nvrtcDestroyProgram(&prog);
  if (r != NVRTC_SUCCESS || cubin.empty()) {
    std::cerr << name << ": NVRTC produced no cubin\n";
    return false;
  }
  return true;
}

/// nvJitLink: relocatable cubin to a loadable (non-LTO) cubin.
bool link(const Options &o, const std::vector<char> &relocatable,
          std::vector<char> &cubin) {
  std::string arch = "-arch=" + o.arch;
  std::string regs = "-maxrregcount=" + std::to_string(o.maxRegisters);
  std::vector<const char *> options = {arch.c_str(), regs.c_str()};
  nvJitLinkHandle h;
  nvJitLinkResult r =
      nvJitLinkCreate(&h, uint32_t(options.size()), options.data());
  if (r != NVJITLINK_SUCCESS) {
    std::cerr << "gpuos-cuda-check: nvJitLinkCreate failed (" << int(r)
              << ")\n";
    return false;
  }
  r = nvJitLinkAddData(h, NVJITLINK_INPUT_CUBIN, relocatable.data(),
                       relocatable.size(), "operators");
  if (r == NVJITLINK_SUCCESS)
    r = nvJitLinkComplete(h);
  if (r != NVJITLINK_SUCCESS) {
    std::cerr << "gpuos-cuda-check: nvJitLink failed (" << int(r) << "):\n"
              << readLog(h, nvJitLinkGetErrorLogSize, nvJitLinkGetErrorLog);
    nvJitLinkDestroy(&h);
    return false;
  }
  size_t size = 0;
  r = nvJitLinkGetLinkedCubinSize(h, &size);
  if (r == NVJITLINK_SUCCESS) {
    cubin.resize(size);
    r = nvJitLinkGetLinkedCubin(h, cubin.data());
  }
  nvJitLinkDestroy(&h);
  if (r != NVJITLINK_SUCCESS || cubin.empty()) {
    std::cerr << "gpuos-cuda-check: nvJitLink produced no cubin\n";
    return false;
  }
  return true;
}

/// Keeps the per-function resource lines of ptxas -v in the NVRTC log:
/// "Function properties for NAME" then "N bytes stack frame, ... spill ...".
void printResources(const std::string &info) {
  std::istringstream lines(info);
  std::string line;
  while (std::getline(lines, line))
    if (line.find("Function properties for") != std::string::npos ||
        line.find("Used ") != std::string::npos ||
        line.find("stack frame") != std::string::npos)
      std::cout << line << "\n";
}

} // namespace

int main(int argc, char **argv) {
  Options o;
  if (!parseOptions(argc, argv, o))
    return 2;
  std::string source;
  if (!readInput(o.input, source))
    return 1;
  std::vector<char> relocatable, cubin;
  std::string info;
  if (!compile(o, source, relocatable, info) || !link(o, relocatable, cubin))
    return 1;
  if (o.resources)
    printResources(info);
  if (!o.output.empty()) {
    std::ofstream out(o.output, std::ios::binary);
    out.write(cubin.data(), std::streamsize(cubin.size()));
    if (!out) {
      std::cerr << "gpuos-cuda-check: cannot write '" << o.output << "'\n";
      return 1;
    }
  }
  std::cout << "ok: " << cubin.size() << " bytes of " << o.arch << " cubin\n";
  return 0;
}
