// SPDX-License-Identifier: Apache-2.0
#include "outputs/maps/class_breaks.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace hotspot {

std::vector<double> quantile_breaks(std::vector<double> values, int classes, int digits) {
  std::sort(values.begin(), values.end());
  std::vector<double> out;
  if (values.empty() || classes < 1) return out;
  const double unit = std::pow(10.0, digits);
  for (int k = 0; k <= classes; ++k) {
    // The empirical quantile k/classes (type 1: the smallest value with at least that share below or at it).
    const double p = static_cast<double>(k) / classes;
    const size_t at = k == 0 ? 0 : static_cast<size_t>(std::ceil(p * static_cast<double>(values.size()))) - 1;
    double v = values[std::min(at, values.size() - 1)];
    v = k == 0 ? std::floor(v * unit) / unit : std::ceil(v * unit) / unit;  // the classes still hold every value
    if (out.empty() || v > out.back()) out.push_back(v);
  }
  if (out.size() == 1) out.push_back(out.front() + 1 / unit);
  return out;
}

std::vector<MapSymbol> choropleth_symbols(const std::string& expression, const std::vector<double>& breaks,
                                          const std::string& unit) {
  static const std::vector<std::vector<std::string>> ramps = {
      {"#fd8d3c"},
      {"#fecc5c", "#e31a1c"},
      {"#ffeda0", "#feb24c", "#f03b20"},
      {"#ffffb2", "#fecc5c", "#fd8d3c", "#e31a1c"},
      {"#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"},
      {"#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#f03b20", "#bd0026"},
      {"#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#b10026"}};
  std::vector<MapSymbol> out;
  if (breaks.size() < 2) return out;
  const size_t n = std::min(breaks.size() - 1, ramps.size());
  const std::vector<std::string>& colours = ramps[n - 1];
  for (size_t k = 0; k < n; ++k) {
    const bool last = k + 1 == n;
    const std::string filter = fmt::format("({}) >= {:g} and ({}) {} {:g}", expression, breaks[k], expression,
                                           last ? "<=" : "<", breaks[k + 1]);
    out.push_back({.filter = filter, .fill = colours[k], .fill_opacity = 0.85, .stroke = "#ffffff", .stroke_width = 0.5,
                   .legend = fmt::format("{:g} to {}{:g} {}", breaks[k], last ? "" : "under ", breaks[k + 1], unit)});
  }
  return out;
}

}  // namespace hotspot
