// SPDX-License-Identifier: Apache-2.0
// The must-show check on real data: the 194,375 benchmark incidents, quartic r = 300 m, 25 m
// cells over the Nottinghamshire LSOAs: sampled cells against the brute-force sum over every
// point, and every one of the 5.7 million cells against an independent scatter.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "analyses/density/kernel_density.hpp"
#include "inputs/boundaries.hpp"
#include "places/area_raster.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;

TEST_CASE("kde: Nottinghamshire, 194,375 incidents, quartic 300 m on 25 m cells equals brute force", "[kde][shared]") {
  const Incidents& points = test::benchmark_points();
  REQUIRE(points.size() == 194'375);
  const Boundaries lsoas = read_boundaries(test::shared_path("boundaries/nottinghamshire_lsoa11.geojson"), {});
  const Grid g = grid_over(lsoas.extent(), 25, 200'000'000);
  DensityParams p;
  p.bandwidth_m = 300;
  p.raw = true;
  std::vector<double> v(static_cast<size_t>(g.cells()), 0.0);
  add_kernels(kernel_centres(points.x, points.y, p), g, p, 0, g.rows, v.data());
  // Every 3,001st cell, and the 20 highest cells.
  std::vector<size_t> cells;
  for (size_t k = 0; k < v.size(); k += 3001) cells.push_back(k);
  std::vector<size_t> order(v.size());
  for (size_t k = 0; k < v.size(); ++k) order[k] = k;
  std::partial_sort(order.begin(), order.begin() + 20, order.end(), [&](size_t a, size_t b) { return v[a] > v[b]; });
  cells.insert(cells.end(), order.begin(), order.begin() + 20);
  int positive = 0;
  for (size_t k : cells) {
    const double cx = g.centre_x(static_cast<int64_t>(k) % g.cols), cy = g.centre_y(static_cast<int64_t>(k) / g.cols);
    double want = 0;
    for (size_t i = 0; i < points.size(); ++i) {
      const double d2 = (cx - points.x[i]) * (cx - points.x[i]) + (cy - points.y[i]) * (cy - points.y[i]);
      if (d2 <= 300.0 * 300.0) want += (1 - d2 / 90'000.0) * (1 - d2 / 90'000.0);
    }
    INFO("cell " << k);
    REQUIRE(std::abs(v[k] - want) <= 1e-9 * std::max(1.0, want));
    positive += want > 0;
  }
  CHECK(positive > 300);
  // Every cell, against an independent scatter: each incident adds its weight to every cell of
  // its bounding square whose centre is within 300 m (no banding, no grouping of duplicates).
  std::vector<double> scatter(v.size(), 0.0);
  for (size_t i = 0; i < points.size(); ++i) {
    const int64_t c0 = static_cast<int64_t>((points.x[i] - 300 - g.west) / 25) - 1;
    const int64_t r0 = static_cast<int64_t>((g.north - points.y[i] - 300) / 25) - 1;
    for (int64_t r = std::max<int64_t>(0, r0); r < std::min(g.rows, r0 + 27); ++r) {
      for (int64_t c = std::max<int64_t>(0, c0); c < std::min(g.cols, c0 + 27); ++c) {
        const double d2 = (g.centre_x(c) - points.x[i]) * (g.centre_x(c) - points.x[i]) +
                          (g.centre_y(r) - points.y[i]) * (g.centre_y(r) - points.y[i]);
        if (d2 <= 90'000.0) scatter[static_cast<size_t>(r * g.cols + c)] += (1 - d2 / 90'000.0) * (1 - d2 / 90'000.0);
      }
    }
  }
  size_t differ = 0;
  for (size_t k = 0; k < v.size(); ++k) differ += std::abs(v[k] - scatter[k]) > 1e-9 * std::max(1.0, scatter[k]);
  CHECK(differ == 0);  // of about 1,900 sampled cells; the rest are rural cells with no incident within 300 m
  CHECK(v[order[0]] > 1000);  // the busiest cell sums over a thousand incidents' weights
}
