// SPDX-License-Identifier: Apache-2.0
#include "pipeline/evaluate_stage.hpp"

#include <algorithm>
#include <limits>
#include <cmath>
#include <iterator>

#include <fmt/format.h>

#include "analyses/density/cell_ranking.hpp"
#include "analyses/density/kernel_density.hpp"
#include "core/cell_vector.hpp"
#include "core/errors.hpp"
#include "core/parallel.hpp"
#include "inputs/crime_types.hpp"
#include "outputs/csv_table.hpp"
#include "outputs/numbers.hpp"
#include "pipeline/stage.hpp"
#include "pipeline/study_grid.hpp"

namespace hotspot {
namespace {

std::vector<double> curve_coverages() {
  std::vector<double> out;
  for (int k = 1; k <= 200; ++k) out.push_back(k / 1000.0);
  return out;
}

// Cells of the study area as backtest units; `ranking` is left for the method to fill.
struct CellUnits {
  BacktestUnits units;
  CellVector<int64_t> unit_of_cell;  // -1 outside the study area
};

// A county's grid at 25 m is millions of cells: the tables are numbered and filled on every core
// (each slice counts its study cells, then numbers them from the slices' running total).
CellUnits cell_units(const StudyData& study, const DensitySurface& grid, const std::vector<char>& train,
                     const std::vector<char>& test) {
  CellUnits c;
  const size_t cells = grid.mask.size();
  const size_t workers = worker_count(cells, size_t{1} << 16);
  std::vector<int64_t> first_unit(workers + 1, 0);
  parallel_for(workers, [&](size_t w) {
    int64_t n = 0;
    for (size_t k = slice_begin(cells, w, workers); k < slice_begin(cells, w + 1, workers); ++k) n += grid.mask[k] != 0;
    first_unit[w + 1] = n;
  });
  for (size_t w = 0; w < workers; ++w) first_unit[w + 1] += first_unit[w];
  c.unit_of_cell.resize(cells);
  parallel_for(workers, [&](size_t w) {
    int64_t n = first_unit[w];
    for (size_t k = slice_begin(cells, w, workers); k < slice_begin(cells, w + 1, workers); ++k) c.unit_of_cell[k] = grid.mask[k] ? n++ : -1;
  });
  const auto n = static_cast<size_t>(first_unit[workers]);
  BacktestUnits& u = c.units;
  const double cell_area = grid.grid.cell * grid.grid.cell;
  fill_cells(u.area_m2, n, cell_area);
  fill_cells(u.train, n, uint64_t{0});
  fill_cells(u.test, n, uint64_t{0});
  u.study_area_m2 = cell_area * static_cast<double>(n);
  const std::vector<int64_t> cells_of = incident_cells(study, grid.grid);
  for (size_t i = 0; i < cells_of.size(); ++i) {
    u.train_total += train[i];
    u.test_total += test[i];
    const int64_t unit = cells_of[i] >= 0 ? c.unit_of_cell[cells_of[i]] : -1;
    if (unit < 0) continue;
    u.train[unit] += train[i];
    u.test[unit] += test[i];
  }
  return c;
}

void score(EvaluationLine& line, const BacktestUnits& units, const EvaluateParams& p) {
  line.rows = backtest(units, p.coverages);
  if (p.curve) line.curve = backtest(units, curve_coverages());
}

double max_coverage(const EvaluateParams& p) {
  const double m = *std::max_element(p.coverages.begin(), p.coverages.end());
  return p.curve ? std::max(m, 0.2) : m;
}

std::vector<int64_t> ranked_units(const DensitySurface& s, const CellUnits& c, double coverage) {
  std::vector<int64_t> ranking = top_cells(s, cells_for_coverage(coverage, s.study_cells));
  for (auto& cell : ranking) cell = c.unit_of_cell[cell];
  return ranking;
}

}  // namespace

void check_evaluate_params(const EvaluateParams& p, const std::string& section) {
  const auto key = [&](const char* k) { return section + "." + k; };
  if (!p.train_from) throw OptionError(key("train_from"), "", "the training months are needed (YYYY-MM)");
  if (!p.train_to) throw OptionError(key("train_to"), "", "the training months are needed (YYYY-MM)");
  if (!p.test_from) throw OptionError(key("test_from"), "", "the test months are needed (YYYY-MM)");
  if (!p.test_to) throw OptionError(key("test_to"), "", "the test months are needed (YYYY-MM)");
  if (p.train_from > p.train_to) {
    throw OptionError(key("train_from"), format_month(p.train_from), "is after train_to " + format_month(p.train_to));
  }
  if (p.test_from > p.test_to) {
    throw OptionError(key("test_from"), format_month(p.test_from), "is after test_to " + format_month(p.test_to));
  }
  if (p.test_from <= p.train_to) {
    throw OptionError(key("test_from"), format_month(p.test_from),
                      "the test months must come after the training months (train_to " + format_month(p.train_to) + ")");
  }
  if (p.methods.empty()) throw OptionError(key("methods"), "", "name kde, grid or lsoa");
  if (p.bandwidths.empty()) throw OptionError(key("bandwidths"), "", "name auto or a number of metres");
  if (p.coverages.empty()) throw OptionError(key("coverages"), "", "name at least one coverage");
}

std::pair<int, int> evaluation_months(const EvaluateParams& p) { return {p.train_from, p.test_to}; }

EvaluateResult evaluate_hotspots(const StudyData& study, const EvaluateParams& p, const Progress& progress) {
  check_evaluate_params(p);
  const Incidents& inc = study.load.incidents;
  std::vector<char> train(inc.size()), test(inc.size());
  std::vector<double> tx, ty;
  std::vector<int32_t> tmonth;
  EvaluateResult result;
  for (size_t i = 0; i < inc.size(); ++i) {
    const int m = inc.month[i];
    if (!m) {
      throw DataError(fmt::format("evaluate: '{}' line {} has no month; backtesting needs the month of every incident",
                                  inc.files[inc.file[i]], inc.line[i]));
    }
    train[i] = m >= p.train_from && m <= p.train_to;
    test[i] = m >= p.test_from && m <= p.test_to;
    if (train[i]) {
      tx.push_back(inc.x[i]);
      ty.push_back(inc.y[i]);
      tmonth.push_back(m);
    }
    result.train_incidents += train[i];
    result.test_incidents += test[i];
  }
  const auto period = [](int a, int b) { return format_month(a) + ".." + format_month(b); };
  if (!result.train_incidents) throw DataError("evaluate: no incidents in the training months " + period(p.train_from, p.train_to));
  if (!result.test_incidents) throw DataError("evaluate: no incidents in the test months " + period(p.test_from, p.test_to));

  for (const auto& method : p.methods) {
    if (method == "kde") {
      const DensitySurface grid = study_grid(study, p.cell_m, p.extent, p.max_cells, "evaluate.cell");
      CellUnits cells = cell_units(study, grid, train, test);  // its ranking set for each bandwidth in turn
      const CentreGroups centres(tx, ty);  // the training incidents', for every bandwidth
      for (const auto& bandwidth : p.bandwidths) {
        EvaluationLine line;
        line.method = method;
        line.bandwidth = bandwidth;
        line.cell_m = p.cell_m;
        DensityParams dp;
        dp.kernel = p.kernel;
        if (bandwidth.automatic) {
          ChoiceParams c;
          c.kernel = p.kernel;
          c.budget.coverage = p.auto_coverage;  // every hotspot: the backtest scores the top cells, not a top N
          c.budget.top = std::numeric_limits<int>::max();
          line.choice = choose_bandwidth(tx, ty, tmonth, grid, c, progress);
          dp.bandwidth_m = line.choice->bandwidth_m;
        } else {
          dp.bandwidth_m = bandwidth.metres;
        }
        line.bandwidth_m = dp.bandwidth_m;
        const DensitySurface s = density_surface(centres.centres(dp), grid.grid, grid.mask, dp, progress);
        cells.units.ranking = ranked_units(s, cells, max_coverage(p));
        score(line, cells.units, p);
        result.lines.push_back(std::move(line));
      }
    } else if (method == "grid") {
      EvaluationLine line;
      line.method = method;
      line.cell_m = p.grid_cell_m;
      DensitySurface counts = study_grid(study, p.grid_cell_m, p.extent, p.max_cells, "evaluate.grid_cell");
      CellUnits cells = cell_units(study, counts, train, test);
      counts.value.assign(counts.mask.size(), 0.0f);
      for (size_t k = 0; k < counts.mask.size(); ++k) {
        if (cells.unit_of_cell[k] >= 0) counts.value[k] = static_cast<float>(cells.units.train[cells.unit_of_cell[k]]);
      }
      cells.units.ranking = ranked_units(counts, cells, max_coverage(p));
      score(line, cells.units, p);
      result.lines.push_back(std::move(line));
    } else {
      EvaluationLine line;
      line.method = method;
      BacktestUnits u;
      const auto& areas = study.boundaries.areas;
      u.train.assign(areas.size(), 0);
      u.test.assign(areas.size(), 0);
      for (const auto& a : areas) {
        u.area_m2.push_back(a.area_m2);
        u.study_area_m2 += a.area_m2;
      }
      for (size_t i = 0; i < inc.size(); ++i) {
        u.train[study.area_of[i]] += train[i];
        u.test[study.area_of[i]] += test[i];
      }
      u.train_total = result.train_incidents;
      u.test_total = result.test_incidents;
      for (size_t a = 0; a < areas.size(); ++a) {
        if (u.train[a] > 0) u.ranking.push_back(static_cast<int64_t>(a));
      }
      std::stable_sort(u.ranking.begin(), u.ranking.end(), [&](int64_t a, int64_t b) {
        return static_cast<double>(u.train[a]) * u.area_m2[b] > static_cast<double>(u.train[b]) * u.area_m2[a];
      });
      score(line, u, p);
      result.lines.push_back(std::move(line));
    }
  }
  return result;
}

void write_evaluation(const EvaluateResult& result, OutputFolder& out, const std::string& prefix) {
  const std::vector<std::string> columns = {"method",   "bandwidth", "bandwidth_m", "cell_m",     "coverage",
                                            "units",    "area_km2",  "area_share",  "train_hits", "test_hits",
                                            "hit_rate", "pai",       "pei",         "rri"};
  const auto table = [&](bool curve) {
    CsvTable t{columns, {}};
    for (const auto& line : result.lines) {
      for (const BacktestRow& r : curve ? line.curve : line.rows) {
        t.rows.push_back({line.method, line.method == "kde" ? line.bandwidth.text() : "", line.method == "kde" ? fixed(line.bandwidth_m, 1) : "",
                          line.method == "lsoa" ? "" : fixed(line.cell_m, 1), fixed(r.coverage, 4),
                          std::to_string(r.units), fixed(r.area_m2 / 1e6, 4), fixed(r.area_share, 6),
                          std::to_string(r.train_hits), std::to_string(r.test_hits), fixed(r.hit_rate, 6),
                          fixed(r.pai, 4), fixed(r.pei, 4), fixed(r.rri, 4)});
      }
    }
    return t;
  };
  write_csv(out.stage(prefix + "evaluation.csv"), table(false));
  if (!result.lines.empty() && !result.lines.front().curve.empty()) write_csv(out.stage(prefix + "pai_curve.csv"), table(true));
}

CPLJSONObject bandwidth_choice_summary(const BandwidthChoice& c) {
  CPLJSONObject o;
  o.Add("criterion",
        "hit rate of each fold's incidents in the hotspots made from the other folds (blocked cross-validation)");
  o.Add("folds", c.split);
  o.Add("incidents", static_cast<GInt64>(c.incidents));
  CPLJSONArray trials;
  for (const BandwidthTrial& t : c.trials) {
    CPLJSONObject j;
    j.Add("bandwidth_m", t.bandwidth_m);
    if (t.tau_months) {
      j.Add("recency_tau_months", *t.tau_months);
    } else {
      j.Add("recency", "none");
    }
    j.Add("hit_rate", round_to(t.hit_rate, 6));
    trials.Add(j);
  }
  o.Add("trials", trials);
  o.Add("margin_over_runner_up", round_to(c.margin, 6));
  CPLJSONArray warnings;
  for (const std::string& w : c.warnings) warnings.Add(w);
  o.Add("warnings", warnings);
  return o;
}

std::string bandwidth_choice_text(const BandwidthChoice& c) {
  std::string text = fmt::format("  chosen by cross-validation over {}: hit rate of left-out incidents in the hotspots:\n", c.split);
  std::optional<double> tau = c.trials.empty() ? std::nullopt : c.trials.front().tau_months;
  std::string line;
  const auto flush = [&] {
    if (!line.empty()) text += fmt::format("   {}:{}\n", tau ? fmt::format("tau {:g} months", *tau) : "no decay", line);
    line.clear();
  };
  for (const BandwidthTrial& t : c.trials) {
    if (t.tau_months != tau) {
      flush();
      tau = t.tau_months;
    }
    line += fmt::format(" {:g} m {:.1f}%;", t.bandwidth_m, 100.0 * t.hit_rate);
  }
  flush();
  text += fmt::format("  chosen: {:g} m, {}, {:.1f} points above the runner-up\n", c.bandwidth_m,
                      c.tau_months ? fmt::format("tau {:g} months", *c.tau_months) : "no decay", 100.0 * c.margin);
  for (const std::string& w : c.warnings) text += "  warning: " + w + "\n";
  return text;
}

CPLJSONObject evaluation_summary(const EvaluateParams& p, const EvaluateResult& r) {
  CPLJSONObject o;
  o.Add("train_months", format_month(p.train_from) + ".." + format_month(p.train_to));
  o.Add("test_months", format_month(p.test_from) + ".." + format_month(p.test_to));
  o.Add("train_incidents", static_cast<GInt64>(r.train_incidents));
  o.Add("test_incidents", static_cast<GInt64>(r.test_incidents));
  CPLJSONArray lines;
  for (const EvaluationLine& line : r.lines) {
    CPLJSONObject j;
    j.Add("method", line.method);
    if (line.method == "kde") {
      j.Add("bandwidth", line.bandwidth.text());
      j.Add("bandwidth_m", line.bandwidth_m);
    }
    if (line.method != "lsoa") j.Add("cell_m", line.cell_m);
    if (line.choice) j.Add("bandwidth_choice", bandwidth_choice_summary(*line.choice));
    CPLJSONArray rows;
    for (const BacktestRow& b : line.rows) {
      CPLJSONObject row;
      row.Add("coverage", b.coverage);
      row.Add("area_share", round_to(b.area_share, 6));
      row.Add("hit_rate", round_to(b.hit_rate, 6));
      if (b.pai) row.Add("pai", round_to(*b.pai, 4));
      if (b.pei) row.Add("pei", round_to(*b.pei, 4));
      if (b.rri) row.Add("rri", round_to(*b.rri, 4));
      rows.Add(row);
    }
    j.Add("coverages", rows);
    lines.Add(j);
  }
  o.Add("methods", lines);
  return o;
}

std::string evaluation_text(const EvaluateResult& e) {
  std::string text;
  auto out = std::back_inserter(text);
  fmt::format_to(out, "\nbacktest: {} training incidents, {} test incidents\n", count_text(e.train_incidents),
                 count_text(e.test_incidents));
  fmt::format_to(out, "{:<6} {:>10} {:>7} {:>9} {:>7} {:>9} {:>8} {:>7} {:>7}\n", "method", "bandwidth", "cell", "coverage",
                 "area", "hit rate", "PAI", "PEI", "RRI");
  for (const EvaluationLine& line : e.lines) {
    const std::string bandwidth =
        line.method != "kde"        ? ""
        : line.bandwidth.automatic ? fmt::format("auto {:g}", line.bandwidth_m)
                                   : line.bandwidth.text();
    const std::string cell = line.method == "lsoa" ? "" : fmt::format("{:g} m", line.cell_m);
    for (const BacktestRow& r : line.rows) {
      fmt::format_to(out, "{:<6} {:>10} {:>7} {:>8.1f}% {:>6.2f}% {:>8.1f}% {:>8} {:>7} {:>7}\n", line.method, bandwidth,
                     cell, 100.0 * r.coverage, 100.0 * r.area_share, 100.0 * r.hit_rate,
                     r.pai ? fmt::format("{:.2f}", *r.pai) : "-", r.pei ? fmt::format("{:.3f}", *r.pei) : "-",
                     r.rri ? fmt::format("{:.2f}", *r.rri) : "-");
    }
  }
  return text;
}

namespace {

class EvaluateStage final : public StageWith<EvaluateParams> {
 public:
  const StageInfo& info() const override {
    static const StageInfo i{
        .name = "evaluate",
        .purpose = "Backtest hotspots: PAI, PEI, hit rate and RRI of training-period hotspots on later months",
        .docs = "docs/method.md#backtesting-hotspot-evaluate",
        .writes = "Makes hotspots from the training months by each method and scores them on the test months at each\n"
                  "coverage (share of the study area): hit rate (share of test incidents inside), PAI = hit rate / area\n"
                  "share, PEI = PAI / the best PAI any hotspots of that area could have had, RRI = (test / training\n"
                  "incidents inside) / (test / training incidents overall). kde ranks cells of the kernel density surface\n"
                  "(one line per --bandwidth), grid ranks --grid-cell cells by count, lsoa ranks LSOAs by incidents per km2.\n"
                  "Writes DIR/evaluation.csv (and DIR/pai_curve.csv with --curve), rejects.csv and summary.json.",
        .example = "hotspot evaluate --incidents examples/ashfield-mansfield/police-uk --types serious-violence \\\n"
                   "    --boundaries shapefiles/nottinghamshire_lsoa11.shp --districts E07000170,E07000174 \\\n"
                   "    --train-from 2023-07 --train-to 2023-12 --test-from 2024-01 --test-to 2024-06 \\\n"
                   "    --method kde,grid,lsoa --bandwidth auto,50,150,300 --cell 25 --grid-cell 250 --output out/evaluate"};
    return i;
  }

