// Host-only tests of bundle reading: what gpuos_bundle_inspect and gpuos_bundle_load
// accept and reject, without a GPU (CI).
#include <cstring>
#include <string>

#include "gpuos/bundle_format.h"
#include "test_util.h"

namespace {

// A two-task chain: input 0 (4x16 f16) -> arena at 0 (4x16 f32) -> output 0 (4 f32).
const char* kManifest = R"({
  "format": "gpuos-manifest", "version": 1, "device_abi_version": 1,
  "graphs": [{
    "name": "chain",
    "arena": {"bytes": 256, "alignment": 256},
    "inputs": [{"index": 0, "dtype": "f16", "shape": [4, 16], "strides": [16, 1], "bytes": 128}],
    "outputs": [{"index": 0, "dtype": "f32", "shape": [4], "strides": [1], "bytes": 16}],
    "tasks": [
      {"id": 0, "operator": "chain_task0", "symbol": "gpuos_opptr_chain_task0", "tiles": 2,
       "smem_bytes": 0, "scratch_bytes": 0, "deps": [],
       "args": [
         {"role": "input", "buffer": {"kind": "input", "index": 0}, "dtype": "f16",
          "shape": [4, 16], "strides": [16, 1], "bytes": 128},
         {"role": "result", "buffer": {"kind": "arena", "offset": 0}, "dtype": "f32",
          "shape": [4, 16], "strides": [16, 1], "bytes": 256}]},
      {"id": 1, "operator": "chain_task1", "symbol": "gpuos_opptr_chain_task1", "tiles": 1,
       "smem_bytes": 0, "scratch_bytes": 0, "deps": [0],
       "args": [
         {"role": "input", "buffer": {"kind": "arena", "offset": 0}, "dtype": "f32",
          "shape": [4, 16], "strides": [16, 1], "bytes": 256},
         {"role": "result", "buffer": {"kind": "output", "index": 0}, "dtype": "f32",
          "shape": [4], "strides": [1], "bytes": 16}]}]
  }]
})";

// Enough of an ELF header for the reader's check; never loaded.
const std::string kCubin = std::string("\x7f" "ELF\x02\x01\x01", 7) + std::string(57, '\0');

std::string bundle(const std::string& manifest = kManifest) {
  return gpuos::assemble_bundle(90, 128, GPUOS_DEVICE_ABI_VERSION, manifest, kCubin, "");
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  CHECK(at != std::string::npos);
  return at == std::string::npos ? text : text.replace(at, from.size(), to);
}

// Inspecting `bytes` fails as an invalid image with `message` in the error.
void expect_rejected(const std::string& bytes, const char* message) {
  gpuos_bundle_info info;
  CHECK_STATUS(gpuos_bundle_inspect(bytes.data(), bytes.size(), &info), GPUOS_ERROR_INVALID_IMAGE);
  if (!std::strstr(gpuos_last_error(), message)) {
    std::printf("  expected '%s' in: %s\n", message, gpuos_last_error());
    ++t::failures();
  }
}

}  // namespace

TEST_CASE(bundle_header_layout) {
  CHECK_EQ(sizeof(gpuos_bundle_header), 96u);
  CHECK_EQ(offsetof(gpuos_bundle_header, total_bytes), 32u);
  CHECK_EQ(offsetof(gpuos_bundle_header, source_bytes), 88u);
}

TEST_CASE(bundle_valid_is_summarized) {
  std::string b = gpuos::assemble_bundle(90, 128, GPUOS_DEVICE_ABI_VERSION, kManifest, kCubin, "// source");
  gpuos_bundle_info info;
  REQUIRE_OK(gpuos_bundle_inspect(b.data(), b.size(), &info));
  CHECK_EQ(info.format_version, 1u);
  CHECK_EQ(info.sm, 90u);
  CHECK_EQ(info.register_budget, 128u);
  CHECK_EQ(info.num_inputs, 1u);
  CHECK_EQ(info.num_outputs, 1u);
  CHECK_EQ(info.num_tasks, 2u);
  CHECK_EQ(info.num_operators, 2u);
  CHECK_EQ(info.arena_bytes, 256u);
  CHECK_EQ(info.cubin_bytes, kCubin.size());
  CHECK_EQ(info.source_bytes, 9u);
  CHECK_EQ(info.max_smem_bytes, 0u);
  CHECK_EQ(info.max_scratch_bytes, 0u);
  std::string big = gpuos::assemble_bundle(90, 128, GPUOS_DEVICE_ABI_VERSION,
                                           replaced(kManifest, "\"scratch_bytes\": 0, \"deps\": [0]",
                                                    "\"scratch_bytes\": 100000, \"deps\": [0]"),
                                           kCubin, "");
  REQUIRE_OK(gpuos_bundle_inspect(big.data(), big.size(), &info));
  CHECK_EQ(info.max_scratch_bytes, 100000u);
}

