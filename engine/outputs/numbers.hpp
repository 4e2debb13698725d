// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "core/text.hpp"  // count_text

namespace hotspot {

// `value` rounded to `decimals` places, so that layers and summaries print short numbers.
double round_to(double value, int decimals);

// Fixed-point text for CSV and summaries ("0.4453"), empty for nullopt.
std::string fixed(std::optional<double> value, int decimals);

// A change as a signed whole percentage: 0.234 -> "+23"; "" for nullopt.
std::string change_percent_text(std::optional<double> change);

// A p-value to six significant digits ("0.196879", "1.18796e-06"), so that small ones keep their size.
std::string p_value_text(double p);

// A p-value as people read it: "0.197", "< 0.001"; in a sentence: "p = 0.197", "p < 0.001".
std::string p_value_short(double p);
std::string p_value_phrase(double p);

// The hit rate below which a geocoded set is not reliable for crime mapping (Ratcliffe 2004).
constexpr double kReliableHitRate = 0.85;

// "912 of 1,000 addresses placed (91.2%), above the 85% ..." or, under it, a warning that the
// rows left out can move hotspots. `what`: "suspects' addresses".
std::string hit_rate_text(uint64_t placed, uint64_t rows, const std::string& what);

}  // namespace hotspot
