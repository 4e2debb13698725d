// SPDX-License-Identifier: Apache-2.0
#include "pipeline/suspects_stage.hpp"

#include <fmt/format.h>

#include "core/errors.hpp"
#include "inputs/source_list.hpp"
#include "outputs/csv_table.hpp"
#include "outputs/geojson_layer.hpp"
#include "outputs/numbers.hpp"
#include "outputs/run_record.hpp"
#include "places/place_incidents.hpp"

namespace hotspot {
namespace {

bool hidden(uint64_t n, const SuspectsParams& p) {
  return p.suppress && n > 0 && n < static_cast<uint64_t>(p.min_count);
}

std::string shown(uint64_t n, const SuspectsParams& p) { return hidden(n, p) ? "" : std::to_string(n); }

}  // namespace

void check_suspects_params(const SuspectsParams& p) {
  if (p.sources.empty()) throw UsageError("suspects: 'sources' names no file");
  if (p.address_columns.empty()) throw UsageError("suspects: name 'address_column' or 'address_columns'");
  if (p.min_count < 2) throw UsageError(fmt::format("suspects: 'min_count' = {}: suppression needs 2 or more", p.min_count));
}

SuspectsResult analyse_suspects(const StudyData& study, const SuspectsParams& p, const Progress& progress) {
  check_suspects_params(p);
  if (!study.geocoder) throw UsageError("suspects: needs gazetteers to geocode the addresses ([geocode] postcodes)");
  IncidentColumns columns;
  columns.address = p.address_columns;
  columns.layer = p.layer;
  columns.place_address = study.place_address;
  SuspectsResult r;
  r.load = read_incidents(expand_sources(p.sources, "suspects.sources"), columns, {}, progress);
  r.area_of = place_incidents(r.load, study.boundaries, progress);
  const size_t areas = study.boundaries.areas.size();
  r.per_area.assign(areas, 0);
  r.incidents_per_area.assign(areas, 0);
  for (int32_t a : r.area_of) ++r.per_area[static_cast<size_t>(a)];
  for (int32_t a : study.area_of) ++r.incidents_per_area[static_cast<size_t>(a)];
  for (uint64_t n : r.per_area) r.suppressed_areas += hidden(n, p);
  return r;
}

void write_suspects(const StudyData& study, const SuspectsParams& p, const SuspectsResult& r, OutputFolder& out,
                    const std::string& prefix) {
  const auto& areas = study.boundaries.areas;
  CsvTable lsoa{{"lsoa_code", "lsoa_name", "district", "imd_decile", "incidents", "suspects"}, {}};
  GeoJsonLayer layer = create_geojson_layer(out.stage(prefix + "lsoa_suspects.geojson"), "lsoa_suspects", wkbMultiPolygon);
  for (const auto& [name, type] : std::vector<std::pair<const char*, OGRFieldType>>{
           {"lsoa_code", OFTString}, {"lsoa_name", OFTString}, {"district", OFTString}, {"imd_decile", OFTInteger},
           {"incidents", OFTInteger64}, {"suspects", OFTInteger64}, {"suppressed", OFTInteger}}) {
    OGRFieldDefn f(name, type);
    if (std::string(name) == "suppressed") f.SetSubType(OFSTBoolean);
    layer.layer->CreateField(&f);
  }
  GEOSContextHandle_t ctx = study.boundaries.geos->get();
  std::vector<uint64_t> decile_incidents(11, 0), decile_suspects(11, 0);
  for (size_t a = 0; a < areas.size(); ++a) {
    const ImdRecord* rec = study.imd.find(areas[a].code);
    const int decile = rec ? rec->decile : 0;
    decile_incidents[static_cast<size_t>(decile)] += r.incidents_per_area[a];
    decile_suspects[static_cast<size_t>(decile)] += r.per_area[a];
    lsoa.rows.push_back({areas[a].code, areas[a].name, rec ? rec->district_name : areas[a].district_code,
                         decile ? std::to_string(decile) : "", std::to_string(r.incidents_per_area[a]),
                         shown(r.per_area[a], p)});
    OGRFeature f(layer.layer->GetLayerDefn());
    f.SetField("lsoa_code", areas[a].code.c_str());
    f.SetField("lsoa_name", areas[a].name.c_str());
    f.SetField("district", lsoa.rows.back()[2].c_str());
    if (decile) f.SetField("imd_decile", decile);
    f.SetField("incidents", static_cast<GIntBig>(r.incidents_per_area[a]));
    if (hidden(r.per_area[a], p)) {
      f.SetFieldNull(f.GetFieldIndex("suspects"));
    } else {
      f.SetField("suspects", static_cast<GIntBig>(r.per_area[a]));
    }
    f.SetField("suppressed", hidden(r.per_area[a], p) ? 1 : 0);
    f.SetGeometryDirectly(OGRGeometryFactory::forceToMultiPolygon(OGRGeometryFactory::createFromGEOS(ctx, areas[a].geometry.get())));
    layer.add(f);
  }
  layer.close();
  write_csv(out.stage(prefix + "lsoa_suspects.csv"), lsoa);
  const uint64_t incidents = study.load.incidents.size(), suspects = r.load.incidents.size();
  CsvTable profile{{"imd_decile", "incidents", "incident_share", "suspects", "suspect_share"}, {}};
  for (int d = 1; d <= 10; ++d) {
    const uint64_t ni = decile_incidents[d], ns = decile_suspects[d];
    profile.rows.push_back({std::to_string(d), std::to_string(ni),
                            fixed(incidents ? static_cast<double>(ni) / static_cast<double>(incidents) : 0.0, 4),
                            shown(ns, p),
                            hidden(ns, p) ? "" : fixed(suspects ? static_cast<double>(ns) / static_cast<double>(suspects) : 0.0, 4)});
  }
  write_csv(out.stage(prefix + "deprivation_suspects.csv"), profile);
  write_rejects(out.stage(prefix + "suspect_rejects.csv"), r.load.account, r.load.incidents.files);
}

}  // namespace hotspot
