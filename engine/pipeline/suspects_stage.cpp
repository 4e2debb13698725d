// SPDX-License-Identifier: Apache-2.0
#include "pipeline/suspects_stage.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "core/errors.hpp"
#include "inputs/source_list.hpp"
#include "outputs/csv_table.hpp"
#include "outputs/styles.hpp"
#include "outputs/vector_layer.hpp"
#include "outputs/numbers.hpp"
#include "outputs/run_record.hpp"
#include "pipeline/stage.hpp"
#include "analyses/density/cell_polygons.hpp"
#include "outputs/suppression.hpp"
#include "places/place_incidents.hpp"

namespace hotspot {
namespace {

// The counts published, and those blanked: per area within its IMD decile, the deciles within the
// total, and the cells within the total (suppression.hpp). Without `suppress`, none. When the
// total itself would give blanked counts back (fewer suspects than min_count, or a total no
// further blank protects), every count, and the summary withholds the suspects' row counts.
void suppress(const StudyData& study, const SuspectsParams& p, SuspectsResult& r) {
  const size_t areas = r.per_area.size();
  r.decile_of.assign(areas, 0);
  r.per_decile.assign(11, 0);
  r.incidents_per_decile.assign(11, 0);
  for (size_t a = 0; a < areas; ++a) {
    const ImdRecord* rec = study.imd.find(study.boundaries.areas[a].code);
    r.decile_of[a] = rec ? rec->decile : 0;
    r.per_decile[static_cast<size_t>(r.decile_of[a])] += r.per_area[a];
    r.incidents_per_decile[static_cast<size_t>(r.decile_of[a])] += r.incidents_per_area[a];
  }
  const uint64_t total = r.load.incidents.size();
  const size_t n_counts = areas + 11;
  // Areas [0, areas), then the 11 decile totals (0: no IMD; its total is implied by the others).
  std::vector<uint64_t> counts = r.per_area;
  counts.insert(counts.end(), r.per_decile.begin(), r.per_decile.end());
  std::vector<CountGroup> groups(11);
  for (size_t d = 0; d <= 10; ++d) groups[d].total = areas + d;
  for (size_t a = 0; a < areas; ++a) groups[static_cast<size_t>(r.decile_of[a])].members.push_back(a);
  CountGroup deciles, every_area, every_cell;
  for (size_t d = 0; d <= 10; ++d) deciles.members.push_back(areas + d);
  for (size_t a = 0; a < areas; ++a) every_area.members.push_back(a);
  for (size_t c = 0; c < r.cells.size(); ++c) every_cell.members.push_back(c);
  groups.push_back(deciles);
  groups.push_back(every_area);
  std::optional<std::vector<bool>> hidden = std::vector<bool>(n_counts), cell_hidden = std::vector<bool>(r.cells.size());
  if (p.suppress) {
    hidden = suppress_counts(counts, groups, p.min_count);
    cell_hidden = suppress_counts(r.per_cell, {every_cell}, p.min_count);
  }
  r.all_hidden = p.suppress && (total < static_cast<uint64_t>(p.min_count) || !hidden || !cell_hidden);
  if (r.all_hidden) {
    hidden = std::vector<bool>(n_counts, true);
    cell_hidden = std::vector<bool>(r.cells.size(), true);
  }
  r.area_hidden.assign(hidden->begin(), hidden->begin() + static_cast<std::ptrdiff_t>(areas));
  r.decile_hidden.assign(hidden->begin() + static_cast<std::ptrdiff_t>(areas), hidden->end());
  r.cell_hidden = *cell_hidden;
  for (size_t a = 0; a < areas; ++a) r.suppressed_areas += r.area_hidden[a] && r.per_area[a] > 0;
  for (size_t a = 0; a < areas; ++a) r.secondary_areas += r.area_hidden[a] && r.per_area[a] >= static_cast<uint64_t>(p.min_count);
  for (size_t c = 0; c < r.cells.size(); ++c) r.suppressed_cells += r.cell_hidden[c];
}

std::string shown(uint64_t n, bool hidden) { return hidden ? "" : std::to_string(n); }

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
  // Where they live on a grid over the study area, beside the incidents.
  r.grid = grid_over(study.boundaries.extent(), p.cell_m, 200'000'000, "suspects.cell");
  std::map<int64_t, std::pair<uint64_t, uint64_t>> cells;  // cell -> (incidents, residents), by index
  for (size_t i = 0; i < study.load.incidents.size(); ++i) {
    ++cells[r.grid.cell_of(study.load.incidents.x[i], study.load.incidents.y[i])].first;
  }
  for (size_t i = 0; i < r.load.incidents.size(); ++i) {
    ++cells[r.grid.cell_of(r.load.incidents.x[i], r.load.incidents.y[i])].second;
  }
  for (const auto& [c, n] : cells) {
    r.cells.push_back(c);
    r.incidents_per_cell.push_back(n.first);
    r.per_cell.push_back(n.second);
  }
  suppress(study, p, r);
  return r;
}

namespace {

// residence_cells.*: per grid cell holding incidents or residents, the incidents and residents,
// their shares of each total, and the dual surface of sfhotspot's hotspot_dual_kde in counts:
// difference (incident share - resident share) and ratio (incident share / resident share). A
// blanked resident count blanks every field that would give it back.
void write_residence_cells(const StudyData& study, const SuspectsResult& r, OutputFolder& out, const std::string& prefix) {
  const std::vector<std::string> columns = {"easting", "northing", "incidents", "residents", "residents_per_km2",
                                            "incident_share", "resident_share", "difference", "ratio", "suppressed"};
  CsvTable table{columns, {}};
  std::optional<VectorLayer> layer;
  if (!r.cells.empty()) layer.emplace(out, prefix + "residence_cells", "residence_cells", wkbPolygon);
  for (const auto& name : columns) {
    const bool whole = name == "incidents" || name == "residents";
    OGRFieldDefn field(name.c_str(), whole ? OFTInteger64 : name == "suppressed" ? OFTInteger : OFTReal);
    if (name == "suppressed") field.SetSubType(OFSTBoolean);
    if (layer) layer->add_field(field);
  }
  const double incidents = static_cast<double>(std::max<size_t>(1, study.load.incidents.size()));
  const double residents = static_cast<double>(std::max<size_t>(1, r.load.incidents.size()));
  const double km2 = r.grid.cell * r.grid.cell / 1e6;
  GEOSContextHandle_t ctx = study.boundaries.geos->get();
  for (size_t k = 0; k < r.cells.size(); ++k) {
    const int64_t c = r.cells[k];
    const bool hide = r.cell_hidden[k];
    const double si = static_cast<double>(r.incidents_per_cell[k]) / incidents;
    const double sr = static_cast<double>(r.per_cell[k]) / residents;
    std::vector<std::string> row = {fixed(r.grid.centre_x(c % r.grid.cols), 1), fixed(r.grid.centre_y(c / r.grid.cols), 1),
                                    std::to_string(r.incidents_per_cell[k]), shown(r.per_cell[k], hide),
                                    hide ? "" : fixed(static_cast<double>(r.per_cell[k]) / km2, 2), fixed(si, 6),
                                    hide ? "" : fixed(sr, 6), hide ? "" : fixed(si - sr, 6),
                                    hide || r.per_cell[k] == 0 ? "" : fixed(si / sr, 4), hide ? "1" : "0"};
    table.rows.push_back(row);
    GeomPtr square = cells_polygon(ctx, r.grid, {c});
    layer->add_row(row, OGRGeometryFactory::createFromGEOS(ctx, square.get()));
  }
  if (layer) {
    layer->set_style(cells_style_qml());
    layer->close();
  }
  write_csv(out.stage(prefix + "residence_cells.csv"), table);
}

}  // namespace

void write_suspects(const StudyData& study, const SuspectsResult& r, OutputFolder& out,
                    const std::string& prefix) {
  const auto& areas = study.boundaries.areas;
  CsvTable lsoa{{"lsoa_code", "lsoa_name", "district", "imd_decile", "incidents", "suspects"}, {}};
  VectorLayer layer(out, prefix + "lsoa_suspects", "lsoa_suspects", wkbMultiPolygon);
  for (const auto& [name, type] : std::vector<std::pair<const char*, OGRFieldType>>{
           {"lsoa_code", OFTString}, {"lsoa_name", OFTString}, {"district", OFTString}, {"imd_decile", OFTInteger},
           {"incidents", OFTInteger64}, {"suspects", OFTInteger64}, {"suppressed", OFTInteger}}) {
    OGRFieldDefn f(name, type);
    if (std::string(name) == "suppressed") f.SetSubType(OFSTBoolean);
    layer.add_field(f);
  }
  GEOSContextHandle_t ctx = study.boundaries.geos->get();
  for (size_t a = 0; a < areas.size(); ++a) {
    const ImdRecord* rec = study.imd.find(areas[a].code);
    const int decile = r.decile_of[a];
    lsoa.rows.push_back({areas[a].code, areas[a].name, rec ? rec->district_name : areas[a].district_code,
                         decile ? std::to_string(decile) : "", std::to_string(r.incidents_per_area[a]),
                         shown(r.per_area[a], r.area_hidden[a])});
    OGRFeature f(layer.defn());
    f.SetField("lsoa_code", areas[a].code.c_str());
    f.SetField("lsoa_name", areas[a].name.c_str());
    f.SetField("district", lsoa.rows.back()[2].c_str());
    if (decile) f.SetField("imd_decile", decile);
    f.SetField("incidents", static_cast<GIntBig>(r.incidents_per_area[a]));
    if (r.area_hidden[a]) {
      f.SetFieldNull(f.GetFieldIndex("suspects"));
    } else {
      f.SetField("suspects", static_cast<GIntBig>(r.per_area[a]));
    }
    f.SetField("suppressed", r.area_hidden[a] ? 1 : 0);
    f.SetGeometryDirectly(OGRGeometryFactory::forceToMultiPolygon(OGRGeometryFactory::createFromGEOS(ctx, areas[a].geometry.get())));
    layer.add(f);
  }
  layer.set_style(cells_style_qml());
  layer.close();
  write_csv(out.stage(prefix + "lsoa_suspects.csv"), lsoa);
  const uint64_t incidents = study.load.incidents.size(), suspects = r.load.incidents.size();
  CsvTable profile{{"imd_decile", "incidents", "incident_share", "suspects", "suspect_share"}, {}};
  for (int d = 1; d <= 10; ++d) {
    const uint64_t ni = r.incidents_per_decile[d], ns = r.per_decile[d];
    const bool hide = r.decile_hidden[d];
    profile.rows.push_back({std::to_string(d), std::to_string(ni),
                            fixed(incidents ? static_cast<double>(ni) / static_cast<double>(incidents) : 0.0, 4),
                            shown(ns, hide),
                            hide ? "" : fixed(suspects ? static_cast<double>(ns) / static_cast<double>(suspects) : 0.0, 4)});
  }
  write_csv(out.stage(prefix + "deprivation_suspects.csv"), profile);
  write_residence_cells(study, r, out, prefix);
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
        .writes = "Writes suspects/lsoa_suspects.csv and .geojson, suspects/deprivation_suspects.csv and\n"
                  "suspects/residence_cells.csv and .geojson (residents against incidents per cell: counts from 1 to\n"
                  "min_count - 1 left empty, and more where a total would give one back) and suspects/suspect_rejects.csv\n"
                  "(file, line and reason only).",
        .verb = false};
    return i;
  }

  void finish(StudyInputs& inputs, bool) override {
    check_suspects_params(params);
    if (!inputs.geocode.given()) throw OptionError("geocode.postcodes", "", "the suspects step needs [geocode] postcodes");
  }

  StageReport run(const StudyData& study, StageContext& c) override {
    const SuspectsResult r = analyse_suspects(study, params, c.progress);
    write_suspects(study, r, c.out, c.prefix);
    StageReport report{"suspects", {}, {}};
    if (r.all_hidden) {
      report.summary.Add("rows", "withheld: the number placed would give back counts too small to publish");
    } else {
      report.summary.Add("rows", rows_json(r.load.account));
    }
    report.summary.Add("min_count", params.min_count);
    report.summary.Add("suppressed", params.suppress);
    report.summary.Add("areas_suppressed", static_cast<GInt64>(r.suppressed_areas));
    report.summary.Add("areas_suppressed_secondary", static_cast<GInt64>(r.secondary_areas));
    report.summary.Add("cell_m", r.grid.cell);
    report.summary.Add("cells", static_cast<GInt64>(r.cells.size()));
    report.summary.Add("cells_suppressed", static_cast<GInt64>(r.suppressed_cells));
    if (r.all_hidden) report.summary.Add("warning", "too few suspects to publish any count safely: every count is blank");
    std::vector<std::vector<std::string>> rows;
    const double incidents = static_cast<double>(std::max<size_t>(1, study.load.incidents.size()));
    const double suspects = static_cast<double>(std::max<size_t>(1, r.load.incidents.size()));
    for (size_t d = 1; d <= 10; ++d) {
      const bool hide = r.decile_hidden[d];
      rows.push_back({std::to_string(d), fixed(100.0 * static_cast<double>(r.incidents_per_decile[d]) / incidents, 1),
                      hide ? "" : std::to_string(r.per_decile[d]),
                      hide ? "" : fixed(100.0 * static_cast<double>(r.per_decile[d]) / suspects, 1)});
    }
    report.brief.push_back(
        {"suspects", "Where suspects live",
         html_paragraph(r.all_hidden ? "Too few suspects to publish any count safely: every count is blank."
                                     : fmt::format("Where the {} suspects placed live, by the IMD decile of their LSOA, "
                                                   "against where the violence happens. Blank: fewer than {}, or a count "
                                                   "a total would give back.",
                                                   count_text(r.load.incidents.size()), params.min_count)) +
             html_table({"IMD decile", "incidents (%)", "suspects", "suspects (%)"}, rows, {0, 1, 2, 3}) +
             (r.all_hidden ? ""
                           : html_paragraph(hit_rate_text(r.load.incidents.size(),
                                                          r.load.account.read - r.load.account.filtered(),
                                                          "suspects' addresses")))});
    report.text = r.all_hidden
                      ? "\nsuspects: too few to publish any count safely: every count is blank, and how many were "
                        "placed is withheld\n"
                      : fmt::format("\nsuspects: {} rows, {} placed in the study area's LSOAs, {} rejected; {} LSOAs "
                                    "blanked ({} of them so that no blanked count can be worked out from the totals), "
                                    "{} of {} cells of {:g} m blanked\n",
                                    count_text(r.load.account.read), count_text(r.load.incidents.size()),
                                    count_text(r.load.account.rejects.size()), count_text(r.suppressed_areas),
                                    count_text(r.secondary_areas), count_text(r.suppressed_cells),
                                    count_text(r.cells.size()), r.grid.cell);
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
      s.add({.section = "suspects", .key = "cell", .kind = Kind::number, .unit = "m", .min = 0, .min_open = true,
             .help = "Cell size of the residence grid", .example = "500"},
            [](P& p) -> auto& { return p.cell_m; });
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
