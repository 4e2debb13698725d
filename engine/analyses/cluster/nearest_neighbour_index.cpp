// SPDX-License-Identifier: Apache-2.0
#include "analyses/cluster/nearest_neighbour_index.hpp"

#include <atomic>
#include <cmath>
#include <string>

#include <boost/math/distributions/normal.hpp>

#include "core/indexed_locations.hpp"
#include "analyses/normal_tails.hpp"
#include "core/errors.hpp"
#include "core/parallel.hpp"

namespace hotspot {

NniResult nearest_neighbour_index(const std::vector<double>& x, const std::vector<double>& y, double area_m2,
                                  const NniParams& params) {
  return nearest_neighbour_index(IndexedLocations(x, y), area_m2, params);
}

NniResult nearest_neighbour_index(const IndexedLocations& points, double area_m2, const NniParams& params) {
  const size_t n = points.points();
  if (n < 2) throw UsageError("nni: needs at least 2 points, got " + std::to_string(n));
  if (!(area_m2 > 0)) throw UsageError("nni: the study area has no area");
  if (params.k_orders < 1) throw OptionError("cluster.k_orders", std::to_string(params.k_orders), "must be >= 1");
  const size_t k_max = static_cast<size_t>(params.k_orders);
  if (k_max > n - 1) throw OptionError("cluster.k_orders", std::to_string(k_max), "exceeds the other points");

  const Locations& loc = points.loc;
  const PointIndex& index = points.index;
  // The locations in fixed chunks, on every core: each chunk's sums are added in chunk order, so
  // the result does not depend on the number of threads.
  constexpr size_t kChunk = 16384;
  const size_t chunks = (loc.size() + kChunk - 1) / kChunk;
  std::vector<std::vector<double>> chunk_sum(chunks, std::vector<double>(k_max + 1, 0.0));
  std::vector<uint64_t> chunk_tied(chunks, 0);
  std::atomic<size_t> next{0};
  parallel_for(worker_count(chunks), [&](size_t) {
    std::vector<uint32_t> near;
    std::vector<double> d2;
    std::vector<double> dist;  // k-th distances for one point of the location
    for (size_t c; (c = next++) < chunks;) {
      std::vector<double>& sum = chunk_sum[c];  // sum over points of the k-th neighbour distance
      for (size_t u = c * kChunk; u < std::min(loc.size(), (c + 1) * kChunk); ++u) {
        const uint32_t w = loc.weight[u];
        if (w > 1) chunk_tied[c] += w;
        // The other w-1 points of the location come first, at distance 0; then the nearest
        // locations with their weights. k_max + 1 locations always cover k_max other points.
        dist.assign(std::min<size_t>(w - 1, k_max), 0.0);
        if (dist.size() < k_max) {
          index.nearest(loc.x[u], loc.y[u], k_max + 1, near, d2);
          for (size_t j = 0; j < near.size() && dist.size() < k_max; ++j) {
            if (near[j] == u) continue;
            for (uint32_t m = 0; m < loc.weight[near[j]] && dist.size() < k_max; ++m) dist.push_back(std::sqrt(d2[j]));
          }
        }
        for (size_t k = 1; k <= k_max; ++k) sum[k] += static_cast<double>(w) * dist[k - 1];
      }
    }
  });
  std::vector<double> sum(k_max + 1, 0.0);
  uint64_t tied = 0;
  for (size_t c = 0; c < chunks; ++c) {
    for (size_t k = 1; k <= k_max; ++k) sum[k] += chunk_sum[c][k];
    tied += chunk_tied[c];
  }

  NniResult r;
  r.points = n;
  r.area_m2 = area_m2;
  const double dn = static_cast<double>(n);
  const double density = dn / area_m2;
  r.observed_m = sum[1] / dn;
  r.expected_m = 0.5 * std::sqrt(area_m2 / dn);
  r.ratio = r.observed_m / r.expected_m;
  r.standard_error_m = 0.26136 * std::sqrt(area_m2 / (dn * dn));
  r.z = (r.observed_m - r.expected_m) / r.standard_error_m;
  const boost::math::normal normal;
  r.p_clustered = boost::math::cdf(normal, r.z);
  r.p_two_sided = two_sided_p(r.z);
  r.tied_share = static_cast<double>(tied) / dn;
  for (size_t k = 1; k <= k_max; ++k) {
    const double kk = static_cast<double>(k);
    const double expected = std::exp(std::lgamma(kk + 0.5) - std::lgamma(kk)) / std::sqrt(M_PI * density);
    r.orders.push_back({static_cast<int>(k), sum[k] / dn, expected, sum[k] / dn / expected});
  }
  return r;
}

}  // namespace hotspot
