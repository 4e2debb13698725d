// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace hotspot {

// A period of whole months, inclusive ("2023-07..2023-12"), or of calendar days ("2024-06-17..
// 2024-06-30"; days since 1970-01-01, core/calendar.hpp), which needs incidents with dates.
struct Period {
  int from = 0, to = 0;  // YYYYMM; for a period of days, the months of its first and last day
  bool in_days = false;
  int32_t first_day = 0, last_day = 0;  // when in_days
  double months() const;  // a period of days: its days / (365.2425 / 12)
  int32_t days() const { return last_day - first_day + 1; }
  bool holds(int yyyymm) const { return yyyymm >= from && yyyymm <= to; }
  bool holds_day(int32_t day) const { return day >= first_day && day <= last_day; }
  bool overlaps(const Period& other) const;
};

Period day_period(int32_t first_day, int32_t last_day);

// Parses "YYYY-MM..YYYY-MM", a quarter "2024-Q1" (2024-01..2024-03), a year "2023" or days
// "YYYY-MM-DD..YYYY-MM-DD"; nullopt when the text is none of these (or is not in order).
std::optional<Period> parse_period(const std::string& text);

// "2023-07..2023-12" or "2024-06-17..2024-06-30".
std::string span_text(const Period& span);

// A RAG status that small numbers cannot fool: the change in incidents per month between a
// baseline and a current period, and the exact conditional test of two Poisson counts with
// different exposures (the current count given the total is binomial with p = current months /
// all months under no change; R's poisson.test, two-sided). Red: up by at least `threshold` and
// p <= alpha; green: down by at least `threshold` and p <= alpha; amber otherwise.
struct RagRule {
  double threshold = 0.1;
  double alpha = 0.05;
};

struct PeriodComparison {
  uint64_t baseline = 0, current = 0;
  double baseline_per_month = 0, current_per_month = 0;
  std::optional<double> change;  // (current - baseline) / baseline, per month; none without baseline incidents
  double p_value = 1;
  std::string rag;   // "red", "amber" or "green"
  std::string note;  // why, in words
};

PeriodComparison compare_periods(uint64_t baseline, double baseline_months, uint64_t current, double current_months,
                                 const RagRule& rule);

}  // namespace hotspot
