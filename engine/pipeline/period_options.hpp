// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "analyses/places/period_compare.hpp"
#include "core/calendar.hpp"
#include "inputs/incidents.hpp"
#include "options/option_set.hpp"

namespace hotspot {

// A baseline and a current period as options (places, indicators) name them.
struct PeriodPair {
  Period baseline, current;
};

// Parses `section`.baseline and `section`.current; throws OptionError naming the key for a
// period that is none of the forms below, or for two periods that overlap. Absolute:
// YYYY-MM..YYYY-MM, YYYY-Qn, YYYY, YYYY-MM-DD..YYYY-MM-DD. Relative, in days (incidents with
// dates): the current period "last N days", "last N weeks", "last fortnight", "last week", ending
// on `anchor`; the baseline "the N days before", "the N weeks before", "the fortnight before",
// "the period before" (the days just before the current period) or "same period last year" (also
// "same fortnight last year", "same N days last year": the current period 52 weeks earlier, so
// that weekdays line up). Without an anchor (options checked before the data are read) only
// the forms are checked.
PeriodPair period_options(const std::string& section, const std::string& baseline, const std::string& current,
                          std::optional<int32_t> anchor = std::nullopt);

// "last 14 days", "last 2 weeks", "last fortnight", "last week": the number of days; else nullopt.
std::optional<int32_t> last_days(const std::string& text);

// The day relative periods end on: the study's as_of, else the last day an incident starts on.
int32_t period_anchor(std::optional<int32_t> as_of, const Incidents& incidents);

// Whether incident i lies in the period (by its month, or by the day its window starts).
inline bool in_period(const Period& p, const Incidents& inc, size_t i) {
  return p.in_days ? p.holds_day(floor_day(inc.start[i])) : p.holds(inc.month[i]);
}

// The RAG rule's two options, declared alike for every stage that grades a change (places,
// indicators): `section`.rag_threshold (--rag-threshold) and `section`.alpha (--alpha).
template <class P>
void add_rag_options(OptionSet<P>& s, const std::string& section, const std::string& group, RagRule P::*rule) {
  s.add({.section = section, .key = "rag_threshold", .flag = "--rag-threshold", .kind = Kind::number, .min = 0,
         .help = "Red or green: a change per month of at least this share", .example = "0.1", .group = group},
        [rule](P& p) -> auto& { return (p.*rule).threshold; });
  s.add({.section = section, .key = "alpha", .flag = "--alpha", .kind = Kind::number, .min = 0, .max = 1,
         .help = "Red or green: the change's p-value at most this", .example = "0.05", .group = group},
        [rule](P& p) -> auto& { return (p.*rule).alpha; });
}

// The rule in words, for the brief: "RAG: red when up by 10% or more and ... at these numbers."
std::string rag_rule_text(const RagRule& rule);

// Throws DataError when the incidents do not cover both periods (naming the months or days they
// hold; a period in days needs dated incidents, which the caller checks to say so in words).
void require_periods_in_data(const std::string& section, const PeriodPair& periods, const Incidents& incidents);

}  // namespace hotspot
