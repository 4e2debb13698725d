// SPDX-License-Identifier: Apache-2.0
#include "options/toml_ascii.hpp"

#include <cstdint>

#include <fmt/format.h>

#include "core/errors.hpp"

namespace hotspot {
namespace {

// The code point of the UTF-8 sequence starting at text[at] and its length; length 0 when the
// bytes are not UTF-8 (overlong forms, surrogates and values past U+10FFFF included).
std::pair<char32_t, size_t> decode(std::string_view text, size_t at) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char b = byte(at);
  size_t n = 0;
  char32_t c = 0, least = 0;
  if (b < 0x80) return {b, 1};
  if ((b & 0xE0) == 0xC0) n = 2, c = b & 0x1F, least = 0x80;
  else if ((b & 0xF0) == 0xE0) n = 3, c = b & 0x0F, least = 0x800;
  else if ((b & 0xF8) == 0xF0) n = 4, c = b & 0x07, least = 0x10000;
  else return {0, 0};
  if (at + n > text.size()) return {0, 0};
  for (size_t i = 1; i < n; ++i) {
    if ((byte(at + i) & 0xC0) != 0x80) return {0, 0};
    c = (c << 6) | (byte(at + i) & 0x3F);
  }
  if (c < least || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return {0, 0};
  return {c, n};
}

enum class State { normal, comment, basic, ml_basic, literal, ml_literal };

}  // namespace

std::string ascii_toml(std::string_view text, const std::string& path) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  size_t line = 1, column = 1;  // of text[at], in characters, as toml++ counts them
  const auto fail = [&](const std::string& why) {
    throw UsageError(fmt::format("{}:{}:{}: {}", path, line, column, why));
  };
  const auto starts = [&](size_t at, std::string_view s) { return text.substr(at, s.size()) == s; };
  State state = State::normal;
  size_t at = 0;
  if (starts(0, "\xEF\xBB\xBF")) at = 3;  // a byte order mark (Windows Notepad writes one)
  while (at < text.size()) {
    const auto [c, n] = decode(text, at);
    if (n == 0) fail(fmt::format("byte 0x{:02X} is not UTF-8 (save the file as UTF-8)", static_cast<unsigned char>(text[at])));
    if (c >= 0x80) {
      switch (state) {
        case State::comment: out += '?'; break;
        case State::normal:
          fail(fmt::format("U+{:04X} outside a string or comment (keys past ASCII go in quotes)", static_cast<uint32_t>(c)));
          break;
        default: out += c <= 0xFFFF ? fmt::format("\\u{:04X}", static_cast<uint32_t>(c)) : fmt::format("\\U{:08X}", static_cast<uint32_t>(c));
      }
      at += n;
      ++column;
      continue;
    }
    const char ch = text[at];
    size_t used = 1;
    switch (state) {
      case State::normal:
        if (ch == '#') {
          state = State::comment;
          out += ch;
        } else if (starts(at, "\"\"\"")) {
          state = State::ml_basic, used = 3, out += "\"\"\"";
        } else if (ch == '"') {
          state = State::basic, out += '"';
        } else if (starts(at, "'''")) {
          state = State::ml_literal, used = 3, out += "\"\"\"";
        } else if (ch == '\'') {
          state = State::literal, out += '"';
        } else {
          out += ch;
        }
        break;
      case State::comment:
        if (ch == '\n') state = State::normal;
        out += ch;
        break;
      case State::basic:
      case State::ml_basic:
        if (ch == '\\' && at + 1 < text.size() && static_cast<unsigned char>(text[at + 1]) >= 0x80) {
          ++column;
          fail("a backslash before a character past ASCII is no TOML escape");
        } else if (ch == '\\' && at + 1 < text.size()) {
          out.append(text.substr(at, 2));  // an escape: the next character is never the string's end
          used = 2;
        } else if (state == State::basic && ch == '"') {
          state = State::normal, out += ch;
        } else if (state == State::ml_basic && starts(at, "\"\"\"")) {
          used = 3;
          while (used < 5 && at + used < text.size() && text[at + used] == '"') ++used;  // """a""""" ends a""
          out.append(text.substr(at, used));
          state = State::normal;
        } else {
          out += ch;
        }
        break;
      case State::literal:
      case State::ml_literal: {
        const bool ml = state == State::ml_literal;
        if (!ml && ch == '\'') {
          state = State::normal, out += '"';
        } else if (ml && starts(at, "'''")) {
          used = 3;
          while (used < 5 && at + used < text.size() && text[at + used] == '\'') ++used;
          out.append(used - 3, '\'');
          out += "\"\"\"";
          state = State::normal;
        } else if (ch == '\\' || ch == '"') {
          out += '\\', out += ch;
        } else {
          out += ch;
        }
        break;
      }
    }
    for (size_t i = 0; i < used; ++i) {
      if (text[at + i] == '\n') {
        ++line, column = 1;
        if (state == State::basic || state == State::literal) state = State::normal;  // toml++ reports the unclosed string
      } else {
        ++column;
      }
    }
    at += used;
  }
  return out;
}

}  // namespace hotspot
