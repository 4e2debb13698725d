// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <cmath>

#include "analyses/density/bandwidth_choice.hpp"
#include "core/errors.hpp"

using namespace hotspot;

namespace {

// A 1 km square of 20 m cells, all in the study area.
DensitySurface square_km() {
  DensitySurface grid;
  grid.grid = {0, 1000, 20, 50, 50};
  grid.mask.assign(2500, 1);
  grid.value.assign(2500, 0.0f);
  grid.study_cells = 2500;
  return grid;
}

}  // namespace

TEST_CASE("recency weights: exp(-age / tau), age in months before the month after the data", "[kde][recency]") {
  const std::vector<double> w = recency_weights({202401, 202403, 202312, 202402}, 2.0);
  CHECK(w[0] == Approx(std::exp(-3.0 / 2)));
  CHECK(w[1] == Approx(std::exp(-1.0 / 2)));
  CHECK(w[2] == Approx(std::exp(-4.0 / 2)));  // across the year's end
  CHECK(w[3] == Approx(std::exp(-2.0 / 2)));
  CHECK(recency_weights({202401, 0}, std::nullopt) == std::vector<double>{1, 1});
  CHECK_THROWS_AS(recency_weights({202401, 0}, 3.0), DataError);
}

TEST_CASE("auto recency: where violence moves month by month, a decay predicts left-out months better", "[kde][recency]") {
  // Each month 20 incidents at one spot, the spot moving 30 m east a month: a month's spot is best
  // predicted by the months next to it.
  const DensitySurface grid = square_km();
  std::vector<double> x, y;
  std::vector<int32_t> month;
  for (int m = 0; m < 12; ++m) {
    for (int i = 0; i < 20; ++i) {
      x.push_back(100 + 30 * m + (i % 5) * 4.0);
      y.push_back(500 + (i / 5) * 4.0);
      month.push_back(202401 + m);
    }
  }
  ChoiceParams p;
  p.budget.top = 1;
  p.budget.coverage = 0.004;  // 10 cells
  p.bandwidth_m = 60;
  p.choose_recency = true;
  const BandwidthChoice c = choose_bandwidth(x, y, month, grid, p);
  REQUIRE(c.tau_months);
  double none = -1, chosen = -1;
  for (const BandwidthTrial& t : c.trials) {
    if (!t.tau_months) none = t.hit_rate;
    if (t.tau_months == c.tau_months) chosen = t.hit_rate;
  }
  CHECK(chosen > none);
  CHECK(c.margin > 0);
  CHECK(c.trials.size() == 1 + candidate_taus().size());  // the bandwidth is fixed: no second turn
  p.choose_recency = false;
  CHECK_FALSE(choose_bandwidth(x, y, month, grid, p).tau_months);
  CHECK_THROWS_AS(choose_bandwidth(x, y, std::vector<int32_t>(x.size(), 0), grid, ChoiceParams{.choose_recency = true}),
                  DataError);
}

TEST_CASE("auto bandwidth warns when the choice is an end of the candidates", "[kde][recency]") {
  // Incidents on one point each month: the smallest bandwidth holds them all in the fewest cells.
  const DensitySurface grid = square_km();
  std::vector<double> x, y;
  std::vector<int32_t> month;
  for (int m = 0; m < 6; ++m) {
    for (int i = 0; i < 10; ++i) {
      x.push_back(510);
      y.push_back(490);
      month.push_back(202401 + m);
    }
  }
  ChoiceParams p;
  p.budget.coverage = 0.0004;  // one cell
  const BandwidthChoice c = choose_bandwidth(x, y, month, grid, p);
  CHECK(c.bandwidth_m == candidate_bandwidths(20, {0, 0, 1000, 1000}).front());
  REQUIRE(c.warnings.size() == 1);
  CHECK_THAT(c.warnings.front(), Catch::Contains("smallest candidate"));
}
