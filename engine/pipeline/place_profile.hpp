// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analyses/places/diff_in_diff.hpp"
#include "analyses/places/period_compare.hpp"
#include "inputs/gazetteers.hpp"
#include "pipeline/target_places.hpp"

namespace hotspot {

// A place as a partnership reads it (docs/method.md#place-profiles): its incidents by crime type
// in the baseline, previous and current periods, its months, its residents and rate against its
// district's and the study area's, its LSOAs' deprivation, its top streets, and, for a place
// under an intervention, the difference-in-differences against the rest of its district.
struct PlaceLsoa {
  size_t area = 0;                  // into the study's boundaries
  double share_of_lsoa = 0;         // of the LSOA's area inside the place
  double share_of_residents = 0;    // of its postcode units inside the place, or the area share without postcodes
  std::optional<double> residents;  // the LSOA's population times share_of_residents
};

struct PlaceIntervention {
  int start = 0;               // YYYYMM: the first month of the intervention
  Period before, after;        // the data's months before it, and from it on
  std::string comparison;      // "the rest of Mansfield"
  DidResult effect;
};

struct PlaceProfile {
  std::string name, kind, slug;  // slug: the file name, "oak-tree"
  Period baseline, previous, current;  // previous: as many months as the current, just before it
  // "all", then each crime type of the study: (baseline, previous, current)
  std::vector<std::pair<std::string, std::array<uint64_t, 3>>> by_type;
  std::vector<std::pair<int, uint64_t>> months;  // every month of the data: YYYYMM, incidents
  std::vector<PlaceLsoa> lsoas;                  // by code
  std::optional<double> residents;               // the LSOAs' residents inside the place
  std::string residents_rule;                    // "postcode units" or "area": how partly covered LSOAs were shared
  std::string district_code, district_name;      // the district holding most of its incidents
  // Incidents in the current period per 1,000 residents: the place's, its district's, the study area's.
  std::optional<double> rate, district_rate, study_rate;
  double residents_deciles_1_2 = 0;  // share of its residents in LSOAs of IMD deciles 1-2
  std::vector<std::pair<std::string, uint64_t>> top_streets;  // current period, most first (up to 10)
  std::optional<PlaceIntervention> intervention;
};

// `interventions`: "NAME: YYYY-MM" each, naming a place and the month its intervention began.
// `postcodes` (Code-Point Open units, or null): the residents of a partly covered LSOA are shared
// out by its postcode units inside the place, else by area.
// Throws OptionError naming places.interventions for an unknown place or a month outside the data.
std::vector<PlaceProfile> place_profiles(const StudyData& study, const std::vector<TargetPlace>& places,
                                         const Period& baseline, const Period& current,
                                         const std::vector<std::string>& interventions,
                                         const PostcodeGazetteer* postcodes);

}  // namespace hotspot
