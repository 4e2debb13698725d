// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analyses/change/change_class.hpp"
#include "analyses/density/kernel_density.hpp"
#include "core/geos_handles.hpp"
#include "inputs/boundaries.hpp"
#include "inputs/imd.hpp"
#include "inputs/incidents.hpp"
#include "places/place_names.hpp"

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
  std::string lsoa_names;   // ';'-separated, in the order of lsoa_codes
  std::string main_lsoa, main_lsoa_name;  // the LSOA holding most of its cells
  std::optional<int> imd_decile;  // of main_lsoa
  std::string district;     // of main_lsoa
  PlaceName name;           // its streets, ward and district (PlaceNamer)
  std::vector<int64_t> cell_ids;  // its cells, sorted
  // With a previous period (ChangeClass): its incidents in each period and its class.
  uint64_t previous_incidents = 0, current_incidents = 0;
  std::optional<Change> change;
  GeomPtr polygon;          // EPSG:27700
};

// The hotspots made of `hot` cells of the surface: 4-connected groups, each with its incidents,
// densities, LSOAs and name, ranked by incidents (then peak density). With `include` (one per
// incident), only the incidents it marks count and name.
std::vector<HotspotFeature> hotspots_of_cells(const DensitySurface& surface, const std::vector<int64_t>& hot,
                                              const Incidents& incidents, const Boundaries& boundaries, const Imd& imd,
                                              const PlaceNamer& namer, const std::vector<uint8_t>& include = {});

}  // namespace hotspot
