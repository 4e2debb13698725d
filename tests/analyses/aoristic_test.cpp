// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "analyses/time/week_hours.hpp"
#include "core/calendar.hpp"

using namespace hotspot;

namespace {
int64_t at(int y, int m, int d, int hh, int mm) { return static_cast<int64_t>(day_number(y, m, d)) * 1440 + hh * 60 + mm; }
size_t cell(int weekday, int hour) { return static_cast<size_t>(weekday * 24 + hour); }
}  // namespace

TEST_CASE("aoristic weights: hand values", "[timing]") {
  WeekHours t;
  // Saturday 2024-06-15 22:00 to Sunday 02:00: a quarter in each of four hours (Ratcliffe 2002).
  add_aoristic(t, at(2024, 6, 15, 22, 0), at(2024, 6, 16, 2, 0));
  CHECK(t.cells[cell(5, 22)] == Approx(0.25));
  CHECK(t.cells[cell(5, 23)] == Approx(0.25));
  CHECK(t.cells[cell(6, 0)] == Approx(0.25));
  CHECK(t.cells[cell(6, 1)] == Approx(0.25));
  // 22:45 to 23:15: half and half; an exact time: all in its hour.
  add_aoristic(t, at(2024, 6, 17, 22, 45), at(2024, 6, 17, 23, 15));
  CHECK(t.cells[cell(0, 22)] == Approx(0.5));
  CHECK(t.cells[cell(0, 23)] == Approx(0.5));
  add_aoristic(t, at(2024, 6, 18, 3, 59), at(2024, 6, 18, 4, 0));
  CHECK(t.cells[cell(1, 3)] == Approx(1.0));
  CHECK(t.total() == Approx(3.0));
  // Fifteen days from Monday 00:00: two whole weeks (2/15 of the incident in each hour, over 7
  // days) and one more Monday (1/15 spread over its 24 hours).
  WeekHours w;
  add_aoristic(w, at(2024, 6, 17, 0, 0), at(2024, 7, 2, 0, 0));
  CHECK(w.cells[cell(3, 12)] == Approx(2.0 / (15 * 24)));
  CHECK(w.cells[cell(0, 12)] == Approx(3.0 / (15 * 24)));
  CHECK(w.total() == Approx(1.0));
}
