// Recursive-descent JSON reader (see bundle_json.h).
#include "bundle_json.h"

#include <cerrno>
#include <cstdlib>

namespace gpuos {
namespace json {
namespace {

constexpr int kMaxDepth = 64;

class Parser {
 public:
  Parser(const char* p, size_t n) : begin_(p), p_(p), end_(p + n) {}

  bool document(Value* v, std::string* error) {
    bool ok = value(v, 0);
    skip();
    if (ok && p_ != end_) ok = fail("trailing characters after the JSON value");
    if (!ok) *error = error_ + " at byte " + std::to_string(at_ - begin_);
    return ok;
  }

 private:
  bool fail(const char* what) {
    if (error_.empty()) {
      error_ = what;
      at_ = p_;
    }
    return false;
  }
  void skip() {
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }
  bool literal(const char* word) {
    for (const char* w = word; *w; ++w, ++p_)
      if (p_ == end_ || *p_ != *w) return fail("invalid literal");
    return true;
  }
  bool value(Value* v, int depth) {
    if (depth > kMaxDepth) return fail("nesting too deep");
    skip();
    if (p_ == end_) return fail("unexpected end of input");
    switch (*p_) {
      case '{': return object(v, depth);
      case '[': return array(v, depth);
      case '"': v->kind = Value::String; return string(&v->s);
      case 't': v->kind = Value::Bool; v->b = true; return literal("true");
      case 'f': v->kind = Value::Bool; v->b = false; return literal("false");
      case 'n': v->kind = Value::Null; return literal("null");
      default: return number(v);
    }
  }
  bool object(Value* v, int depth) {
    v->kind = Value::Object;
    ++p_;
    skip();
    if (p_ != end_ && *p_ == '}') return ++p_, true;
    for (;;) {
      skip();
      std::string key;
      if (p_ == end_ || *p_ != '"') return fail("expected a string key");
      if (!string(&key)) return false;
      skip();
      if (p_ == end_ || *p_ != ':') return fail("expected ':'");
      ++p_;
      if (v->members.count(key)) return fail("duplicate key");
      if (!value(&v->members[key], depth + 1)) return false;
      skip();
      if (p_ != end_ && *p_ == ',') { ++p_; continue; }
      if (p_ != end_ && *p_ == '}') return ++p_, true;
      return fail("expected ',' or '}'");
    }
  }
  bool array(Value* v, int depth) {
    v->kind = Value::Array;
    ++p_;
    skip();
    if (p_ != end_ && *p_ == ']') return ++p_, true;
    for (;;) {
      v->items.emplace_back();
      if (!value(&v->items.back(), depth + 1)) return false;
      skip();
      if (p_ != end_ && *p_ == ',') { ++p_; continue; }
      if (p_ != end_ && *p_ == ']') return ++p_, true;
      return fail("expected ',' or ']'");
    }
  }
  // Escapes other than \uXXXX are decoded; \u is kept only for ASCII (names are ASCII).
  bool string(std::string* s) {
    ++p_;
    while (p_ != end_ && *p_ != '"') {
      char c = *p_++;
      if (static_cast<unsigned char>(c) < 0x20) return fail("control character in string");
      if (c != '\\') { s->push_back(c); continue; }
      if (p_ == end_) break;
      char e = *p_++;
      switch (e) {
        case '"': case '\\': case '/': s->push_back(e); break;
        case 'n': s->push_back('\n'); break;
        case 't': s->push_back('\t'); break;
        case 'r': s->push_back('\r'); break;
        case 'b': s->push_back('\b'); break;
        case 'f': s->push_back('\f'); break;
        case 'u': {
          if (end_ - p_ < 4) return fail("truncated \\u escape");
          char hex[5] = {p_[0], p_[1], p_[2], p_[3], 0};
          char* stop = nullptr;
          long code = std::strtol(hex, &stop, 16);
          if (stop != hex + 4 || code > 0x7f) return fail("unsupported \\u escape");
          s->push_back(char(code));
          p_ += 4;
          break;
        }
        default: return fail("invalid escape");
      }
    }
    if (p_ == end_) return fail("unterminated string");
    ++p_;
    return true;
  }
  bool number(Value* v) {
    const char* start = p_;
    bool integral = true;
    if (p_ != end_ && *p_ == '-') ++p_;
    if (p_ == end_ || *p_ < '0' || *p_ > '9') return fail("invalid value");
    while (p_ != end_ && ((*p_ >= '0' && *p_ <= '9') || *p_ == '.' || *p_ == 'e' || *p_ == 'E' ||
                          *p_ == '+' || *p_ == '-')) {
      if (*p_ == '.' || *p_ == 'e' || *p_ == 'E') integral = false;
      ++p_;
    }
    std::string text(start, p_);
    char* stop = nullptr;
    errno = 0;
    if (integral) {
      v->kind = Value::Int;
      v->i = std::strtoll(text.c_str(), &stop, 10);
    } else {
      v->kind = Value::Double;
      v->d = std::strtod(text.c_str(), &stop);
    }
    if (errno || stop != text.c_str() + text.size()) {
      p_ = start;
      return fail("invalid number");
    }
    return true;
  }

  const char* begin_;
  const char* p_;
  const char* end_;
  const char* at_ = nullptr;
  std::string error_;
};

}  // namespace

bool parse(const char* text, size_t size, Value* out, std::string* error) {
  *out = Value();
  return Parser(text, size).document(out, error);
}

}  // namespace json
}  // namespace gpuos
