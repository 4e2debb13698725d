// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/extent.hpp"
#include "core/geos_handles.hpp"

namespace hotspot {

struct BoundaryOptions {
  std::string code_field;      // empty: auto-detect (LSOA11CD, LSOA21CD, ...)
  std::string name_field;      // empty: auto-detect (LSOA11NM, ...); optional
  std::string district_field;  // empty: auto-detect (LADCD_ACTIVE, LADCD, LAD21CD, ...); optional
  std::string layer;           // empty: the first layer
  std::string crs;             // CRS for a source that declares none
  std::vector<std::string> districts;  // keep only areas in these district codes
  std::string value_field;             // a numeric field to read into Area::value (stats --value FIELD)
  bool code_required = true;           // false: a layer without a code field is read with feature ids as codes
};

struct Area {
  std::string code, name, district_code;
  std::string district_name;  // from LADNM, LAD25NM, ... when the layer has one
  GeomPtr geometry;  // EPSG:27700, valid, polygonal
  double area_m2 = 0;
  std::optional<double> value;  // BoundaryOptions::value_field, when asked for
};

// Areas sorted by code. `geos` owns the context the geometries live in and is declared
// first so that it is destroyed last.
struct Boundaries {
  std::shared_ptr<GeosContext> geos;
  std::vector<Area> areas;
  std::string source, code_field, name_field, district_field;
  std::string district_name_field;    // LADNM, LAD25NM, ... when the layer has one
  std::vector<std::string> warnings;  // repaired polygons, ...

  double total_area_m2() const;
  Extent extent() const;              // the box around every area
  Extent extent_of(size_t area) const;  // the box around one
};

// Reads polygons from any OGR source, reprojects them to EPSG:27700 and repairs invalid ones
// (GEOS MakeValid, warning naming each). Throws DataError/UsageError naming the file.
Boundaries read_boundaries(const std::string& path, const BoundaryOptions& options);

}  // namespace hotspot
