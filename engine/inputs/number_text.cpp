// SPDX-License-Identifier: Apache-2.0
#include "inputs/number_text.hpp"

#include <charconv>
#include <cmath>
#include <string_view>

namespace hotspot {

Parse parse_number(const char* text, double& out) {
  std::string_view s(text ? text : "");
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  if (s.empty()) return Parse::empty;
  if (s.front() == '+') s.remove_prefix(1);
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  if (ec != std::errc() || end != s.data() + s.size()) return Parse::bad;
  return std::isfinite(out) ? Parse::ok : Parse::non_finite;
}

}  // namespace hotspot
