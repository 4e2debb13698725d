// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hotspot {

// Calendar days are counted from 1970-01-01 (day 0) and minutes from its midnight, on the clock
// the data were recorded in (no time zone is applied: a force's times are local).
constexpr int64_t kMinutesPerDay = 1440;

struct CivilDate {
  int year = 1970, month = 1, day = 1;
};

bool is_calendar_date(int year, int month, int day);
int32_t day_number(int year, int month, int day);  // the date must be a calendar date
CivilDate civil_date(int32_t day);
int day_of_week(int32_t day);  // 0 Monday .. 6 Sunday
int32_t floor_day(int64_t minute);
int yyyymm_of(int32_t day);
int32_t first_day_of_month(int yyyymm);
int32_t last_day_of_month(int yyyymm);

std::string date_text(int32_t day);  // "2024-06-15"
extern const char* const kWeekdayNames[7];  // "Monday" ..

// "YYYY-MM-DD" (a calendar date) or nullopt: for options.
std::optional<int32_t> parse_iso_date(std::string_view text);

// A date or date-time as force systems export them: ISO 8601 "2024-06-15", "2024-06-15 22:30",
// "2024-06-15T22:30:00"; UK "15/06/2024", "15/06/2024 22:30[:00]"; or an Excel serial (1900 date
// system, "45458" or "45458.9375"). Never guessed: a two-digit year, a US-style month over 12, a
// day the month does not have, a time zone or anything else is an error whose reason names the
// value's form (digits as 9, letters as A), not the value.
struct MomentParse {
  bool ok = false;
  int64_t minute = 0;     // minutes since 1970-01-01 00:00
  bool has_time = false;  // false: a whole day
  std::string reason;     // when not ok
};
MomentParse parse_moment(std::string_view text);

// A time of day "22:30", "22:30:15" or "2230": minutes after midnight, or nullopt.
std::optional<int> parse_clock(std::string_view text);

// The form of a value for a reject's reason: "99/99/9999", "AAA-99" (at most 24 characters).
std::string value_form(std::string_view text);

}  // namespace hotspot
