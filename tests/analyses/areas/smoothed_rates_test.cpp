// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <cmath>

#include "analyses/areas/smoothed_rates.hpp"

using namespace hotspot;

namespace {

// GeoDa's EB smoother written out the other way round: phi = sum(P r^2) / sum(P) - theta^2 - theta / mean(P),
// shrinkage weight P / (P + theta / phi) (GeoDa's documentation, "Empirical Bayes smoothed rate").
double geoda_eb(const std::vector<double>& o, const std::vector<double>& p, const std::vector<size_t>& window, size_t i) {
  double so = 0, sp = 0, spr2 = 0;
  for (size_t j : window) {
    so += o[j];
    sp += p[j];
    spr2 += p[j] * (o[j] / p[j]) * (o[j] / p[j]);
  }
  const double theta = so / sp;
  double phi = spr2 / sp - theta * theta - theta / (sp / static_cast<double>(window.size()));
  if (phi < 0) phi = 0;
  if (phi == 0) return theta;
  const double w = p[i] / (p[i] + theta / phi);
  return w * o[i] / p[i] + (1 - w) * theta;
}

}  // namespace

TEST_CASE("smoothed rates: EB and spatial EB equal GeoDa's formula; small populations shrink most", "[areas]") {
  const std::vector<uint64_t> counts = {2, 10, 0, 30, 5, 9};
  const std::vector<double> o = {2, 10, 0, 30, 5, 9};
  const std::vector<double> p = {100, 2000, 50, 5000, 400, 120};
  const std::vector<std::optional<double>> populations(p.begin(), p.end());
  SpatialWeights w;  // a chain 0-1-2-3-4-5
  w.neighbours = {{1}, {0, 2}, {1, 3}, {2, 4}, {3, 5}, {4}};
  w.weights = {{1}, {1, 1}, {1, 1}, {1, 1}, {1, 1}, {1}};
  const SmoothedRates r = smoothed_rates(counts, populations, w);
  const std::vector<size_t> all = {0, 1, 2, 3, 4, 5};
  for (size_t i = 0; i < 6; ++i) {
    INFO("area " << i);
    CHECK(*r.raw[i] == Approx(o[i] / p[i]).epsilon(1e-14));
    CHECK(*r.eb[i] == Approx(geoda_eb(o, p, all, i)).epsilon(1e-12));
    std::vector<size_t> window = {i};
    for (uint32_t j : w.neighbours[i]) window.push_back(j);
    CHECK(*r.spatial_eb[i] == Approx(geoda_eb(o, p, window, i)).epsilon(1e-12));
  }
  // By hand: theta = 56 / 7670; the 5,000-resident area keeps most of its rate, the 50-resident
  // area with none moves most of the way to the mean.
  const double theta = 56.0 / 7670.0;
  CHECK(std::abs(*r.eb[3] - *r.raw[3]) < 0.2 * std::abs(theta - *r.raw[3]));
  CHECK(*r.eb[2] > 0.5 * theta);
  CHECK(*r.eb[5] < *r.raw[5]);  // 75 per 1,000 on 120 residents is pulled down
}

TEST_CASE("smoothed rates: no spread between areas means every rate is the mean; no population, no rate", "[areas]") {
  // Rates 1% everywhere: phi = sum P (r - theta)^2 / sum P - theta / mean P < 0, so 0: all shrink to theta.
  const SmoothedRates r = smoothed_rates({1, 2, 3, 7}, {100.0, 200.0, 300.0, std::nullopt}, {});
  CHECK(*r.eb[0] == Approx(0.01));
  CHECK(*r.eb[2] == Approx(0.01));
  CHECK(*r.spatial_eb[1] == Approx(0.01));  // its own window: itself alone
  CHECK_FALSE(r.raw[3]);
  CHECK_FALSE(r.eb[3]);
}
