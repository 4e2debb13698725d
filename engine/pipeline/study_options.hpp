// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>

#include "options/option_set.hpp"
#include "pipeline/study_data.hpp"

namespace hotspot {

// The input, study-area, deprivation and filter options every analysis shares: flags on each
// verb, tables [incidents], [boundaries], [imd], [period], [crime_types] and [geocode] in a config.
struct StudyConfig {
  StudyInputs inputs;
  std::string types = "all";  // as the user wrote it
  std::string from, to;       // [period] from/to as written: a month or a day
  std::string as_of;          // [period] as_of, YYYY-MM-DD
};

const OptionSet<StudyConfig>& study_options();

// After the options are set: the crime types parsed and the period's order checked. Throws
// OptionError naming the key.
void finish_study(StudyConfig& config);

}  // namespace hotspot
