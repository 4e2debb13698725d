// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <cmath>
#include <map>

#include "analyses/cluster/nearest_neighbour_index.hpp"
#include "core/errors.hpp"
#include "inputs/incidents.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;

TEST_CASE("nni: four corners of a unit square in 100 m2, by hand", "[analyses][cluster][nni]") {
  const NniResult r = nearest_neighbour_index({0, 1, 0, 1}, {0, 0, 1, 1}, 100.0, {3});
  CHECK(r.observed_m == Approx(1.0));
  CHECK(r.expected_m == Approx(2.5));              // 0.5 √(100/4)
  CHECK(r.ratio == Approx(0.4));
  CHECK(r.standard_error_m == Approx(0.6534));     // 0.26136 √(100/16)
  CHECK(r.z == Approx(-2.29568).epsilon(1e-5));    // (1 - 2.5) / 0.6534
  CHECK(r.p_clustered == Approx(0.010849).epsilon(1e-3));
  CHECK(r.tied_share == 0.0);
  REQUIRE(r.orders.size() == 3);
  CHECK(r.orders[1].observed_m == Approx(1.0));
  CHECK(r.orders[2].observed_m == Approx(std::sqrt(2.0)));
  CHECK(r.orders[1].expected_m == Approx(0.75 * std::sqrt(100.0 / 4)));  // k(2k)!/(2^k k!)^2 = 0.75
}

TEST_CASE("nni: stacked points are each other's nearest neighbours at 0 m", "[analyses][cluster][nni]") {
  const NniResult r = nearest_neighbour_index({0, 0, 3}, {0, 0, 4}, 1e4, {2});
  CHECK(r.observed_m == Approx(5.0 / 3));  // 0, 0, 5
  CHECK(r.orders[1].observed_m == Approx(15.0 / 3));  // 5, 5, 5
  CHECK(r.tied_share == Approx(2.0 / 3));
  CHECK_THROWS_AS(nearest_neighbour_index({0}, {0}, 1.0), UsageError);
  CHECK_THROWS_AS(nearest_neighbour_index({}, {}, 1.0), UsageError);
  CHECK_THROWS_WITH(nearest_neighbour_index({0, 1}, {0, 1}, 0.0), Catch::Contains("no area"));
  CHECK_THROWS_AS(nearest_neighbour_index({0, 1}, {0, 1}, 1.0, {2}), UsageError);
}

TEST_CASE("nni on the 194,375 benchmark points equals a brute-force computation to 1e-9", "[analyses][cluster][nni][shared]") {
  const Incidents& p = test::benchmark_points();
  const double area = 2159.436e6;
  const NniResult r = nearest_neighbour_index(p.x, p.y, area);

  // Brute force over distinct locations: a point sharing its location has 0 m to its nearest
  // neighbour; any other point the distance to the nearest other location, by full scan.
  std::map<std::pair<double, double>, int> count;
  for (size_t i = 0; i < p.size(); ++i) ++count[{p.x[i], p.y[i]}];
  std::vector<std::pair<double, double>> loc;
  for (const auto& [xy, n] : count) loc.push_back(xy);
  long double total = 0;
  for (const auto& [xy, n] : count) {
    if (n > 1) continue;
    double best = INFINITY;
    for (const auto& other : loc) {
      if (other == xy) continue;
      best = std::min(best, std::hypot(xy.first - other.first, xy.second - other.second));
    }
    total += best;
  }
  const double observed = static_cast<double>(total / p.size());
  CHECK(std::fabs(r.observed_m - observed) <= 1e-9 * observed);
  CHECK(r.expected_m == Approx(0.5 * std::sqrt(area / 194375.0)).epsilon(1e-12));
  CHECK(r.ratio < 0.1);  // strongly clustered: most incidents share a snap point
}
