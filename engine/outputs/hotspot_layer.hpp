// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/geos_handles.hpp"

namespace hotspot {

// One kernel density hotspot as published in hotspots.geojson: connected top cells dissolved.
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
  GeomPtr polygon;          // EPSG:27700
};

// Writes hotspots.geojson (RFC 7946, EPSG:4326) from features in EPSG:27700.
void write_hotspot_layer(const std::string& path, GEOSContextHandle_t ctx, const std::vector<HotspotFeature>& features);

}  // namespace hotspot
