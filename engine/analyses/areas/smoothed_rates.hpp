// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "weights/spatial_weights.hpp"

namespace hotspot {

// Rates that small populations do not distort, as GeoDa computes them (docs/method.md#smoothed-rates).
// Raw rate r_i = O_i / P_i. Empirical Bayes (Marshall's global moment estimator): the prior mean
// theta = sum O / sum P and variance phi = sum P_i (r_i - theta)^2 / sum P - theta / (sum P / n)
// (0 when negative); each rate is shrunk towards theta by w_i = phi / (phi + theta / P_i):
// EB_i = w_i r_i + (1 - w_i) theta. Spatial EB: theta_i and phi_i from the area and its neighbours
// only (the window of `weights` with the area itself). Areas without a positive population get
// no rate and are left out of the priors; rates are per resident (multiply by 1,000 to publish).
struct SmoothedRates {
  std::vector<std::optional<double>> raw, eb, spatial_eb;  // per area
};

SmoothedRates smoothed_rates(const std::vector<uint64_t>& counts, const std::vector<std::optional<double>>& populations,
                             const SpatialWeights& weights);

}  // namespace hotspot
