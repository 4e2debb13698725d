// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <functional>
#include <map>
#include <numeric>

#include "core/seeds.hpp"

#include "analyses/cluster/nnh.hpp"
#include "core/errors.hpp"

using namespace hotspot;

namespace {

// Six tight groups of five points (3 m across) in two triads, group centres 700 m apart within
// a triad and about 5 km between triads, and ten scattered points at least 2 km from anything,
// in a 10 km x 10 km study area.
struct Fixture {
  std::vector<double> x, y;
  Fixture() {
    const double centres[6][2] = {{2000, 2000}, {2700, 2000}, {2000, 2700}, {7000, 7000}, {7700, 7000}, {7000, 7700}};
    for (const auto& c : centres) {
      for (const auto& d : {std::pair{0.0, 0.0}, {3.0, 0.0}, {-3.0, 0.0}, {0.0, 3.0}, {0.0, -3.0}}) {
        x.push_back(c[0] + d.first);
        y.push_back(c[1] + d.second);
      }
    }
    const double noise[10][2] = {{500, 500},   {500, 4500},  {500, 9500},  {4500, 500},  {4500, 4500},
                                 {4500, 9500}, {9500, 500},  {9500, 4500}, {9500, 9500}, {5500, 2500}};
    for (const auto& n : noise) {
      x.push_back(n[0]);
      y.push_back(n[1]);
    }
  }
};

}  // namespace

TEST_CASE("nnh: three-level fixture gives six first-order and two second-order clusters", "[analyses][cluster][nnh]") {
  const Fixture f;
  NnhParams p;
  p.probability = 0.01;
  p.min_points = 3;
  const NnhResult r = nnh(f.x, f.y, 1e8, p);
  // Order 1, N = 40: 0.5·√(1e8/40) − 2.3263·0.26136·√(1e8/1600) = 790.57 − 152.00 = 638.6 m:
  // the 3 m groups link, the 700 m gaps do not.
  REQUIRE(r.orders.size() == 2);
  CHECK(r.orders[0].threshold_m == Approx(638.57).margin(0.05));
  CHECK(r.orders[0].clusters == 6);
  // Order 2, N = 6: 2041.24 − 2.3263·435.60 = 1027.9 m: each triad links, the triads do not.
  CHECK(r.orders[1].threshold_m == Approx(1027.9).margin(0.1));
  CHECK(r.orders[1].clusters == 2);
  // Order 3: two centres, fewer than min-points, is not attempted.
  REQUIRE(r.notes.size() == 1);
  CHECK_THAT(r.notes[0], Catch::Contains("order 3: 2 points"));
  REQUIRE(r.clusters.size() == 8);
  for (int i = 0; i < 6; ++i) {
    CHECK(r.clusters[i].order == 1);
    CHECK(r.clusters[i].incidents.size() == 5);
  }
  CHECK(r.clusters[0].x == Approx(2000.0));  // ranked by size, then lowest point: group 1 first
  CHECK(r.clusters[6].order == 2);
  CHECK(r.clusters[6].incidents.size() == 15);
  CHECK(r.clusters[6].children == std::vector<uint32_t>{0, 1, 2});
  CHECK(r.clusters[7].children == std::vector<uint32_t>{3, 4, 5});
  CHECK(r.clusters[6].x == Approx((2000 + 2700 + 2000) / 3.0));
  for (size_t i = 30; i < 40; ++i) CHECK(r.first_order[i] == -1);
  CHECK(r.first_order[0] == 0);
  CHECK(r.first_order[29] == 5);
}

