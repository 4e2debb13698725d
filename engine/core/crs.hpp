// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <vector>

#include "core/gdal_handles.hpp"

namespace hotspot {

// The working CRS of every analysis: British National Grid, metres.
inline constexpr const char* kWorkingCrs = "EPSG:27700";

// A CRS from user text (EPSG:27700, a WKT, a PROJ string) with x = easting/longitude axis
// order; throws UsageError naming `flag`.
OGRSpatialReference crs_from_user(const std::string& text, const std::string& flag);

OGRSpatialReference working_crs();

// A PROJ transformation (through GDAL) from `from` to the working CRS. Each transformation is
// looked up in PROJ's database once per process; callers get their own copy.
TransformPtr to_working_crs(const OGRSpatialReference& from, const std::string& what);

// Transforms the points (x[i], y[i]) in place, ok[i] = whether point i was transformed; each
// distinct point once (police.uk snaps its 197k rows of 18 months to 15k map points).
void transform_points(OGRCoordinateTransformation& ct, std::vector<double>& x, std::vector<double>& y,
                      std::vector<int>& ok);

// And back: from the working CRS to `to` (x = easting/longitude axis order); the inverse of
// to_working_crs(to) when that was made already.
TransformPtr from_working_crs(const OGRSpatialReference& to, const std::string& what);

}  // namespace hotspot
