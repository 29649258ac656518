// Minimal test helpers (no framework dependency, so the suite builds wherever the runtime does).
#pragma once
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <thread>
#include <string>
#include <vector>

#include "gpuos/runtime.h"

namespace t {
inline int& failures() {
  static int f = 0;
  return f;
}
struct Case {
  const char* name;
  std::function<void()> fn;
};
inline std::vector<Case>& cases() {
  static std::vector<Case> c;
  return c;
}
struct Reg {
  Reg(const char* n, std::function<void()> f) { cases().push_back({n, std::move(f)}); }
};
// Kills the process if one case runs longer than GPUOS_TEST_WATCHDOG seconds (default 150):
// a hang must show up as a failure with a message, never as a silent stall.
inline const char*& current_case() {
  static const char* c = "";
  return c;
}
inline void (*&on_watchdog())() {
  static void (*f)() = nullptr;
  return f;
}
inline void start_watchdog() {
  static bool started = false;
  if (started) return;
  started = true;
  const char* e = std::getenv("GPUOS_TEST_WATCHDOG");
  const int secs = e ? std::atoi(e) : 150;
  std::thread([secs] {
    for (;;) {
      const char* c = current_case();
      int waited = 0;
      while (current_case() == c && waited < secs * 10) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        ++waited;
      }
      if (current_case() == c && waited >= secs * 10) {
        std::printf("WATCHDOG: case %s still running after %d s; aborting\n", c, secs);
        if (on_watchdog()) on_watchdog()();
        std::fflush(stdout);
        std::_Exit(3);
      }
    }
  }).detach();
}
inline int run_all(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IONBF, 0);
  start_watchdog();
  int ran = 0;
  for (auto& c : cases()) {
    if (argc > 1) {
      bool sel = false;
      for (int i = 1; i < argc; ++i)
        if (std::string(argv[i]) == c.name) sel = true;
      if (!sel) continue;
    }
    int before = failures();
    auto t0 = std::chrono::steady_clock::now();
    current_case() = c.name;
    std::printf("[ RUN  ] %s\n", c.name);
    std::fflush(stdout);
    c.fn();
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    std::printf("[ %s ] %s (%.1f ms)\n", failures() == before ? " OK " : "FAIL", c.name, ms);
    std::fflush(stdout);
    ++ran;
  }
  std::printf("%d case(s), %d failure(s)\n", ran, failures());
  return failures() ? 1 : 0;
}
}  // namespace t

#define TEST_CASE(name)                              \
  static void name();                                \
  static t::Reg reg_##name(#name, name);             \
  static void name()

#define CHECK(cond)                                                                  \
  do {                                                                               \
    if (!(cond)) {                                                                   \
      std::printf("  %s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);          \
      ++t::failures();                                                               \
    }                                                                                \
  } while (0)
#define CHECK_EQ(a, b)                                                                                  \
  do {                                                                                                  \
    auto va_ = (a);                                                                                     \
    auto vb_ = (b);                                                                                     \
    if (!(va_ == vb_)) {                                                                                \
      std::printf("  %s:%d: CHECK_EQ failed: %s (%lld) != %s (%lld)\n", __FILE__, __LINE__, #a,         \
                  (long long)va_, #b, (long long)vb_);                                                  \
      ++t::failures();                                                                                  \
    }                                                                                                   \
  } while (0)
// Reports a failed call; true when `s` is not GPUOS_OK.
inline bool status_failed(gpuos_status_t s, const char* file, int line, const char* expr) {
  if (s == GPUOS_OK) return false;
  std::printf("  %s:%d: %s -> %s: %s\n", file, line, expr, gpuos_status_string(s), gpuos_last_error());
  ++t::failures();
  return true;
}
#define CHECK_OK(expr) ((void)status_failed((expr), __FILE__, __LINE__, #expr))
#define REQUIRE_OK(expr)                                        \
  do {                                                          \
    if (status_failed((expr), __FILE__, __LINE__, #expr)) return; \
  } while (0)
#define CHECK_STATUS(expr, want)                                                                          \
  do {                                                                                                    \
    gpuos_status_t s_ = (expr);                                                                           \
    if (s_ != (want)) {                                                                                   \
      std::printf("  %s:%d: %s -> %s, expected %s (%s)\n", __FILE__, __LINE__, #expr,                    \
                  gpuos_status_string(s_), gpuos_status_string(want), gpuos_last_error());                \
      ++t::failures();                                                                                    \
    }                                                                                                     \
  } while (0)
