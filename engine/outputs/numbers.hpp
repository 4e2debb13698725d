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

}  // namespace hotspot
