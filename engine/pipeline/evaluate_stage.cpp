// SPDX-License-Identifier: Apache-2.0
#include "pipeline/evaluate_stage.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "analyses/density/cell_ranking.hpp"
#include "analyses/density/kernel_density.hpp"
#include "core/errors.hpp"
#include "inputs/crime_types.hpp"
#include "outputs/csv_table.hpp"
#include "outputs/numbers.hpp"
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
  std::vector<int64_t> unit_of_cell;  // -1 outside the study area
};

CellUnits cell_units(const StudyData& study, const DensitySurface& grid, const std::vector<char>& train,
                     const std::vector<char>& test) {
  CellUnits c;
  c.unit_of_cell.assign(grid.mask.size(), -1);
  int64_t n = 0;
  for (size_t k = 0; k < grid.mask.size(); ++k) {
    if (grid.mask[k]) c.unit_of_cell[k] = n++;
  }
  BacktestUnits& u = c.units;
  const double cell_area = grid.grid.cell * grid.grid.cell;
  u.area_m2.assign(static_cast<size_t>(n), cell_area);
  u.train.assign(static_cast<size_t>(n), 0);
  u.test.assign(static_cast<size_t>(n), 0);
  u.study_area_m2 = cell_area * static_cast<double>(n);
  const std::vector<int64_t> cells = incident_cells(study, grid.grid);
  for (size_t i = 0; i < cells.size(); ++i) {
    u.train_total += train[i];
    u.test_total += test[i];
    const int64_t unit = cells[i] >= 0 ? c.unit_of_cell[cells[i]] : -1;
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

void check_evaluate_params(const EvaluateParams& p) {
  if (!p.train_from || !p.train_to) throw UsageError("--train-from and --train-to: both are needed (YYYY-MM)");
  if (!p.test_from || !p.test_to) throw UsageError("--test-from and --test-to: both are needed (YYYY-MM)");
  if (p.train_from > p.train_to) throw UsageError("--train-from is after --train-to");
  if (p.test_from > p.test_to) throw UsageError("--test-from is after --test-to");
  if (p.test_from <= p.train_to) {
    throw UsageError("--test-from " + format_month(p.test_from) + ": the test months must come after the training months (--train-to " +
                     format_month(p.train_to) + ")");
  }
  if (p.methods.empty()) throw UsageError("--method: name kde, grid or lsoa");
  for (const auto& m : p.methods) {
    if (m != "kde" && m != "grid" && m != "lsoa") throw UsageError("--method '" + m + "': choose kde, grid or lsoa");
  }
  for (const auto& b : p.bandwidths) {
    if (b == "auto") continue;
    char* end = nullptr;
    const double v = std::strtod(b.c_str(), &end);
    if (b.empty() || *end != '\0' || !(v > 0) || !std::isfinite(v)) {
      throw UsageError("--bandwidth '" + b + "': 'auto' or a positive number of metres");
    }
  }
  if (p.coverages.empty()) throw UsageError("--coverages: name at least one coverage");
  for (double c : p.coverages) {
    if (!(c > 0 && c <= 1)) throw UsageError(fmt::format("--coverages {}: a coverage is a share of the study area, in (0, 1]", c));
  }
  if (!(p.cell_m > 0)) throw UsageError(fmt::format("--cell {}: must be positive metres", p.cell_m));
  if (!(p.grid_cell_m > 0)) throw UsageError(fmt::format("--grid-cell {}: must be positive metres", p.grid_cell_m));
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
      const DensitySurface grid = study_grid(study, p.cell_m, p.extent, p.max_cells);
      const CellUnits cells = cell_units(study, grid, train, test);
      for (const auto& bandwidth : p.bandwidths) {
        EvaluationLine line;
        line.method = method;
        line.bandwidth = bandwidth;
        line.cell_m = p.cell_m;
        DensityParams dp;
        dp.kernel = p.kernel;
        if (bandwidth == "auto") {
          line.choice = choose_bandwidth(tx, ty, tmonth, grid, p.kernel, p.auto_coverage, progress);
          dp.bandwidth_m = line.choice->bandwidth_m;
        } else {
          dp.bandwidth_m = std::strtod(bandwidth.c_str(), nullptr);
        }
        line.bandwidth_m = dp.bandwidth_m;
        const DensitySurface s = density_surface(kernel_centres(tx, ty, dp), grid.grid, grid.mask, dp, progress);
        BacktestUnits units = cells.units;
        units.ranking = ranked_units(s, cells, max_coverage(p));
        score(line, units, p);
        result.lines.push_back(std::move(line));
      }
    } else if (method == "grid") {
      EvaluationLine line;
      line.method = method;
      line.cell_m = p.grid_cell_m;
      DensitySurface counts = study_grid(study, p.grid_cell_m, p.extent, p.max_cells, "--grid-cell");
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
        t.rows.push_back({line.method, line.bandwidth, line.method == "kde" ? fixed(line.bandwidth_m, 1) : "",
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

}  // namespace hotspot
