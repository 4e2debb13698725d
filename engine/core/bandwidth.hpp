// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>

#include <fmt/format.h>

namespace hotspot {

// A kernel bandwidth as the user gives it: a number of metres, or "auto" (chosen from the data).
struct Bandwidth {
  bool automatic = true;
  double metres = 0;  // when not automatic

  static Bandwidth of_text(const std::string& text) {  // "auto" or a number already checked
    return text == "auto" ? Bandwidth{} : Bandwidth{false, std::stod(text)};
  }
  std::string text() const { return automatic ? "auto" : fmt::format("{}", metres); }
  bool operator==(const Bandwidth&) const = default;
};

}  // namespace hotspot
