// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <map>
#include <random>

#include "core/locations.hpp"

using namespace hotspot;

TEST_CASE("locations: grouped as a map keyed by coordinates would group them, sorted or not", "[core]") {
  std::mt19937_64 rng(11);
  for (size_t n : {size_t{0}, size_t{1}, size_t{7}, size_t{5000}, size_t{60000}}) {
    // Snapped points (many repeats), a few exact -0 / 0 pairs, and distinct noise.
    std::uniform_int_distribution<int> snap(0, 400);
    std::uniform_real_distribution<double> noise(0, 1e5);
    std::vector<double> x(n), y(n);
    for (size_t i = 0; i < n; ++i) {
      if (i % 3 == 0) {
        x[i] = noise(rng), y[i] = noise(rng);
      } else {
        x[i] = 450000 + 25.0 * snap(rng), y[i] = (i % 11 == 0) ? (i % 2 ? -0.0 : 0.0) : 360000 + 25.0 * snap(rng);
      }
    }
    std::map<std::pair<double, double>, std::vector<uint32_t>> oracle;  // ordered by (x, y); -0 == 0
    for (uint32_t i = 0; i < n; ++i) oracle[{x[i], y[i]}].push_back(i);
    const Locations l = group_locations(x, y);
    REQUIRE(l.size() == oracle.size());
    REQUIRE(l.of_point.size() == n);
    size_t k = 0;
    for (const auto& [xy, points] : oracle) {
      CHECK(l.x[k] == xy.first);
      CHECK(l.y[k] == xy.second);
      CHECK(l.weight[k] == points.size());
      CHECK(l.first[k] == points.front());
      for (uint32_t i : points) REQUIRE(l.of_point[i] == k);
      ++k;
    }
    // Unsorted: the same locations in the order of their first point.
    const Locations d = distinct_locations(x, y);
    REQUIRE(d.size() == l.size());
    for (size_t j = 0; j < d.size(); ++j) {
      CHECK((j == 0 || d.first[j] > d.first[j - 1]));
      const uint32_t sorted = l.of_point[d.first[j]];
      CHECK(d.x[j] == l.x[sorted]);
      CHECK(d.y[j] == l.y[sorted]);
      CHECK(d.weight[j] == l.weight[sorted]);
    }
    for (size_t i = 0; i < n; ++i) REQUIRE(d.first[d.of_point[i]] == l.first[l.of_point[i]]);
  }
}
