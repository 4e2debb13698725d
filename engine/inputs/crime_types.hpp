// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <utility>
#include <vector>
#include <optional>
#include <set>
#include <string>

namespace hotspot {

// The crime types public serious-violence analyses use as their proxy on police.uk data.
inline constexpr const char* kSeriousViolencePreset = "serious-violence";
inline constexpr const char* kSeriousViolenceTypes =
    "Violence and sexual offences;Robbery;Possession of weapons";

// "all" -> nullopt (no type filter); "serious-violence" -> its three types;
// otherwise a ';'-separated list of police.uk crime type names, in which "serious-violence"
// stands for its three types. Throws UsageError naming `flag`.
std::optional<std::set<std::string>> parse_crime_types(const std::string& spec,
                                                       const std::string& flag);

// "YYYY-MM" -> YYYY*100+MM, or 0 when the text is not a valid month.
int parse_month(const std::string& text);

// YYYY*100+MM -> "YYYY-MM"; "" for 0 (no month).
std::string format_month(int yyyymm);

// Month arithmetic on YYYYMM: a count of months (consecutive months differ by 1), and the next month.
inline int month_index(int yyyymm) { return (yyyymm / 100) * 12 + yyyymm % 100 - 1; }
inline int next_month(int yyyymm) { return yyyymm % 100 == 12 ? (yyyymm / 100 + 1) * 100 + 1 : yyyymm + 1; }

// The first and last months among YYYYMM values (0 = no month is skipped); {0, 0} when none has one.
std::pair<int, int> month_range(const std::vector<int32_t>& months);

}  // namespace hotspot
