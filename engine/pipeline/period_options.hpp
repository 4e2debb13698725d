// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>

#include "analyses/places/period_compare.hpp"
#include "inputs/incidents.hpp"
#include "options/option_set.hpp"

namespace hotspot {

// A baseline and a current period as options (places, indicators) name them.
struct PeriodPair {
  MonthSpan baseline, current;
};

// Parses `section`.baseline and `section`.current; throws OptionError naming the key for a
// period that is not YYYY-MM..YYYY-MM, YYYY-Qn or YYYY, or for two periods that overlap.
PeriodPair period_options(const std::string& section, const std::string& baseline, const std::string& current);

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

// Throws DataError when the incidents' months do not cover both periods (naming the months they hold).
void require_periods_in_data(const std::string& section, const PeriodPair& periods, const Incidents& incidents);

}  // namespace hotspot
