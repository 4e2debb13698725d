// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <vector>

#include "analyses/places/period_compare.hpp"
#include "pipeline/target_places.hpp"

namespace hotspot {

// Stage "places": the places a partnership targets (wards, polygons, street lists), each with
// its incidents by crime type in a baseline and a current period, the change per month, the
// exact test of that change and a RAG status (analyses/places/period_compare.hpp).
struct PlacesParams {
  PlaceDefinitions places;
  std::string baseline, current;  // "YYYY-MM..YYYY-MM"
  RagRule rag;
};

struct PlaceRow {
  std::string place, kind, group;  // group: a crime type, or "all"
  PeriodComparison comparison;
};

struct PlacesResult {
  MonthSpan baseline, current;
  std::vector<TargetPlace> places;
  std::vector<PlaceRow> rows;  // per place: "all", then each crime type the study holds, in name order
};

// Throws DataError when the data do not cover both periods (naming the months they hold).
PlacesResult profile_places(const StudyData& study, const PlacesParams& params);

}  // namespace hotspot
