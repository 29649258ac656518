// A small JSON reader for bundle manifests: enough of RFC 8259 for what the compiler
// writes (objects, arrays, strings, integers, booleans, null), with a nesting limit so
// corrupt input cannot exhaust the stack. Numbers with a fraction or exponent are kept
// as doubles; manifests hold none.
#ifndef GPUOS_RUNTIME_BUNDLE_JSON_H
#define GPUOS_RUNTIME_BUNDLE_JSON_H

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace gpuos {
namespace json {

struct Value {
  enum Kind { Null, Bool, Int, Double, String, Array, Object } kind = Null;
  bool b = false;
  int64_t i = 0;
  double d = 0;
  std::string s;
  std::vector<Value> items;
  std::map<std::string, Value> members;

  const Value* get(const std::string& key) const {
    auto it = members.find(key);
    return kind == Object && it != members.end() ? &it->second : nullptr;
  }
};

// Parses all of [text, text + size). On failure returns false and says where in *error.
bool parse(const char* text, size_t size, Value* out, std::string* error);

}  // namespace json
}  // namespace gpuos
#endif
