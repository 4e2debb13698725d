// SPDX-License-Identifier: Apache-2.0
#include "pipeline/kde_stage.hpp"

#include <algorithm>
#include <cmath>
#include <future>
#include <iterator>
#include <map>

#include <fmt/format.h>

#include "analyses/density/cell_ranking.hpp"
#include "analyses/density/hotspots.hpp"
#include "core/errors.hpp"
#include "outputs/csv_table.hpp"
#include "outputs/density_raster.hpp"
#include "outputs/numbers.hpp"
#include "outputs/styles.hpp"
#include "pipeline/stage.hpp"

namespace hotspot {

void check_kde_params(const KdeParams& p) {
  const auto number = [](double v) { return fmt::format("{}", v); };
  if (!(p.cell_m > 0) || !std::isfinite(p.cell_m)) throw OptionError("kde.cell", number(p.cell_m), "must be > 0 m");
  if (!p.auto_bandwidth && !(p.density.bandwidth_m > 0)) {
    throw OptionError("kde.bandwidth", number(p.density.bandwidth_m), "must be \"auto\" or a positive number of metres");
  }
  if (!(p.coverage > 0 && p.coverage <= 1)) throw OptionError("kde.coverage", number(p.coverage), "must be in (0, 1]");
  if (p.threshold && !(*p.threshold > 0)) throw OptionError("kde.threshold", number(*p.threshold), "must be > 0");
  if (p.max_cells < 1) throw OptionError("kde.max_cells", std::to_string(p.max_cells), "must be >= 1");
  if (p.density.adaptive_k < 0) throw OptionError("kde.adaptive", std::to_string(p.density.adaptive_k), "must be >= 0");
  if (p.extent && !(p.extent->xmax > p.extent->xmin && p.extent->ymax > p.extent->ymin)) {
    throw OptionError("kde.extent", "", "give xmin,ymin,xmax,ymax with xmin < xmax and ymin < ymax (EPSG:27700 metres)");
  }
}

KdeGrid prepare_kde_grid(const StudyData& places, const KdeParams& p) {
  check_kde_params(p);
  KdeGrid g;
  g.surface = study_grid(places, p.cell_m, p.extent, p.max_cells, "kde.cell");
  return g;
}

namespace {

// The surface: the bandwidth (chosen when auto) and the kernel sums over the grid.
KdeResult kde_surface(const StudyData& study, const KdeParams& p, KdeGrid& grid, const Progress& progress) {
  const Incidents& inc = study.load.incidents;
  KdeResult r;
  r.surface = std::move(grid.surface);
  r.used = p.density;
  if (p.auto_bandwidth) {
    r.choice = choose_bandwidth(inc.x, inc.y, inc.month, r.surface, p.density.kernel, p.coverage, progress);
    r.used.bandwidth_m = r.choice->bandwidth_m;
  }
  const Grid g = r.surface.grid;
  const double width = g.cell * static_cast<double>(g.cols), height = g.cell * static_cast<double>(g.rows);
  if (r.used.bandwidth_m > std::max(width, height)) {
    throw OptionError("kde.bandwidth", fmt::format("{}", r.used.bandwidth_m),
                      fmt::format("larger than the study area ({:.0f} m x {:.0f} m)", width, height));
  }
  r.unit = r.used.raw ? "kernel sum (raw)" : "incidents per km2";
  r.surface = density_surface(kernel_centres(inc.x, inc.y, r.used), g, std::move(r.surface.mask), r.used, progress);
  return r;
}

// The hotspots on the surface: top cells (or cells over the threshold), 4-connected, ranked.
void find_hotspots(const StudyData& study, const KdeParams& p, KdeResult& r) {
  std::vector<int64_t> hot = p.threshold ? cells_at_or_above(r.surface, static_cast<float>(*p.threshold))
                                         : top_cells(r.surface, cells_for_coverage(p.coverage, r.surface.study_cells));
  r.hotspot_cells = static_cast<int64_t>(hot.size());
  r.hotspots = hotspots_of_cells(r.surface, hot, study.load.incidents, study.boundaries, study.imd);
}

void write_hotspot_table(const std::string& path, const std::vector<HotspotFeature>& hotspots) {
  CsvTable t{{"rank", "streets", "area_km2", "cells", "incidents", "share", "peak_density", "mean_density", "main_lsoa",
              "imd_decile", "district", "lsoa_codes"},
             {}};
  for (const HotspotFeature& h : hotspots) {
    t.rows.push_back({std::to_string(h.rank), h.streets, fixed(h.area_km2, 4), std::to_string(h.cells), std::to_string(h.incidents),
                      fixed(h.share, 6), fixed(h.peak_density, 4), fixed(h.mean_density, 4), h.main_lsoa,
                      h.imd_decile ? std::to_string(*h.imd_decile) : "", h.district, h.lsoa_codes});
  }
  write_csv(path, t);
}

}  // namespace

KdeResult run_kde(const StudyData& study, const KdeParams& p, std::optional<KdeGrid> grid, OutputFolder& out,
                  const std::string& prefix, const Progress& progress) {
  if (study.load.incidents.size() == 0) throw DataError("kde: no incidents in the study area");
  if (!grid) grid = prepare_kde_grid(study, p);
  KdeResult r = kde_surface(study, p, *grid, progress);
  const std::map<std::string, std::string> metadata = {
      {"HOTSPOT_KERNEL", to_string(r.used.kernel)},
      {"HOTSPOT_BANDWIDTH_M", fmt::format("{}", r.used.bandwidth_m)},
      {"HOTSPOT_ADAPTIVE_K", std::to_string(r.used.adaptive_k)},
      {"HOTSPOT_CELL_M", fmt::format("{}", r.surface.grid.cell)},
      {"HOTSPOT_INCIDENTS", std::to_string(study.load.incidents.size())},
      {"UNITS", r.unit}};
  // The surface is final: the raster is written on another thread while the hotspots are found
  // and written (they only read the surface; the future's destructor waits if they throw).
  const std::string raster_path = out.stage(prefix + "density.tif");
  auto raster = std::async(std::launch::async, [&] { write_density_raster(raster_path, r.surface, r.unit, metadata); });
  find_hotspots(study, p, r);
  write_hotspot_layer(out.stage(prefix + "hotspots.geojson"), study.boundaries.geos->get(), r.hotspots);
  write_text(out.stage(prefix + "hotspots.qml"), hotspots_style_qml());
  write_hotspot_table(out.stage(prefix + "hotspots.csv"), r.hotspots);
  if (p.evaluate) {
    r.evaluation = evaluate_hotspots(study, *p.evaluate, progress);
    write_evaluation(*r.evaluation, out, prefix);
  }
  raster.get();
  return r;
}

namespace {

CPLJSONObject kde_json(const KdeParams& p, const KdeResult& r) {
  CPLJSONObject o;
  o.Add("kernel", to_string(r.used.kernel));
  o.Add("bandwidth", p.auto_bandwidth ? "auto" : "fixed");
  o.Add("bandwidth_m", r.used.bandwidth_m);
  if (r.used.adaptive_k) o.Add("adaptive_k", r.used.adaptive_k);
  if (r.choice) o.Add("bandwidth_choice", bandwidth_choice_summary(*r.choice));
  o.Add("cell_m", r.surface.grid.cell);
  o.Add("columns", static_cast<GInt64>(r.surface.grid.cols));
  o.Add("rows", static_cast<GInt64>(r.surface.grid.rows));
  o.Add("study_cells", static_cast<GInt64>(r.surface.study_cells));
  o.Add("unit", r.unit);
  if (p.threshold) {
    o.Add("threshold", *p.threshold);
  } else {
    o.Add("coverage", p.coverage);
  }
  o.Add("hotspot_cells", static_cast<GInt64>(r.hotspot_cells));
  o.Add("hotspots", static_cast<GInt64>(r.hotspots.size()));
  uint64_t in_hotspots = 0;
  for (const auto& h : r.hotspots) in_hotspots += h.incidents;
  o.Add("incidents_in_hotspots", static_cast<GInt64>(in_hotspots));
  if (r.evaluation && p.evaluate) o.Add("evaluation", evaluation_summary(*p.evaluate, *r.evaluation));
  return o;
}

std::string kde_text(const StudyData& s, const KdeResult& k) {
  std::string text;
  auto out = std::back_inserter(text);
  fmt::format_to(out, "\nkernel density: {} kernel, bandwidth {:g} m{}, {:g} m cells ({} x {}, {} in the study area)\n",
                 to_string(k.used.kernel), k.used.bandwidth_m, k.choice ? " (auto)" : "", k.surface.grid.cell,
                 count_text(static_cast<uint64_t>(k.surface.grid.cols)), count_text(static_cast<uint64_t>(k.surface.grid.rows)),
                 count_text(static_cast<uint64_t>(k.surface.study_cells)));
  if (k.choice) {
    fmt::format_to(out, "  chosen by cross-validation over {}: hit rate of left-out incidents at the coverage:", k.choice->split);
    for (const BandwidthTrial& t : k.choice->trials) fmt::format_to(out, " {:g} m {:.1f}%;", t.bandwidth_m, 100.0 * t.hit_rate);
    fmt::format_to(out, "\n");
  }
  uint64_t inside = 0;
  for (const auto& h : k.hotspots) inside += h.incidents;
  const size_t n = s.load.incidents.size();
  fmt::format_to(out, "  {} hotspots over {} cells hold {} incidents ({:.1f}%)\n", count_text(k.hotspots.size()),
                 count_text(static_cast<uint64_t>(k.hotspot_cells)), count_text(inside),
                 n ? 100.0 * static_cast<double>(inside) / static_cast<double>(n) : 0.0);
  if (k.evaluation) text += evaluation_text(*k.evaluation);
  return text;
}

class KdeStage final : public StageWith<KdeParams> {
 public:
  const StageInfo& info() const override {
    static const StageInfo i{
        .name = "kde",
        .purpose = "Kernel density surface and the hotspots on it",
        .docs = "docs/method.md#kernel-density",
        .writes = "Writes DIR/density.tif (GeoTIFF, EPSG:27700, Float32, incidents per km2 unless --raw; nodata outside the\n"
                  "study area), DIR/hotspots.geojson (+ hotspots.qml) and DIR/hotspots.csv: the top cells by density until\n"
                  "they cover --coverage of the study area (or the cells at or above --threshold), 4-connected cells\n"
                  "dissolved into polygons ranked by incidents; plus rejects.csv and summary.json. The kernels and\n"
                  "--bandwidth auto are described in docs/method.md.",
        .example = "hotspot kde --incidents examples/ashfield-mansfield/police-uk --types serious-violence \\\n"
                   "    --boundaries shapefiles/nottinghamshire_lsoa11.shp --districts E07000170,E07000174 \\\n"
                   "    --imd examples/ashfield-mansfield/imd2019/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv \\\n"
                   "    --cell 25 --bandwidth auto --output out/kde"};
    return i;
  }

