// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/progress.hpp"
#include "inputs/boundaries.hpp"
#include "inputs/imd.hpp"
#include "inputs/incidents.hpp"
#include "places/place_names.hpp"
#include "places/geocoder.hpp"
#include "places/lsoa_vintages.hpp"

namespace hotspot {

// Gazetteers for address-only incident and suspect files ([geocode] in a config).
struct GeocodeGazetteers {
  std::string postcodes, streets, addresses, localities;
  int min_score = 50;
  bool given() const { return !postcodes.empty(); }
};

// What every analysis starts from: where the incidents are, the areas, and deprivation.
struct StudyInputs {
  std::vector<std::string> incidents;  // files, folders, globs or connection strings
  IncidentColumns columns;
  IncidentFilter filter;
  std::string boundaries;
  BoundaryOptions boundary_options;
  std::string study_area;  // polygons bounding the study within the boundaries; empty: the boundaries
  std::string wards;       // ward polygons naming places (hotspots, clusters, cells); empty: none
  std::vector<std::string> basemap;  // OGR layers drawn in grey under every map
  std::string map_districts;         // district polygons outlined and named on every map; empty: none
  GeocodeGazetteers geocode;  // loaded when given; incidents with address columns need them
  std::string imd, imd_domains, population;  // IoD2019 File_1, File_2, File_6; no IMD when imd is empty
  std::string imd_areas;  // the areas the IMD's codes are on when not the boundaries' vintage; empty: the boundaries
  std::optional<int32_t> as_of;  // the day relative periods end on; none: the last day with an incident
};

// Loaded and placed: every incident kept is inside an area (and the study area), and
// area_of[i] says which area.
struct StudyData {
  Boundaries boundaries;
  std::optional<Boundaries> study_area;  // when the inputs name one; incidents outside it are rejected
  Imd imd;                              // on the boundaries' codes (carried over from imd_areas when given)
  std::optional<Boundaries> imd_areas;  // when the inputs name them
  VintageCorrespondence imd_links;      // imd_areas -> boundaries
  IncidentLoad load;
  std::vector<int32_t> area_of;
  std::optional<Boundaries> wards;  // when the inputs name them
  std::optional<Boundaries> map_districts;  // when the inputs name them
  std::vector<int32_t> ward_of;     // per incident, into wards->areas (-1 in none); empty without wards
  uint64_t incidents_on_edges = 0;             // placed by the edge rule (places/area_locator.hpp)
  std::vector<std::string> codes_without_imd;  // area codes with no row in the IMD file
  std::vector<std::string> warnings;           // boundaries' and incidents' warnings, in that order
  std::optional<int32_t> as_of;                // the inputs' as_of, else the period's last day
  std::shared_ptr<const Geocoder> geocoder;    // when the inputs name gazetteers
  AddressPlacer place_address;                 // the geocoder at the inputs' min_score
};

// Names places from the study's incidents, streets and wards (the study must outlive it).
inline PlaceNamer place_namer(const StudyData& study) {
  return PlaceNamer(study.load.incidents, study.wards ? &*study.wards : nullptr, study.ward_of);
}

// The geocoder over the gazetteers named.
std::shared_ptr<const Geocoder> load_geocoder(const GeocodeGazetteers& gazetteers);

// Work that needs only the places (boundaries, IMD, study area), such as a stage's grid: it runs
// on the places thread while the incidents are read, and its errors come out of load_study.
using PlacesReady = std::function<void(const StudyData& places)>;

StudyData load_study(const StudyInputs& inputs, const Progress& progress = {}, const PlacesReady& places_ready = {});

}  // namespace hotspot
