// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "analyses/places/diff_in_diff.hpp"

using namespace hotspot;

namespace {

std::vector<uint64_t> months(size_t n, uint64_t each) { return std::vector<uint64_t>(n, each); }

// n months of Poisson counts with mean `mean`; with `clumping` > 0 the mean itself varies from
// month to month (gamma with shape 1 / clumping): overdispersed counts, as violence's are.
std::vector<uint64_t> draw(std::mt19937_64& rng, size_t n, double mean, double clumping = 0) {
  std::vector<uint64_t> out;
  for (size_t k = 0; k < n; ++k) {
    double m = mean;
    if (clumping > 0) m = std::gamma_distribution<double>(1 / clumping, mean * clumping)(rng);
    out.push_back(std::poisson_distribution<uint64_t>(m)(rng));
  }
  return out;
}

}  // namespace

TEST_CASE("difference-in-differences: a known effect on exact counts, by hand", "[places]") {
  // The place: 20 a month for 12 months, then 12 a month; the comparison: 100, then 110 (+10%).
  // Expected without effect: 20 x 1.1 = 22 a month; seen 12: ratio (144 / 240) / (1320 / 1200) = 0.6 / 1.1.
  const DidResult r = diff_in_diff({months(12, 20), months(12, 12), months(12, 100), months(12, 110)});
  CHECK(r.treated_before == 240);
  CHECK(r.comparison_after == 1320);
  CHECK(r.ratio == Approx(0.6 / 1.1).epsilon(1e-12));
  CHECK(r.dispersion == 1);  // constant months: no overdispersion
  const double se = std::sqrt(1.0 / 144 + 1.0 / 240 + 1.0 / 1320 + 1.0 / 1200);
  CHECK(r.low == Approx(0.6 / 1.1 * std::exp(-1.959963984540054 * se)).epsilon(1e-9));
  CHECK(r.high == Approx(0.6 / 1.1 * std::exp(1.959963984540054 * se)).epsilon(1e-9));
  CHECK(r.p_value < 1e-4);
  CHECK(std::isnan(diff_in_diff({months(12, 0), months(12, 12), months(12, 100), months(12, 110)}).ratio));
}

TEST_CASE("difference-in-differences: on synthetic places with a known effect, the interval holds it", "[places]") {
  // The place's violence falls to 70% of what the comparison's trend (+10%) predicts.
  const double effect = 0.7;
  for (const double clumping : {0.0, 0.15}) {
    std::mt19937_64 rng(20240101);
    int covered = 0, significant = 0;
    double log_sum = 0;
    const int runs = 400;
    for (int k = 0; k < runs; ++k) {
      const DidSeries s{draw(rng, 12, 15, clumping), draw(rng, 12, 15 * 1.1 * effect, clumping),
                        draw(rng, 12, 120, clumping), draw(rng, 12, 120 * 1.1, clumping)};
      const DidResult r = diff_in_diff(s);
      covered += r.low <= effect && effect <= r.high;
      significant += r.p_value < 0.05;
      log_sum += std::log(r.ratio);
    }
    INFO("clumping " << clumping << ": covered " << covered << " of " << runs);
    CHECK(covered >= 0.92 * runs);  // a 95% interval: about 380 of 400
    CHECK(covered <= 0.99 * runs);
    CHECK(std::exp(log_sum / runs) == Approx(effect).epsilon(0.03));
    // A 30% fall on 15 a month is usually seen in a year of Poisson months; lumpy months hide it more often.
    CHECK(significant > (clumping > 0 ? runs / 4 : runs / 2));
  }
  // No effect: the interval holds 1 about 95% of the time.
  std::mt19937_64 rng(7);
  int covered = 0;
  for (int k = 0; k < 400; ++k) {
    const DidResult r = diff_in_diff({draw(rng, 12, 15), draw(rng, 12, 16.5), draw(rng, 12, 120), draw(rng, 12, 132)});
    covered += r.low <= 1 && 1 <= r.high;
  }
  CHECK(covered >= 368);
}
