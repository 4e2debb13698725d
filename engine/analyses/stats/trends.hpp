// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <vector>

namespace hotspot {

// Mann-Kendall trend test with Sen's slope for one series in time order.
// S = Σ_{k<j} sign(y_j − y_k); Var(S) = [T(T−1)(2T+5) − Σ_ties t(t−1)(2t+5)] / 18;
// z = (S − sign(S)) / √Var(S) (continuity correction); p two-sided; Sen's slope = median of
// (y_j − y_k) / (j − k) over k < j. Series shorter than 3 (or with Var(S) = 0) give z = 0, p = 1.
struct MannKendall {
  double s = 0, variance = 0, z = 0, p = 1, sen_slope = 0;
};
MannKendall mann_kendall(const std::vector<double>& y);

// Emerging hot spot categories from one area's Gi* bins per time step (oldest first), with the
// Mann-Kendall test of its Gi* z-scores, as ArcGIS Pro's Emerging Hot Spot Analysis defines them
// (hot = bin > 0, cold = bin < 0, "90%" of the time steps):
//   new          hot in the final step and never before;
//   consecutive  a single run of hot steps ending in the final one, never hot before, < 90% of steps;
//   intensifying hot in >= 90% of steps including the final, z trend up (p < 0.05);
//   persistent   hot in >= 90% of steps including the final, no significant z trend;
//   diminishing  hot in >= 90% of steps including the final, z trend down (p < 0.05);
//   sporadic     hot in the final step, hot in < 90% of steps, never cold;
//   oscillating  hot in the final step, cold in some earlier step, hot in < 90% of steps;
//   historical   not hot in the final step, hot in >= 90% of steps;
//   and the same eight for cold spots ("new cold spot", ...), else "no pattern".
std::string emerging_category(const std::vector<int>& bins, const MannKendall& z_trend);

}  // namespace hotspot