TEST_CASE("nnh: fixed threshold, seeded simulations and bad parameters", "[analyses][cluster][nnh]") {
  const Fixture f;
  NnhParams p;
  p.threshold_m = 10;
  p.min_points = 3;
  const NnhResult fixed = nnh(f.x, f.y, 1e8, p);
  CHECK(fixed.orders[0].clusters == 6);
  CHECK(fixed.orders[1].clusters == 0);  // 10 m also at order 2: the centres stay apart

  p.simulations = 19;
  const RandomPoints uniform = [](std::mt19937_64& rng, std::vector<double>& x, std::vector<double>& y) {
    std::uniform_real_distribution<double> u(0, 1e4);
    for (size_t i = 0; i < x.size(); ++i) {
      x[i] = u(rng);
      y[i] = u(rng);
    }
  };
  const NnhResult a = nnh(f.x, f.y, 1e8, p, uniform);
  const NnhResult b = nnh(f.x, f.y, 1e8, p, uniform);
  REQUIRE(a.simulation);
  CHECK(a.simulation->median == b.simulation->median);
  CHECK(a.simulation->max == 0);  // 40 random points in 100 km2 never put 3 within 10 m
  CHECK(a.simulation->p_value == Approx(1.0 / 20));

  NnhParams bad;
  bad.probability = 1.5;
  CHECK_THROWS_WITH(nnh(f.x, f.y, 1e8, bad), Catch::Contains("cluster.probability = "));
  bad.probability = 0;
  CHECK_THROWS_AS(nnh(f.x, f.y, 1e8, bad), UsageError);
  CHECK_THROWS_WITH(nnh(f.x, f.y, 0.0, NnhParams{}), Catch::Contains("no area"));
  NnhParams few;
  few.min_points = 50;
  const NnhResult none = nnh(f.x, f.y, 1e8, few);
  CHECK(none.clusters.empty());
  CHECK_FALSE(none.notes.empty());
}

TEST_CASE("nnh: each simulation's cluster count equals a brute-force linking of its own seeded points",
          "[analyses][cluster][nnh]") {
  // 400 points redrawn in a 600 m square, 39 runs: about two neighbours within 25 m each, so that
  // links run in every direction between the cells of the grid the count uses.
  NnhParams p;
  p.threshold_m = 25;
  p.min_points = 3;
  p.simulations = 39;
  p.seed = 12345;
  const RandomPoints square = [](std::mt19937_64& rng, std::vector<double>& x, std::vector<double>& y) {
    std::uniform_real_distribution<double> u(450000, 450600);
    for (size_t i = 0; i < x.size(); ++i) {
      x[i] = u(rng);
      y[i] = u(rng);
    }
  };
  std::vector<double> x(400), y(400);
  std::mt19937_64 observed(1);
  square(observed, x, y);
  const NnhResult r = nnh(x, y, 3.6e5, p, square);
  // The same points drawn by hand, simulation s from seed ^ splitmix64(s), linked pair by pair.
  std::vector<double> counts;
  for (int s = 0; s < p.simulations; ++s) {
    std::mt19937_64 rng(p.seed ^ splitmix64(static_cast<uint64_t>(s)));
    std::vector<double> px(x.size()), py(x.size());
    square(rng, px, py);
    std::vector<size_t> group(px.size());
    std::iota(group.begin(), group.end(), 0);
    const std::function<size_t(size_t)> root = [&](size_t i) { return group[i] == i ? i : group[i] = root(group[i]); };
    for (size_t i = 0; i < px.size(); ++i) {
      for (size_t j = i + 1; j < px.size(); ++j) {
        const double dx = px[i] - px[j], dy = py[i] - py[j];
        if (dx * dx + dy * dy < 25.0 * 25.0) group[root(i)] = root(j);
      }
    }
    std::map<size_t, int> size;
    for (size_t i = 0; i < px.size(); ++i) ++size[root(i)];
    int clusters = 0;
    for (const auto& [g, n] : size) clusters += n >= 3;
    counts.push_back(clusters);
  }
  std::sort(counts.begin(), counts.end());
  REQUIRE(r.simulation);
  CHECK(r.simulation->min == counts.front());
  CHECK(r.simulation->max == counts.back());
  CHECK(r.simulation->median == counts[19]);
  CHECK(counts.front() > 10);  // clusters in every run: the test compares something
  int at_least = 0;
  for (double c : counts) at_least += c >= r.orders[0].clusters;
  CHECK(r.simulation->p_value == Approx((1.0 + at_least) / 40));
}
