// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <random>
#include <sstream>

#include "analyses/time/knox.hpp"
#include "core/errors.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;

namespace {

struct Events {
  std::vector<double> x, y;
  std::vector<int32_t> day;
};

// Points on a 10 m grid (so that distances fall exactly on the breaks) with repeats close by.
Events grid_events(size_t n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  Events e;
  for (size_t i = 0; i < n; ++i) {
    const bool repeat = i > 10 && rng() % 3 == 0;
    const size_t j = repeat ? rng() % i : 0;
    e.x.push_back(repeat ? e.x[j] + 10.0 * static_cast<double>(rng() % 11) - 50 : 10.0 * static_cast<double>(rng() % 200));
    e.y.push_back(repeat ? e.y[j] + 10.0 * static_cast<double>(rng() % 11) - 50 : 10.0 * static_cast<double>(rng() % 200));
    e.day.push_back(repeat ? e.day[j] + static_cast<int32_t>(rng() % 5) : static_cast<int32_t>(rng() % 90));
  }
  return e;
}

// Every pair, by definition: the band [b_k, b_k+1) holding the distance and the days apart.
std::vector<uint64_t> brute_force(const Events& e, const KnoxOptions& o) {
  const auto band = [](const std::vector<double>& b, double v) {
    for (size_t k = 0; k + 1 < b.size(); ++k) {
      if (v >= b[k] && v < b[k + 1]) return static_cast<int>(k);
    }
    return -1;
  };
  const size_t nt = o.time_bands.size() - 1;
  std::vector<uint64_t> out((o.distance_bands.size() - 1) * nt, 0);
  for (size_t i = 0; i < e.x.size(); ++i) {
    for (size_t j = i + 1; j < e.x.size(); ++j) {
      const double dx = e.x[i] - e.x[j], dy = e.y[i] - e.y[j];
      const double d = o.metric == KnoxMetric::manhattan ? std::abs(dx) + std::abs(dy) : std::sqrt(dx * dx + dy * dy);
      const int s = band(o.distance_bands, d), t = band(o.time_bands, std::abs(e.day[i] - e.day[j]));
      if (s >= 0 && t >= 0) ++out[static_cast<size_t>(s) * nt + static_cast<size_t>(t)];
    }
  }
  return out;
}

}  // namespace

TEST_CASE("Knox: observed pairs equal a brute-force count of every pair, for both metrics", "[knox]") {
  const Events e = grid_events(1200, 7);
  for (const KnoxMetric metric : {KnoxMetric::manhattan, KnoxMetric::euclidean}) {
    KnoxOptions o;
    o.distance_bands = {0, 10, 50, 100, 200};  // 0 and the grid steps fall exactly on breaks
    o.time_bands = {0, 1, 3, 7, 14};
    o.metric = metric;
    o.permutations = 9;
    const KnoxResult r = knox_test(e.x, e.y, e.day, o);
    const std::vector<uint64_t> want = brute_force(e, o);
    REQUIRE(r.cells.size() == want.size());
    uint64_t repeats = 0;
    for (size_t c = 0; c < want.size(); ++c) {
      INFO("cell " << c);
      CHECK(r.cells[c].observed == want[c]);
      repeats += want[c];
    }
    CHECK(repeats > 1000);  // the fixture has pairs in every band to count
  }
}

TEST_CASE("Knox: p-values are within Monte Carlo error of an independent implementation", "[knox]") {
  // tests/analyses/knox_reference.py (scipy cKDTree, numpy permutations, 19,999 of them).
  Events e;
  std::ifstream events(test::source_path("tests/data/knox_events.csv"));
  std::string line;
  std::getline(events, line);
  while (std::getline(events, line)) {
    std::istringstream row(line);
    std::string x, y, d;
    std::getline(row, x, ',');
    std::getline(row, y, ',');
    std::getline(row, d, ',');
    e.x.push_back(std::stod(x));
    e.y.push_back(std::stod(y));
    e.day.push_back(std::stoi(d));
  }
  REQUIRE(e.x.size() == 1500);
  KnoxOptions o;
  o.distance_bands = {0, 100, 200, 400};
  o.time_bands = {0, 7, 14, 30};
  o.permutations = 1999;
  o.seed = 11;
  const KnoxResult r = knox_test(e.x, e.y, e.day, o);
  std::ifstream ref(test::source_path("tests/data/knox_reference.csv"));
  std::getline(ref, line);
  size_t c = 0;
  for (; std::getline(ref, line); ++c) {
    std::vector<std::string> f;
    std::istringstream row(line);
    for (std::string v; std::getline(row, v, ',');) f.push_back(v);
    REQUIRE(c < r.cells.size());
    const KnoxCell& k = r.cells[c];
    INFO("cell " << line);
    CHECK(k.observed == std::stoull(f[4]));
    const double p_ref = std::stod(f[6]), expected_ref = std::stod(f[5]);
    // Two Monte Carlo estimates of one p: their difference has sd sqrt(p(1-p)(1/1999 + 1/19999)).
    const double p = std::clamp(p_ref, 1e-3, 1 - 1e-3);
    CHECK(std::abs(k.p_value - p_ref) <= 4 * std::sqrt(p * (1 - p) * (1.0 / 1999 + 1.0 / 19999)) + 1.0 / 2000);
    CHECK(k.expected == Approx(expected_ref).epsilon(0.03));
  }
  CHECK(c == r.cells.size());
}

TEST_CASE("Knox: the same seed gives the same tables on 1 and 2 threads; another seed differs", "[knox]") {
  const Events e = grid_events(3000, 3);
  KnoxOptions o;
  o.distance_bands = {0, 20, 100, 400};
  o.time_bands = {0, 2, 7, 30};
  o.permutations = 199;
  o.seed = 5;
  o.threads = 1;
  const KnoxResult one = knox_test(e.x, e.y, e.day, o);
  o.threads = 2;
  const KnoxResult two = knox_test(e.x, e.y, e.day, o);
  o.seed = 6;
  const KnoxResult other = knox_test(e.x, e.y, e.day, o);
  bool differs = false;
  for (size_t c = 0; c < one.cells.size(); ++c) {
    CHECK(one.cells[c].observed == two.cells[c].observed);
    CHECK(one.cells[c].at_least == two.cells[c].at_least);
    CHECK(one.cells[c].expected == two.cells[c].expected);  // exactly
    differs = differs || one.cells[c].expected != other.cells[c].expected;
  }
  CHECK(differs);
}

TEST_CASE("Knox: bad bands are refused", "[knox]") {
  KnoxOptions o;
  o.time_bands = {0, 7};
  for (const std::vector<double>& bad : std::vector<std::vector<double>>{{0}, {0, 100, 50}, {-1, 10}, {0, INFINITY}}) {
    o.distance_bands = bad;
    CHECK_THROWS_AS(knox_test({}, {}, {}, o), UsageError);
  }
  o.distance_bands = {0, 100};
  o.permutations = 1;
  CHECK_THROWS_AS(knox_test({}, {}, {}, o), UsageError);
}
