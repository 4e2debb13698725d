// SPDX-License-Identifier: Apache-2.0
#pragma once
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

}  // namespace hotspot
