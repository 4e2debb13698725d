// SPDX-License-Identifier: Apache-2.0
#include "analyses/places/period_compare.hpp"

#include <algorithm>

#include "analyses/change/change_class.hpp"
#include "core/calendar.hpp"
#include "inputs/crime_types.hpp"

namespace hotspot {

double Period::months() const {
  if (in_days) return days() / (365.2425 / 12);
  return month_index(to) - month_index(from) + 1;
}

bool Period::overlaps(const Period& o) const {
  if (in_days && o.in_days) return first_day <= o.last_day && o.first_day <= last_day;
  const int32_t a0 = in_days ? first_day : first_day_of_month(from), a1 = in_days ? last_day : last_day_of_month(to);
  const int32_t b0 = o.in_days ? o.first_day : first_day_of_month(o.from), b1 = o.in_days ? o.last_day : last_day_of_month(o.to);
  return a0 <= b1 && b0 <= a1;
}

Period day_period(int32_t first_day, int32_t last_day) {
  return Period{yyyymm_of(first_day), yyyymm_of(last_day), true, first_day, last_day};
}

std::optional<Period> parse_period(const std::string& text) {
  const size_t dots = text.find("..");
  if (dots != std::string::npos && dots == 10) {
    const auto first = parse_iso_date(text.substr(0, dots)), last = parse_iso_date(text.substr(dots + 2));
    if (!first || !last || *first > *last) return std::nullopt;
    return day_period(*first, *last);
  }
  if (dots == std::string::npos) {
    const bool digits4 = text.size() >= 4 && std::all_of(text.begin(), text.begin() + 4, [](char c) { return c >= '0' && c <= '9'; });
    if (!digits4) return std::nullopt;
    const int year = std::stoi(text.substr(0, 4));
    if (text.size() == 4) return Period{year * 100 + 1, year * 100 + 12};
    if (text.size() == 7 && text[4] == '-' && (text[5] == 'Q' || text[5] == 'q') && text[6] >= '1' && text[6] <= '4') {
      const int q = text[6] - '0';
      return Period{year * 100 + 3 * q - 2, year * 100 + 3 * q};
    }
    return std::nullopt;
  }
  const int from = parse_month(text.substr(0, dots)), to = parse_month(text.substr(dots + 2));
  if (!from || !to || from > to) return std::nullopt;
  return Period{from, to};
}

std::string span_text(const Period& s) {
  if (s.in_days) return date_text(s.first_day) + ".." + date_text(s.last_day);
  return format_month(s.from) + ".." + format_month(s.to);
}

PeriodComparison compare_periods(uint64_t baseline, double baseline_months, uint64_t current, double current_months,
                                 const RagRule& rule) {
  PeriodComparison c;
  c.baseline = baseline;
  c.current = current;
  c.baseline_per_month = static_cast<double>(baseline) / baseline_months;
  c.current_per_month = static_cast<double>(current) / current_months;
  if (baseline > 0) c.change = (c.current_per_month - c.baseline_per_month) / c.baseline_per_month;
  c.p_value = binomial_two_sided_p(current, baseline + current, current_months / (baseline_months + current_months));
  const bool significant = c.p_value <= rule.alpha;
  const bool up = c.current_per_month >= c.baseline_per_month * (1 + rule.threshold) && c.current_per_month > c.baseline_per_month;
  const bool down = c.current_per_month <= c.baseline_per_month * (1 - rule.threshold) && c.current_per_month < c.baseline_per_month;
  if (significant && up) {
    c.rag = "red";
    c.note = "up, more than chance would give";
  } else if (significant && down) {
    c.rag = "green";
    c.note = "down, more than chance would give";
  } else {
    c.rag = "amber";
    c.note = significant ? "a change smaller than the threshold" : (up || down) ? "a change chance could give" : "no clear change";
  }
  return c;
}

}  // namespace hotspot
