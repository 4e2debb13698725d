// SPDX-License-Identifier: Apache-2.0
#include "outputs/geojson_layer.hpp"

#include "core/crs.hpp"
#include "core/errors.hpp"

namespace hotspot {

GeoJsonLayer create_geojson_layer(const std::string& path, const std::string& layer_name,
                                  OGRwkbGeometryType geometry_type) {
  GeoJsonLayer out;
  out.path = path;
  out.dataset = create_dataset("GeoJSON", path);
  OGRSpatialReference wgs84 = crs_from_user("EPSG:4326", "GeoJSON");
  out.to_wgs84 = from_working_crs(wgs84, "GeoJSON '" + path + "'");
  const char* options[] = {"RFC7946=YES", "COORDINATE_PRECISION=6", "SIGNIFICANT_FIGURES=12", nullptr};
  out.layer = out.dataset->CreateLayer(layer_name.c_str(), &wgs84, geometry_type, const_cast<char**>(options));
  if (!out.layer) throw DataError("cannot create layer in '" + path + "': " + gdal_last_error());
  return out;
}

void GeoJsonLayer::add(OGRFeature& feature) {
  if (OGRGeometry* g = feature.GetGeometryRef(); g && g->transform(to_wgs84.get()) != OGRERR_NONE) {
    throw DataError("cannot transform a feature of '" + path + "' to EPSG:4326: " + gdal_last_error());
  }
  if (layer->CreateFeature(&feature) != OGRERR_NONE) throw DataError("cannot write '" + path + "': " + gdal_last_error());
}

void GeoJsonLayer::add_row(const std::vector<std::string>& row, OGRGeometry* geometry) {
  OGRFeature f(layer->GetLayerDefn());
  for (size_t k = 0; k < row.size(); ++k) {
    if (row[k].empty()) {
      f.SetFieldNull(static_cast<int>(k));
    } else {
      f.SetField(static_cast<int>(k), row[k].c_str());
    }
  }
  f.SetGeometryDirectly(geometry);
  add(f);
}

void GeoJsonLayer::close() { close_dataset(dataset, path); }

}  // namespace hotspot
