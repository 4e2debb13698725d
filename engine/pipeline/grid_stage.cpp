// SPDX-License-Identifier: Apache-2.0
#include "pipeline/grid_stage.hpp"

#include <algorithm>
#include <iterator>
#include <limits>
#include <unordered_map>

#include <fmt/format.h>

#include "analyses/density/cell_polygons.hpp"
#include "analyses/density/hotspots.hpp"
#include "core/errors.hpp"
#include "core/gdal_handles.hpp"
#include "inputs/crime_types.hpp"
#include "inputs/number_text.hpp"
#include "outputs/charts/charts.hpp"
#include "outputs/csv_table.hpp"
#include "outputs/styles.hpp"
#include "outputs/vector_layer.hpp"
#include "outputs/numbers.hpp"
#include "pipeline/stage.hpp"
#include "pipeline/study_grid.hpp"
#include "places/area_locator.hpp"

namespace hotspot {

std::map<std::string, double> read_type_weights(const std::string& path) {
  GDALDatasetUniquePtr ds = open_vector(path, "grid.weights");
  OGRLayer* layer = ds->GetLayer(0);
  const OGRFeatureDefn* defn = layer->GetLayerDefn();
  const int type_i = defn->GetFieldIndex("crime_type"), weight_i = defn->GetFieldIndex("weight");
  if (type_i < 0 || weight_i < 0) throw DataError("grid.weights '" + path + "': needs columns crime_type and weight");
  std::map<std::string, double> out;
  uint64_t line = 1;
  for (auto& f : *layer) {
    ++line;
    double w = 0;
    if (parse_number(f->GetFieldAsString(weight_i), w) != Parse::ok || w < 0) {
      throw DataError(fmt::format("grid.weights '{}' line {}: weight '{}' is not a number >= 0", path, line,
                                  f->GetFieldAsString(weight_i)));
    }
    out[f->GetFieldAsString(type_i)] = w;
  }
  return out;
}

GridResult rank_grid_cells(const StudyData& study, const GridParams& p) {
  const Incidents& inc = study.load.incidents;
  if (inc.size() == 0) throw DataError("grid: no incidents in the study area");
  const DensitySurface surface = study_grid(study, p.cell_m, std::nullopt, p.max_cells, "grid.cell");
  GridResult r;
  r.grid = surface.grid;
  r.study_cells = surface.study_cells;
  std::vector<double> weight_of_type(inc.type_names.size(), 1.0);
  if (!p.weights.empty()) {
    const auto weights = read_type_weights(p.weights);
    for (size_t t = 0; t < inc.type_names.size(); ++t) {
      const auto it = weights.find(inc.type_names[t]);
      if (it == weights.end()) {
        throw DataError("grid.weights '" + p.weights + "': no weight for crime type '" + inc.type_names[t] + "'");
      }
      weight_of_type[t] = it->second;
    }
  }
  int first = 0, last = 0;
  if (p.change.given()) {
    r.periods = split_periods(inc, p.change.current_from, study.as_of, "grid");
    first = r.periods->current_from;
    last = r.periods->last;
  } else {
    for (int m : inc.month) {
      if (m) first = first ? std::min(first, m) : m;
      last = std::max(last, m);
    }
  }
  for (int m = first; m && m <= last; m = next_month(m)) r.months.push_back(m);

  // Each cell's counts, in a slot given when its first incident comes: a few numbers per cell
  // with incidents (a national grid has millions), the rest only for the cells listed.
  struct Tally {
    int64_t cell = 0;
    uint64_t incidents = 0, previous_incidents = 0;
    double harm = 0, previous_harm = 0;
    int previous_rank = 0;  // 0: no previous incidents
  };
  constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();
  std::vector<uint32_t> slot(static_cast<size_t>(r.grid.cells()), kNone);
  std::vector<Tally> tally;
  const std::vector<int64_t> cell_of = incident_cells(study, r.grid);
  for (size_t i = 0; i < inc.size(); ++i) {
    const int64_t c = cell_of[i];
    if (c < 0 || !surface.mask[static_cast<size_t>(c)]) continue;  // an incident in a cell whose centre is outside
    uint32_t& at = slot[static_cast<size_t>(c)];
    if (at == kNone) {
      at = static_cast<uint32_t>(tally.size());
      tally.push_back({.cell = c});
    }
    Tally& t = tally[at];
    const double w = weight_of_type[inc.type[i]];
    if (!r.periods || r.periods->is_current(inc, i)) {
      ++t.incidents;
      t.harm += w;
      ++r.current_incidents;
    } else {
      ++t.previous_incidents;
      t.previous_harm += w;
      ++r.previous_incidents;
    }
  }
  r.cells_with_incidents = static_cast<int64_t>(tally.size());
  const auto ranked = [](double harm_a, uint64_t n_a, int64_t cell_a, double harm_b, uint64_t n_b, int64_t cell_b) {
    return harm_a != harm_b ? harm_a > harm_b : n_a != n_b ? n_a > n_b : cell_a < cell_b;
  };
  std::sort(tally.begin(), tally.end(), [&](const Tally& a, const Tally& b) {
    return ranked(a.previous_harm, a.previous_incidents, a.cell, b.previous_harm, b.previous_incidents, b.cell);
  });
  for (size_t k = 0; k < tally.size() && tally[k].previous_incidents > 0; ++k) tally[k].previous_rank = static_cast<int>(k + 1);
  std::sort(tally.begin(), tally.end(), [&](const Tally& a, const Tally& b) {
    return ranked(a.harm, a.incidents, a.cell, b.harm, b.incidents, b.cell);
  });
  const AreaLocator locator(study.boundaries);
  const PlaceNamer namer = place_namer(study);
  std::vector<GridCell> listed;  // in the current ranking's order
  for (size_t k = 0; k < tally.size(); ++k) {
    const Tally& t = tally[k];
    const bool hot_now = static_cast<int>(k) < p.top && t.incidents > 0;
    const bool top_before = t.previous_rank > 0 && t.previous_rank <= p.top;
    if (!hot_now && !(r.periods && top_before)) continue;
    GridCell g;
    g.cell = t.cell;
    g.incidents = t.incidents;
    g.previous_incidents = t.previous_incidents;
    g.harm = t.harm;
    g.previous_harm = t.previous_harm;
    if (hot_now) g.rank = static_cast<int>(k + 1);
    if (t.previous_rank > 0) g.previous_rank = t.previous_rank;
    if (r.periods) {
      g.change = classify_change({t.previous_incidents, t.incidents, top_before, hot_now}, r.periods->previous_months,
                                 r.periods->current_months, p.change.rule);
    }
    g.monthly.assign(r.months.size(), 0);
    listed.push_back(std::move(g));
  }
  // The incidents of the listed cells, now and before, in load order, for their names; and the
  // current ones by month.
  std::unordered_map<int64_t, size_t> listed_at;
  for (size_t k = 0; k < listed.size(); ++k) listed_at[listed[k].cell] = k;
  std::vector<std::pair<std::vector<uint32_t>, std::vector<uint32_t>>> ids_in(listed.size());
  for (size_t i = 0; i < inc.size(); ++i) {
    const auto at = listed_at.find(cell_of[i]);
    if (at == listed_at.end()) continue;
    auto& [now, before] = ids_in[at->second];
    if (!r.periods || r.periods->is_current(inc, i)) {
      now.push_back(static_cast<uint32_t>(i));
      std::vector<uint64_t>& monthly = listed[at->second].monthly;
      const auto m = std::lower_bound(r.months.begin(), r.months.end(), inc.month[i]);
      if (m != r.months.end() && *m == inc.month[i]) ++monthly[static_cast<size_t>(m - r.months.begin())];
    } else {
      before.push_back(static_cast<uint32_t>(i));
    }
  }
  for (size_t k = 0; k < listed.size(); ++k) {
    GridCell g = std::move(listed[k]);
    g.easting = r.grid.centre_x(g.cell % r.grid.cols);
    g.northing = r.grid.centre_y(g.cell / r.grid.cols);
    g.area = locator.locate(g.easting, g.northing);
    std::string district;
    if (g.area >= 0) {
      const Area& a = study.boundaries.areas[static_cast<size_t>(g.area)];
      const ImdRecord* imd = study.imd.find(a.code);
      district = imd ? imd->district_name : !a.district_name.empty() ? a.district_name : a.district_code;
    }
    const auto& [now, before] = ids_in[k];
    g.name = namer.name(g.rank ? now : before, district);  // a ceased cell by its past
    (g.rank ? r.top : r.ceased).push_back(std::move(g));
  }
  std::sort(r.ceased.begin(), r.ceased.end(), [](const GridCell& a, const GridCell& b) { return *a.previous_rank < *b.previous_rank; });
  return r;
}

namespace {

class GridStage final : public StageWith<GridParams> {
 public:
  const StageInfo& info() const override {
    static const StageInfo i{
        .name = "grid",
        .purpose = "Equal-size grid cells ranked by incidents or harm: the top N, with monthly counts and last period's rank",
        .docs = "docs/config.md#grid",
        .writes = "Writes DIR/grid_cells.geojson and DIR/grid_cells.csv: the top --top cells of --cell metres over the study\n"
                  "area, ranked by incidents (or by harm with --weights, a CSV of crime_type,weight), with their\n"
                  "name (streets, ward with --wards, district), counts per month, the LSOA holding the centre and,\n"
                  "with --current-from, the counts and rank in the months before it and their change class\n"
                  "(ceased cells in DIR/ceased_grid_cells.*); plus rejects.csv and summary.json.",
        .example = "hotspot grid --incidents examples/ashfield-mansfield/police-uk --types serious-violence \\\n"
                   "    --boundaries shapefiles/nottinghamshire_lsoa11.shp --districts E07000170,E07000174 \\\n"
                   "    --wards shapefiles/nottinghamshire_wards2025.shp --cell 150 --top 20 --current-from 2024-01 \\\n"
                   "    --output out/grid"};
    return i;
  }

