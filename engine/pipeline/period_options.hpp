// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>

#include "analyses/places/period_compare.hpp"
#include "inputs/incidents.hpp"

namespace hotspot {

// A baseline and a current period as options (places, indicators) name them.
struct PeriodPair {
  MonthSpan baseline, current;
};

// Parses `section`.baseline and `section`.current; throws OptionError naming the key for a
// period that is not YYYY-MM..YYYY-MM, YYYY-Qn or YYYY, or for two periods that overlap.
PeriodPair period_options(const std::string& section, const std::string& baseline, const std::string& current);

// Throws DataError when the incidents' months do not cover both periods (naming the months they hold).
void require_periods_in_data(const std::string& section, const PeriodPair& periods, const Incidents& incidents);

}  // namespace hotspot
