// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "inputs/incidents.hpp"

namespace hotspot::bench {

// The 194,375 shared benchmark incidents (BNG x,y), read once.
inline const Incidents& benchmark_points() {
  static const Incidents inc = [] {
    IncidentColumns c;
    c.x = "x";
    c.y = "y";
    c.crs = "EPSG:27700";
    return read_incidents({std::string(HOTSPOT_SHARED_DATA) + "/benchmarks/notts_inside_xy.csv"}, c, {}).incidents;
  }();
  return inc;
}

// n points uniform over Nottinghamshire's bounding box in BNG, seeded.
inline std::pair<std::vector<double>, std::vector<double>> uniform_points(size_t n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> ux(437000, 480000), uy(327000, 400000);
  std::vector<double> x(n), y(n);
  for (size_t i = 0; i < n; ++i) {
    x[i] = ux(rng);
    y[i] = uy(rng);
  }
  return {std::move(x), std::move(y)};
}

}  // namespace hotspot::bench
