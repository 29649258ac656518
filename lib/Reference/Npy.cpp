//===- Npy.cpp - NumPy .npy reading and writing ---------------------------===//

#include "gpuos/Reference/Npy.h"
#include "gpuos/Reference/Element.h"

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

using namespace gpuos::ref;

static constexpr char kMagic[] = "\x93NUMPY";
static constexpr size_t kMagicSize = 6;

const char *gpuos::ref::npyDescr(DType t) {
  // In DType order; NumPy has no bfloat16, so bf16 travels as raw bits.
  static constexpr const char *kDescrs[] = {"<f4", "<f2", "<u2",
                                            "|b1", "<i4", "<i8"};
  return kDescrs[static_cast<int>(t)];
}

namespace {
/// The header is a Python dict literal such as
/// {'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }.
class HeaderParser {
public:
  explicit HeaderParser(const std::string &text) : text(text) {}

  /// Fills descr, fortranOrder and shape; returns an error message or "".
  std::string parse(std::string &descr, bool &fortranOrder,
                    std::vector<int64_t> &shape) {
    bool haveDescr = false, haveOrder = false, haveShape = false;
    skipSpace();
    if (!consume('{'))
      return "header is not a dict";
    while (true) {
      skipSpace();
      if (consume('}'))
        break;
      std::string key;
      if (!parseString(key))
        return "header key is not a string";
      skipSpace();
      if (!consume(':'))
        return "header lacks ':' after '" + key + "'";
      skipSpace();
      if (key == "descr") {
        if (!parseString(descr))
          return "header 'descr' is not a string";
        haveDescr = true;
      } else if (key == "fortran_order") {
        if (!parseBool(fortranOrder))
          return "header 'fortran_order' is not True or False";
        haveOrder = true;
      } else if (key == "shape") {
        std::string error = parseShape(shape);
        if (!error.empty())
          return error;
        haveShape = true;
      } else {
        return "header has unexpected key '" + key + "'";
      }
      skipSpace();
      if (consume('}'))
        break;
      if (!consume(','))
        return "header entries are not separated by ','";
    }
    if (!haveDescr || !haveOrder || !haveShape)
      return "header lacks one of 'descr', 'fortran_order', 'shape'";
    return "";
  }

private:
  void skipSpace() {
    while (pos < text.size() &&
           std::isspace(static_cast<unsigned char>(text[pos])))
      ++pos;
  }
  bool consume(char c) {
    if (pos < text.size() && text[pos] == c) {
      ++pos;
      return true;
    }
    return false;
  }
  bool consumeWord(const char *word) {
    size_t n = std::strlen(word);
    if (text.compare(pos, n, word) != 0)
      return false;
    pos += n;
    return true;
  }
  bool parseString(std::string &out) {
    if (pos >= text.size() || (text[pos] != '\'' && text[pos] != '"'))
      return false;
    char quote = text[pos++];
    size_t end = text.find(quote, pos);
    if (end == std::string::npos)
      return false;
    out = text.substr(pos, end - pos);
    pos = end + 1;
    return true;
  }
  bool parseBool(bool &out) {
    if (consumeWord("True"))
      return out = true, true;
    if (consumeWord("False"))
      return out = false, true;
    return false;
  }
  std::string parseShape(std::vector<int64_t> &shape) {
    if (!consume('('))
      return "header 'shape' is not a tuple";
    shape.clear();
    while (true) {
      skipSpace();
      if (consume(')'))
        return "";
      if (pos >= text.size() ||
          !std::isdigit(static_cast<unsigned char>(text[pos])))
        return "header 'shape' holds something other than non-negative "
               "integers";
      int64_t dim = 0;
      while (pos < text.size() &&
             std::isdigit(static_cast<unsigned char>(text[pos]))) {
        dim = dim * 10 + (text[pos++] - '0');
        if (dim > kMaxTensorElements)
          return "header 'shape' has a dimension larger than 2^28";
      }
      consume('L'); // Python 2 longs
      shape.push_back(dim);
      skipSpace();
      if (consume(')'))
        return "";
      if (!consume(','))
        return "header 'shape' entries are not separated by ','";
    }
  }

  const std::string &text;
  size_t pos = 0;
};
} // namespace

static std::optional<DType> dtypeOfDescr(const std::string &descr) {
  for (DType t :
       {DType::F32, DType::F16, DType::BF16, DType::I1, DType::I32, DType::I64})
    if (descr == npyDescr(t))
      return t;
  return std::nullopt;
}

static uint64_t readLittleEndian(const unsigned char *p, unsigned bytes) {
  uint64_t v = 0;
  for (unsigned i = 0; i < bytes; ++i)
    v |= static_cast<uint64_t>(p[i]) << (8 * i);
  return v;
}

