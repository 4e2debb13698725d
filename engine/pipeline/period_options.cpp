// SPDX-License-Identifier: Apache-2.0
#include "pipeline/period_options.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "core/errors.hpp"
#include "core/text.hpp"
#include "inputs/crime_types.hpp"

namespace hotspot {
namespace {

constexpr const char* kForms =
    "write the period as YYYY-MM..YYYY-MM (the first month first), YYYY-Qn, YYYY, YYYY-MM-DD..YYYY-MM-DD, or in days "
    "(current: \"last 28 days\"; baseline: \"the 28 days before\", \"same period last year\")";

// "last 14 days" -> 14; "fortnight" and "week" count as 14 and 7 days; nullopt for another form.
std::optional<int32_t> days_in(const std::vector<std::string>& w, size_t at) {
  if (w.size() == at + 1 && (w[at] == "fortnight" || w[at] == "week")) return w[at] == "week" ? 7 : 14;
  if (w.size() != at + 2) return std::nullopt;
  const bool days = w[at + 1] == "days" || w[at + 1] == "day", weeks = w[at + 1] == "weeks" || w[at + 1] == "week";
  if (!days && !weeks) return std::nullopt;
  if (w[at].empty() || w[at].size() > 5 || !std::all_of(w[at].begin(), w[at].end(), ::isdigit)) return std::nullopt;
  const int32_t n = std::stoi(w[at]) * (weeks ? 7 : 1);
  return n > 0 ? std::optional<int32_t>(n) : std::nullopt;
}

std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  std::string word;
  for (char c : lower(text) + " ") {
    if (c == ' ' || c == '\t') {
      if (!word.empty()) out.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  return out;
}

Period current_option(const std::string& text, const std::string& key, int32_t anchor) {
  if (const std::optional<Period> s = parse_period(text)) return *s;
  if (const auto n = last_days(text)) return day_period(anchor - *n + 1, anchor);
  throw OptionError(key, text, kForms);
}

Period baseline_option(const std::string& text, const std::string& key, const Period& current) {
  if (const std::optional<Period> s = parse_period(text)) return *s;
  const std::vector<std::string> w = words(text);
  const auto need_days = [&] {
    if (!current.in_days) throw OptionError(key, text, "is in days, so the current period must be too (\"last 28 days\")");
  };
  if (w.size() >= 3 && w[0] == "same" && w[w.size() - 2] == "last" && w.back() == "year") {
    need_days();
    return day_period(current.first_day - 364, current.last_day - 364);
  }
  if (w.size() >= 3 && w[0] == "the" && w.back() == "before") {
    const std::vector<std::string> unit(w.begin() + 1, w.end() - 1);
    const std::optional<int32_t> n = unit.size() == 1 && unit[0] == "period" ? std::optional<int32_t>(current.days())
                                                                              : days_in(unit, 0);
    if (n) {
      need_days();
      return day_period(current.first_day - *n, current.first_day - 1);
    }
  }
  throw OptionError(key, text, kForms);
}

}  // namespace

std::optional<int32_t> last_days(const std::string& text) {
  const std::vector<std::string> w = words(text);
  if (w.empty() || w[0] != "last") return std::nullopt;
  return days_in(w, 1);
}

PeriodPair period_options(const std::string& section, const std::string& baseline, const std::string& current,
                          std::optional<int32_t> anchor) {
  PeriodPair p;
  p.current = current_option(current, section + ".current", anchor.value_or(day_number(2000, 1, 1)));
  p.baseline = baseline_option(baseline, section + ".baseline", p.current);
  if (p.baseline.overlaps(p.current)) {
    throw OptionError(section + ".current", current, "overlaps the baseline " + span_text(p.baseline));
  }
  return p;
}

int32_t period_anchor(std::optional<int32_t> as_of, const Incidents& incidents) {
  return as_of ? *as_of : incidents.day_range().second;
}

std::string rag_rule_text(const RagRule& rule) {
  return fmt::format(
      "RAG: red when up by {:.0f}% or more and the exact test of the two counts gives p <= {:g}; green when down so; "
      "amber otherwise, including changes chance could give at these numbers.",
      100.0 * rule.threshold, rule.alpha);
}

void require_periods_in_data(const std::string& section, const PeriodPair& p, const Incidents& incidents) {
  // Plain names, not structured bindings: clang 14 (the fuzz and sanitizer build) cannot capture those.
  const auto months = month_range(incidents.month);
  const auto first_month = months.first, last_month = months.second;
  const auto day_span = incidents.day_range();
  const auto first_day = day_span.first, last_day = day_span.second;
  const bool days = p.baseline.in_days || p.current.in_days;
  const auto covered = [&](const Period& s) {
    if (s.in_days) return !incidents.start.empty() && first_day <= s.first_day && s.last_day <= last_day;
    return first_month && first_month <= s.from && s.to <= last_month;
  };
  if (!covered(p.baseline) || !covered(p.current)) {
    const std::string held = days ? (incidents.start.empty() ? "none" : date_text(first_day) + ".." + date_text(last_day))
                                  : (first_month ? format_month(first_month) + ".." + format_month(last_month) : "none");
    throw DataError(fmt::format("{}: the periods {} and {} are not both within the data's {} ({})", section,
                                span_text(p.baseline), span_text(p.current), days ? "days" : "months", held));
  }
}

}  // namespace hotspot
