// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analyses/density/kernel_density.hpp"
#include "core/geos_handles.hpp"
#include "inputs/boundaries.hpp"
#include "inputs/imd.hpp"
#include "inputs/incidents.hpp"

namespace hotspot {

// One kernel density hotspot: connected hot cells dissolved.
struct HotspotFeature {
  int rank = 0;             // 1 = most incidents
  int64_t cells = 0;
  double area_km2 = 0;
  uint64_t incidents = 0;   // incidents of the surface's period inside the hotspot's cells
  double share = 0;         // of all incidents on the surface
  double peak_density = 0, mean_density = 0;  // over its cells, in the surface's unit
  std::string lsoa_codes;   // ';'-separated, sorted: the LSOAs its cell centres fall in
  std::string main_lsoa;    // the LSOA holding most of its cells
  std::optional<int> imd_decile;  // of main_lsoa
  std::string district;     // of main_lsoa
  std::string streets;      // its top police.uk streets by incidents, " / "-separated (see street_names)
  GeomPtr polygon;          // EPSG:27700
};

// Up to three street names for a place from its incidents' police.uk locations: the streets with
// the most incidents, each at least a quarter of the first's, ties by name; police.uk's generic
// places ("Supermarket", "Parking Area") only when no street is there. "" without locations.
std::string street_names(const std::map<uint32_t, uint64_t>& incidents_by_location, const Incidents& incidents);

// The hotspots made of `hot` cells of the surface: 4-connected groups, each with its incidents,
// densities and LSOAs, ranked by incidents (then peak density).
std::vector<HotspotFeature> hotspots_of_cells(const DensitySurface& surface, const std::vector<int64_t>& hot,
                                              const Incidents& incidents, const Boundaries& boundaries, const Imd& imd);

}  // namespace hotspot