std::optional<Tensor> gpuos::ref::parseNpy(const std::string &bytes,
                                           const std::string &name,
                                           std::string &error) {
  auto fail = [&](const std::string &message) -> std::optional<Tensor> {
    error = name + ": " + message;
    return std::nullopt;
  };
  const auto *data = reinterpret_cast<const unsigned char *>(bytes.data());
  if (bytes.size() < kMagicSize + 2 ||
      bytes.compare(0, kMagicSize, kMagic) != 0)
    return fail("not a .npy file (bad magic string)");
  unsigned major = data[kMagicSize];
  if (major < 1 || major > 3)
    return fail("unsupported .npy format version " + std::to_string(major));
  size_t lengthBytes = major == 1 ? 2 : 4;
  size_t headerStart = kMagicSize + 2 + lengthBytes;
  if (bytes.size() < headerStart)
    return fail("truncated .npy header");
  uint64_t headerLength = readLittleEndian(data + kMagicSize + 2, lengthBytes);
  if (headerLength > bytes.size() - headerStart)
    return fail("truncated .npy header (declares " +
                std::to_string(headerLength) + " bytes, file has " +
                std::to_string(bytes.size() - headerStart) + ")");
  std::string header = bytes.substr(headerStart, headerLength);

  std::string descr;
  bool fortranOrder = false;
  std::vector<int64_t> shape;
  std::string headerError =
      HeaderParser(header).parse(descr, fortranOrder, shape);
  if (!headerError.empty())
    return fail("bad .npy header: " + headerError);
  if (fortranOrder)
    return fail("Fortran-order arrays are not supported (save with "
                "numpy.ascontiguousarray)");
  std::optional<DType> dtype = dtypeOfDescr(descr);
  if (!dtype)
    return fail("unsupported dtype '" + descr +
                "' (supported: <f4, <f2, <u2 as bf16, |b1, <i4, <i8)");

  std::optional<int64_t> bounded = boundedNumElements(shape);
  if (!bounded)
    return fail("shape " + shapeToString(shape) +
                " has more than 2^28 elements");
  int64_t count = *bounded;
  unsigned itemBytes = storageBytes(*dtype);
  uint64_t dataBytes = static_cast<uint64_t>(count) * itemBytes;
  uint64_t available = bytes.size() - headerStart - headerLength;
  if (available < dataBytes)
    return fail("truncated data: shape " + shapeToString(shape) + " of " +
                dtypeName(*dtype) + " needs " + std::to_string(dataBytes) +
                " bytes but the file holds " + std::to_string(available));
  if (available > dataBytes)
    return fail(std::to_string(available - dataBytes) +
                " unexpected bytes after the data");

  Tensor tensor{*dtype, shape, {}};
  tensor.values.reserve(count);
  const unsigned char *element = data + headerStart + headerLength;
  for (int64_t i = 0; i < count; ++i, element += itemBytes)
    tensor.values.push_back(
        decodeBits(readLittleEndian(element, itemBytes), *dtype));
  return tensor;
}

std::optional<Tensor> gpuos::ref::readNpyFile(const std::string &path,
                                              std::string &error) {
  struct stat info;
  if (::stat(path.c_str(), &info) != 0) {
    error = path + ": cannot open: " + std::strerror(errno);
    return std::nullopt;
  }
  if (!S_ISREG(info.st_mode)) {
    error = path + ": not a regular file";
    return std::nullopt;
  }
  // The largest tensor is 2^28 elements of 8 bytes; headers are small. Refuse
  // anything bigger before reading it into memory.
  if (info.st_size > kMaxTensorElements * 8 + (1 << 20)) {
    error = path + ": file of " + std::to_string(info.st_size) +
            " bytes is larger than any tensor the reference executor holds";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path + ": cannot open: " + std::strerror(errno);
    return std::nullopt;
  }
  std::ostringstream contents;
  contents << in.rdbuf();
  if (in.bad()) {
    error = path + ": read error";
    return std::nullopt;
  }
  return parseNpy(contents.str(), path, error);
}

std::string gpuos::ref::encodeNpy(const Tensor &t) {
  std::string shape = "(";
  for (size_t i = 0; i < t.shape.size(); ++i)
    shape += (i ? ", " : "") + std::to_string(t.shape[i]);
  shape += t.shape.size() == 1 ? ",)" : ")";
  std::string header = std::string("{'descr': '") + npyDescr(t.dtype) +
                       "', 'fortran_order': False, 'shape': " + shape + ", }";
  // Pad with spaces and a newline so the data starts 64-byte aligned.
  size_t lengthBytes = header.size() + 1 + 10 < 65536 ? 2 : 4;
  size_t prefix = kMagicSize + 2 + lengthBytes;
  size_t total = (prefix + header.size() + 1 + 63) / 64 * 64;
  header.append(total - prefix - header.size() - 1, ' ');
  header += '\n';

  std::string out(kMagic, kMagicSize);
  out += static_cast<char>(lengthBytes == 2 ? 1 : 2);
  out += '\0';
  for (size_t i = 0; i < lengthBytes; ++i)
    out += static_cast<char>((header.size() >> (8 * i)) & 0xFF);
  out += header;
  unsigned itemBytes = storageBytes(t.dtype);
  out.reserve(out.size() + t.values.size() * itemBytes);
  for (double v : t.values) {
    uint64_t bits = encodeBits(v, t.dtype);
    for (unsigned i = 0; i < itemBytes; ++i)
      out += static_cast<char>((bits >> (8 * i)) & 0xFF);
  }
  return out;
}

bool gpuos::ref::writeNpyFile(const std::string &path, const Tensor &t,
                              std::string &error) {
  std::string temp = path + ".tmpXXXXXX";
  int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    error = path + ": cannot create a temporary file: " + std::strerror(errno);
    return false;
  }
  std::string bytes = encodeNpy(t);
  size_t written = 0;
  while (written < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0) {
      error = path + ": write error: " + std::strerror(errno);
      ::close(fd);
      ::unlink(temp.c_str());
      return false;
    }
    written += static_cast<size_t>(n);
  }
  // mkstemp creates 0600 files; give outputs the usual permissions.
  ::fchmod(fd, 0644);
  if (::close(fd) != 0 || ::rename(temp.c_str(), path.c_str()) != 0) {
    error = path + ": cannot write: " + std::strerror(errno);
    ::unlink(temp.c_str());
    return false;
  }
  return true;
}
