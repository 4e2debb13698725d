// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <cpl_json.h>

#include "analyses/change/change_class.hpp"
#include "core/calendar.hpp"
#include "inputs/incidents.hpp"
#include "options/option_set.hpp"

namespace hotspot {

// [change]: the current period against the previous one, for the stages that rank places (kde,
// grid). Each declares the same keys, so one [change] table in a config sets them all.
struct ChangeParams {
  // The current period's start as written: a month "2024-01" (the months before are the previous
  // period), or with dated incidents a day "2024-06-17" or "last 14 days" (ending on [period]
  // as_of, else the last day with an incident); "" for no change.
  std::string current_from;
  ChangeRule rule;
  bool given() const { return !current_from.empty(); }
};

// The two periods of the loaded incidents: first..current_from-1 and current_from..last, in
// months or (a day or "last N days") in days.
struct Periods {
  bool in_days = false;
  int first = 0, last = 0;  // YYYYMM of the earliest and latest incident
  int current_from = 0;     // YYYYMM (a period in days: the month of its first day)
  int32_t first_day = 0, last_day = 0, current_from_day = 0;  // in days only
  double previous_months = 0, current_months = 0;  // exposures (days / 30.44 for periods in days)
  bool is_current(const Incidents& incidents, size_t i) const {
    return in_days ? floor_day(incidents.start[i]) >= current_from_day : incidents.month[i] >= current_from;
  }
  std::string from_text() const;    // "2024-01" or "2024-06-17"
  std::string length_text(bool current) const;  // "6 months", "14 days"
};

// Throws OptionError naming change.current_from for a value that is none of its forms.
void check_change_from(const std::string& current_from);

// Throws DataError (naming `stage`) when an incident has no month, when a period in days meets
// incidents without dates, or when either period has no incident, with the months (days) the
// data hold. `as_of` anchors "last N days".
Periods split_periods(const Incidents& incidents, const std::string& current_from, std::optional<int32_t> as_of,
                      const std::string& stage);

// summary.json's record of a comparison: the periods and how many places fall in each class.
CPLJSONObject change_json(const Periods& periods, const std::vector<ChangeClass>& classes);

template <typename P, typename Get>
void declare_change_options(OptionSet<P>& s, Get change) {
  const std::string g = "Change";
  s.add({.section = "change", .key = "current_from", .flag = "--current-from", .default_text = "no comparison",
         .help = "First month of the current period (YYYY-MM; with dated incidents a day YYYY-MM-DD or \"last 14 "
                 "days\"); the time before it is the previous one, and each hotspot is classed new, persistent, "
                 "intensifying, diminishing or ceased",
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
