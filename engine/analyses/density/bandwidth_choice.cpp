// SPDX-License-Identifier: Apache-2.0
#include "analyses/density/bandwidth_choice.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "analyses/density/leave_out_ranking.hpp"
#include "core/errors.hpp"
#include "core/parallel.hpp"
#include "inputs/crime_types.hpp"

namespace hotspot {
namespace {

// One fold: the incidents it is fitted on and the cells of the incidents it checks.
struct Fold {
  std::vector<double> x, y;
  std::vector<int> age;            // months from the fold's nearest month, per fitted incident
  std::vector<int64_t> fit_cells;  // per fitted incident
  std::vector<int64_t> check;      // cells of the left-out incidents (-1 outside the grid)
  std::vector<double> out_x, out_y;  // the left-out incidents
};

std::string tau_text(std::optional<double> tau) { return tau ? fmt::format("tau {:g} months", *tau) : "no decay"; }

class Trials {
 public:
  Trials(const std::vector<double>& x, const std::vector<double>& y, const std::vector<Fold>& folds,
         const DensitySurface& grid, const ChoiceParams& p, const Progress& progress, size_t expected)
      : all_(x, y), folds_(folds), grid_(grid), p_(p), incidents_(x.size()), progress_(progress), expected_(expected) {
    // Each fold's incidents grouped into centres once, for every bandwidth tried (the rest's only
    // for recency: without, a fold's surface is the whole less its own).
    for (const Fold& f : folds) {
      own_.emplace_back(f.out_x, f.out_y);
      unweighted_.push_back(cell_counts(f.fit_cells, std::vector<double>(f.x.size(), 1.0)));
      if (p.choose_recency || p.tau_months) fitted_.emplace_back(f.x, f.y);
    }
  }

  double hit_rate(double h, std::optional<double> tau) {
    const auto key = std::make_pair(h, tau.value_or(0.0));
    if (const auto it = done_.find(key); it != done_.end()) return it->second;
    // Without decay every incident weighs 1 in every fold, so a fold's surface is the surface of
    // all incidents less that of its own: the whole is summed and ranked once per bandwidth, and
    // each fold sums its own kernels at the whole's top cells only (LeaveOutRanking). The folds go
    // on both cores; their hits are summed in fold order.
    DensityParams dp;
    dp.kernel = p_.kernel;
    dp.bandwidth_m = h;
    if (!tau) {
      if (whole_) {
        whole_->reset(all_.centres(dp), dp);
      } else {
        whole_.emplace(all_.centres(dp), grid_.grid, grid_.mask, dp);
      }
    }
    std::vector<uint64_t> fold_hits(folds_.size(), 0);
    std::atomic<size_t> next{0};
    parallel_for(worker_count(folds_.size()), [&](size_t) {
      for (size_t k; (k = next++) < folds_.size();) fold_hits[k] = hits(k, dp, tau);
    });
    step_ += folds_.size();
    report(progress_, "choosing the bandwidth", std::min(1.0, static_cast<double>(step_) / static_cast<double>(expected_)));
    uint64_t total = 0;
    for (uint64_t n : fold_hits) total += n;
    const double rate = static_cast<double>(total) / static_cast<double>(incidents_);
    done_[key] = rate;
    trials_.push_back({h, tau, rate});
    return rate;
  }

  std::vector<BandwidthTrial> take() { return std::move(trials_); }

 private:
  // The fold's left-out incidents inside the tasking hotspots of the surface of the rest.
  // With tau, the surface is made from the fold's own weights; without, it is `whole_` (all
  // incidents) less the fold's own.
  uint64_t hits(size_t fold, const DensityParams& dp, std::optional<double> tau) const {
    const Fold& f = folds_[fold];
    if (f.x.empty()) return 0;
    std::vector<std::vector<int64_t>> groups;
    if (tau) {
      std::vector<double> w(f.x.size());
      for (size_t i = 0; i < w.size(); ++i) w[i] = std::exp(-f.age[i] / *tau);
      groups = tasking_hotspots(density_surface(fitted_[fold].centres(dp, &w), grid_.grid, grid_.mask, dp),
                                cell_counts(f.fit_cells, w), p_.budget);
    } else {
      const KernelCentres own = own_[fold].centres(dp);
      groups = tasking_hotspots(whole_->grid(), whole_->study_cells(), [&](int64_t n) { return whole_->top_without(own, n); },
                                unweighted_[fold], p_.budget, whole_->positive_cells());
    }
    std::vector<int64_t> hot;
    for (const auto& g : groups) hot.insert(hot.end(), g.begin(), g.end());
    std::sort(hot.begin(), hot.end());
    uint64_t n = 0;
    for (int64_t c : f.check) n += c >= 0 && std::binary_search(hot.begin(), hot.end(), c);
    return n;
  }

