// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace hotspot {

// Two periods of months, inclusive: "2023-07..2023-12".
struct MonthSpan {
  int from = 0, to = 0;  // YYYYMM
  double months() const;
  bool holds(int yyyymm) const { return yyyymm >= from && yyyymm <= to; }
};

// Parses "YYYY-MM..YYYY-MM", a quarter "2024-Q1" (2024-01..2024-03) or a year "2023"; nullopt when
// the text is none of these (or its months are not in order).
std::optional<MonthSpan> parse_month_span(const std::string& text);

// "2023-07..2023-12".
std::string span_text(const MonthSpan& span);

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