  void finish(StudyInputs&, bool) override { check_change_from(params.change.current_from); }

  StageReport run(const StudyData& study, StageContext& c) override {
    const GridResult r = rank_grid_cells(study, params);
    write(study, r, c);
    StageReport report{"grid", {}, {}};
    CPLJSONObject& o = report.summary;
    o.Add("cell_m", r.grid.cell);
    o.Add("study_cells", static_cast<GInt64>(r.study_cells));
    o.Add("cells_with_incidents", static_cast<GInt64>(r.cells_with_incidents));
    o.Add("top", params.top);
    o.Add("ranked_by", params.weights.empty() ? "incidents" : "harm");
    if (!params.weights.empty()) o.Add("weights", params.weights);
    if (r.periods) {
      std::vector<ChangeClass> listed;
      for (const auto* cells : {&r.top, &r.ceased}) {
        for (const GridCell& g : *cells) listed.push_back(g.change->change);
      }
      for (const CPLJSONObject& child : change_json(*r.periods, listed).GetChildren()) o.Add(child.GetName(), child);
    }
    o.Add("current_incidents", static_cast<GInt64>(r.current_incidents));
    o.Add("previous_incidents", static_cast<GInt64>(r.previous_incidents));
    uint64_t in_top = 0;
    for (const GridCell& g : r.top) in_top += g.incidents;
    o.Add("incidents_in_top", static_cast<GInt64>(in_top));
    const double area_share = static_cast<double>(r.top.size()) / static_cast<double>(r.study_cells);
    o.Add("area_share", round_to(area_share, 6));
    report.text = fmt::format("\ngrid: {:g} m cells; the top {} hold {} of {} incidents ({:.1f}%) on {:.2f}% of the study area\n",
                              r.grid.cell, r.top.size(), count_text(in_top), count_text(r.current_incidents),
                              r.current_incidents ? 100.0 * static_cast<double>(in_top) / static_cast<double>(r.current_incidents) : 0.0,
                              100.0 * area_share);
    std::vector<std::vector<std::string>> rows;
    for (const GridCell& g : r.top) {
      std::vector<std::string> row = {std::to_string(g.rank), g.name.streets, g.name.ward, std::to_string(g.incidents)};
      if (r.periods) {
        row.push_back(g.previous_rank ? std::to_string(*g.previous_rank) : "");
        row.push_back(to_string(g.change->change));
      }
      const std::vector<double> monthly(g.monthly.begin(), g.monthly.end());
      row.push_back(html_image(sparkline_png(monthly), "incidents per month", "spark"));
      rows.push_back(std::move(row));
    }
    std::vector<std::string> header = {"rank", "streets", "ward", "incidents"};
    if (r.periods) header.insert(header.end(), {"previous rank", "change"});
    header.push_back("per month");
    report.brief.push_back({"grid", fmt::format("Top {} cells of {:g} m", r.top.size(), r.grid.cell),
                            html_paragraph(fmt::format("Equal-size cells of {:g} m ranked by {}: the top {} hold {} of the {} "
                                                       "incidents in cells whose centre is in the study area.", r.grid.cell,
                                                       params.weights.empty() ? "incidents" : "harm", r.top.size(),
                                                       count_text(in_top), count_text(r.current_incidents))) +
                                html_table(header, rows, {0, 3, 4}, {header.size() - 1})});
    if (!r.top.empty()) {
      report.maps.push_back({.id = "grid", .section = "grid",
                             .title = fmt::format("Top {} cells of {:g} m, labelled by rank", r.top.size(), r.grid.cell),
                             .layers = {{.source = c.prefix + "grid_cells.geojson",
                                         .symbols = {{.fill = "#b2182b", .fill_opacity = 0.6, .stroke = "#67001f",
                                                      .stroke_width = 1, .label = "[rank]", .legend = "top cell"}}}}});
    }
    return report;
  }

