// SPDX-License-Identifier: Apache-2.0
#include "core/calendar.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>

namespace hotspot {

const char* const kWeekdayNames[7] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

bool is_calendar_date(int y, int m, int d) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= days[m - 1] + (m == 2 && leap);
}

// Days from 1970-01-01 in the proleptic Gregorian calendar, counted in 400-year eras that start
// on 1 March (so that the leap day ends a year).
int32_t day_number(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int year_of_era = y - era * 400;
  const int day_of_year = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

CivilDate civil_date(int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int day_of_era = z - era * 146097;
  const int year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int mp = (5 * day_of_year + 2) / 153;
  CivilDate c;
  c.day = day_of_year - (153 * mp + 2) / 5 + 1;
  c.month = mp < 10 ? mp + 3 : mp - 9;
  c.year = year_of_era + era * 400 + (c.month <= 2);
  return c;
}

int day_of_week(int32_t day) { return static_cast<int>(((day % 7) + 7 + 3) % 7); }  // 1970-01-01 was a Thursday

int32_t floor_day(int64_t minute) {
  return static_cast<int32_t>(minute >= 0 ? minute / kMinutesPerDay : -((-minute + kMinutesPerDay - 1) / kMinutesPerDay));
}

int yyyymm_of(int32_t day) {
  const CivilDate c = civil_date(day);
  return c.year * 100 + c.month;
}

int32_t first_day_of_month(int yyyymm) { return day_number(yyyymm / 100, yyyymm % 100, 1); }

int32_t last_day_of_month(int yyyymm) {
  const int y = yyyymm / 100, m = yyyymm % 100;
  return m == 12 ? day_number(y + 1, 1, 1) - 1 : day_number(y, m + 1, 1) - 1;
}

std::string date_text(int32_t day) {
  const CivilDate c = civil_date(day);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.year, c.month, c.day);
  return buf;
}

namespace {

// Reads exactly `width` digits at `at`.
bool digits(std::string_view t, size_t at, size_t width, int& out) {
  if (at + width > t.size()) return false;
  out = 0;
  for (size_t i = at; i < at + width; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(t[i]))) return false;
    out = out * 10 + (t[i] - '0');
  }
  return true;
}

bool all_digits(std::string_view t) {
  if (t.empty()) return false;
  for (char c : t) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

std::string_view trimmed(std::string_view t) {
  while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t' || t.back() == '\r')) t.remove_suffix(1);
  return t;
}

constexpr const char* kWant = "want YYYY-MM-DD or DD/MM/YYYY, either with hh:mm, or an Excel serial";

MomentParse failed(std::string_view text, const std::string& why) {
  MomentParse p;
  p.reason = why + " (form '" + value_form(text) + "')";
  return p;
}

// "hh:mm" or "hh:mm:ss" as all of `t`.
std::optional<int> clock_of(std::string_view t) {
  int h = 0, m = 0, s = 0;
  if (t.size() == 5 || t.size() == 8) {
    if (!digits(t, 0, 2, h) || t[2] != ':' || !digits(t, 3, 2, m)) return std::nullopt;
    if (t.size() == 8 && (t[5] != ':' || !digits(t, 6, 2, s))) return std::nullopt;
  } else if (t.size() == 4 && digits(t, 0, 2, h) && digits(t, 2, 2, m)) {
  } else {
    return std::nullopt;
  }
  if (h > 23 || m > 59 || s > 59) return std::nullopt;
  return h * 60 + m;
}

}  // namespace

std::string value_form(std::string_view text) {
  std::string out;
  for (char c : text.substr(0, 24)) {
    const unsigned char u = static_cast<unsigned char>(c);
    out += std::isdigit(u) ? '9' : std::isalpha(u) ? 'A' : (u < 0x20 || u >= 0x7f) ? '?' : c;
  }
  if (text.size() > 24) out += "...";
  return out;
}

std::optional<int32_t> parse_iso_date(std::string_view t) {
  int y = 0, m = 0, d = 0;
  if (t.size() != 10 || t[4] != '-' || t[7] != '-' || !digits(t, 0, 4, y) || !digits(t, 5, 2, m) || !digits(t, 8, 2, d))
    return std::nullopt;
  if (!is_calendar_date(y, m, d)) return std::nullopt;
  return day_number(y, m, d);
}

std::optional<int> parse_clock(std::string_view text) { return clock_of(trimmed(text)); }

MomentParse parse_moment(std::string_view raw) {
  const std::string_view t = trimmed(raw);
  if (t.empty()) return MomentParse{false, 0, false, "no date"};
  int y = 0, m = 0, d = 0;
  size_t rest = 0;
  if (t.size() >= 10 && t[4] == '-' && t[7] == '-' && digits(t, 0, 4, y) && digits(t, 5, 2, m) && digits(t, 8, 2, d)) {
    rest = 10;
  } else if (t.size() >= 10 && t[2] == '/' && t[5] == '/' && digits(t, 0, 2, d) && digits(t, 3, 2, m) &&
             digits(t, 6, 4, y)) {
    rest = 10;
    if (m > 12 && d <= 12) return failed(t, "month over 12: US-style MM/DD/YYYY is not read");
  } else if (t.size() >= 8 && t[2] == '/' && t[5] == '/' && digits(t, 0, 2, d) && digits(t, 3, 2, m) &&
             digits(t, 6, 2, y) && (t.size() == 8 || t[8] == ' ')) {
    return failed(t, "two-digit year: write DD/MM/YYYY");
  } else {
    // An Excel serial: whole days since 1899-12-30 (serial 61 is 1900-03-01: Excel's 1900-02-29 is skipped).
    const size_t dot = t.find('.');
    const std::string_view whole = t.substr(0, dot);
    const std::string_view fraction = dot == std::string_view::npos ? std::string_view{} : t.substr(dot + 1);
    if (dot == std::string_view::npos && t.size() == 8 && all_digits(t)) {
      return failed(t, "eight digits: write YYYY-MM-DD (YYYYMMDD is not read, nor taken for an Excel serial)");
    }
    if (all_digits(whole) && whole.size() <= 7 && (dot == std::string_view::npos || all_digits(fraction))) {
      const double serial = std::stod(std::string(t));
      if (serial < 61 || serial >= 2958466) return failed(t, "an Excel serial outside 1900-03-01..9999-12-31");
      MomentParse p;
      p.ok = true;
      const double days = std::floor(serial);
      p.minute = (static_cast<int64_t>(days) - 25569) * kMinutesPerDay +
                 static_cast<int64_t>(std::llround((serial - days) * kMinutesPerDay));
      p.has_time = dot != std::string_view::npos;
      return p;
    }
    return failed(t, std::string("not a date or date-time: ") + kWant);
  }
  if (!is_calendar_date(y, m, d)) return failed(t, "not a calendar date (no such day in that month)");
  MomentParse p;
  p.minute = static_cast<int64_t>(day_number(y, m, d)) * kMinutesPerDay;
  if (rest < t.size()) {
    if (t[rest] != ' ' && t[rest] != 'T') return failed(t, std::string("not a date or date-time: ") + kWant);
    const std::optional<int> clock = clock_of(t.substr(rest + 1));
    if (!clock) {
      return failed(t, "not a time of day after the date (want hh:mm or hh:mm:ss, 00:00 to 23:59; no time zone)");
    }
    p.minute += *clock;
    p.has_time = true;
  }
  p.ok = true;
  return p;
}

}  // namespace hotspot