  void finish(StudyInputs& inputs, bool alone) override {
    check_evaluate_params(params);
    if (!alone) return;
    IncidentFilter& f = inputs.filter;
    const auto [first, last] = evaluation_months(params);
    if ((f.from_month && f.from_month > first) || (f.to_month && f.to_month < last)) {
      throw OptionError("period.from", format_month(f.from_month ? f.from_month : first),
                        "evaluate reads the months from train_from to test_to; leave the period out");
    }
    f.from_month = first;
    f.to_month = last;
  }

  StageReport run(const StudyData& study, StageContext& c) override {
    const EvaluateResult r = evaluate_hotspots(study, params, c.progress);
    write_evaluation(r, c.out, c.prefix);
    return {"evaluate", evaluation_summary(params, r), evaluation_text(r)};
  }

 protected:
  const OptionSet<EvaluateParams>& declared() const override {
    static const OptionSet<EvaluateParams> set = [] {
      OptionSet<EvaluateParams> s;
      declare_evaluate_options(s, "evaluate", [](EvaluateParams& p) -> EvaluateParams& { return p; }, true, true);
      return s;
    }();
    return set;
  }
};

}  // namespace

std::unique_ptr<Stage> make_evaluate_stage() { return std::make_unique<EvaluateStage>(); }

}  // namespace hotspot
