// SPDX-License-Identifier: Apache-2.0
#include "analyses/density/backtest.hpp"

#include <algorithm>

namespace hotspot {
namespace {

struct Taken {
  int64_t units = 0;
  double area = 0;
  uint64_t train = 0, test = 0;
};

// Units are taken from `ranking`, then (when `then_no_test`) from every unit without test
// incidents in index order, until their area reaches target_area.
Taken take(const BacktestUnits& u, const std::vector<int64_t>& ranking, double target_area, bool then_no_test = false) {
  Taken t;
  const auto add = [&](int64_t unit) {
    if (t.area >= target_area) return false;
    ++t.units;
    t.area += u.area_m2[unit];
    t.train += u.train[unit];
    t.test += u.test[unit];
    return true;
  };
  for (int64_t unit : ranking) {
    if (!add(unit)) return t;
  }
  for (size_t i = 0; then_no_test && i < u.area_m2.size(); ++i) {
    if (u.test[i] == 0 && !add(static_cast<int64_t>(i))) return t;
  }
  return t;
}

std::optional<double> pai_of(const Taken& t, const BacktestUnits& u) {
  if (t.area <= 0 || u.test_total == 0) return std::nullopt;
  return (static_cast<double>(t.test) / static_cast<double>(u.test_total)) / (t.area / u.study_area_m2);
}

}  // namespace

std::vector<BacktestRow> backtest(const BacktestUnits& u, const std::vector<double>& coverages) {
  // The perfect ranking: units with test incidents by test-period density, then the others (in
  // index order, taken as they are reached rather than listed: a county's cells are millions).
  std::vector<int64_t> perfect;
  for (size_t i = 0; i < u.area_m2.size(); ++i) {
    if (u.test[i] > 0) perfect.push_back(static_cast<int64_t>(i));
  }
  std::stable_sort(perfect.begin(), perfect.end(), [&](int64_t a, int64_t b) {
    return static_cast<double>(u.test[a]) * u.area_m2[b] > static_cast<double>(u.test[b]) * u.area_m2[a];
  });
  std::vector<BacktestRow> rows;
  for (double coverage : coverages) {
    const double target = coverage * u.study_area_m2;
    const Taken t = take(u, u.ranking, target);
    BacktestRow r;
    r.coverage = coverage;
    r.units = t.units;
    r.area_m2 = t.area;
    r.area_share = t.area / u.study_area_m2;
    r.train_hits = t.train;
    r.test_hits = t.test;
    r.hit_rate = u.test_total ? static_cast<double>(t.test) / static_cast<double>(u.test_total) : 0.0;
    r.pai = pai_of(t, u);
    // The perfect ranking gets the area the method actually took (less than the target when its
    // ranking ran out), so that an equal-cell PEI is hits / the most hits as many cells hold.
    const std::optional<double> best = pai_of(take(u, perfect, t.area, true), u);
    if (r.pai && best && *best > 0) r.pei = *r.pai / *best;
    if (t.train > 0 && u.test_total > 0 && u.train_total > 0) {
      r.rri = (static_cast<double>(t.test) / static_cast<double>(t.train)) /
              (static_cast<double>(u.test_total) / static_cast<double>(u.train_total));
    }
    rows.push_back(r);
  }
  return rows;
}

}  // namespace hotspot
