// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <vector>

#include "core/gdal_handles.hpp"

namespace hotspot {

// A GeoJSON file being written: features are given in EPSG:27700, add() transforms them to
// EPSG:4326 (lon/lat) and GDAL writes them as RFC 7946 (right-hand rings) with 6 decimals, about
// 0.1 m. The layer is declared in EPSG:4326 so that GDAL does not look up a transformation of
// its own for each file.
struct GeoJsonLayer {
  GDALDatasetUniquePtr dataset;
  OGRLayer* layer = nullptr;
  TransformPtr to_wgs84;
  std::string path;

  void add(OGRFeature& feature);
  // A feature from a table row, one text per field in order ("" = null), and its geometry
  // (EPSG:27700, taken over).
  void add_row(const std::vector<std::string>& row, OGRGeometry* geometry);
  void close();
};

GeoJsonLayer create_geojson_layer(const std::string& path, const std::string& layer_name,
                                  OGRwkbGeometryType geometry_type);

}  // namespace hotspot