 protected:
  const OptionSet<GridParams>& declared() const override {
    static const OptionSet<GridParams> set = [] {
      OptionSet<GridParams> s;
      using P = GridParams;
      const std::string g = "Grid";
      s.add({.section = "grid", .key = "cell", .flag = "--cell", .kind = Kind::number, .unit = "m", .min = 0,
             .min_open = true, .help = "Cell size", .example = "150", .group = g},
            [](P& p) -> auto& { return p.cell_m; });
      s.add({.section = "grid", .key = "top", .flag = "--top", .kind = Kind::whole, .min = 1,
             .help = "How many cells to list", .example = "20", .group = g},
            [](P& p) -> auto& { return p.top; });
      s.add({.section = "grid", .key = "weights", .flag = "--weights", .kind = Kind::path,
             .help = "Rank by harm: a CSV with columns crime_type and weight (e.g. the ONS Crime Severity Score)",
             .example = "weights.csv", .group = g},
            [](P& p) -> auto& { return p.weights; });
      s.add({.section = "grid", .key = "max_cells", .flag = "--max-cells", .kind = Kind::whole, .min = 1,
             .help = "Refuse grids with more cells", .example = "100000000", .group = g},
            [](P& p) -> auto& { return p.max_cells; });
      declare_change_options(s, [](P& p) -> ChangeParams& { return p.change; });
      return s;
    }();
    return set;
  }

