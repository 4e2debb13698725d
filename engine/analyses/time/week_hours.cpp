// SPDX-License-Identifier: Apache-2.0
#include "analyses/time/week_hours.hpp"

#include <algorithm>

#include "core/calendar.hpp"

namespace hotspot {

double WeekHours::total() const {
  double t = 0;
  for (double v : cells) t += v;
  return t;
}

void add_aoristic(WeekHours& table, int64_t start, int64_t end) {
  constexpr int64_t kWeek = 7 * kMinutesPerDay;
  const double length = static_cast<double>(end - start);
  const int64_t weeks = (end - start) / kWeek;
  if (weeks > 0) {
    const double each = static_cast<double>(weeks) * 60.0 / length;
    for (double& v : table.cells) v += each;
  }
  // The rest, hour by hour (at most 169 pieces).
  for (int64_t t = start + weeks * kWeek; t < end;) {
    const int32_t day = floor_day(t);
    const int64_t into_day = t - static_cast<int64_t>(day) * kMinutesPerDay;
    const int64_t hour = into_day / 60;
    const int64_t hour_end = static_cast<int64_t>(day) * kMinutesPerDay + (hour + 1) * 60;
    const int64_t piece_end = std::min(end, hour_end);
    table.cells[static_cast<size_t>(day_of_week(day) * 24 + hour)] += static_cast<double>(piece_end - t) / length;
    t = piece_end;
  }
}

}  // namespace hotspot
