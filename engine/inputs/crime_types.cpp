// SPDX-License-Identifier: Apache-2.0
#include "inputs/crime_types.hpp"

#include <algorithm>

#include <charconv>
#include <cstdio>

#include "core/errors.hpp"
#include "core/text.hpp"

namespace hotspot {
std::optional<std::set<std::string>> parse_crime_types(const std::string& spec,
                                                       const std::string& flag) {
  const std::string s = trim(spec);
  if (s.empty() || s == "all") return std::nullopt;
  std::set<std::string> types;
  const auto add_list = [&types](const std::string& list, const auto& self) -> void {
    size_t start = 0;
    while (start <= list.size()) {
      size_t end = list.find(';', start);
      if (end == std::string::npos) end = list.size();
      const std::string t = trim(list.substr(start, end - start));
      if (t == kSeriousViolencePreset) {
        self(kSeriousViolenceTypes, self);
      } else if (!t.empty()) {
        types.insert(t);
      }
      start = end + 1;
    }
  };
  add_list(s, add_list);
  if (types.empty()) throw UsageError(flag + " '" + spec + "': names no crime type");
  return types;
}

std::string format_month(int yyyymm) {
  if (!yyyymm) return {};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", yyyymm / 100, yyyymm % 100);
  return buf;
}

int parse_month(const std::string& text) {
  if (text.size() != 7 || text[4] != '-') return 0;
  int year = 0, month = 0;
  auto [p1, e1] = std::from_chars(text.data(), text.data() + 4, year);
  auto [p2, e2] = std::from_chars(text.data() + 5, text.data() + 7, month);
  if (e1 != std::errc() || e2 != std::errc() || p1 != text.data() + 4 || p2 != text.data() + 7) return 0;
  if (year < 1900 || year > 2999 || month < 1 || month > 12) return 0;
  return year * 100 + month;
}

std::pair<int, int> month_range(const std::vector<int32_t>& months) {
  int first = 0, last = 0;
  for (int m : months) {
    if (!m) continue;
    first = first ? std::min(first, m) : m;
    last = std::max(last, m);
  }
  return {first, last};
}

}  // namespace hotspot
