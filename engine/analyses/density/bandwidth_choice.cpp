// SPDX-License-Identifier: Apache-2.0
#include "analyses/density/bandwidth_choice.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "analyses/density/cell_ranking.hpp"
#include <fmt/format.h>

#include "core/errors.hpp"
#include "inputs/crime_types.hpp"

namespace hotspot {

std::vector<double> candidate_bandwidths(double cell_m, const Extent& e) {
  const double top = std::min(1600.0, 0.5 * std::min(e.xmax - e.xmin, e.ymax - e.ymin));
  std::vector<double> out;
  for (int k = 0;; ++k) {
    const double h = std::round(2.0 * cell_m * std::pow(std::sqrt(2.0), k));
    if (h > top) break;
    out.push_back(h);
  }
  if (out.empty()) out.push_back(std::max(1.0, std::round(top)));
  return out;
}

BandwidthChoice choose_bandwidth(const std::vector<double>& x, const std::vector<double>& y,
                                 const std::vector<int32_t>& month, const DensitySurface& study_grid, Kernel kernel,
                                 double coverage, const Progress& progress) {
  BandwidthChoice choice;
  // Folds: up to kFolds blocks of consecutive months, else incidents dealt round in load order.
  constexpr size_t kFolds = 6;
  const std::set<int32_t> month_set(month.begin(), month.end());
  std::vector<uint8_t> fold(x.size());
  size_t folds = 0;
  if (month_set.size() >= 2 && !month_set.count(0)) {
    const std::vector<int32_t> months(month_set.begin(), month_set.end());
    folds = std::min(kFolds, months.size());
    for (size_t i = 0; i < x.size(); ++i) {
      const size_t k = static_cast<size_t>(std::lower_bound(months.begin(), months.end(), month[i]) - months.begin());
      fold[i] = static_cast<uint8_t>(k * folds / months.size());
    }
    choice.split = fmt::format("{} blocks of months, {}..{}", folds, format_month(months.front()), format_month(months.back()));
  } else if (x.size() >= 2) {
    folds = std::min(kFolds, x.size());
    for (size_t i = 0; i < x.size(); ++i) fold[i] = static_cast<uint8_t>(i % folds);
    choice.split = fmt::format("{} sets of incidents dealt in load order", folds);
  } else {
    throw DataError("--bandwidth auto: needs two or more incidents; give the bandwidth in metres");
  }
  choice.folds = static_cast<int>(folds);
  choice.incidents = x.size();
  const Grid& g = study_grid.grid;
  const std::vector<double> candidates =
      candidate_bandwidths(g.cell, {g.west, g.north - g.cell * static_cast<double>(g.rows),
                                    g.west + g.cell * static_cast<double>(g.cols), g.north});
  const int64_t n = cells_for_coverage(coverage, study_grid.study_cells);
  std::vector<std::vector<double>> fx(folds), fy(folds);  // each fold's fit incidents: all the others
  std::vector<std::vector<int64_t>> check(folds);
  for (size_t i = 0; i < x.size(); ++i) {
    check[fold[i]].push_back(g.cell_of(x[i], y[i]));
    for (size_t f = 0; f < folds; ++f) {
      if (f == fold[i]) continue;
      fx[f].push_back(x[i]);
      fy[f].push_back(y[i]);
    }
  }
  // Each fold's kernel centres once; only their bandwidth changes from candidate to candidate.
  DensityParams p;
  p.kernel = kernel;
  p.bandwidth_m = candidates.front();
  std::vector<KernelCentres> centres;
  for (size_t f = 0; f < folds; ++f) centres.push_back(kernel_centres(fx[f], fy[f], p));
  double best = -1;
  size_t step = 0;
  for (double h : candidates) {
    p.bandwidth_m = h;
    uint64_t hits = 0;
    for (size_t f = 0; f < folds; ++f) {
      if (fx[f].empty()) continue;
      centres[f].bandwidth.assign(centres[f].size(), h);
      centres[f].max_reach = h * kernel_reach(kernel);
      const DensitySurface s = density_surface(centres[f], g, study_grid.mask, p);
      std::vector<int64_t> hot = top_cells(s, n);
      std::sort(hot.begin(), hot.end());
      for (int64_t c : check[f]) hits += c >= 0 && std::binary_search(hot.begin(), hot.end(), c);
      report(progress, "choosing the bandwidth", static_cast<double>(++step) / static_cast<double>(candidates.size() * folds));
    }
    const double rate = static_cast<double>(hits) / static_cast<double>(x.size());
    choice.trials.push_back({h, rate});
    if (rate > best) {
      best = rate;
      choice.bandwidth_m = h;
    }
  }
  return choice;
}

}  // namespace hotspot