 private:
  void write(const StudyData& study, const GridResult& r, StageContext& c) const {
    write_cells(study, r, r.top, c.prefix + "grid_cells", c);
    if (r.periods) write_cells(study, r, r.ceased, c.prefix + "ceased_grid_cells", c);
  }

  static void write_cells(const StudyData& study, const GridResult& r, const std::vector<GridCell>& cells,
                          const std::string& stem, StageContext& c) {
    std::vector<std::string> columns = {"rank",      "name",      "streets",       "ward",     "ward_code",
                                        "district",  "easting",   "northing",      "incidents", "harm",
                                        "previous_incidents", "previous_rank", "change", "rate_change", "p_change",
                                        "lsoa_code", "lsoa_name", "district_code", "imd_decile"};
    for (int m : r.months) columns.push_back("m_" + format_month(m));
    CsvTable table{columns, {}};
    // A GeoJSON layer without features has no fields or CRS for QGIS to read: an empty list is the CSV alone.
    std::optional<VectorLayer> layer;
    if (!cells.empty()) layer.emplace(c.out, stem, "grid_cells", wkbPolygon);
    for (const auto& name : columns) {
      const bool whole = name == "rank" || name == "incidents" || name.rfind("m_", 0) == 0 || name == "previous_rank" ||
                         name == "previous_incidents" || name == "imd_decile";
      const bool real = name == "easting" || name == "northing" || name == "harm" || name == "rate_change" || name == "p_change";
      OGRFieldDefn field(name.c_str(), whole ? OFTInteger64 : real ? OFTReal : OFTString);
      if (layer) layer->add_field(field);
    }
    GEOSContextHandle_t ctx = study.boundaries.geos->get();
    for (const GridCell& g : cells) {
      const Area* area = g.area >= 0 ? &study.boundaries.areas[static_cast<size_t>(g.area)] : nullptr;
      const ImdRecord* imd = area ? study.imd.find(area->code) : nullptr;
      std::vector<std::string> row = {g.rank ? std::to_string(g.rank) : "", g.name.full, g.name.streets, g.name.ward,
                                      g.name.ward_code, g.name.district, fixed(g.easting, 1), fixed(g.northing, 1),
                                      std::to_string(g.incidents), fixed(g.harm, 4), std::to_string(g.previous_incidents),
                                      g.previous_rank ? std::to_string(*g.previous_rank) : "",
                                      g.change ? to_string(g.change->change) : "",
                                      g.change && g.change->rate_change ? fixed(*g.change->rate_change, 4) : "",
                                      g.change ? fixed(g.change->p_value, 6) : "",
                                      area ? area->code : "", area ? area->name : "", area ? area->district_code : "",
                                      imd ? std::to_string(imd->decile) : ""};
      for (uint64_t n : g.monthly) row.push_back(std::to_string(n));
      GeomPtr square = cells_polygon(ctx, r.grid, {g.cell});
      layer->add_row(row, OGRGeometryFactory::createFromGEOS(ctx, square.get()));
      table.rows.push_back(std::move(row));
    }
    if (layer) {
      layer->set_style(cells_style_qml());
      layer->close();
    }
    write_csv(c.out.stage(stem + ".csv"), table);
  }
};

}  // namespace

std::unique_ptr<Stage> make_grid_stage() { return std::make_unique<GridStage>(); }

}  // namespace hotspot
