// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace hotspot {

// `value` rounded to `decimals` places, so that layers and summaries print short numbers.
double round_to(double value, int decimals);

// Fixed-point text for CSV and summaries ("0.4453"), empty for nullopt.
std::string fixed(std::optional<double> value, int decimals);

// A count as analysts read it: 197026 -> "197,026".
std::string count_text(uint64_t n);

// The hit rate below which a geocoded set is not reliable for crime mapping (Ratcliffe 2004).
constexpr double kReliableHitRate = 0.85;

// "912 of 1,000 addresses placed (91.2%), above the 85% ..." or, under it, a warning that the
// rows left out can move hotspots. `what`: "suspects' addresses".
std::string hit_rate_text(uint64_t placed, uint64_t rows, const std::string& what);

}  // namespace hotspot
