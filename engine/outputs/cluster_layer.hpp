// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/geos_handles.hpp"
#include "outputs/output_folder.hpp"
#include "places/place_names.hpp"

namespace hotspot {

// One cluster as published in clusters.geojson.
struct ClusterFeature {
  int32_t id = 0;          // DBSCAN label, or the NNH cluster's index; points.gpkg's `cluster`
  int order = 1;           // NNH order (1 for DBSCAN)
  int rank = 0;            // 1 = most incidents within its order
  uint64_t incidents = 0;
  double share = 0;        // of all incidents clustered
  uint64_t core_points = 0;  // DBSCAN only
  double centre_x = 0, centre_y = 0;  // mean centre, EPSG:27700
  GeomPtr polygon;                    // EPSG:27700
  std::string shape;
  bool degenerate = false;
  double area_km2 = 0;
  std::string lsoa_codes;                // ';'-separated, sorted
  std::string centre_lsoa, centre_lsoa_name, centre_district;
  PlaceName name;                        // from its incidents: streets, ward, district
  std::optional<int> imd_decile;         // of the LSOA holding the mean centre
};

// Writes the cluster layer STEM (outputs/vector_layer.hpp) with its QGIS style from features in
// EPSG:27700; `core_points` is a
// field only when `with_core_points` (DBSCAN). A degenerate cluster's density is null: its
// polygon is drawn 1 m wide, so incidents per km2 of it would mean nothing.
void write_cluster_layer(OutputFolder& out, const std::string& stem, GEOSContextHandle_t ctx,
                         const std::vector<ClusterFeature>& features, bool with_core_points);

}  // namespace hotspot
