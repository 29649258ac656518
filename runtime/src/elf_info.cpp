// Reads per-function resource notes (registers, frame and stack sizes) from a CUDA cubin's
// ELF .nv.info section, so operators over the budget are rejected before they can run.
#include "internal.h"

#include <cstring>

namespace gpuos {
namespace {

struct Elf64Ehdr {
  unsigned char e_ident[16];
  uint16_t e_type, e_machine;
  uint32_t e_version;
  uint64_t e_entry, e_phoff, e_shoff;
  uint32_t e_flags;
  uint16_t e_ehsize, e_phentsize, e_phnum, e_shentsize, e_shnum, e_shstrndx;
};
struct Elf64Shdr {
  uint32_t sh_name, sh_type;
  uint64_t sh_flags, sh_addr, sh_offset, sh_size;
  uint32_t sh_link, sh_info;
  uint64_t sh_addralign, sh_entsize;
};
struct Elf64Sym {
  uint32_t st_name;
  unsigned char st_info, st_other;
  uint16_t st_shndx;
  uint64_t st_value, st_size;
};

constexpr uint8_t kEifmtSval = 0x04;
constexpr uint8_t kEiattrFrameSize = 0x11;
constexpr uint8_t kEiattrMinStackSize = 0x12;
constexpr uint8_t kEiattrMaxStackSize = 0x23;
constexpr uint8_t kEiattrRegcount = 0x2f;

template <class T>
bool read_at(const uint8_t* base, size_t size, uint64_t off, T* out) {
  if (off > size || size - off < sizeof(T)) return false;
  std::memcpy(out, base + off, sizeof(T));
  return true;
}

}  // namespace

bool is_elf(const void* image, size_t size) {
  return size >= 16 && std::memcmp(image, "\x7f" "ELF", 4) == 0 && static_cast<const uint8_t*>(image)[4] == 2;
}

// Returns false if the image is not a readable ELF. Sets r->found if notes name the function.
bool elf_function_resources(const void* image, size_t size, const char* function, FunctionResources* r) {
  *r = FunctionResources{};
  const uint8_t* b = static_cast<const uint8_t*>(image);
  if (!is_elf(image, size)) return false;
  Elf64Ehdr eh;
  if (!read_at(b, size, 0, &eh)) return false;
  if (eh.e_shentsize != sizeof(Elf64Shdr) || eh.e_shnum == 0 || eh.e_shstrndx >= eh.e_shnum) return false;
  std::vector<Elf64Shdr> sh(eh.e_shnum);
  for (unsigned i = 0; i < eh.e_shnum; ++i)
    if (!read_at(b, size, eh.e_shoff + uint64_t(i) * sizeof(Elf64Shdr), &sh[i])) return false;
  const Elf64Shdr& shstr = sh[eh.e_shstrndx];
  auto sec_name = [&](const Elf64Shdr& s) -> std::string {
    uint64_t off = shstr.sh_offset + s.sh_name;
    if (off >= size) return std::string();
    const char* p = reinterpret_cast<const char*>(b + off);
    size_t n = strnlen(p, size - off);
    return std::string(p, n);
  };
  // Find the function's symbol index.
  int64_t sym_index = -1;
  for (unsigned i = 0; i < eh.e_shnum && sym_index < 0; ++i) {
    if (sh[i].sh_type != 2 /*SHT_SYMTAB*/ || sh[i].sh_link >= eh.e_shnum) continue;
    const Elf64Shdr& strs = sh[sh[i].sh_link];
    const uint64_t n = sh[i].sh_entsize ? sh[i].sh_size / sh[i].sh_entsize : 0;
    for (uint64_t k = 0; k < n; ++k) {
      Elf64Sym sym;
      if (!read_at(b, size, sh[i].sh_offset + k * sizeof(Elf64Sym), &sym)) return false;
      uint64_t off = strs.sh_offset + sym.st_name;
      if (off >= size) continue;
      const char* nm = reinterpret_cast<const char*>(b + off);
      if (strncmp(nm, function, size - off) == 0) {
        sym_index = int64_t(k);
        break;
      }
    }
  }
  if (sym_index < 0) return true;
  for (unsigned i = 0; i < eh.e_shnum; ++i) {
    std::string nm = sec_name(sh[i]);
    const bool global = nm == ".nv.info";
    const bool own = nm == std::string(".nv.info.") + function;
    if (!global && !own) continue;
    uint64_t off = sh[i].sh_offset, end = sh[i].sh_offset + sh[i].sh_size;
    if (end > size) return false;
    while (off + 4 <= end) {
      uint8_t fmt = b[off], attr = b[off + 1];
      uint16_t v16;
      std::memcpy(&v16, b + off + 2, 2);
      off += 4;
      if (fmt != kEifmtSval) continue;  // NVAL/BVAL/HVAL carry no payload beyond the 2 bytes
      if (off + v16 > end) break;
      if (v16 >= 8 && global) {
        uint32_t sidx, val;
        std::memcpy(&sidx, b + off, 4);
        std::memcpy(&val, b + off + 4, 4);
        if (int64_t(sidx) == sym_index) {
          switch (attr) {
            case kEiattrRegcount: r->registers = val; r->found = true; break;
            case kEiattrFrameSize: r->frame_bytes = val; r->found = true; break;
            case kEiattrMinStackSize: r->min_stack_bytes = val; r->found = true; break;
            case kEiattrMaxStackSize: r->max_stack_bytes = val; r->found = true; break;
            default: break;
          }
        }
      }
      off += v16;
    }
  }
  return true;
}

// A fatbin holds ELF images (and PTX); find uncompressed ELF images by their magic.
std::vector<std::pair<const void*, size_t>> find_elf_images(const void* image, size_t size) {
  std::vector<std::pair<const void*, size_t>> out;
  const uint8_t* b = static_cast<const uint8_t*>(image);
  if (is_elf(image, size)) {
    out.emplace_back(image, size);
    return out;
  }
  for (size_t off = 0; off + 64 <= size; off += 8) {
    if (std::memcmp(b + off, "\x7f" "ELF", 4) != 0 || b[off + 4] != 2) continue;
    Elf64Ehdr eh;
    std::memcpy(&eh, b + off, sizeof eh);
    uint64_t end = eh.e_shoff + uint64_t(eh.e_shnum) * eh.e_shentsize;
    if (end > size - off) continue;
    out.emplace_back(b + off, size_t(end));
  }
  return out;
}

}  // namespace gpuos