  const CentreGroups all_;
  std::vector<CentreGroups> own_, fitted_;  // per fold: its left-out incidents, the rest
  std::vector<CellCounts> unweighted_;       // per fold: the rest per cell, each weighing 1
  std::optional<LeaveOutRanking> whole_;     // all incidents' surface, summed again per bandwidth
  const std::vector<Fold>& folds_;
  const DensitySurface& grid_;
  const ChoiceParams& p_;
  uint64_t incidents_;
  const Progress& progress_;
  size_t expected_, step_ = 0;
  std::map<std::pair<double, double>, double> done_;
  std::vector<BandwidthTrial> trials_;
};

// The best of `options` by trial(option); ties go to the first.
template <typename T, typename F>
T best_of(const std::vector<T>& options, F&& trial) {
  T best = options.front();
  double rate = -1;
  for (const T& o : options) {
    if (const double r = trial(o); r > rate) {
      rate = r;
      best = o;
    }
  }
  return best;
}

}  // namespace

std::vector<double> candidate_bandwidths(double cell_m, const Extent& e) {
  const double top = std::min(1600.0, 0.5 * std::min(e.xmax - e.xmin, e.ymax - e.ymin));
  std::vector<double> out;
  for (int k = 0;; ++k) {
    const double h = std::round(cell_m * std::pow(std::sqrt(2.0), k));
    if (h > top) break;
    out.push_back(h);
  }
  if (out.empty()) out.push_back(std::max(1.0, std::round(top)));
  return out;
}

std::vector<double> candidate_taus() { return {1, 2, 3, 6, 12}; }

std::vector<double> recency_weights(const std::vector<int32_t>& month, std::optional<double> tau) {
  std::vector<double> w(month.size(), 1.0);
  if (!tau || month.empty()) return w;
  if (std::count(month.begin(), month.end(), 0)) throw DataError("--recency: needs every incident's month");
  const int next = month_index(*std::max_element(month.begin(), month.end())) + 1;
  for (size_t i = 0; i < month.size(); ++i) w[i] = std::exp(-(next - month_index(month[i])) / *tau);
  return w;
}

BandwidthChoice choose_bandwidth(const std::vector<double>& x, const std::vector<double>& y,
                                 const std::vector<int32_t>& month, const DensitySurface& study_grid,
                                 const ChoiceParams& p, const Progress& progress) {
  BandwidthChoice choice;
  // Folds: up to kFolds blocks of consecutive months, else incidents dealt round in load order.
  constexpr size_t kFolds = 6;
  const std::set<int32_t> month_set(month.begin(), month.end());
  const bool by_month = month_set.size() >= 2 && !month_set.count(0);
  if ((p.choose_recency || p.tau_months) && !by_month) {
    throw DataError("--recency: needs the incidents' months (two or more, none unknown)");
  }
  std::vector<uint8_t> fold(x.size());
  size_t folds = 0;
  std::vector<std::pair<int, int>> span;  // each fold's first and last month number
  const std::vector<int32_t> months(month_set.begin(), month_set.end());
  if (by_month) {
    folds = std::min(kFolds, months.size());
    span.assign(folds, {1 << 30, -(1 << 30)});
    for (size_t k = 0; k < months.size(); ++k) {
      auto& [a, b] = span[k * folds / months.size()];
      a = std::min(a, month_index(months[k]));
      b = std::max(b, month_index(months[k]));
    }
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
  std::vector<Fold> fs(folds);
  for (size_t i = 0; i < x.size(); ++i) {
    const int64_t cell = g.cell_of(x[i], y[i]);
    fs[fold[i]].check.push_back(cell);
    fs[fold[i]].out_x.push_back(x[i]);
    fs[fold[i]].out_y.push_back(y[i]);
    for (size_t f = 0; f < folds; ++f) {
      if (f == fold[i]) continue;
      fs[f].x.push_back(x[i]);
      fs[f].y.push_back(y[i]);
      fs[f].fit_cells.push_back(cell);
      if (by_month) {
        const int m = month_index(month[i]);
        fs[f].age.push_back(m < span[f].first ? span[f].first - m : m - span[f].second);
      }
    }
  }
  const std::vector<double> hs = p.bandwidth_m ? std::vector<double>{*p.bandwidth_m}
                                               : candidate_bandwidths(g.cell, {g.west, g.north - g.cell * static_cast<double>(g.rows),
                                                                               g.west + g.cell * static_cast<double>(g.cols), g.north});
  std::vector<std::optional<double>> taus = {p.tau_months};
  if (p.choose_recency) {
    taus = {std::nullopt};
    for (double t : candidate_taus()) taus.push_back(t);
  }
  Trials trials(x, y, fs, study_grid, p, progress, folds * (2 * hs.size() + taus.size()));
  // By turns: the bandwidths without decay (or at the fixed tau), the taus at the best, then the
  // bandwidths again at the best tau.
  double h = best_of(hs, [&](double b) { return trials.hit_rate(b, p.tau_months); });
  const std::optional<double> tau = best_of(taus, [&](std::optional<double> t) { return trials.hit_rate(h, t); });
  if (tau != p.tau_months && hs.size() > 1) h = best_of(hs, [&](double b) { return trials.hit_rate(b, tau); });
  choice.bandwidth_m = h;
  choice.tau_months = tau;
  choice.trials = trials.take();
  double winner = 0, runner_up = 0;
  for (const BandwidthTrial& t : choice.trials) {
    if (t.bandwidth_m == h && t.tau_months == tau) {
      winner = t.hit_rate;
    } else {
      runner_up = std::max(runner_up, t.hit_rate);
    }
  }
  choice.margin = choice.trials.size() > 1 ? winner - runner_up : 0.0;
  if (hs.size() > 1 && (h == hs.front() || h == hs.back())) {
    choice.warnings.push_back(fmt::format("the bandwidth chosen, {:g} m, is the {} candidate tried ({:g}..{:g} m): the best may lie beyond; "
                                          "try {} cells or give the bandwidth",
                                          h, h == hs.front() ? "smallest" : "largest", hs.front(), hs.back(),
                                          h == hs.front() ? "smaller" : "larger"));
  }
  if (p.choose_recency && tau && *tau == candidate_taus().front()) {
    choice.warnings.push_back(fmt::format("the recency chosen, {}, is the shortest tried: only the latest months count", tau_text(tau)));
  }
  return choice;
}

}  // namespace hotspot
