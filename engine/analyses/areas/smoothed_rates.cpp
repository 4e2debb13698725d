// SPDX-License-Identifier: Apache-2.0
#include "analyses/areas/smoothed_rates.hpp"

#include <algorithm>

namespace hotspot {
namespace {

// theta and phi over the areas of `window` that have a population (Marshall's moment estimator).
struct Prior {
  double theta = 0, phi = 0;
  bool valid = false;
};

Prior moment_prior(const std::vector<size_t>& window, const std::vector<uint64_t>& counts,
                   const std::vector<std::optional<double>>& populations) {
  double o = 0, p = 0, n = 0;
  for (size_t j : window) {
    if (!populations[j] || *populations[j] <= 0) continue;
    o += static_cast<double>(counts[j]);
    p += *populations[j];
    n += 1;
  }
  Prior prior;
  if (p <= 0) return prior;
  prior.theta = o / p;
  double spread = 0;
  for (size_t j : window) {
    if (!populations[j] || *populations[j] <= 0) continue;
    const double r = static_cast<double>(counts[j]) / *populations[j];
    spread += *populations[j] * (r - prior.theta) * (r - prior.theta);
  }
  prior.phi = std::max(0.0, spread / p - prior.theta / (p / n));
  prior.valid = true;
  return prior;
}

double shrunk(double rate, double population, const Prior& prior) {
  if (prior.phi + prior.theta / population <= 0) return prior.theta;  // every rate 0: nothing to shrink
  const double w = prior.phi / (prior.phi + prior.theta / population);
  return w * rate + (1 - w) * prior.theta;
}

}  // namespace

SmoothedRates smoothed_rates(const std::vector<uint64_t>& counts, const std::vector<std::optional<double>>& populations,
                             const SpatialWeights& weights) {
  const size_t n = counts.size();
  SmoothedRates out{std::vector<std::optional<double>>(n), std::vector<std::optional<double>>(n),
                    std::vector<std::optional<double>>(n)};
  std::vector<size_t> all(n);
  for (size_t i = 0; i < n; ++i) all[i] = i;
  const Prior global = moment_prior(all, counts, populations);
  for (size_t i = 0; i < n; ++i) {
    if (!populations[i] || *populations[i] <= 0) continue;
    const double rate = static_cast<double>(counts[i]) / *populations[i];
    out.raw[i] = rate;
    out.eb[i] = shrunk(rate, *populations[i], global);
    std::vector<size_t> window = {i};
    if (i < weights.size()) window.insert(window.end(), weights.neighbours[i].begin(), weights.neighbours[i].end());
    out.spatial_eb[i] = shrunk(rate, *populations[i], moment_prior(window, counts, populations));
  }
  return out;
}

}  // namespace hotspot
