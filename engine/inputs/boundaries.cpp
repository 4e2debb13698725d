// SPDX-License-Identifier: Apache-2.0
#include "inputs/boundaries.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <set>

#include <fmt/format.h>

#include "core/crs.hpp"
#include "core/errors.hpp"
#include "core/gdal_handles.hpp"
#include "core/secrets.hpp"

namespace hotspot {
namespace {

const std::vector<std::string> kCodeFields = {"LSOA11CD", "LSOA21CD", "LSOA01CD", "LSOA_CODE", "lsoa_cd", "LSOA code",
                                              "WD25CD",   "WD24CD",   "WD23CD",   "WD22CD",    "WD21CD",  "code"};
const std::vector<std::string> kNameFields = {"LSOA11NM", "LSOA21NM", "LSOA01NM", "LSOA_NAME", "lsoa_nm", "LSOA name",
                                              "WD25NM",   "WD24NM",   "WD23NM",   "WD22NM",    "WD21NM",  "name"};
const std::vector<std::string> kDistrictNameFields = {"LADNM", "LAD25NM", "LAD24NM", "LAD23NM",
                                                      "LAD22NM", "LAD21NM", "LAD19NM", "LAD11NM"};
const std::vector<std::string> kDistrictFields = {"LADCD_ACTIVE", "LADCD", "LAD25CD", "LAD24CD", "LAD23CD",
                                                  "LAD22CD", "LAD21CD", "LAD19CD", "LAD11CD"};

int field_or_detect(const OGRFeatureDefn& defn, const std::string& given,
                    const std::vector<std::string>& candidates, const char* flag, const std::string& path) {
  if (!given.empty()) {
    const int i = find_field(defn, {given});
    if (i < 0) throw UsageError(std::string(flag) + " '" + given + "': no such field in '" + path + "'");
    return i;
  }
  return find_field(defn, candidates);
}

std::string field_names(const OGRFeatureDefn& defn) {
  std::string out;
  for (int i = 0; i < defn.GetFieldCount(); ++i) out += (i ? ", " : "") + std::string(defn.GetFieldDefn(i)->GetNameRef());
  return out;
}

// MakeValid can return a collection with slivers as lines or points; keep the polygons.
GeomPtr polygonal_part(GEOSContextHandle_t ctx, GeomPtr g) {
  const int type = GEOSGeomTypeId_r(ctx, g.get());
  if (type == GEOS_POLYGON || type == GEOS_MULTIPOLYGON) return g;
  std::vector<GEOSGeometry*> polygons;
  for (int i = 0; i < GEOSGetNumGeometries_r(ctx, g.get()); ++i) {
    const GEOSGeometry* part = GEOSGetGeometryN_r(ctx, g.get(), i);
    const int part_type = GEOSGeomTypeId_r(ctx, part);
    if (part_type == GEOS_POLYGON) {
      polygons.push_back(GEOSGeom_clone_r(ctx, part));
    } else if (part_type == GEOS_MULTIPOLYGON) {
      for (int j = 0; j < GEOSGetNumGeometries_r(ctx, part); ++j)
        polygons.push_back(GEOSGeom_clone_r(ctx, GEOSGetGeometryN_r(ctx, part, j)));
    }
  }
  return GeomPtr(GEOSGeom_createCollection_r(ctx, GEOS_MULTIPOLYGON, polygons.data(),
                                             static_cast<unsigned>(polygons.size())),
                 GeomDeleter{ctx});
}

}  // namespace

double Boundaries::total_area_m2() const {
  double total = 0;
  for (const auto& a : areas) total += a.area_m2;
  return total;
}

Extent Boundaries::extent_of(size_t area) const {
  GEOSContextHandle_t ctx = geos->get();
  const GEOSGeometry* g = areas[area].geometry.get();
  Extent e;
  GEOSGeom_getXMin_r(ctx, g, &e.xmin);
  GEOSGeom_getYMin_r(ctx, g, &e.ymin);
  GEOSGeom_getXMax_r(ctx, g, &e.xmax);
  GEOSGeom_getYMax_r(ctx, g, &e.ymax);
  return e;
}

Extent Boundaries::extent() const {
  constexpr double inf = std::numeric_limits<double>::infinity();
  Extent e{inf, inf, -inf, -inf};
  for (size_t i = 0; i < areas.size(); ++i) {
    const Extent a = extent_of(i);
    e = {std::min(e.xmin, a.xmin), std::min(e.ymin, a.ymin), std::max(e.xmax, a.xmax), std::max(e.ymax, a.ymax)};
  }
  return e;
}

Boundaries read_boundaries(const std::string& path, const BoundaryOptions& options) {
  auto ds = open_vector(path, "boundaries");
  OGRLayer* layer = pick_layer(*ds, options.layer, path);
  const OGRFeatureDefn& defn = *layer->GetLayerDefn();

  if (layer->GetGeomType() == wkbNone) {  // a table, not polygons: say what it looks like
    const std::string fields = field_names(defn);
    std::string looks = "boundaries need polygons (a Shapefile, GeoPackage or GeoJSON of areas)";
    if (fields.find("Index of Multiple Deprivation (IMD) Rank") != std::string::npos) {
      looks = "this looks like IoD2019 File_1; pass it as --imd ([imd] ranks)";
    } else if (fields.find("Crime type") != std::string::npos) {
      looks = "this looks like a police.uk incident file; pass it as --incidents";
    } else if (fields.find("Postcode") != std::string::npos || fields.find("postcode") != std::string::npos) {
      looks = "this looks like a postcode table; pass it as [geocode] postcodes";
    }
    throw DataError("boundaries '" + path + "': no geometry: " + looks);
  }
  Boundaries out;
  out.geos = std::make_shared<GeosContext>();
  out.source = redact_secrets(path);  // recorded in outputs
  GEOSContextHandle_t ctx = out.geos->get();

  const int code_i = field_or_detect(defn, options.code_field, kCodeFields, "--code-field", path);
  if (code_i < 0 && options.code_required) {
    throw UsageError("boundaries '" + path + "': no area code field found among (" + field_names(defn) +
                     "); name it with --code-field");
  }
  const int name_i = field_or_detect(defn, options.name_field, kNameFields, "--name-field", path);
  const int district_i = field_or_detect(defn, options.district_field, kDistrictFields, "--district-field", path);
  const int district_name_i = find_field(defn, kDistrictNameFields);
  const int value_i = options.value_field.empty() ? -1 : find_field(defn, {options.value_field});
  if (!options.value_field.empty() && value_i < 0) {
    throw UsageError("--value '" + options.value_field + "': not count, rate or a field of '" + path + "' (" +
                     field_names(defn) + ")");
  }
  out.code_field = code_i >= 0 ? defn.GetFieldDefn(code_i)->GetNameRef() : "FID";
  if (name_i >= 0) out.name_field = defn.GetFieldDefn(name_i)->GetNameRef();
  if (district_name_i >= 0) out.district_name_field = defn.GetFieldDefn(district_name_i)->GetNameRef();
  if (district_i >= 0) out.district_field = defn.GetFieldDefn(district_i)->GetNameRef();
  if (!options.districts.empty() && district_i < 0) {
    throw UsageError("boundaries '" + path + "': no district field to select districts on; name it with --district-field");
  }

  OGRSpatialReference source_crs;
  if (const OGRSpatialReference* srs = layer->GetSpatialRef()) {
    source_crs = *srs;
  } else if (!options.crs.empty()) {
    source_crs = crs_from_user(options.crs, "--boundaries-crs");
  } else {
    throw DataError("boundaries '" + path + "': has no CRS (no .prj?); name it with --boundaries-crs");
  }
  const TransformPtr ct = to_working_crs(source_crs, "boundaries '" + path + "'");
  const std::set<std::string> wanted(options.districts.begin(), options.districts.end());
  std::set<std::string> seen_districts;

  for (auto& feature : CheckedFeatures(*layer, "boundaries", path)) {
    const std::string where = "boundaries '" + path + "' feature " + std::to_string(feature->GetFID());
    Area area;
    area.code = code_i >= 0 ? as_utf8(feature->GetFieldAsString(code_i)) : fmt::format("{:09d}", feature->GetFID());
    if (name_i >= 0) area.name = as_utf8(feature->GetFieldAsString(name_i));
    if (district_i >= 0) area.district_code = as_utf8(feature->GetFieldAsString(district_i));
    if (district_name_i >= 0) area.district_name = as_utf8(feature->GetFieldAsString(district_name_i));
    seen_districts.insert(area.district_code);
    OGRGeometry* g = feature->GetGeometryRef();
    const auto type = g ? wkbFlatten(g->getGeometryType()) : wkbUnknown;
    const bool polygonal = g && !g->IsEmpty() && (type == wkbPolygon || type == wkbMultiPolygon);
    const bool selected = wanted.empty() || wanted.count(area.district_code);
    if (!selected) continue;
    if (value_i >= 0 && feature->IsFieldSetAndNotNull(value_i)) {
      const char* text = feature->GetFieldAsString(value_i);
      char* end = nullptr;
      const double v = std::strtod(text, &end);
      if (end == text || *end != '\0' || !std::isfinite(v)) {
        throw DataError(where + ": field '" + options.value_field + "' = '" + text + "' is not a number");
      }
      area.value = v;
    }
    if (area.code.empty()) throw DataError(where + ": empty code in field '" + out.code_field + "'");
    if (!g || g->IsEmpty()) throw DataError(where + " (" + area.code + "): no geometry");
    if (!polygonal) {
      throw DataError(where + " (" + area.code + "): not a polygon but " + OGRGeometryTypeToName(type));
    }
    if (g->transform(ct.get()) != OGRERR_NONE) {
      throw DataError(where + " (" + area.code + "): cannot transform to " + kWorkingCrs);
    }
    GeomPtr geom(g->exportToGEOS(ctx), GeomDeleter{ctx});
    if (!geom) throw DataError(where + " (" + area.code + "): GEOS cannot read the geometry");
    if (GEOSisValid_r(ctx, geom.get()) != 1) {
      char* reason = GEOSisValidReason_r(ctx, geom.get());
      out.warnings.push_back("boundaries: repaired invalid polygon " + area.code + " (" +
                             (reason ? reason : "invalid") + ")");
      GEOSFree_r(ctx, reason);
      GeomPtr fixed(GEOSMakeValid_r(ctx, geom.get()), GeomDeleter{ctx});
      if (!fixed) throw DataError(where + " (" + area.code + "): invalid and cannot be repaired: " + out.geos->last_message());
      geom = polygonal_part(ctx, std::move(fixed));
    }
    GEOSArea_r(ctx, geom.get(), &area.area_m2);
    area.geometry = std::move(geom);
    out.areas.push_back(std::move(area));
  }
  for (const auto& d : wanted) {
    if (!seen_districts.count(d)) throw UsageError("--districts '" + d + "': no area of '" + path + "' has that district code");
  }
  if (out.areas.empty()) throw DataError("boundaries '" + path + "': no polygons");
  std::sort(out.areas.begin(), out.areas.end(), [](const Area& a, const Area& b) { return a.code < b.code; });
  for (size_t i = 1; i < out.areas.size(); ++i) {
    if (out.areas[i].code == out.areas[i - 1].code) {
      throw DataError("boundaries '" + path + "': code " + out.areas[i].code + " appears more than once");
    }
  }
  // GEOS computes a geometry's envelope on first use and keeps it; computing them here, before
  // the boundaries are shared between threads (a grid made while incidents are placed), keeps
  // later reads free of that write.
  out.extent();
  return out;
}

}  // namespace hotspot