  void finish(StudyInputs&, bool) override {
    check_kde_params(params);
    if (params.evaluate) {
      EvaluateParams& e = *params.evaluate;
      e.kernel = params.density.kernel;
      e.cell_m = params.cell_m;
      e.auto_coverage = params.coverage;
      e.max_cells = params.max_cells;
      e.extent = params.extent;
      check_evaluate_params(e, "kde.evaluate");
    }
  }

  void places_ready(const StudyData& places) override { grid_ = prepare_kde_grid(places, params); }

  StageReport run(const StudyData& study, StageContext& c) override {
    const KdeResult r = run_kde(study, params, std::move(grid_), c.out, c.prefix, c.progress);
    grid_.reset();
    return {"kde", kde_json(params, r), kde_text(study, r)};
  }

 protected:
  const OptionSet<KdeParams>& declared() const override {
    static const OptionSet<KdeParams> set = [] {
      OptionSet<KdeParams> s;
      using P = KdeParams;
      const std::string d = "Density", h = "Hotspots";
      s.add({.section = "kde", .key = "cell", .flag = "--cell", .kind = Kind::number, .unit = "m", .min = 0,
             .min_open = true, .help = "Cell size", .example = "25", .group = d},
            [](P& p) -> auto& { return p.cell_m; });
      s.add_custom({.section = "kde", .key = "bandwidth", .flag = "--bandwidth", .kind = Kind::bandwidth, .unit = "m",
                    .default_text = "auto",
                    .help = "Kernel radius (the Gaussian's sigma), or auto: the candidate whose hotspots best predict "
                            "left-out months",
                    .example = "150", .group = d},
                   [](P& p, const Value& v) {
                     const std::string& b = std::get<std::string>(v.v);
                     p.auto_bandwidth = b == "auto";
                     if (!p.auto_bandwidth) p.density.bandwidth_m = std::stod(b);
                   });
      s.add_custom({.section = "kde", .key = "kernel", .flag = "--kernel", .default_text = "quartic",
                    .choices = {"quartic", "epanechnikov", "triangular", "uniform", "gaussian"},
                    .help = "Kernel shape (quartic as QGIS's heatmap)", .example = "epanechnikov", .group = d},
                   [](P& p, const Value& v) { p.density.kernel = parse_kernel(std::get<std::string>(v.v), ""); });
      s.add({.section = "kde", .key = "adaptive", .flag = "--adaptive", .kind = Kind::whole, .min = 0,
             .help = "K > 0: each location's bandwidth is the distance to its K-th nearest other incident, at least "
                     "the bandwidth",
             .example = "10", .group = d},
            [](P& p) -> auto& { return p.density.adaptive_k; });
      s.add({.section = "kde", .key = "raw", .flag = "--raw", .kind = Kind::flag,
             .help = "The plain kernel sum (QGIS heatmap \"Raw\") instead of incidents per km2", .example = "true",
             .group = d},
            [](P& p) -> auto& { return p.density.raw; });
      s.add({.section = "kde", .key = "extent", .flag = "--extent", .kind = Kind::extent, .unit = "m",
             .default_text = "the study area", .help = "Only this box of the study area: xmin,ymin,xmax,ymax in EPSG:27700",
             .example = "440000,350000,460000,370000", .group = d},
            [](P& p) -> auto& { return p.extent; });
      s.add({.section = "kde", .key = "max_cells", .flag = "--max-cells", .kind = Kind::whole, .min = 1,
             .help = "Refuse grids with more cells", .example = "100000000", .group = d},
            [](P& p) -> auto& { return p.max_cells; });
      s.add({.section = "kde", .key = "coverage", .flag = "--coverage", .kind = Kind::number, .unit = "share", .min = 0,
             .max = 1, .min_open = true, .help = "Hotspots: the top cells covering this share of the study area",
             .example = "0.01", .group = h},
            [](P& p) -> auto& { return p.coverage; });
      s.add({.section = "kde", .key = "threshold", .flag = "--threshold", .kind = Kind::number, .min = 0,
             .min_open = true, .help = "Hotspots: instead, every cell at or above this density", .example = "500",
             .group = h},
            [](P& p) -> auto& { return p.threshold; });
      declare_evaluate_options(
          s, "kde.evaluate",
          [](P& p) -> EvaluateParams& {
            if (!p.evaluate) p.evaluate.emplace();
            return *p.evaluate;
          },
          false, false);
      return s;
    }();
    return set;
  }

 private:
  std::optional<KdeGrid> grid_;
};

}  // namespace

std::unique_ptr<Stage> make_kde_stage() { return std::make_unique<KdeStage>(); }

}  // namespace hotspot
