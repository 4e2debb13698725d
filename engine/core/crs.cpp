// SPDX-License-Identifier: Apache-2.0
#include "core/crs.hpp"

#include "core/errors.hpp"

namespace hotspot {

OGRSpatialReference crs_from_user(const std::string& text, const std::string& flag) {
  init_gdal();
  OGRSpatialReference srs;
  if (srs.SetFromUserInput(text.c_str()) != OGRERR_NONE) {
    throw UsageError(flag + " '" + text + "': not a CRS GDAL/PROJ understands (try EPSG:27700)");
  }
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  return srs;
}

OGRSpatialReference working_crs() { return crs_from_user(kWorkingCrs, "working CRS"); }

namespace {

// `direction` is "to" or "from" the working CRS, for the message.
TransformPtr between(OGRSpatialReference source, OGRSpatialReference target, const std::string& what,
                     const char* direction) {
  source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  target.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  TransformPtr ct(OGRCreateCoordinateTransformation(&source, &target));
  if (!ct) throw DataError(what + ": no transformation " + direction + " " + kWorkingCrs + ": " + gdal_last_error());
  return ct;
}

}  // namespace

TransformPtr to_working_crs(const OGRSpatialReference& from, const std::string& what) {
  return between(from, working_crs(), what, "to");
}

TransformPtr from_working_crs(const OGRSpatialReference& to, const std::string& what) {
  return between(working_crs(), to, what, "from");
}

}  // namespace hotspot
