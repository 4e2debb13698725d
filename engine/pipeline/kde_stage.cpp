// SPDX-License-Identifier: Apache-2.0
#include "pipeline/kde_stage.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "analyses/density/cell_polygons.hpp"
#include "analyses/density/cell_ranking.hpp"
#include "core/errors.hpp"
#include "outputs/csv_table.hpp"
#include "outputs/density_raster.hpp"
#include "outputs/numbers.hpp"
#include "outputs/styles.hpp"
#include "places/area_raster.hpp"

namespace hotspot {
namespace {

// The boundary area of each of `cells` (-1 none), from the areas burnt into their window of
// the grid.
std::vector<int32_t> areas_of(const Boundaries& boundaries, const Grid& g, const std::vector<int64_t>& cells) {
  const Window window = window_of(g, cells);
  const std::vector<int32_t> in_window = area_of_cells(boundaries, window.grid);
  std::vector<int32_t> out;
  out.reserve(cells.size());
  for (int64_t c : cells) out.push_back(in_window[static_cast<size_t>(window.index_of(c, g.cols))]);
  return out;
}

// A hotspot's record from its cells: incidents, density, and the LSOAs its cell centres fall in.
// `incidents_in` counts the incidents of each hot cell that has any.
HotspotFeature describe(const StudyData& study, const DensitySurface& s, const std::vector<int64_t>& cells,
                        const std::unordered_map<int64_t, uint64_t>& incidents_in) {
  HotspotFeature h;
  const Grid& g = s.grid;
  const std::vector<int32_t> area_of_cell = areas_of(study.boundaries, g, cells);
  h.cells = static_cast<int64_t>(cells.size());
  h.area_km2 = static_cast<double>(cells.size()) * g.cell * g.cell / 1e6;
  std::map<int32_t, int64_t> cells_in_area;
  double sum = 0;
  for (size_t k = 0; k < cells.size(); ++k) {
    const int64_t c = cells[k];
    if (const auto it = incidents_in.find(c); it != incidents_in.end()) h.incidents += it->second;
    h.peak_density = std::max(h.peak_density, static_cast<double>(s.value[c]));
    sum += s.value[c];
    if (area_of_cell[k] >= 0) ++cells_in_area[area_of_cell[k]];
  }
  h.mean_density = sum / static_cast<double>(cells.size());
  std::set<std::string> codes;
  int64_t most = 0;
  for (const auto& [a, n] : cells_in_area) {
    codes.insert(study.boundaries.areas[a].code);
    if (n > most) {  // ties: the lower code, as areas are sorted by code
      most = n;
      h.main_lsoa = study.boundaries.areas[a].code;
      const ImdRecord* r = study.imd.find(h.main_lsoa);
      h.imd_decile = r ? std::optional<int>(r->decile) : std::nullopt;
      h.district = r ? r->district_name : study.boundaries.areas[a].district_code;
    }
  }
  for (const auto& c : codes) h.lsoa_codes += (h.lsoa_codes.empty() ? "" : ";") + c;
  return h;
}

}  // namespace

void set_bandwidth(KdeParams& p, const std::string& text, const std::string& flag) {
  p.auto_bandwidth = text == "auto";
  if (p.auto_bandwidth) return;
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || !(v > 0) || !std::isfinite(v)) {
    throw UsageError(flag + " '" + text + "': 'auto' or a positive number of metres");
  }
  p.density.bandwidth_m = v;
}

Extent parse_extent(const std::string& text, const std::string& flag) {
  double v[4];
  int used = 0;
  if (std::sscanf(text.c_str(), "%lf,%lf,%lf,%lf%n", &v[0], &v[1], &v[2], &v[3], &used) != 4 ||
      used != static_cast<int>(text.size()) || !(v[2] > v[0] && v[3] > v[1])) {
    throw UsageError(flag + " '" + text + "': give xmin,ymin,xmax,ymax in EPSG:27700 metres, with xmin < xmax and ymin < ymax");
  }
  return {v[0], v[1], v[2], v[3]};
}

