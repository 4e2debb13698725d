// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hotspot {

// How a place (a hotspot or a grid cell) changed between the previous period and the current one.
//   new           hot now, not before
//   ceased        hot before, not now
//   intensifying  hot in both, its rate per month up by at least `threshold` (a share: 0.2 = 20%)
//                 and the rise significant: the exact binomial test of the current count given the
//                 total of both, at the share the periods' lengths predict, two-sided p <= alpha
//   diminishing   the same, down
//   persistent    hot in both, otherwise
// The rule is the two-period form of Chainey's classification (R sfhotspot's hotspot_classify:
// emerging ~ new, former ~ ceased, persistent) and of ArcGIS's emerging hot spot categories (new,
// intensifying, persistent, diminishing, historical ~ ceased), whose trend over many periods
// (Mann-Kendall) becomes the one comparison two periods allow.
enum class ChangeClass { new_hotspot, persistent, intensifying, diminishing, ceased };
std::string to_string(ChangeClass c);

struct ChangeRule {
  double threshold = 0.2;
  double alpha = 0.05;
};

struct PeriodCounts {
  uint64_t previous = 0, current = 0;  // incidents in the place in each period
  bool hot_previous = false, hot_current = false;
};

struct Change {
  ChangeClass change = ChangeClass::persistent;
  std::optional<double> rate_change;  // (current rate - previous rate) / previous rate; none without previous incidents
  double p_value = 1;                 // the binomial test's two-sided p
};

// Throws std::invalid_argument unless the place is hot in a period and both lengths are > 0.
Change classify_change(const PeriodCounts& counts, double previous_months, double current_months, const ChangeRule& rule);

// How many of `classes` fall in each class, every class named, in the enum's order.
std::vector<std::pair<std::string, uint64_t>> count_classes(const std::vector<ChangeClass>& classes);

// Two-sided exact binomial p: the probability, for X ~ Binomial(n, p), of an outcome no more likely
// than k (with a relative tolerance of 1e-7, as R's binom.test).
double binomial_two_sided_p(uint64_t k, uint64_t n, double p);

}  // namespace hotspot
