// SPDX-License-Identifier: Apache-2.0
#include "pipeline/kde_stage.hpp"

#include <algorithm>
#include <cmath>
#include <future>
#include <iterator>
#include <map>
#include <unordered_map>

#include <fmt/format.h>

#include "analyses/density/cell_ranking.hpp"
#include "analyses/density/hotspots.hpp"
#include "core/errors.hpp"
#include "outputs/charts/charts.hpp"
#include "outputs/csv_table.hpp"
#include "outputs/data_styles.hpp"
#include "outputs/density_raster.hpp"
#include "outputs/numbers.hpp"
#include "inputs/crime_types.hpp"
#include "outputs/styles.hpp"
#include "pipeline/stage.hpp"

namespace hotspot {

void check_kde_params(const KdeParams& p) {
  const auto number = [](double v) { return fmt::format("{}", v); };
  if (!(p.cell_m > 0) || !std::isfinite(p.cell_m)) throw OptionError("kde.cell", number(p.cell_m), "must be > 0 m");
  if (!p.auto_bandwidth && !(p.density.bandwidth_m > 0)) {
    throw OptionError("kde.bandwidth", number(p.density.bandwidth_m), "must be \"auto\" or a positive number of metres");
  }
  if (!(p.budget.coverage > 0 && p.budget.coverage <= 1)) {
    throw OptionError("kde.coverage", number(p.budget.coverage), "must be in (0, 1]");
  }
  if (p.budget.top < 1) throw OptionError("kde.top", std::to_string(p.budget.top), "must be >= 1");
  if (p.tau_months && !(*p.tau_months > 0)) throw OptionError("kde.recency", number(*p.tau_months), "must be > 0 months");
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

// Each incident's weight on a period's surface: its recency weight within the period, 0 outside.
// `current` empty: every incident is in the (one) period.
std::vector<double> period_weights(const Incidents& inc, const std::vector<uint8_t>& current, bool want_current,
                                   std::optional<double> tau) {
  if (current.empty()) return recency_weights(inc.month, tau);
  std::vector<int32_t> months;
  std::vector<size_t> index;
  for (size_t i = 0; i < inc.size(); ++i) {
    if (static_cast<bool>(current[i]) != want_current) continue;
    months.push_back(inc.month[i]);
    index.push_back(i);
  }
  const std::vector<double> w = recency_weights(months, tau);
  std::vector<double> out(inc.size(), 0.0);
  for (size_t k = 0; k < index.size(); ++k) out[index[k]] = w[k];
  return out;
}

// The surface: the bandwidth (chosen when auto) and the kernel sums over the grid, of the current
// period's incidents when there is a previous one.
KdeResult kde_surface(const StudyData& study, const KdeParams& p, KdeGrid& grid, const CentreGroups& centres,
                      const Progress& progress) {
  const Incidents& inc = study.load.incidents;
  KdeResult r;
  r.surface = std::move(grid.surface);
  r.used = p.density;
  r.tau_months = p.tau_months;
  if (p.auto_bandwidth || p.auto_recency) {
    ChoiceParams c;
    c.kernel = p.density.kernel;
    c.budget = p.budget;
    if (!p.auto_bandwidth) c.bandwidth_m = p.density.bandwidth_m;
    c.choose_recency = p.auto_recency;
    c.tau_months = p.tau_months;
    r.choice = choose_bandwidth(inc.x, inc.y, inc.month, r.surface, c, progress);
    r.used.bandwidth_m = r.choice->bandwidth_m;
    r.tau_months = r.choice->tau_months;
  }
  const Grid g = r.surface.grid;
  const double width = g.cell * static_cast<double>(g.cols), height = g.cell * static_cast<double>(g.rows);
  if (r.used.bandwidth_m > std::max(width, height)) {
    throw OptionError("kde.bandwidth", fmt::format("{}", r.used.bandwidth_m),
                      fmt::format("larger than the study area ({:.0f} m x {:.0f} m)", width, height));
  }
  r.unit = r.used.raw ? "kernel sum (raw)" : "incidents per km2";
  if (r.tau_months) r.unit = r.used.raw ? "recency-weighted kernel sum (raw)" : "recency-weighted incidents per km2";
  if (p.change.given()) {
    r.periods = split_periods(inc, p.change.current_from, study.as_of, "kde");
    r.current.resize(inc.size());
    for (size_t i = 0; i < inc.size(); ++i) r.current[i] = r.periods->is_current(inc, i);
  }
  r.weights = period_weights(inc, r.current, true, r.tau_months);
  r.surface = density_surface(centres.centres(r.used, &r.weights), g, std::move(r.surface.mask), r.used, progress);
  return r;
}

// The tasking set's cells on a surface of the incidents weighing `weights` (0: not in its period),
// or the cells over the threshold. cells: each incident's cell.
std::vector<int64_t> hot_cells(const KdeParams& p, const DensitySurface& surface, const std::vector<double>& weights,
                               const std::vector<int64_t>& cells) {
  if (p.threshold) return cells_at_or_above(surface, static_cast<float>(*p.threshold));
  std::vector<int64_t> hot;
  for (const auto& g : tasking_hotspots(surface, cell_counts(cells, weights), p.budget)) hot.insert(hot.end(), g.begin(), g.end());
  return hot;
}

// Per incident (by its cell), the hotspot whose cells hold it, or -1: one pass over the incidents.
std::vector<int32_t> hotspot_of_incidents(const std::vector<HotspotFeature>& hotspots, const std::vector<int64_t>& cells) {
  std::unordered_map<int64_t, int32_t> of_cell;
  for (size_t h = 0; h < hotspots.size(); ++h) {
    for (int64_t c : hotspots[h].cell_ids) of_cell.emplace(c, static_cast<int32_t>(h));
  }
  std::vector<int32_t> out(cells.size(), -1);
  for (size_t i = 0; i < cells.size(); ++i) {
    if (const auto at = of_cell.find(cells[i]); at != of_cell.end()) out[i] = at->second;
  }
  return out;
}

// Each hotspot's incidents in the period not its own, and its change class: a current hotspot was
// hot before when it shares a cell with a previous one; a previous hotspot sharing none ceased.
// of: per incident, its hotspot among `hotspots` (hotspot_of_incidents).
void classify_hotspots(const KdeParams& p, const KdeResult& r, std::vector<HotspotFeature>& hotspots,
                       const std::vector<int64_t>& other_hot, bool current, const std::vector<int32_t>& of) {
  std::vector<int64_t> other = other_hot;
  std::sort(other.begin(), other.end());
  std::vector<uint64_t> in_other(hotspots.size(), 0);
  for (size_t i = 0; i < of.size(); ++i) {
    if (of[i] >= 0 && static_cast<bool>(r.current[i]) != current) ++in_other[static_cast<size_t>(of[i])];
  }
  for (size_t k = 0; k < hotspots.size(); ++k) {
    HotspotFeature& h = hotspots[k];
    const std::vector<int64_t>& cells_of = h.cell_ids;
    const bool overlaps = std::any_of(cells_of.begin(), cells_of.end(), [&](int64_t c) { return std::binary_search(other.begin(), other.end(), c); });
    PeriodCounts counts;
    counts.current = current ? h.incidents : in_other[k];
    counts.previous = current ? in_other[k] : h.incidents;
    counts.hot_current = current || overlaps;
    counts.hot_previous = !current || overlaps;
    h.previous_incidents = counts.previous;
    h.current_incidents = counts.current;
    h.change = classify_change(counts, r.periods->previous_months, r.periods->current_months, p.change.rule);
  }
}

// The hotspots on the surface: the tasking set (or the top groups of cells over the threshold),
// ranked. With recency, the set is chosen by recency-weighted incidents. With a previous period,
// the previous period's set too, each classed by its change.
void find_hotspots(const StudyData& study, const KdeParams& p, KdeResult& r, const CentreGroups& centres,
                   const Progress& progress) {
  const Incidents& inc = study.load.incidents;
  const std::vector<int64_t> cells = incident_cells(study, r.surface.grid);
  const std::vector<int64_t> hot = hot_cells(p, r.surface, r.weights, cells);
  const PlaceNamer namer = place_namer(study);
  r.hotspots = hotspots_of_cells(r.surface, hot, inc, study.boundaries, study.imd, namer, r.current);
  if (r.hotspots.size() > static_cast<size_t>(p.budget.top)) r.hotspots.resize(static_cast<size_t>(p.budget.top));
  r.hotspot_cells = 0;
  for (const HotspotFeature& h : r.hotspots) r.hotspot_cells += h.cells;
  r.hotspot_of = hotspot_of_incidents(r.hotspots, cells);
  if (!r.periods) return;
  const std::vector<double> before = period_weights(inc, r.current, false, r.tau_months);
  const DensitySurface previous =
      density_surface(centres.centres(r.used, &before), r.surface.grid, r.surface.mask, r.used, progress);
  std::vector<uint8_t> in_previous(r.current.size());
  for (size_t i = 0; i < in_previous.size(); ++i) in_previous[i] = !r.current[i];
  std::vector<HotspotFeature> was = hotspots_of_cells(previous, hot_cells(p, previous, before, cells), inc, study.boundaries,
                                                      study.imd, namer, in_previous);
  if (was.size() > static_cast<size_t>(p.budget.top)) was.resize(static_cast<size_t>(p.budget.top));
  std::vector<int64_t> now_cells, was_cells;
  for (const HotspotFeature& h : r.hotspots) now_cells.insert(now_cells.end(), h.cell_ids.begin(), h.cell_ids.end());
  for (const HotspotFeature& h : was) was_cells.insert(was_cells.end(), h.cell_ids.begin(), h.cell_ids.end());
  classify_hotspots(p, r, r.hotspots, was_cells, true, r.hotspot_of);
  classify_hotspots(p, r, was, now_cells, false, hotspot_of_incidents(was, cells));
  for (HotspotFeature& h : was) {
    if (h.change->change == ChangeClass::ceased) r.ceased.push_back(std::move(h));
  }
}

// The tasking hotspots as places for later stages: each holds the incidents in its cells.
std::vector<FoundPlace> found_places(const Incidents& inc, const KdeResult& r) {
  std::vector<FoundPlace> out;
  for (const HotspotFeature& h : r.hotspots) {
    out.push_back({fmt::format("{}. {}", h.rank, h.name.full), "tasking hotspot", std::vector<uint8_t>(inc.size(), 0)});
  }
  for (size_t i = 0; i < inc.size(); ++i) {
    if (r.hotspot_of[i] >= 0) out[static_cast<size_t>(r.hotspot_of[i])].member[i] = 1;
  }
  return out;
}

void write_hotspot_table(const std::string& path, const std::vector<HotspotFeature>& hotspots) {
  CsvTable t{{"rank", "name", "streets", "ward", "ward_code", "district", "area_km2", "cells", "incidents", "share",
              "peak_density", "mean_density", "change", "previous_incidents", "current_incidents", "rate_change", "p_change",
              "main_lsoa", "main_lsoa_name", "imd_decile", "lsoa_codes", "lsoa_names"},
             {}};
  for (const HotspotFeature& h : hotspots) {
    const std::optional<Change>& c = h.change;
    t.rows.push_back({std::to_string(h.rank), h.name.full, h.name.streets, h.name.ward, h.name.ward_code, h.name.district,
                      fixed(h.area_km2, 4), std::to_string(h.cells), std::to_string(h.incidents), fixed(h.share, 6),
                      fixed(h.peak_density, 4), fixed(h.mean_density, 4), c ? to_string(c->change) : "",
                      c ? std::to_string(h.previous_incidents) : "", c ? std::to_string(h.current_incidents) : "",
                      c && c->rate_change ? fixed(*c->rate_change, 4) : "", c ? fixed(c->p_value, 6) : "", h.main_lsoa,
                      h.main_lsoa_name, h.imd_decile ? std::to_string(*h.imd_decile) : "", h.lsoa_codes, h.lsoa_names});
  }
  write_csv(path, t);
}

}  // namespace

namespace {

// The density's colour ramp: transparent at zero, then from the median to the top of the
// study's non-zero cells (so the ramp follows this surface, whatever its unit).
std::vector<MapStop> density_ramp(const DensitySurface& s) {
  std::vector<float> v;
  for (size_t i = 0; i < s.value.size(); ++i) {
    if (s.mask[i] && s.value[i] > 0) v.push_back(s.value[i]);
  }
  if (v.empty()) return {{0, "#ffffff00"}, {1, "#ffffff00"}};
  // The order statistics at rising ranks, each placed by nth_element after the one before (the
  // values a full sort would put there, without sorting millions of cells).
  size_t from = 0;
  const auto q = [&](double p) {
    const size_t k = static_cast<size_t>(p * static_cast<double>(v.size() - 1));
    std::nth_element(v.begin() + static_cast<std::ptrdiff_t>(from), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
    from = k;
    return round_to(v[k], 3);
  };
  const double q50 = q(0.5), q75 = q(0.75), q95 = q(0.95), q995 = q(0.995);
  return {{q50, "#fff5eb00"}, {q75, "#fdd0a2b0"}, {q95, "#fd8d3cd0"}, {q995, "#d94801e0"},
          {round_to(*std::max_element(v.begin(), v.end()), 3), "#7f2704f0"}};
}

}  // namespace

KdeResult run_kde(const StudyData& study, const KdeParams& p, std::optional<KdeGrid> grid, OutputFolder& out,
                  const std::string& prefix, const Progress& progress) {
  if (study.load.incidents.size() == 0) throw DataError("kde: no incidents in the study area");
  if (!grid) grid = prepare_kde_grid(study, p);
  const CentreGroups centres(study.load.incidents.x, study.load.incidents.y);  // both periods' surfaces
  KdeResult r = kde_surface(study, p, *grid, centres, progress);
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
  find_hotspots(study, p, r, centres, progress);
  r.ramp = density_ramp(r.surface);
  const std::string density_style = density_style_qml(r.ramp, r.unit);
  write_text(out.stage(prefix + "density.qml"), density_style);
  out.add_layer({.stem = prefix + "density", .source = "./" + prefix + "density.tif", .provider = "gdal", .qml = density_style});
  write_hotspot_layer(out, prefix + "hotspots", study.boundaries.geos->get(), r.hotspots);
  write_hotspot_table(out.stage(prefix + "hotspots.csv"), r.hotspots);
  if (r.periods) {
    // A GeoJSON layer without features has no fields or CRS for QGIS to read: an empty list is the CSV alone.
    if (!r.ceased.empty()) write_hotspot_layer(out, prefix + "ceased_hotspots", study.boundaries.geos->get(), r.ceased);
    write_hotspot_table(out.stage(prefix + "ceased_hotspots.csv"), r.ceased);
  }
  if (p.evaluate) {
    r.evaluation = evaluate_hotspots(study, *p.evaluate, progress);
    write_evaluation(*r.evaluation, out, prefix);
  }
  raster.get();
  return r;
}

namespace {

std::vector<ChangeClass> change_classes(const KdeResult& r) {
  std::vector<ChangeClass> out;
  for (const auto* list : {&r.hotspots, &r.ceased}) {
    for (const HotspotFeature& h : *list) out.push_back(h.change->change);
  }
  return out;
}

// The hotspots' incidents and area together.
std::pair<uint64_t, double> hotspot_totals(const std::vector<HotspotFeature>& hotspots) {
  uint64_t incidents = 0;
  double area_km2 = 0;
  for (const HotspotFeature& h : hotspots) {
    incidents += h.incidents;
    area_km2 += h.area_km2;
  }
  return {incidents, area_km2};
}

CPLJSONObject kde_json(const KdeParams& p, const KdeResult& r) {
  CPLJSONObject o;
  o.Add("kernel", to_string(r.used.kernel));
  o.Add("bandwidth", p.auto_bandwidth ? "auto" : "fixed");
  o.Add("bandwidth_m", r.used.bandwidth_m);
  o.Add("recency", p.auto_recency ? "auto" : p.tau_months ? "fixed" : "none");
  if (r.tau_months) o.Add("recency_tau_months", *r.tau_months);
  if (r.used.adaptive_k) o.Add("adaptive_k", r.used.adaptive_k);
  if (r.choice) o.Add("bandwidth_choice", bandwidth_choice_summary(*r.choice));
  o.Add("cell_m", r.surface.grid.cell);
  o.Add("columns", static_cast<GInt64>(r.surface.grid.cols));
  o.Add("rows", static_cast<GInt64>(r.surface.grid.rows));
  o.Add("study_cells", static_cast<GInt64>(r.surface.study_cells));
  o.Add("unit", r.unit);
  o.Add("top", p.budget.top);
  if (p.threshold) {
    o.Add("threshold", *p.threshold);
  } else {
    o.Add("coverage", p.budget.coverage);
    o.Add("budget_km2", round_to(static_cast<double>(budget_cells(p.budget.coverage, r.surface.study_cells)) *
                                     r.surface.grid.cell * r.surface.grid.cell / 1e6, 6));
  }
  o.Add("min_incidents", static_cast<GInt64>(p.budget.min_incidents));
  o.Add("hotspot_cells", static_cast<GInt64>(r.hotspot_cells));
  o.Add("hotspots", static_cast<GInt64>(r.hotspots.size()));
  const auto [in_hotspots, area] = hotspot_totals(r.hotspots);
  o.Add("hotspots_km2", round_to(area, 6));
  o.Add("incidents_in_hotspots", static_cast<GInt64>(in_hotspots));
  if (r.evaluation && p.evaluate) o.Add("evaluation", evaluation_summary(*p.evaluate, *r.evaluation));
  if (r.periods) {
    for (const CPLJSONObject& c : change_json(*r.periods, change_classes(r)).GetChildren()) o.Add(c.GetName(), c);
  }
  return o;
}

// The incidents the surface was made from: the current period's, or all.
uint64_t surface_incidents(const StudyData& study, const KdeResult& r) {
  return r.current.empty() ? study.load.incidents.size()
                           : static_cast<uint64_t>(std::count(r.current.begin(), r.current.end(), 1));
}

std::string kde_text(const StudyData& s, const KdeResult& k) {
  std::string text;
  auto out = std::back_inserter(text);
  fmt::format_to(out, "\nkernel density: {} kernel, bandwidth {:g} m{}, {:g} m cells ({} x {}, {} in the study area)\n",
                 to_string(k.used.kernel), k.used.bandwidth_m, k.choice ? " (auto)" : "", k.surface.grid.cell,
                 count_text(static_cast<uint64_t>(k.surface.grid.cols)), count_text(static_cast<uint64_t>(k.surface.grid.rows)),
                 count_text(static_cast<uint64_t>(k.surface.study_cells)));
  if (k.tau_months) fmt::format_to(out, "  recency: each incident weighs exp(-age / {:g} months)\n", *k.tau_months);
  if (k.choice) text += bandwidth_choice_text(*k.choice);
  const uint64_t inside = hotspot_totals(k.hotspots).first;
  const uint64_t n = surface_incidents(s, k);
  fmt::format_to(out, "  {} hotspots over {} cells ({:.2f} km2) hold {} incidents ({:.1f}%)\n", count_text(k.hotspots.size()),
                 count_text(static_cast<uint64_t>(k.hotspot_cells)),
                 static_cast<double>(k.hotspot_cells) * k.surface.grid.cell * k.surface.grid.cell / 1e6, count_text(inside),
                 n ? 100.0 * static_cast<double>(inside) / static_cast<double>(n) : 0.0);
  if (k.periods) {
    fmt::format_to(out, "  against the previous {} (the current period is {} from {}):", k.periods->length_text(false),
                   k.periods->length_text(true), k.periods->from_text());
    for (const auto& [name, count] : count_classes(change_classes(k))) fmt::format_to(out, " {} {};", name, count);
    fmt::format_to(out, "\n");
  }
  if (k.evaluation) text += evaluation_text(*k.evaluation);
  return text;
}

// Each hotspot's incidents per month, over the months loaded.
std::vector<std::vector<double>> monthly_counts(const StudyData& study, const KdeResult& r) {
  const Incidents& inc = study.load.incidents;
  const auto [first, last] = month_range(inc.month);
  const int months = first ? month_index(last) - month_index(first) + 1 : 0;
  std::vector<std::vector<double>> out(r.hotspots.size(), std::vector<double>(static_cast<size_t>(months), 0.0));
  for (size_t i = 0; i < inc.size(); ++i) {
    if (inc.month[i] && r.hotspot_of[i] >= 0) {
      out[static_cast<size_t>(r.hotspot_of[i])][static_cast<size_t>(month_index(inc.month[i]) - month_index(first))] += 1;
    }
  }
  return out;
}

MapSpec hotspot_map(const KdeResult& r, const std::string& prefix) {
  MapSpec m{.id = "hotspots", .section = "hotspots",
            .title = fmt::format("Top {} hotspots (kernel density, bandwidth {:g} m)", r.hotspots.size(), r.used.bandwidth_m)};
  m.layers.push_back({.source = prefix + "density.tif", .srs = "epsg:27700", .ramp = r.ramp,
                      .ramp_legend = "density (" + r.unit + ")"});
  if (!r.ceased.empty()) {
    m.layers.push_back({.source = prefix + "ceased_hotspots.geojson",
                        .symbols = {{.stroke = "#666666", .stroke_width = 1.5, .legend = "ceased hotspot"}}});
  }
  m.layers.push_back({.source = prefix + "hotspots.geojson",
                      .symbols = {{.fill = "#b2182b", .fill_opacity = 0.25, .stroke = "#b2182b", .stroke_width = 2,
                                   .label = "[rank]", .label_size = 12, .legend = "hotspot, labelled by rank"}}});
  return m;
}

// brief.html: the tasking hotspots, as hotspots.csv holds them.
void brief_sections(const StudyData& study, const KdeResult& r, const std::string& prefix, StageReport& report) {
  const auto [inside, area] = hotspot_totals(r.hotspots);
  const uint64_t total = surface_incidents(study, r);
  std::string text = fmt::format("The top {} hotspots cover {:.2f} km2 and hold {} incidents ({:.1f}% of them).", r.hotspots.size(),
                                 area, count_text(inside), total ? 100.0 * static_cast<double>(inside) / static_cast<double>(total) : 0.0);
  if (r.periods) {
    std::string classes;
    for (const auto& [name, n] : count_classes(change_classes(r))) classes += fmt::format("{}{} {}", classes.empty() ? "" : ", ", n, name);
    text += fmt::format(" Against the previous {}: {}.", r.periods->length_text(false), classes);
  }
  report.headline.push_back(text);
  std::vector<std::vector<std::string>> rows;
  const std::vector<std::vector<double>> monthly = monthly_counts(study, r);
  for (size_t i = 0; i < r.hotspots.size(); ++i) {
    const HotspotFeature& h = r.hotspots[i];
    std::vector<std::string> row = {std::to_string(h.rank), h.name.streets, h.name.ward, h.name.district,
                                    std::to_string(h.incidents), fixed(h.area_km2, 4),
                                    html_image(sparkline_png(monthly[i]), "incidents per month", "spark")};
    if (r.periods) {
      row.push_back(to_string(h.change->change));
      row.push_back(std::to_string(h.previous_incidents));
      row.push_back(h.change->rate_change ? fixed(100.0 * *h.change->rate_change, 0) : "");
    }
    rows.push_back(std::move(row));
  }
  std::vector<std::string> header = {"rank", "streets", "ward", "district", "incidents", "area (km2)", "per month"};
  std::vector<size_t> numeric = {0, 4, 5};
  if (r.periods) {
    header.insert(header.end(), {"change", "previous", "per month (%)"});
    numeric.insert(numeric.end(), {8, 9});
  }
  std::string html = html_paragraph(text + fmt::format(" Bandwidth {:g} m{}; cells of {:g} m.", r.used.bandwidth_m,
                                                       r.choice ? " (chosen from the data)" : "", r.surface.grid.cell));
  html += html_table(header, rows, numeric, {6});
  report.brief.push_back({"hotspots", "Tasking hotspots", html});
  report.maps.push_back(hotspot_map(r, prefix));
}

class KdeStage final : public StageWith<KdeParams> {
 public:
  const StageInfo& info() const override {
    static const StageInfo i{
        .name = "kde",
        .purpose = "Kernel density surface and the hotspots on it",
        .docs = "docs/method.md#kernel-density",
        .writes = "Writes DIR/density.tif (GeoTIFF, EPSG:27700, Float32, incidents per km2 unless --raw; nodata outside the\n"
                  "study area; + density.qml), DIR/hotspots.geojson (+ hotspots.qml) and\n"
                  "DIR/hotspots.csv: the --top hotspots holding\n"
                  "the most incidents whose total area is at most --coverage of the study area, each one 4-connected\n"
                  "group of the densest cells (or the top groups of cells at or above --threshold), named by their\n"
                  "streets, ward and district (with --current-from, each with its change class, and the previous\n"
                  "period's hotspots that ceased in DIR/ceased_hotspots.*); plus rejects.csv and summary.json. The\n"
                  "kernels, the hotspot set, --bandwidth auto and --recency are described in docs/method.md.",
        .example = "hotspot kde --incidents examples/ashfield-mansfield/police-uk --types serious-violence \\\n"
                   "    --boundaries shapefiles/nottinghamshire_lsoa11.shp --districts E07000170,E07000174 \\\n"
                   "    --wards shapefiles/nottinghamshire_wards2025.shp \\\n"
                   "    --imd examples/ashfield-mansfield/imd2019/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv \\\n"
                   "    --cell 25 --bandwidth auto --top 20 --coverage 0.0025 --current-from 2024-01 --output out/kde"};
    return i;
  }

