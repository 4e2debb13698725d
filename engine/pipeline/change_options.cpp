// SPDX-License-Identifier: Apache-2.0
#include "pipeline/change_options.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/errors.hpp"
#include "inputs/crime_types.hpp"

namespace hotspot {
Periods split_periods(const Incidents& inc, int current_from, const std::string& stage) {
  Periods p;
  p.current_from = current_from;
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
  o.Add("current_from", format_month(periods.current_from));
  o.Add("previous_months", periods.previous_months);
  o.Add("current_months", periods.current_months);
  CPLJSONObject counts;
  for (const auto& [name, n] : count_classes(classes)) counts.Add(name, static_cast<GInt64>(n));
  o.Add("change_classes", counts);
  return o;
}

}  // namespace hotspot
