// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <array>
#include <cstdint>

namespace hotspot {

// When in the week incidents happen: cells[day * 24 + hour], day 0 Monday .. 6 Sunday, hour 0-23
// of the clock the data were recorded in.
struct WeekHours {
  std::array<double, 168> cells{};
  double total() const;
};

// Adds one incident that happened at some moment in [start, end) (minutes since 1970-01-01) with
// aoristic weighting (Ratcliffe 2002): each hour of the week gets the share of the window that
// falls in it, so the incident adds 1 in all. An exact time (one minute) falls in one hour; a
// window of whole weeks spreads evenly. end must be after start.
void add_aoristic(WeekHours& table, int64_t start, int64_t end);

}  // namespace hotspot
