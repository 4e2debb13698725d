// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>

#include <boost/math/distributions/normal.hpp>

#include "analyses/stats/local_statistics.hpp"
#include "analyses/stats/permutation.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;

TEST_CASE("permutations honour non-binary weights: exact enumeration", "[analyses][stats][permutation]") {
  // Area 0's neighbours are 1 (weight 0.7) and 2 (weight 0.3): observed 0.7·10 + 0.3·1 = 7.3.
  // Of the 12 ordered pairs of the other values {10, 1, 2, 3}, 3 give at least 7.3 and 10 at
  // most 7.3, so the exact folded p is 3/12 = 0.25. Treating the weights as equal would give 0.5.
  SpatialWeights w;
  w.neighbours = {{1, 2}, {0}, {0}, {4}, {3}};
  w.weights = {{0.7, 0.3}, {1.0}, {1.0}, {1.0}, {1.0}};
  const std::vector<double> x = {0, 10, 1, 2, 3};
  PermutationParams params;
  params.permutations = 99999;
  const std::vector<double> p = gstar_pseudo_p(w, x, params);
  CHECK(p[0] == Approx(0.25).margin(0.005));  // Monte Carlo error about 0.0014
}

TEST_CASE("permutation p-values: reproducible for a seed whatever the thread count, and in line with the analytic ones",
          "[analyses][stats][permutation]") {
  const Boundaries b = read_boundaries(test::source_path("shapefiles/nottinghamshire_lsoa11.shp"), {});
  const SpatialWeights queen = contiguity_weights(b, Contiguity::queen);
  // A layer with no spatial pattern: independent values.
  std::mt19937_64 rng(2024);
  std::poisson_distribution<int> counts(20);
  std::vector<double> x(b.areas.size());
  for (double& v : x) v = counts(rng);

  PermutationParams one, two, other_seed;
  one.threads = 1;
  two.threads = 2;
  other_seed.seed = 7;
  const SpatialWeights self = with_self(queen);
  const std::vector<double> p1 = gstar_pseudo_p(self, x, one);
  CHECK(p1 == gstar_pseudo_p(self, x, two));
  CHECK(p1 != gstar_pseudo_p(self, x, other_seed));
  const SpatialWeights row = row_standardised(queen);
  CHECK(local_moran_pseudo_p(row, x, one) == local_moran_pseudo_p(row, x, two));

  // Under no pattern both kinds of p-value follow the same distribution: compare it decile by decile
  // (not area by area: the conditional permutation holds x_i fixed, Gi*'s analytic variance
  // does not). Both the analytic and the permutation p here are one-sided.
  const std::vector<double> z = getis_ord_gstar(self, x);
  const LocalMoran lm = local_moran(row, x);
  const std::vector<double> lm_p = local_moran_pseudo_p(row, x, one);
  const boost::math::normal normal;
  const auto one_sided = [&](const std::vector<double>& zs) {
    std::vector<double> out;
    for (double v : zs) out.push_back(boost::math::cdf(boost::math::complement(normal, std::fabs(v))));
    std::sort(out.begin(), out.end());
    return out;
  };
  const auto sorted = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v;
  };
  const auto widest_gap = [](const std::vector<double>& u, const std::vector<double>& v) {
    double gap = 0;
    for (int d = 1; d < 10; ++d) {
      const size_t k = u.size() * static_cast<size_t>(d) / 10;
      gap = std::max(gap, std::fabs(u[k] - v[k]));
    }
    return gap;
  };
  const auto g_perm = sorted(p1), g_analytic = one_sided(z);
  const auto m_perm = sorted(lm_p), m_analytic = one_sided(lm.z);
  CHECK(widest_gap(g_perm, g_analytic) < 0.05);
  CHECK(widest_gap(m_perm, m_analytic) < 0.05);
  const auto share_below = [](const std::vector<double>& v, double level) {
    return static_cast<double>(std::lower_bound(v.begin(), v.end(), level) - v.begin()) / static_cast<double>(v.size());
  };
  // A folded (smaller-tail) p is uniform on [0, 0.5] under the null: 10% below 0.05, half below 0.25.
  for (const auto* v : {&g_perm, &g_analytic, &m_perm, &m_analytic}) {
    CHECK(share_below(*v, 0.05) == Approx(0.10).margin(0.035));
    CHECK(share_below(*v, 0.25) == Approx(0.50).margin(0.06));
  }
}
