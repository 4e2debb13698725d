// SPDX-License-Identifier: Apache-2.0
#include "pipeline/street_gazetteer.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <tuple>

#include "core/crs.hpp"
#include "core/errors.hpp"
#include "core/gdal_handles.hpp"
#include "inputs/boundaries.hpp"
#include "inputs/number_text.hpp"
#include "inputs/police_uk_location.hpp"
#include "inputs/source_list.hpp"
#include "outputs/csv_table.hpp"
#include "outputs/numbers.hpp"
#include "places/area_locator.hpp"

namespace hotspot {

StreetGazetteer build_street_gazetteer(const std::vector<std::string>& specs, const std::string& boundaries_path) {
  const std::vector<std::string> sources = expand_sources(specs, "--incidents");
  std::optional<Boundaries> boundaries;
  std::optional<AreaLocator> locator;
  if (!boundaries_path.empty()) {
    boundaries = read_boundaries(boundaries_path, {});
    locator.emplace(*boundaries);
  }
  const TransformPtr ct = to_working_crs(crs_from_user("EPSG:4326", "police.uk"), "police.uk coordinates");
  std::map<std::tuple<std::string, double, double>, std::pair<std::string, uint64_t>> seen;  // -> district, rows
  StreetGazetteer g;
  for (const auto& path : sources) {
    GDALDatasetUniquePtr ds = open_vector(path, "incidents");
    OGRLayer* layer = pick_layer(*ds, "", path);
    const OGRFeatureDefn& defn = *layer->GetLayerDefn();
    const int loc = find_field(defn, {"Location"}), lon = find_field(defn, {"Longitude"}), lat = find_field(defn, {"Latitude"});
    if (loc < 0 || lon < 0 || lat < 0) {
      throw DataError("'" + path + "': not a police.uk file (needs Location, Longitude and Latitude columns)");
    }
    for (auto& f : *layer) {
      ++g.rows;
      const std::string name = street_of_location(as_utf8(f->GetFieldAsString(loc)));
      if (name.empty() || name == "No Location") {
        ++g.no_location;
        continue;
      }
      if (is_police_uk_place(name)) {
        ++g.not_a_street;
        continue;
      }
      double x, y;
      if (parse_number(f->GetFieldAsString(lon), x) != Parse::ok || parse_number(f->GetFieldAsString(lat), y) != Parse::ok || !ct->Transform(1, &x, &y)) {
        ++g.no_coordinates;
        continue;
      }
      std::string district;
      if (locator) {
        const int32_t a = locator->locate(x, y);
        if (a < 0) {
          ++g.outside;
          continue;
        }
        district = boundaries->areas[a].district_code;
      }
      ++g.used;
      auto& entry = seen[{name, x, y}];
      entry.first = district;
      ++entry.second;
    }
  }
  std::string last;
  for (const auto& [key, value] : seen) {
    const auto& [name, x, y] = key;
    g.points.push_back({name, "", value.first, x, y});
    g.incidents.push_back(value.second);
    if (name != last) ++g.streets;
    last = name;
  }
  return g;
}

void write_street_gazetteer(const std::string& path, const StreetGazetteer& g) {
  CsvTable t{{"street", "district", "x", "y", "incidents"}, {}};
  for (size_t i = 0; i < g.points.size(); ++i) {
    const StreetRecord& p = g.points[i];
    t.rows.push_back({p.name, p.district, fixed(p.x, 2), fixed(p.y, 2), std::to_string(g.incidents[i])});
  }
  write_csv(path, t);
}

}  // namespace hotspot
