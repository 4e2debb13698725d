// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "core/cell_vector.hpp"

namespace hotspot {

// Places (grid cells or areas) a method ranks as hotspots, scored on the incidents of a later
// period (Chainey, Tompson & Uhlig 2008; Levine 2008; Hunt 2016).
struct BacktestUnits {
  CellVector<double> area_m2;        // per unit
  CellVector<uint64_t> train, test;  // incidents per unit in each period
  std::vector<int64_t> ranking;       // the units the method ranks, best first
  double study_area_m2 = 0;
  uint64_t train_total = 0, test_total = 0;  // every incident of each period, in a unit or not
};

// The hotspots at one coverage: units are taken in ranking order until their area reaches
// coverage * study area (fewer when the ranking runs out).
//   hit_rate = test hits / test_total
//   pai      = hit_rate / area_share
//   pei      = pai / pai of the perfect ranking (units by their test-period density) taken by
//              the same rule to the area the method took; for equal cells, hits / the most hits
//              that many cells could catch
//   rri      = (test hits / train hits) / (test_total / train_total), empty without train hits
struct BacktestRow {
  double coverage = 0;
  int64_t units = 0;
  double area_m2 = 0, area_share = 0;
  uint64_t train_hits = 0, test_hits = 0;
  double hit_rate = 0;
  std::optional<double> pai, pei, rri;
};

// One row per coverage, in the order given. Coverages must lie in (0, 1].
std::vector<BacktestRow> backtest(const BacktestUnits& units, const std::vector<double>& coverages);

}  // namespace hotspot
