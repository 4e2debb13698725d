// SPDX-License-Identifier: Apache-2.0
#include "analyses/stats/trends.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "analyses/normal_tails.hpp"

namespace hotspot {

MannKendall mann_kendall(const std::vector<double>& y) {
  MannKendall r;
  const size_t t = y.size();
  if (t < 3) return r;
  std::vector<double> slopes;
  for (size_t k = 0; k < t; ++k) {
    for (size_t j = k + 1; j < t; ++j) {
      r.s += (y[j] > y[k]) - (y[j] < y[k]);
      slopes.push_back((y[j] - y[k]) / static_cast<double>(j - k));
    }
  }
  std::map<double, int> ties;
  for (double v : y) ++ties[v];
  const double n = static_cast<double>(t);
  double tie_term = 0;
  for (const auto& [v, c] : ties) tie_term += c * (c - 1.0) * (2.0 * c + 5);
  r.variance = (n * (n - 1) * (2 * n + 5) - tie_term) / 18.0;
  if (r.variance > 0) {
    r.z = r.s > 0 ? (r.s - 1) / std::sqrt(r.variance) : r.s < 0 ? (r.s + 1) / std::sqrt(r.variance) : 0.0;
    r.p = two_sided_p(r.z);
  }
  const size_t mid = slopes.size() / 2;
  std::nth_element(slopes.begin(), slopes.begin() + static_cast<long>(mid), slopes.end());
  r.sen_slope = slopes[mid];
  if (slopes.size() % 2 == 0) {
    r.sen_slope = (r.sen_slope + *std::max_element(slopes.begin(), slopes.begin() + static_cast<long>(mid))) / 2;
  }
  return r;
}

std::string emerging_category(const std::vector<int>& bins, const MannKendall& z_trend) {
  if (bins.empty()) return "no pattern";
  for (const int side : {1, -1}) {
    const std::string spot = side > 0 ? "hot spot" : "cold spot";
    const auto is = [side](int b) { return b * side > 0; };        // this kind of spot
    const auto opposite = [side](int b) { return b * side < 0; };  // the other kind
    const size_t steps = bins.size();
    size_t count = 0;
    for (int b : bins) count += is(b);
    const bool mostly = static_cast<double>(count) >= 0.9 * static_cast<double>(steps);
    const bool final_step = is(bins.back());
    if (!final_step) {
      if (mostly) return "historical " + spot;
      continue;
    }
    if (count == 1) return "new " + spot;
    if (mostly) {
      const bool significant = z_trend.p < 0.05;
      const double towards = side > 0 ? z_trend.z : -z_trend.z;  // positive: the spot intensifies
      if (significant && towards > 0) return "intensifying " + spot;
      if (significant && towards < 0) return "diminishing " + spot;
      return "persistent " + spot;
    }
    size_t run_start = steps - 1;
    while (run_start > 0 && is(bins[run_start - 1])) --run_start;
    const bool single_run = std::none_of(bins.begin(), bins.begin() + static_cast<long>(run_start), is);
    if (single_run) return "consecutive " + spot;
    if (std::any_of(bins.begin(), bins.end(), opposite)) return "oscillating " + spot;
    return "sporadic " + spot;
  }
  return "no pattern";
}

}  // namespace hotspot