void check_kde_params(const KdeParams& p) {
  if (!(p.cell_m > 0) || !std::isfinite(p.cell_m)) throw UsageError(fmt::format("--cell {}: must be positive metres", p.cell_m));
  if (!p.auto_bandwidth && !(p.density.bandwidth_m > 0)) {
    throw UsageError(fmt::format("--bandwidth {}: 'auto' or a positive number of metres", p.density.bandwidth_m));
  }
  if (!(p.coverage > 0 && p.coverage <= 1)) {
    throw UsageError(fmt::format("--coverage {}: a share of the study area, in (0, 1]", p.coverage));
  }
  if (p.threshold && !(*p.threshold > 0)) throw UsageError(fmt::format("--threshold {}: must be positive", *p.threshold));
  if (p.max_cells < 1) throw UsageError(fmt::format("--max-cells {}: must be positive", p.max_cells));
  if (p.density.adaptive_k < 0) throw UsageError(fmt::format("--adaptive {}: must be a positive count", p.density.adaptive_k));
  if (p.extent && !(p.extent->xmax > p.extent->xmin && p.extent->ymax > p.extent->ymin)) {
    throw UsageError("--extent: give xmin,ymin,xmax,ymax with xmin < xmax and ymin < ymax (EPSG:27700 metres)");
  }
}

KdeGrid prepare_kde_grid(const StudyData& places, const KdeParams& p) {
  check_kde_params(p);
  KdeGrid g;
  g.surface = study_grid(places, p.cell_m, p.extent, p.max_cells, "--cell");
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
    throw UsageError(fmt::format("--bandwidth {} m: larger than the study area ({:.0f} m x {:.0f} m)", r.used.bandwidth_m,
                                 width, height));
  }
  r.unit = r.used.raw ? "kernel sum (raw)" : "incidents per km2";
  r.surface = density_surface(kernel_centres(inc.x, inc.y, r.used), g, std::move(r.surface.mask), r.used, progress);
  return r;
}

// The hotspots on the surface: top cells (or cells over the threshold), 4-connected, ranked.
void find_hotspots(const StudyData& study, const KdeParams& p, KdeResult& r) {
  const Grid& g = r.surface.grid;
  std::vector<int64_t> hot = p.threshold ? cells_at_or_above(r.surface, static_cast<float>(*p.threshold))
                                         : top_cells(r.surface, cells_for_coverage(p.coverage, r.surface.study_cells));
  r.hotspot_cells = static_cast<int64_t>(hot.size());
  std::unordered_map<int64_t, uint64_t> incidents_in;
  incidents_in.reserve(hot.size());
  for (int64_t c : hot) incidents_in[c] = 0;
  const Incidents& inc = study.load.incidents;
  for (size_t i = 0; i < inc.size(); ++i) {
    if (const auto it = incidents_in.find(g.cell_of(inc.x[i], inc.y[i])); it != incidents_in.end()) ++it->second;
  }
  GEOSContextHandle_t ctx = study.boundaries.geos->get();
  const double incidents = static_cast<double>(study.load.incidents.size());
  for (const auto& cells : connected_groups(g, hot)) {
    HotspotFeature h = describe(study, r.surface, cells, incidents_in);
    h.share = static_cast<double>(h.incidents) / incidents;
    h.polygon = cells_polygon(ctx, g, cells);
    r.hotspots.push_back(std::move(h));
  }
  std::stable_sort(r.hotspots.begin(), r.hotspots.end(), [](const HotspotFeature& a, const HotspotFeature& b) {
    return a.incidents != b.incidents ? a.incidents > b.incidents : a.peak_density > b.peak_density;
  });
  for (size_t k = 0; k < r.hotspots.size(); ++k) r.hotspots[k].rank = static_cast<int>(k + 1);
}

void write_hotspot_table(const std::string& path, const std::vector<HotspotFeature>& hotspots) {
  CsvTable t{{"rank", "area_km2", "cells", "incidents", "share", "peak_density", "mean_density", "main_lsoa",
              "imd_decile", "district", "lsoa_codes"},
             {}};
  for (const HotspotFeature& h : hotspots) {
    t.rows.push_back({std::to_string(h.rank), fixed(h.area_km2, 4), std::to_string(h.cells), std::to_string(h.incidents),
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

}  // namespace hotspot
