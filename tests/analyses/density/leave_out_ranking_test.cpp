// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <optional>
#include <random>

#include "analyses/density/cell_ranking.hpp"
#include "analyses/density/leave_out_ranking.hpp"

using namespace hotspot;

namespace {

struct Points {
  std::vector<double> x, y;
};

// Clustered incidents, many sharing a location as police.uk's snapped points do.
Points clustered(unsigned seed, int clusters, int per_cluster, double spread) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> where(1200, 3800), jitter(-spread, spread);
  Points p;
  for (int c = 0; c < clusters; ++c) {
    const double cx = where(rng), cy = where(rng);
    for (int i = 0; i < per_cluster; ++i) {
      p.x.push_back(std::round(cx + jitter(rng)));
      p.y.push_back(std::round(cy + jitter(rng)));
      if (i % 4 == 0) {  // a repeat at the same place
        p.x.push_back(p.x.back());
        p.y.push_back(p.y.back());
      }
    }
  }
  return p;
}

// The surface of `all` less `less`, made in full as the ranking promises to match.
DensitySurface reference(const Points& all, const Points& less, const Grid& g, const std::vector<uint8_t>& mask,
                         const DensityParams& p) {
  const std::vector<double> whole = kernel_sums(kernel_centres(all.x, all.y, p), g, p);
  const std::vector<double> part = less.x.empty() ? std::vector<double>(whole.size(), 0.0) : kernel_sums(kernel_centres(less.x, less.y, p), g, p);
  DensitySurface s;
  s.grid = g;
  s.mask = mask;
  s.value.assign(whole.size(), 0.0f);
  for (size_t c = 0; c < whole.size(); ++c) {
    if (mask[c]) s.value[c] = static_cast<float>(whole[c] - part[c]);
    s.study_cells += mask[c] != 0;
  }
  return s;
}

}  // namespace

TEST_CASE("kde: kernel sums at chosen cells are the whole grid's sums there, to the bit", "[kde]") {
  const Points pts = clustered(3, 6, 150, 300);
  const Grid g{1000, 4000, 20, 150, 150};
  std::mt19937_64 rng(9);
  std::vector<int64_t> cells;
  for (int64_t c = 0; c < g.cells(); ++c) {
    if (rng() % 5 == 0) cells.push_back(c);
  }
  for (const Kernel k : {Kernel::quartic, Kernel::triangular, Kernel::uniform, Kernel::gaussian}) {
    for (const double h : {45.0, 230.0}) {
      DensityParams p;
      p.kernel = k;
      p.bandwidth_m = h;
      const KernelCentres kc = kernel_centres(pts.x, pts.y, p);
      const std::vector<double> whole = kernel_sums(kc, g, p);
      const std::vector<double> at = kernel_sums_at(kc, g, p, cells);
      size_t positive = 0;
      for (size_t i = 0; i < cells.size(); ++i) {
        INFO(to_string(k) << " h " << h << " cell " << cells[i]);
        REQUIRE(at[i] == whole[static_cast<size_t>(cells[i])]);
        positive += at[i] > 0;
      }
      CHECK(positive > cells.size() / 10);  // the kernels reach many of the chosen cells
    }
  }
  DensityParams p;
  p.bandwidth_m = 100;
  CHECK(kernel_sums_at(kernel_centres(pts.x, pts.y, p), g, p, {}).empty());
}

TEST_CASE("kde: a leave-some-out surface's top cells come from the whole's ranking, exactly", "[kde]") {
  const Points pts = clustered(5, 8, 200, 250);
  const Grid g{1000, 4000, 20, 150, 150};
  std::vector<uint8_t> mask(static_cast<size_t>(g.cells()), 1);
  for (size_t c = 0; c < mask.size(); c += 11) mask[c] = 0;
  // The folds: every sixth incident; the whole of the first (densest-made) cluster, so that the
  // whole's top cells are the fold's low ones and the candidates must grow; and nothing.
  Points sixth, first_cluster, none;
  for (size_t i = 0; i < pts.x.size(); ++i) {
    if (i % 6 == 2) {
      sixth.x.push_back(pts.x[i]);
      sixth.y.push_back(pts.y[i]);
    }
    if (i < 250) {
      first_cluster.x.push_back(pts.x[i]);
      first_cluster.y.push_back(pts.y[i]);
    }
  }
  // One ranking reset for each kernel and bandwidth (as the search does) and a fresh one for each.
  std::optional<LeaveOutRanking> reused;
  for (const Kernel k : {Kernel::quartic, Kernel::triangular, Kernel::gaussian}) {
    for (const double h : {25.0, 90.0, 400.0}) {
      DensityParams p;
      p.kernel = k;
      p.bandwidth_m = h;
      const LeaveOutRanking ranking(kernel_centres(pts.x, pts.y, p), g, mask, p);
      if (reused) {
        reused->reset(kernel_centres(pts.x, pts.y, p), p);
      } else {
        reused.emplace(kernel_centres(pts.x, pts.y, p), g, mask, p);
      }
      for (const Points* less : {&sixth, &first_cluster, &none}) {
        const DensitySurface s = reference(pts, *less, g, mask, p);
        CHECK(ranking.study_cells() == s.study_cells);
        const KernelCentres own = less->x.empty() ? KernelCentres{} : kernel_centres(less->x, less->y, p);
        for (const int64_t n : {1, 7, 100, 1000, 5000, 30000}) {
          INFO(to_string(k) << " h " << h << " leaving out " << less->x.size() << ", n " << n);
          const std::vector<int64_t> expected = top_cells(s, n);
          REQUIRE(ranking.top_without(own, n) == expected);
          REQUIRE(reused->top_without(own, n) == expected);
        }
      }
    }
  }
}
