// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "pipeline/study_data.hpp"

namespace hotspot {

// How a partnership names the places it targets.
struct PlaceDefinitions {
  std::vector<std::string> wards;    // ward names or codes, in the study's wards
  std::string polygons;              // a polygon file (drawn in QGIS, say): each feature a place, named by its name field
  std::vector<std::string> streets;  // "Coxmoor: Coxmoor Road; Sherwood Close": a place as its police.uk streets
  bool empty() const { return wards.empty() && polygons.empty() && streets.empty(); }
};

struct TargetPlace {
  std::string name;
  std::string kind;        // "ward", "polygon" or "streets"
  std::string definition;  // the ward's code, the polygon file, the streets found
  std::vector<uint8_t> member;  // per incident of the study: 1 when in the place
  std::vector<std::string> streets_missing;  // streets: the ones the data never name
  // EPSG:27700, in the study boundaries' GEOS context: the ward or drawn polygon; for a street
  // list, the convex hull of its incidents' points widened by kStreetReach_m (its residents' area).
  GeomPtr geometry;
  // Streets: the incidents left out on same-named streets elsewhere (see kStreetLink_m), and
  // those streets' names, sorted.
  uint64_t elsewhere = 0;
  std::vector<std::string> streets_elsewhere;
};

inline constexpr double kStreetReach_m = 50;

// A street list names one neighbourhood, but street names repeat from town to town (a county
// has several Richmond Roads). The listed streets' police.uk points are grouped by single
// linkage at this distance (a street's snap points lie a few hundred metres apart, an estate's
// streets within a kilometre or so of each other), and the place is the group that holds the
// most of the listed streets (then the most incidents, then the first read).
inline constexpr double kStreetLink_m = 1500;

// District code -> name, from whichever of the study's layers name districts (the boundaries,
// the wards, the map's districts); a district no layer names is named by its code.
std::map<std::string, std::string> district_names(const StudyData& study);

// The places, in the order given (wards, polygons, street lists). Throws OptionError naming the
// key for a ward the wards file does not hold or a street list none of whose streets the data
// name (with the nearest names), DataError for a polygon file that cannot be read.
std::vector<TargetPlace> target_places(const PlaceDefinitions& defs, const StudyData& study);

}  // namespace hotspot
