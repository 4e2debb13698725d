// SPDX-License-Identifier: Apache-2.0
#include <malloc.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>

#include "analyses/density/kernel_density.hpp"
#include "core/errors.hpp"

using namespace hotspot;

namespace {

// The documented formula, summed over every point for one cell: the oracle.
double brute_force(const std::vector<double>& x, const std::vector<double>& y, const std::vector<double>& h,
                   double cx, double cy, Kernel k, bool raw) {
  const double reach = k == Kernel::gaussian ? 4.0 : 1.0;
  double sum = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    const double d = std::hypot(cx - x[i], cy - y[i]);
    if (d > reach * h[i]) continue;
    const double u = d / h[i];
    double v = 0;
    switch (k) {
      case Kernel::quartic: v = (1 - u * u) * (1 - u * u); break;
      case Kernel::epanechnikov: v = 1 - u * u; break;
      case Kernel::triangular: v = 1 - u; break;
      case Kernel::uniform: v = 1; break;
      case Kernel::gaussian: v = std::exp(-u * u / 2); break;
    }
    sum += raw ? v : v * kernel_constant(k) / (h[i] * h[i]) * 1e6;
  }
  return sum;
}

std::vector<double> whole_grid(const std::vector<double>& x, const std::vector<double>& y, const Grid& g,
                               const DensityParams& p) {
  std::vector<double> out(static_cast<size_t>(g.cells()), 0.0);
  add_kernels(kernel_centres(x, y, p), g, p, 0, g.rows, out.data());
  return out;
}

}  // namespace

TEST_CASE("kde: raw quartic values computed by hand", "[kde]") {
  // Cells of 10 m, west edge 0, north edge 30: centres at x = 5, 15, 25 and y = 25, 15, 5.
  const Grid g{0, 30, 10, 3, 3};
  DensityParams p;
  p.bandwidth_m = 10;
  p.raw = true;
  const std::vector<double> v = whole_grid({12, 15}, {14, 15}, g, p);
  // Centre (15, 15): the first point at d^2 = 9 + 1 = 10, (1 - 10/100)^2 = 0.81; the second at d = 0, 1.
  CHECK(v[4] == Approx(1.81).epsilon(1e-12));
  // Centre (5, 15): the first point at d^2 = 49 + 1 = 50, (1 - 0.5)^2 = 0.25; the second at d = 10, 0.
  CHECK(v[3] == Approx(0.25).epsilon(1e-12));
  // Centre (25, 25): d^2 = 169 + 121 > 100 and 200 > 100: nothing.
  CHECK(v[2] == 0.0);
  // Per km2: C = 3/pi, h^2 = 100 m^2, so 1.81 * 3 / (100 pi) per m^2, times 1e6.
  p.raw = false;
  CHECK(whole_grid({12, 15}, {14, 15}, g, p)[4] == Approx(1.81 * 3.0 / (100.0 * std::numbers::pi) * 1e6).epsilon(1e-12));
}

TEST_CASE("kde: every cell equals the brute-force sum, for every kernel, raw or not, fixed or adaptive", "[kde]") {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> ux(0, 400), uy(0, 300);
  std::vector<double> x, y;
  for (int i = 0; i < 300; ++i) {
    x.push_back(std::round(ux(rng)));
    y.push_back(std::round(uy(rng)));
    if (i % 5 == 0) {  // snapped duplicates, as police.uk has
      x.push_back(x.back());
      y.push_back(y.back());
    }
  }
  const Grid g{-50, 350, 7, 72, 58};  // cells not aligned with the points' whole metres
  for (Kernel k : {Kernel::quartic, Kernel::epanechnikov, Kernel::triangular, Kernel::uniform, Kernel::gaussian}) {
    for (bool raw : {true, false}) {
      for (int adaptive : {0, 5}) {
        DensityParams p;
        p.kernel = k;
        p.bandwidth_m = 23;
        p.raw = raw;
        p.adaptive_k = adaptive;
        const KernelCentres kc = kernel_centres(x, y, p);
        // The oracle gets each point's bandwidth: the fixed one, or the k-th neighbour distance found
        // here by sorting all distances (at least the fixed bandwidth).
        std::vector<double> h(x.size(), p.bandwidth_m);
        if (adaptive) {
          for (size_t i = 0; i < x.size(); ++i) {
            std::vector<double> d;
            for (size_t j = 0; j < x.size(); ++j) {
              if (j != i) d.push_back(std::hypot(x[i] - x[j], y[i] - y[j]));
            }
            std::sort(d.begin(), d.end());
            h[i] = std::max(p.bandwidth_m, d[static_cast<size_t>(adaptive) - 1]);
          }
        }
        const std::vector<double> v = whole_grid(x, y, g, p);
        int nonzero = 0;
        for (int64_t r = 0; r < g.rows; ++r) {
          for (int64_t c = 0; c < g.cols; ++c) {
            const double want = brute_force(x, y, h, g.centre_x(c), g.centre_y(r), k, raw);
            const double got = v[static_cast<size_t>(r * g.cols + c)];
            INFO(to_string(k) << " raw " << raw << " adaptive " << adaptive << " cell " << r << "," << c);
            REQUIRE(std::abs(got - want) <= 1e-9 * std::max(1.0, std::abs(want)));
            nonzero += want > 0;
          }
        }
        CHECK(nonzero > 500);
        (void)kc;
      }
    }
  }
}

