// SPDX-License-Identifier: Apache-2.0
#include "pipeline/suspects_stage.hpp"

#include <fmt/format.h>

#include "core/errors.hpp"
#include "inputs/source_list.hpp"
#include "outputs/csv_table.hpp"
#include "outputs/geojson_layer.hpp"
#include "outputs/numbers.hpp"
#include "outputs/run_record.hpp"
#include "pipeline/stage.hpp"
#include "places/place_incidents.hpp"

namespace hotspot {
namespace {

bool hidden(uint64_t n, const SuspectsParams& p) {
  return p.suppress && n > 0 && n < static_cast<uint64_t>(p.min_count);
}

std::string shown(uint64_t n, const SuspectsParams& p) { return hidden(n, p) ? "" : std::to_string(n); }

}  // namespace

void check_suspects_params(const SuspectsParams& p) {
  if (p.sources.empty()) throw OptionError("suspects.sources", "", "names no file");
  if (p.address_columns.empty()) throw OptionError("suspects.address_column", "", "name address_column or address_columns");
  if (p.min_count < 2) throw OptionError("suspects.min_count", std::to_string(p.min_count), "suppression needs 2 or more");
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

namespace {

class SuspectsStage final : public StageWith<SuspectsParams> {
 public:
  const StageInfo& info() const override {
    static const StageInfo i{
        .name = "suspects",
        .purpose = "Where suspects live against where the violence happens, published only as suppressed counts",
        .docs = "docs/config.md#suspects",
        .writes = "Writes suspects/lsoa_suspects.csv and .geojson and suspects/deprivation_suspects.csv (counts from 1\n"
                  "to min_count - 1 left empty) and suspects/suspect_rejects.csv (file, line and reason only).",
        .verb = false};
    return i;
  }

  void finish(StudyInputs& inputs, bool) override {
    check_suspects_params(params);
    if (!inputs.geocode.given()) throw OptionError("geocode.postcodes", "", "the suspects step needs [geocode] postcodes");
  }

  StageReport run(const StudyData& study, StageContext& c) override {
    const SuspectsResult r = analyse_suspects(study, params, c.progress);
    write_suspects(study, params, r, c.out, c.prefix);
    StageReport report{"suspects", {}, {}};
    report.summary.Add("rows", rows_json(r.load.account));
    report.summary.Add("min_count", params.min_count);
    report.summary.Add("suppressed", params.suppress);
    report.summary.Add("areas_suppressed", static_cast<GInt64>(r.suppressed_areas));
    report.text = fmt::format(
        "\nsuspects: {} rows, {} placed in the study area's LSOAs, {} rejected; {} LSOAs with counts too small to "
        "publish\n",
        count_text(r.load.account.read), count_text(r.load.incidents.size()), count_text(r.load.account.rejects.size()),
        count_text(r.suppressed_areas));
    return report;
  }

 protected:
  const OptionSet<SuspectsParams>& declared() const override {
    static const OptionSet<SuspectsParams> set = [] {
      OptionSet<SuspectsParams> s;
      using P = SuspectsParams;
      s.add({.section = "suspects", .key = "sources", .kind = Kind::paths, .help = "Tables of suspect addresses",
             .example = "custody.csv"},
            [](P& p) -> auto& { return p.sources; });
      s.add({.section = "suspects", .key = "address_column", .help = "The column holding the whole address",
             .example = "address"},
            [](P& p) -> auto& { return p.address_columns; });
      s.add_custom({.section = "suspects", .key = "address_columns", .kind = Kind::texts,
                    .help = "The columns holding parts of the address, in order", .example = "street,town"},
                   [](P& p, const Value& v) {
                     for (const auto& a : std::get<std::vector<std::string>>(v.v)) p.address_columns.push_back(a);
                   });
      s.add({.section = "suspects", .key = "layer", .default_text = "the first", .help = "Layer of a multi-layer source",
             .example = "suspects"},
            [](P& p) -> auto& { return p.layer; });
      s.add({.section = "suspects", .key = "min_count", .kind = Kind::whole, .min = 2,
             .help = "Counts from 1 to min_count - 1 are published as empty", .example = "10"},
            [](P& p) -> auto& { return p.min_count; });
      s.add({.section = "suspects", .key = "suppress", .kind = Kind::flag,
             .help = "false: publish small counts too (for a private copy only)", .example = "true"},
            [](P& p) -> auto& { return p.suppress; });
      return s;
    }();
    return set;
  }
};

}  // namespace

std::unique_ptr<Stage> make_suspects_stage() { return std::make_unique<SuspectsStage>(); }

}  // namespace hotspot
