/* gpuos/bundle_format.h -- the on-disk layout of a GPUOS bundle.
 *
 * A bundle is one file that the compiler writes (gpuos-translate --gpuos-to-bundle) and
 * the runtime loads with one call (gpuos_bundle_load): a fixed header, then the JSON
 * manifest, the operators' cubin and optionally their CUDA source. Integers are
 * little-endian. docs/bundle.md describes every field.
 *
 * Plain C with only <stdint.h>, so the compiler includes it without the runtime.
 */
#ifndef GPUOS_BUNDLE_FORMAT_H
#define GPUOS_BUNDLE_FORMAT_H

#include <stddef.h>
#include <stdint.h>

#define GPUOS_BUNDLE_MAGIC "GPUOSBDL" /* 8 bytes, no terminator in the file */
#define GPUOS_BUNDLE_FORMAT_VERSION 1
/* Version of the JSON manifest the bundle carries ("version" in the manifest). */
#define GPUOS_BUNDLE_MANIFEST_VERSION 1

/* 96 bytes. Sections lie after the header, inside [header_bytes, total_bytes). */
typedef struct gpuos_bundle_header {
  char magic[8];               /* GPUOS_BUNDLE_MAGIC */
  uint32_t format_version;     /* GPUOS_BUNDLE_FORMAT_VERSION */
  uint32_t header_bytes;       /* sizeof(gpuos_bundle_header) */
  uint32_t sm;                 /* target architecture, e.g. 90 for sm_90 */
  uint32_t register_budget;    /* -maxrregcount the operators were compiled with */
  uint32_t device_abi_version; /* GPUOS_DEVICE_ABI_VERSION of the operators */
  uint32_t flags;              /* 0; reserved */
  uint64_t total_bytes;        /* size of the whole bundle */
  uint64_t checksum;           /* FNV-1a 64 of bytes [header_bytes, total_bytes) */
  uint64_t manifest_offset, manifest_bytes; /* JSON manifest (UTF-8, no terminator) */
  uint64_t cubin_offset, cubin_bytes;       /* linked non-LTO cubin of every operator */
  uint64_t source_offset, source_bytes;     /* CUDA source; both 0 when not stored */
} gpuos_bundle_header;

/* FNV-1a, 64 bits: detects corruption, not tampering. */
static inline uint64_t gpuos_bundle_checksum(const void* data, size_t size) {
  const unsigned char* p = (const unsigned char*)data;
  uint64_t h = 14695981039346656037ull;
  for (size_t i = 0; i < size; ++i) h = (h ^ p[i]) * 1099511628211ull;
  return h;
}

#ifdef __cplusplus
#include <cstring>
#include <string>

namespace gpuos {
/* Lays out a bundle: header, then manifest, cubin and source, each 16-byte aligned. */
inline std::string assemble_bundle(uint32_t sm, uint32_t register_budget, uint32_t device_abi_version,
                                   const std::string& manifest, const std::string& cubin,
                                   const std::string& source) {
  gpuos_bundle_header h;
  std::memset(&h, 0, sizeof h);
  std::memcpy(h.magic, GPUOS_BUNDLE_MAGIC, 8);
  h.format_version = GPUOS_BUNDLE_FORMAT_VERSION;
  h.header_bytes = sizeof h;
  h.sm = sm;
  h.register_budget = register_budget;
  h.device_abi_version = device_abi_version;
  std::string body;
  auto place = [&](const std::string& section, uint64_t* offset, uint64_t* bytes) {
    if (section.empty()) return;
    body.resize((body.size() + 15) & ~size_t(15), '\0');
    *offset = sizeof h + body.size();
    *bytes = section.size();
    body += section;
  };
  place(manifest, &h.manifest_offset, &h.manifest_bytes);
  place(cubin, &h.cubin_offset, &h.cubin_bytes);
  place(source, &h.source_offset, &h.source_bytes);
  h.total_bytes = sizeof h + body.size();
  h.checksum = gpuos_bundle_checksum(body.data(), body.size());
  return std::string(reinterpret_cast<const char*>(&h), sizeof h) + body;
}
}  // namespace gpuos
#endif

#endif /* GPUOS_BUNDLE_FORMAT_H */
