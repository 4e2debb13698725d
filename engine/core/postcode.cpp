// SPDX-License-Identifier: Apache-2.0
#include "core/postcode.hpp"

#include <cctype>

namespace hotspot {
namespace {

bool letter(char c) { return c >= 'A' && c <= 'Z'; }
bool digit(char c) { return c >= '0' && c <= '9'; }
bool inward_letter(char c) { return letter(c) && std::string_view("CIKMOV").find(c) == std::string_view::npos; }

// Upper case, spaces dropped; empty when anything but letters, digits and spaces is present.
std::string compact(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ' ' || c == '\t') continue;
    if (!std::isalnum(static_cast<unsigned char>(c))) return {};
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

bool outward_ok(std::string_view o) {
  switch (o.size()) {
    case 2: return letter(o[0]) && digit(o[1]);  // A9
    case 3:
      return (letter(o[0]) && digit(o[1]) && digit(o[2])) ||   // A99
             (letter(o[0]) && letter(o[1]) && digit(o[2])) ||  // AA9
             (letter(o[0]) && digit(o[1]) && letter(o[2]));    // A9A
    case 4:
      return letter(o[0]) && letter(o[1]) && digit(o[2]) && (digit(o[3]) || letter(o[3]));  // AA99, AA9A
    default: return false;
  }
}

}  // namespace

std::optional<Postcode> parse_postcode(std::string_view text) {
  const std::string c = compact(text);
  if (c.size() < 5 || c.size() > 7) return std::nullopt;
  const std::string_view in = std::string_view(c).substr(c.size() - 3);
  const std::string_view out = std::string_view(c).substr(0, c.size() - 3);
  if (c == "GIR0AA") return Postcode{"GIR", "0AA"};
  if (!digit(in[0]) || !inward_letter(in[1]) || !inward_letter(in[2]) || !outward_ok(out)) return std::nullopt;
  return Postcode{std::string(out), std::string(in)};
}

bool is_outward_code(std::string_view text) {
  const std::string c = compact(text);
  return !c.empty() && outward_ok(c);
}

}  // namespace hotspot