TEST_CASE(bundle_tasks_share_an_operator) {
  // Tasks of the same code name one operator: it is counted (and installed) once.
  std::string shared = bundle(replaced(kManifest, "\"chain_task1\", \"symbol\": \"gpuos_opptr_chain_task1\"",
                                       "\"chain_task0\", \"symbol\": \"gpuos_opptr_chain_task0\""));
  gpuos_bundle_info info;
  REQUIRE_OK(gpuos_bundle_inspect(shared.data(), shared.size(), &info));
  CHECK_EQ(info.num_tasks, 2u);
  CHECK_EQ(info.num_operators, 1u);
}

TEST_CASE(bundle_rejects_bad_header) {
  std::string b = bundle();
  expect_rejected(replaced(b, "GPUOSBDL", "GPUOSBDX"), "bad magic");
  std::string v2 = b;
  v2[8] = 2;
  expect_rejected(v2, "format version 2; this runtime reads version 1");
  expect_rejected(b.substr(0, 40), "truncated");
  expect_rejected(b.substr(0, b.size() - 1), "truncated or padded");
  std::string corrupt = b;
  corrupt[b.size() / 2] ^= 0x20;
  expect_rejected(corrupt, "checksum mismatch");
  std::string abi = gpuos::assemble_bundle(90, 128, GPUOS_DEVICE_ABI_VERSION + 1, kManifest, kCubin, "");
  expect_rejected(abi, "device ABI version");
  expect_rejected(gpuos::assemble_bundle(90, 128, GPUOS_DEVICE_ABI_VERSION, kManifest, "not a cubin", ""),
                  "not an ELF image");
}

TEST_CASE(bundle_rejects_bad_manifest) {
  std::string m = kManifest;
  expect_rejected(bundle(m.substr(0, m.size() / 2)), "manifest is not valid JSON");
  expect_rejected(bundle(replaced(m, "\"version\": 1", "\"version\": 7")), "manifest version 7");
  expect_rejected(bundle(replaced(m, "\"tiles\": 2,", "")), "tasks[0]: missing 'tiles'");
  expect_rejected(bundle(replaced(m, "\"tiles\": 2", "\"tiles\": 0")), "'tiles' = 0 is outside");
  expect_rejected(bundle(replaced(m, "\"deps\": [0]", "\"deps\": [5]")), "'deps' names no other task");
  expect_rejected(bundle(replaced(m, "\"offset\": 0}, \"dtype\": \"f32\",\n          \"shape\": [4, 16], \"strides\": [16, 1], \"bytes\": 256}]},",
                                  "\"offset\": 64}, \"dtype\": \"f32\",\n          \"shape\": [4, 16], \"strides\": [16, 1], \"bytes\": 256}]},")),
                  "outside the arena");
  expect_rejected(bundle(replaced(m, "\"shape\": [4, 16], \"strides\": [16, 1], \"bytes\": 128}],",
                                  "\"shape\": [4, 16], \"strides\": [16, 1], \"bytes\": 100}],")),
                  "'bytes' = 100 but the shape holds 128");
  expect_rejected(bundle(replaced(m, "\"kind\": \"input\", \"index\": 0}, \"dtype\": \"f16\"",
                                  "\"kind\": \"input\", \"index\": 0}, \"dtype\": \"bf16\"")),
                  "does not match input 0");
  expect_rejected(bundle(replaced(m, "\"dtype\": \"f16\"", "\"dtype\": \"f8\"")), "unknown dtype 'f8'");
  expect_rejected(bundle(replaced(m, "gpuos_opptr_chain_task1", "gpuos_opptr_other")), "'symbol' is not");
}

TEST_CASE(bundle_load_needs_a_runtime) {
  std::string b = bundle();
  gpuos_bundle_t out = nullptr;
  CHECK_STATUS(gpuos_bundle_load(nullptr, b.data(), b.size(), &out), GPUOS_ERROR_INVALID_ARGUMENT);
  CHECK(out == nullptr);
  CHECK_STATUS(gpuos_bundle_bind_input(nullptr, 0, nullptr, 0), GPUOS_ERROR_INVALID_ARGUMENT);
  CHECK_OK(gpuos_bundle_destroy(nullptr));
}

int main(int argc, char** argv) { return t::run_all(argc, argv); }
