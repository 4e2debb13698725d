// SPDX-License-Identifier: Apache-2.0
#include "core/secrets.hpp"

#include <array>
#include <cctype>
#include <string_view>

namespace hotspot {
namespace {

bool starts_ci(std::string_view text, size_t at, std::string_view word) {
  if (at + word.size() > text.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[at + i])) != word[i]) return false;
  }
  return true;
}

// Replaces text[from, to) with *** and returns where the replacement ends.
size_t mask(std::string& text, size_t from, size_t to) {
  if (to <= from) return from;
  text.replace(from, to - from, "***");
  return from + 3;
}

}  // namespace

std::string redact_secrets(std::string text) {
  static constexpr std::array<std::string_view, 11> kKeys = {
      "password", "passwd", "pwd", "token", "secret", "sig", "signature", "api_key", "apikey", "access_key", "secret_key"};
  for (size_t at = 0; at < text.size(); ++at) {
    const bool boundary = at == 0 || !(std::isalnum(static_cast<unsigned char>(text[at - 1])) || text[at - 1] == '_');
    if (!boundary) continue;
    for (const auto& key : kKeys) {
      size_t eq = at + key.size();
      if (!starts_ci(text, at, key)) continue;
      while (eq < text.size() && text[eq] == ' ') ++eq;  // "password = x" in a conninfo
      if (eq >= text.size() || text[eq] != '=') continue;
      size_t from = eq + 1, to = from;
      while (from < text.size() && text[from] == ' ') ++from;
      if (from < text.size() && (text[from] == '\'' || text[from] == '"')) {  // a quoted value
        const char quote = text[from];
        to = from + 1;
        while (to < text.size() && text[to] != quote) to += text[to] == '\\' ? 2 : 1;
        to = std::min(to + 1, text.size());
      } else {
        to = from;
        while (to < text.size() && !std::isspace(static_cast<unsigned char>(text[to])) && text[to] != '&' &&
               text[to] != ';' && text[to] != '\'' && text[to] != '"' && text[to] != ',')
          ++to;
      }
      at = mask(text, from, to) - 1;
      break;
    }
  }
  // scheme://user:password@host
  for (size_t scheme = text.find("://"); scheme != std::string::npos; scheme = text.find("://", scheme + 3)) {
    const size_t start = scheme + 3;
    const size_t end = text.find_first_of("/ \t\n'\"?#", start);
    const size_t at_sign = text.find('@', start);
    if (at_sign == std::string::npos || (end != std::string::npos && at_sign > end)) continue;
    const size_t colon = text.find(':', start);
    if (colon == std::string::npos || colon > at_sign) continue;
    mask(text, colon + 1, at_sign);
  }
  return text;
}

}  // namespace hotspot
