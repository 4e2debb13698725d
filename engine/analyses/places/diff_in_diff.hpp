// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <vector>

namespace hotspot {

// Did an intervention change violence in its place? Difference-in-differences on counts
// (docs/method.md#interventions): the place's change from before to after, relative to a
// comparison area's change over the same months, as a ratio of rate ratios (Farrington and
// Welsh's relative effect size):
//   ratio = (treated_after / treated_before) / (comparison_after / comparison_before)
// (the months cancel, both areas being counted over the same ones); below 1, the place fell
// more than the comparison did (0.8: 20% fewer than expected). Its log has the variance
// D_Ta/Ta + D_Tb/Tb + D_Ca/Ca + D_Cb/Cb: Poisson's 1/count, each inflated by the overdispersion D
// of its monthly counts (Pearson's chi-square of the months about their mean over its degrees of
// freedom; never below 1), so a lumpy monthly series widens the interval.
struct DidSeries {
  std::vector<uint64_t> treated_before, treated_after, comparison_before, comparison_after;  // per month
};

struct DidResult {
  uint64_t treated_before = 0, treated_after = 0, comparison_before = 0, comparison_after = 0;
  double ratio = 0;            // NaN when a total is 0
  double low = 0, high = 0;    // the confidence interval of the ratio
  double p_value = 1;          // of ratio = 1 (two-sided, normal on the log)
  double dispersion = 1;       // the variance over Poisson's: 1 when no series is overdispersed
};

DidResult diff_in_diff(const DidSeries& series, double confidence = 0.95);

}  // namespace hotspot
