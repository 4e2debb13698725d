// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <vector>

#include <cpl_json.h>

#include "analyses/change/change_class.hpp"
#include "inputs/incidents.hpp"
#include "options/option_set.hpp"

namespace hotspot {

// [change]: the current period against the previous one, for the stages that rank places (kde,
// grid). Each declares the same keys, so one [change] table in a config sets them all.
struct ChangeParams {
  int current_from = 0;  // YYYYMM: the current period starts here, the months before are the previous one; 0: no change
  ChangeRule rule;
};

// The two periods of the loaded incidents: months first..current_from-1 and current_from..last.
struct Periods {
  int first = 0, last = 0;  // YYYYMM of the earliest and latest incident
  int current_from = 0;
  double previous_months = 0, current_months = 0;
};

// Throws DataError (naming `stage`) when an incident has no month, or when either period has no
// incident, with the months the data hold.
Periods split_periods(const Incidents& incidents, int current_from, const std::string& stage);

// summary.json's record of a comparison: the periods and how many places fall in each class.
CPLJSONObject change_json(const Periods& periods, const std::vector<ChangeClass>& classes);

template <typename P, typename Get>
void declare_change_options(OptionSet<P>& s, Get change) {
  const std::string g = "Change";
  s.add({.section = "change", .key = "current_from", .flag = "--current-from", .kind = Kind::month,
         .default_text = "no comparison",
         .help = "First month of the current period; the months before it are the previous one, and each hotspot is "
                 "classed new, persistent, intensifying, diminishing or ceased",
         .example = "2024-01", .group = g},
        [change](P& p) -> auto& { return change(p).current_from; });
  s.add({.section = "change", .key = "threshold", .flag = "--change-threshold", .kind = Kind::number, .unit = "share",
         .min = 0, .min_open = true,
         .help = "Intensifying or diminishing: the rate per month changed by at least this share (and significantly)",
         .example = "0.25", .group = g},
        [change](P& p) -> auto& { return change(p).rule.threshold; });
  s.add({.section = "change", .key = "alpha", .flag = "--change-alpha", .kind = Kind::number, .min = 0, .max = 1,
         .min_open = true, .help = "Intensifying or diminishing: the binomial test's two-sided p is at most this",
         .example = "0.01", .group = g},
        [change](P& p) -> auto& { return change(p).rule.alpha; });
}

}  // namespace hotspot
