// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "core/calendar.hpp"

using namespace hotspot;

TEST_CASE("calendar: day numbers and weekdays agree with Python's datetime", "[calendar]") {
  // python3: (date(Y, M, D) - date(1970, 1, 1)).days and date(Y, M, D).weekday()
  struct Case {
    int y, m, d;
    int32_t day;
    int weekday;
  };
  const Case cases[] = {{1970, 1, 1, 0, 3},        {2024, 6, 15, 19889, 5}, {2024, 2, 29, 19782, 3},
                        {2000, 3, 1, 11017, 2},    {1900, 3, 1, -25508, 3}, {1969, 12, 31, -1, 2},
                        {2100, 12, 31, 47846, 4}};
  for (const Case& c : cases) {
    INFO(c.y << "-" << c.m << "-" << c.d);
    CHECK(day_number(c.y, c.m, c.d) == c.day);
    CHECK(day_of_week(c.day) == c.weekday);
    const CivilDate back = civil_date(c.day);
    CHECK((back.year == c.y && back.month == c.m && back.day == c.d));
  }
  for (int32_t d = -100000; d < 100000; d += 7) {  // round trip over 547 years
    const CivilDate c = civil_date(d);
    REQUIRE(day_number(c.year, c.month, c.day) == d);
  }
  CHECK(floor_day(-1) == -1);
  CHECK(floor_day(1439) == 0);
  CHECK(last_day_of_month(202402) == day_number(2024, 2, 29));
  CHECK(date_text(19889) == "2024-06-15");
}

TEST_CASE("calendar: the date forms force systems export are read, and nothing is guessed", "[calendar]") {
  const int64_t june15 = 19889LL * 1440;
  const auto at = [](std::string_view t) { return parse_moment(t); };
  CHECK((at("2024-06-15").ok && at("2024-06-15").minute == june15 && !at("2024-06-15").has_time));
  CHECK(at("2024-06-15 22:30").minute == june15 + 22 * 60 + 30);
  CHECK(at("2024-06-15T22:30:59").minute == june15 + 22 * 60 + 30);  // seconds are dropped
  CHECK(at("15/06/2024").minute == june15);
  CHECK(at(" 15/06/2024 01:05 ").minute == june15 + 65);
  // Excel: 45458 is 2024-06-15 (=DATE(2024,6,15) in Excel); .9375 is 22:30.
  CHECK((at("45458").ok && at("45458").minute == june15 && !at("45458").has_time));
  CHECK((at("45458.9375").minute == june15 + 22 * 60 + 30 && at("45458.9375").has_time));
  CHECK(at("61").minute == static_cast<int64_t>(day_number(1900, 3, 1)) * 1440);

  const std::pair<const char*, const char*> refused[] = {
      {"31/02/2024", "not a calendar date"},       {"2023-02-29", "not a calendar date"},
      {"06/15/2024", "US-style"},                   {"15/06/24", "two-digit year"},
      {"Jun-24", "form 'AAA-99'"},                   {"2024-06-15T24:00", "not a time of day"},
      {"2024-06-15 22:30+01:00", "not a time of day"}, {"2024-06-15Z", "not a date or date-time"},
      {"", "no date"},                               {"60", "Excel serial outside"},
      {"20240615", "YYYYMMDD is not read"},         {"2024/06/15", "not a date or date-time"},
      {"45458.5.1", "not a date or date-time"}};
  for (const auto& [text, why] : refused) {
    INFO(text);
    const MomentParse p = parse_moment(text);
    CHECK_FALSE(p.ok);
    CHECK_THAT(p.reason, Catch::Contains(why));
    if (*text) CHECK_THAT(p.reason, !Catch::Contains(text));  // the form, never the value
  }
  CHECK(parse_clock("22:30") == 1350);
  CHECK(parse_clock("2230") == 1350);
  CHECK(parse_clock("07:05:09") == 425);
  CHECK_FALSE(parse_clock("24:00"));
  CHECK_FALSE(parse_clock("7:05"));
  CHECK(value_form("Jun-24 x") == "AAA-99 A");
}