  void finish(StudyInputs&, bool) override {
    check_kde_params(params);
    check_change_from(params.change.current_from);
    if (params.evaluate) {
      EvaluateParams& e = *params.evaluate;
      e.kernel = params.density.kernel;
      e.cell_m = params.cell_m;
      e.auto_coverage = params.budget.coverage;
      e.max_cells = params.max_cells;
      e.extent = params.extent;
      check_evaluate_params(e, "kde.evaluate");
    }
  }

  void places_ready(const StudyData& places) override { grid_ = prepare_kde_grid(places, params); }

  StageReport run(const StudyData& study, StageContext& c) override {
    const KdeResult r = run_kde(study, params, std::move(grid_), c.out, c.prefix, c.progress);
    grid_.reset();
    StageReport report{"kde", kde_json(params, r), kde_text(study, r)};
    brief_sections(study, r, c.prefix, report);
    report.places = found_places(study.load.incidents, r);
    return report;
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
      s.add_custom({.section = "kde", .key = "recency", .flag = "--recency", .kind = Kind::recency, .unit = "months",
                    .default_text = "none",
                    .help = "Weigh each incident exp(-age / tau), tau in months (prospective hotspotting); auto: "
                            "chosen with the bandwidth from none, 1, 2, 3, 6 and 12 months",
                    .example = "auto", .group = d},
                   [](P& p, const Value& v) {
                     const std::string& t = std::get<std::string>(v.v);
                     p.auto_recency = t == "auto";
                     p.tau_months = t == "auto" || t == "none" ? std::nullopt : std::optional<double>(std::stod(t));
                   });
      s.add({.section = "kde", .key = "top", .flag = "--top", .kind = Kind::whole, .min = 1,
             .help = "Hotspots: at most this many, those holding the most incidents", .example = "10", .group = h},
            [](P& p) -> auto& { return p.budget.top; });
      s.add({.section = "kde", .key = "coverage", .flag = "--coverage", .kind = Kind::number, .unit = "share", .min = 0,
             .max = 1, .min_open = true, .help = "Hotspots: their total area is at most this share of the study area",
             .example = "0.005", .group = h},
            [](P& p) -> auto& { return p.budget.coverage; });
      s.add({.section = "kde", .key = "min_incidents", .flag = "--min-incidents", .kind = Kind::whole, .min = 1,
             .help = "Hotspots: each holds at least this many incidents", .example = "5", .group = h},
            [](P& p) -> auto& { return p.budget.min_incidents; });
      s.add({.section = "kde", .key = "threshold", .flag = "--threshold", .kind = Kind::number, .min = 0,
             .min_open = true, .help = "Hotspots: instead, the top groups of cells at or above this density",
             .example = "500", .group = h},
            [](P& p) -> auto& { return p.threshold; });
      declare_evaluate_options(
          s, "kde.evaluate",
          [](P& p) -> EvaluateParams& {
            if (!p.evaluate) p.evaluate.emplace();
            return *p.evaluate;
          },
          false, false);
      declare_change_options(s, [](P& p) -> ChangeParams& { return p.change; });
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
