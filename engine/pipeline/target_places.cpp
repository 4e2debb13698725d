// SPDX-License-Identifier: Apache-2.0
#include "pipeline/target_places.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "analyses/union_find.hpp"
#include "core/errors.hpp"
#include "core/locations.hpp"
#include "core/point_index.hpp"
#include "core/text.hpp"
#include "options/option.hpp"
#include "places/area_locator.hpp"

namespace hotspot {
namespace {

GeomPtr clone(const Area& area, const StudyData& study) {
  GEOSContextHandle_t ctx = study.boundaries.geos->get();
  return GeomPtr(GEOSGeom_clone_r(ctx, area.geometry.get()), GeomDeleter{ctx});
}

// The convex hull of a street list's incident points, widened by kStreetReach_m.
GeomPtr street_area(const std::vector<uint8_t>& member, const StudyData& study) {
  GEOSContextHandle_t ctx = study.boundaries.geos->get();
  const Incidents& inc = study.load.incidents;
  std::vector<GEOSGeometry*> points;
  for (size_t i = 0; i < inc.size(); ++i) {
    if (member[i]) points.push_back(GEOSGeom_createPointFromXY_r(ctx, inc.x[i], inc.y[i]));
  }
  GeomPtr all(GEOSGeom_createCollection_r(ctx, GEOS_MULTIPOINT, points.data(), static_cast<unsigned>(points.size())),
              GeomDeleter{ctx});
  GeomPtr hull(GEOSConvexHull_r(ctx, all.get()), GeomDeleter{ctx});
  return GeomPtr(GEOSBuffer_r(ctx, hull.get(), kStreetReach_m, 8), GeomDeleter{ctx});
}

// Keeps the place's incidents in the one neighbourhood its streets name (kStreetLink_m); the
// others are counted in p.elsewhere, their streets in p.streets_elsewhere.
void keep_one_neighbourhood(TargetPlace& p, const Incidents& inc) {
  std::vector<size_t> of;  // the place's incidents
  std::vector<double> x, y;
  for (size_t i = 0; i < inc.size(); ++i) {
    if (!p.member[i]) continue;
    of.push_back(i);
    x.push_back(inc.x[i]);
    y.push_back(inc.y[i]);
  }
  const Locations points = distinct_locations(x, y);
  const PointIndex index(points.x, points.y);
  UnionFind groups(points.size());
  for (uint32_t k = 0; k < points.size(); ++k) {
    index.within(points.x[k], points.y[k], kStreetLink_m * kStreetLink_m, [&](uint32_t j, double) { groups.unite(k, j); });
  }
  struct Group {
    std::set<uint32_t> streets;
    uint64_t incidents = 0;
    size_t first = 0;  // its first incident, in load order
  };
  std::map<uint32_t, Group> by_root;
  for (size_t m = 0; m < of.size(); ++m) {
    const uint32_t root = groups.find(points.of_point[m]);
    auto [it, fresh] = by_root.try_emplace(root);
    if (fresh) it->second.first = m;
    it->second.streets.insert(inc.location[of[m]]);
    ++it->second.incidents;
  }
  const auto better = [](const Group& a, const Group& b) {
    if (a.streets.size() != b.streets.size()) return a.streets.size() > b.streets.size();
    return a.incidents != b.incidents ? a.incidents > b.incidents : a.first < b.first;
  };
  uint32_t best = by_root.begin()->first;
  for (const auto& [root, g] : by_root) {
    if (better(g, by_root.at(best))) best = root;
  }
  std::set<std::string> elsewhere;
  for (size_t m = 0; m < of.size(); ++m) {
    if (groups.find(points.of_point[m]) == best) continue;
    p.member[of[m]] = 0;
    ++p.elsewhere;
    elsewhere.insert(inc.location_names[inc.location[of[m]]]);
  }
  p.streets_elsewhere.assign(elsewhere.begin(), elsewhere.end());
}

TargetPlace ward_place(const std::string& wanted, const StudyData& study) {
  if (!study.wards) throw OptionError("places.wards", wanted, "naming places by ward needs [boundaries] wards (--wards)");
  const Boundaries& w = *study.wards;
  std::vector<std::string> names;
  for (size_t a = 0; a < w.areas.size(); ++a) {
    const Area& area = w.areas[a];
    names.push_back(area.name);
    if (lower(area.name) != lower(wanted) && lower(area.code) != lower(wanted)) continue;
    TargetPlace p{area.name, "ward", area.code, std::vector<uint8_t>(study.ward_of.size(), 0), {}, clone(area, study)};
    for (size_t i = 0; i < study.ward_of.size(); ++i) p.member[i] = study.ward_of[i] == static_cast<int32_t>(a);
    return p;
  }
  throw OptionError("places.wards", wanted, "no such ward in '" + w.source + "'" + suggestion(wanted, names));
}

std::vector<TargetPlace> polygon_places(const std::string& path, const StudyData& study) {
  BoundaryOptions options;
  options.code_required = false;
  const Boundaries polygons = read_boundaries(path, options);
  const std::vector<int32_t> in = AreaLocator(polygons).locate_all(study.load.incidents.x, study.load.incidents.y).area;
  std::vector<TargetPlace> out;
  for (size_t a = 0; a < polygons.areas.size(); ++a) {
    const Area& area = polygons.areas[a];
    TargetPlace p{area.name.empty() ? area.code : area.name, "polygon", path, std::vector<uint8_t>(in.size(), 0), {},
                  clone(area, study)};
    for (size_t i = 0; i < in.size(); ++i) p.member[i] = in[i] == static_cast<int32_t>(a);
    out.push_back(std::move(p));
  }
  return out;
}

TargetPlace street_place(const std::string& spec, const StudyData& study) {
  const size_t colon = spec.find(':');
  if (colon == std::string::npos || trim(spec.substr(0, colon)).empty()) {
    throw OptionError("places.streets", spec, "write a place as \"NAME: street; street; ...\"");
  }
  const Incidents& inc = study.load.incidents;
  TargetPlace p{trim(spec.substr(0, colon)), "streets", "", std::vector<uint8_t>(inc.size(), 0), {}, nullptr};
  std::vector<uint8_t> wanted_location(inc.location_names.size(), 0);
  std::string rest = spec.substr(colon + 1);
  for (size_t at = 0; at <= rest.size();) {
    const size_t semi = std::min(rest.find(';', at), rest.size());
    const std::string street = trim(rest.substr(at, semi - at));
    at = semi + 1;
    if (street.empty()) continue;
    bool found = false;
    for (size_t l = 0; l < inc.location_names.size(); ++l) {
      if (lower(inc.location_names[l]) == lower(street)) wanted_location[l] = 1, found = true;
    }
    if (found) {
      p.definition += (p.definition.empty() ? "" : "; ") + street;
    } else {
      p.streets_missing.push_back(street);
    }
  }
  if (p.definition.empty()) {
    throw OptionError("places.streets", spec,
                      "the data name none of its streets" +
                          (p.streets_missing.empty() ? "" : suggestion(p.streets_missing.front(), inc.location_names)));
  }
  for (size_t i = 0; i < inc.size(); ++i) p.member[i] = wanted_location[inc.location[i]];
  if (std::find(p.member.begin(), p.member.end(), 1) == p.member.end()) {
    throw OptionError("places.streets", spec, "no incident kept in the study lies on its streets (only rows left out name them)");
  }
  keep_one_neighbourhood(p, inc);
  p.geometry = street_area(p.member, study);
  return p;
}

}  // namespace

std::map<std::string, std::string> district_names(const StudyData& study) {
  std::map<std::string, std::string> names;
  const auto add = [&](const Boundaries& b) {
    for (const Area& a : b.areas) {
      if (!a.district_code.empty() && !a.district_name.empty()) names.emplace(a.district_code, a.district_name);
    }
  };
  add(study.boundaries);
  if (study.wards) add(*study.wards);
  if (study.map_districts) add(*study.map_districts);
  for (const Area& a : study.boundaries.areas) names.emplace(a.district_code, a.district_code);  // unnamed ones
  return names;
}

std::vector<TargetPlace> target_places(const PlaceDefinitions& defs, const StudyData& study) {
  std::vector<TargetPlace> out;
  for (const std::string& w : defs.wards) out.push_back(ward_place(w, study));
  if (!defs.polygons.empty()) {
    for (TargetPlace& p : polygon_places(defs.polygons, study)) out.push_back(std::move(p));
  }
  for (const std::string& s : defs.streets) out.push_back(street_place(s, study));
  return out;
}

}  // namespace hotspot
