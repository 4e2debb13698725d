// SPDX-License-Identifier: Apache-2.0
#include "outputs/numbers.hpp"

#include <cmath>

#include <fmt/format.h>

namespace hotspot {

double round_to(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

std::string fixed(std::optional<double> value, int decimals) {
  return value ? fmt::format("{:.{}f}", *value, decimals) : std::string();
}

std::string change_percent_text(std::optional<double> change) {
  return change ? fmt::format("{:+.0f}", 100.0 * *change) : "";
}

std::string p_value_text(double p) { return fmt::format("{:.6g}", p); }

std::string p_value_short(double p) { return p < 0.001 ? "< 0.001" : fmt::format("{:.3f}", p); }

std::string p_value_phrase(double p) { return p < 0.001 ? "p < 0.001" : fmt::format("p = {:.3f}", p); }

std::string hit_rate_text(uint64_t placed, uint64_t rows, const std::string& what) {
  const double rate = rows ? static_cast<double>(placed) / static_cast<double>(rows) : 0.0;
  const std::string head = fmt::format("{} of {} {} placed ({:.1f}%)", count_text(placed), count_text(rows), what, 100.0 * rate);
  return rate >= kReliableHitRate
             ? head + ", above the 85% commonly cited as the minimum for reliable crime mapping (Ratcliffe 2004)."
             : head + ", under the 85% commonly cited as the minimum for reliable crime mapping (Ratcliffe 2004): the rows "
                      "left out can move hotspots.";
}

}  // namespace hotspot