TEST_CASE("kde: each normalised kernel integrates to one incident", "[kde]") {
  // One incident, 1 m cells: the sum of the per-km2 density times the cell area (1e-6 km2) is 1.
  const Grid g{-210, 210, 1, 420, 420};
  for (Kernel k : {Kernel::quartic, Kernel::epanechnikov, Kernel::triangular, Kernel::uniform, Kernel::gaussian}) {
    DensityParams p;
    p.kernel = k;
    p.bandwidth_m = k == Kernel::gaussian ? 50 : 200;
    double total = 0;
    for (double v : whole_grid({0.3}, {-0.2}, g, p)) total += v * 1e-6;
    INFO(to_string(k));
    CHECK(total == Approx(1.0).epsilon(2e-3));
  }
}

TEST_CASE("kde: the surface is the same whatever the banding, and masked cells stay 0", "[kde]") {
  std::vector<double> x, y;
  for (int i = 0; i < 2000; ++i) {
    x.push_back(1000 + (i * 37) % 900);
    y.push_back(2000 + (i * 53) % 1300);
  }
  const Grid g{950, 3400, 10, 100, 150};
  DensityParams p;
  p.bandwidth_m = 60;
  std::vector<uint8_t> mask(static_cast<size_t>(g.cells()), 1);
  for (size_t k = 0; k < mask.size(); k += 3) mask[k] = 0;
  // The surface's memory is not cleared before its bands are written: while it is made, malloc
  // fills what it hands out with non-zero bytes, so a cell left unwritten cannot pass as 0.
  mallopt(M_PERTURB, 0x5a);
  const DensitySurface s = density_surface(kernel_centres(x, y, p), g, mask, p);
  mallopt(M_PERTURB, 0);
  const std::vector<double> whole = whole_grid(x, y, g, p);
  for (size_t k = 0; k < mask.size(); ++k) {
    REQUIRE(s.value[k] == (mask[k] ? static_cast<float>(whole[k]) : 0.0f));
  }
  CHECK(s.study_cells == g.cells() - (g.cells() + 2) / 3);
}

TEST_CASE("kde: the kernel sums of all less those of some are the sums of the rest, and 0 where only they reach", "[kde]") {
  // Two groups apart: leaving out the eastern one leaves cells only it reached, which must be 0
  // (not the rounding left of whole - part), and the rest equal to the western group's surface.
  // LeaveOutRanking ranks leave-some-out surfaces made so.
  std::vector<double> x, y, west_x, west_y, east_x, east_y;
  for (int i = 0; i < 3000; ++i) {
    const bool east = i % 3 == 0;
    const double px = (east ? 1700 : 1000) + (i * 37) % 400, py = 2000 + (i * 53) % 1300;
    x.push_back(px);
    y.push_back(py);
    (east ? east_x : west_x).push_back(px);
    (east ? east_y : west_y).push_back(py);
  }
  const Grid g{950, 3400, 10, 120, 150};
  std::vector<uint8_t> mask(static_cast<size_t>(g.cells()), 1);
  for (size_t k = 0; k < mask.size(); k += 7) mask[k] = 0;
  for (const double h : {60.0, 150.0}) {
    DensityParams p;
    p.bandwidth_m = h;
    const std::vector<double> all = kernel_sums(kernel_centres(x, y, p), g, p);
    const std::vector<double> all_alone = whole_grid(x, y, g, p);
    const std::vector<double> east = kernel_sums(kernel_centres(east_x, east_y, p), g, p);
    const DensitySurface rest = density_surface(kernel_centres(west_x, west_y, p), g, mask, p);
    size_t zero_by_difference = 0;
    for (size_t k = 0; k < mask.size(); ++k) {
      INFO("h " << h << ", cell " << k);
      REQUIRE(all[k] == Approx(all_alone[k]).epsilon(1e-12));  // kernel_sums is the plain surface, unmasked
      if (!mask[k]) continue;
      const float without = static_cast<float>(all[k] - east[k]);
      if (rest.value[k] == 0.0f) {
        REQUIRE(without == 0.0f);
        zero_by_difference += all[k] > 0;
      } else {
        REQUIRE(without == Approx(rest.value[k]).epsilon(1e-5));
      }
    }
    CHECK(zero_by_difference > 100);  // the eastern group alone reaches cells: the test sees them
  }
}

TEST_CASE("kde: bad bandwidths and grids are refused with the flag named", "[kde]") {
  DensityParams p;
  p.bandwidth_m = 0;
  CHECK_THROWS_WITH(kernel_centres({1}, {1}, p), Catch::Contains("kde.bandwidth"));
  p.bandwidth_m = -3;
  CHECK_THROWS_WITH(kernel_centres({1}, {1}, p), Catch::Contains("kde.bandwidth"));
  CHECK_THROWS_WITH(grid_over({0, 0, 1000, 1000}, 0, 100), "kde.cell = 0: must be > 0 m");
  CHECK_THROWS_WITH(grid_over({0, 0, 100000, 100000}, 1, 200'000'000, "evaluate.cell"),
                    Catch::StartsWith("evaluate.cell = 1: the grid") && Catch::Contains("more than max_cells 200000000"));
  const Grid g = grid_over({437'775.3, 313'150.1, 482'900.9, 392'724.2}, 25, 200'000'000);
  CHECK(g.west == 437'775);
  CHECK(g.north == 392'725);
  CHECK(g.cols == 1806);
  CHECK(g.rows == 3183);  // (392725 - 313150.1) / 25 = 3182.996, rounded up
  CHECK(g.cell_of(437'775, 392'725) == 0);         // on the north-west corner: the first cell
  CHECK(g.cell_of(437'800, 392'700) == g.cols + 1);  // on an inner corner: the cell south-east of it
  CHECK(g.cell_of(437'774.9, 392'700) == -1);
}
