// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <vector>

#include "analyses/places/period_compare.hpp"
#include "pipeline/place_profile.hpp"
#include "pipeline/target_places.hpp"

namespace hotspot {

// Stage "places": the places a partnership targets (wards, polygons, street lists), each with
// its incidents by crime type in a baseline and a current period, the change per month, the
// exact test of that change and a RAG status (analyses/places/period_compare.hpp).
struct PlacesParams {
  PlaceDefinitions places;
  std::string baseline, current;  // "YYYY-MM..YYYY-MM"
  RagRule rag;
  std::vector<std::string> interventions;  // "PLACE: YYYY-MM"
  std::string postcodes;  // Code-Point Open units sharing out partly covered LSOAs' residents; empty: by area
};

struct PlaceRow {
  std::string place, kind, group;  // group: a crime type, or "all"
  PeriodComparison comparison;
};

struct PlacesResult {
  Period baseline, current;
  std::vector<TargetPlace> places;
  std::vector<PlaceRow> rows;  // per place: "all", then each crime type the study holds, in name order
  std::vector<PlaceProfile> profiles;  // per place, in the same order
};

// Throws DataError when the data do not cover both periods (naming the months they hold).
PlacesResult profile_places(const StudyData& study, const PlacesParams& params);

}  // namespace hotspot
