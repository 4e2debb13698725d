// SPDX-License-Identifier: Apache-2.0
#include "pipeline/change_options.hpp"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

#include "core/errors.hpp"
#include "pipeline/period_options.hpp"
#include "inputs/crime_types.hpp"

namespace hotspot {
namespace {

constexpr double kDaysPerMonth = 365.2425 / 12;

}  // namespace

void check_change_from(const std::string& t) {
  if (t.empty() || parse_month(t) || parse_iso_date(t) || last_days(t)) return;
  throw OptionError("change.current_from", t, "not a month YYYY-MM, a day YYYY-MM-DD or \"last N days\"");
}

std::string Periods::from_text() const { return in_days ? date_text(current_from_day) : format_month(current_from); }

std::string Periods::length_text(bool current) const {
  if (in_days) return fmt::format("{} days", current ? last_day - current_from_day + 1 : current_from_day - first_day);
  return fmt::format("{:g} months", current ? current_months : previous_months);
}

Periods split_periods(const Incidents& inc, const std::string& from_text, std::optional<int32_t> as_of,
                      const std::string& stage) {
  check_change_from(from_text);
  Periods p;
  p.current_from = parse_month(from_text);
  if (!p.current_from) {  // a period in days
    if (!inc.dated) {
      throw DataError(fmt::format("{}: change.current_from '{}' is in days, but the incidents carry months only "
                                  "(police.uk); name their date column (--date-column) or give a month",
                                  stage, from_text));
    }
    p.in_days = true;
    std::tie(p.first_day, p.last_day) = inc.day_range();
    const std::optional<int32_t> day = parse_iso_date(from_text);
    p.current_from_day = day ? *day : as_of.value_or(p.last_day) - *last_days(from_text) + 1;
    p.current_from = yyyymm_of(p.current_from_day);
    const std::string held = inc.size() ? fmt::format(" (the data hold {}..{})", date_text(p.first_day), date_text(p.last_day)) : "";
    if (!inc.size() || p.first_day >= p.current_from_day || p.last_day < p.current_from_day) {
      throw DataError(fmt::format("{}: change.current_from {} ({}) leaves the {} period empty{}", stage, from_text,
                                  date_text(p.current_from_day),
                                  inc.size() && p.first_day < p.current_from_day ? "current" : "previous", held));
    }
    p.previous_months = (p.current_from_day - p.first_day) / kDaysPerMonth;
    p.current_months = (p.last_day - p.current_from_day + 1) / kDaysPerMonth;
    p.first = yyyymm_of(p.first_day);
    p.last = yyyymm_of(p.last_day);
    return p;
  }
  const int current_from = p.current_from;
  for (size_t i = 0; i < inc.size(); ++i) {
    const int m = inc.month[i];
    if (!m) {
      throw DataError(fmt::format("{}: '{}' line {} has no month; comparing periods needs the month of every incident",
                                  stage, inc.files[inc.file[i]], inc.line[i]));
    }
    p.first = p.first ? std::min(p.first, m) : m;
    p.last = std::max(p.last, m);
  }
  const std::string held = inc.size() ? fmt::format(" (the data hold {}..{})", format_month(p.first), format_month(p.last)) : "";
  if (p.first >= current_from) {
    throw DataError(fmt::format("{}: no incident before change.current_from {}{}; the previous period is empty", stage,
                                format_month(current_from), held));
  }
  if (p.last < current_from) {
    throw DataError(fmt::format("{}: no incident from change.current_from {}{}; the current period is empty", stage,
                                format_month(current_from), held));
  }
  p.previous_months = month_index(current_from) - month_index(p.first);
  p.current_months = month_index(p.last) - month_index(current_from) + 1;
  return p;
}

CPLJSONObject change_json(const Periods& periods, const std::vector<ChangeClass>& classes) {
  CPLJSONObject o;
  o.Add("current_from", periods.from_text());
  o.Add("previous_months", periods.previous_months);
  o.Add("current_months", periods.current_months);
  CPLJSONObject counts;
  for (const auto& [name, n] : count_classes(classes)) counts.Add(name, static_cast<GInt64>(n));
  o.Add("change_classes", counts);
  return o;
}

}  // namespace hotspot
