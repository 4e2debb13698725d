// SPDX-License-Identifier: Apache-2.0
#include "pipeline/period_options.hpp"

#include <fmt/format.h>

#include "core/errors.hpp"
#include "inputs/crime_types.hpp"

namespace hotspot {
namespace {

MonthSpan period_option(const std::string& text, const std::string& key) {
  const std::optional<MonthSpan> s = parse_month_span(text);
  if (!s) throw OptionError(key, text, "write the period as YYYY-MM..YYYY-MM (the first month first), YYYY-Qn or YYYY");
  return *s;
}

}  // namespace

PeriodPair period_options(const std::string& section, const std::string& baseline, const std::string& current) {
  const PeriodPair p{period_option(baseline, section + ".baseline"), period_option(current, section + ".current")};
  if (p.baseline.to >= p.current.from && p.current.to >= p.baseline.from) {
    throw OptionError(section + ".current", current, "overlaps the baseline " + span_text(p.baseline));
  }
  return p;
}

std::string rag_rule_text(const RagRule& rule) {
  return fmt::format(
      "RAG: red when up by {:.0f}% or more and the exact test of the two counts gives p <= {:g}; green when down so; "
      "amber otherwise, including changes chance could give at these numbers.",
      100.0 * rule.threshold, rule.alpha);
}

void require_periods_in_data(const std::string& section, const PeriodPair& p, const Incidents& incidents) {
  const auto [first, last] = month_range(incidents.month);
  const auto covered = [&](const MonthSpan& s) { return first && first <= s.from && s.to <= last; };
  if (!covered(p.baseline) || !covered(p.current)) {
    throw DataError(fmt::format("{}: the periods {} and {} are not both within the data's months ({})", section,
                                span_text(p.baseline), span_text(p.current),
                                first ? format_month(first) + ".." + format_month(last) : "none"));
  }
}

}  // namespace hotspot
