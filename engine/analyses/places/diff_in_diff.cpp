// SPDX-License-Identifier: Apache-2.0
#include "analyses/places/diff_in_diff.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include <boost/math/distributions/normal.hpp>

#include "analyses/normal_tails.hpp"

namespace hotspot {
namespace {

uint64_t total(const std::vector<uint64_t>& v) { return std::accumulate(v.begin(), v.end(), uint64_t{0}); }

}  // namespace

DidResult diff_in_diff(const DidSeries& s, double confidence) {
  DidResult r;
  r.treated_before = total(s.treated_before);
  r.treated_after = total(s.treated_after);
  r.comparison_before = total(s.comparison_before);
  r.comparison_after = total(s.comparison_after);
  const double tb = static_cast<double>(r.treated_before), ta = static_cast<double>(r.treated_after);
  const double cb = static_cast<double>(r.comparison_before), ca = static_cast<double>(r.comparison_after);
  if (tb == 0 || ta == 0 || cb == 0 || ca == 0) {
    r.ratio = r.low = r.high = std::numeric_limits<double>::quiet_NaN();
    return r;
  }
  // Each total's variance: its count times its series' overdispersion (Pearson's chi-square of the
  // months about their mean over its degrees of freedom; 1 when smaller, or with one month).
  const auto dispersion = [](const std::vector<uint64_t>& months) {
    const double mean = static_cast<double>(total(months)) / static_cast<double>(months.size());
    if (months.size() < 2 || mean <= 0) return 1.0;
    double chi2 = 0;
    for (uint64_t x : months) chi2 += (static_cast<double>(x) - mean) * (static_cast<double>(x) - mean) / mean;
    return std::max(1.0, chi2 / static_cast<double>(months.size() - 1));
  };
  const double poisson = 1 / ta + 1 / tb + 1 / ca + 1 / cb;
  const double variance = dispersion(s.treated_after) / ta + dispersion(s.treated_before) / tb +
                          dispersion(s.comparison_after) / ca + dispersion(s.comparison_before) / cb;
  r.dispersion = variance / poisson;
  r.ratio = (ta / tb) / (ca / cb);
  const double se = std::sqrt(variance);
  const double z = boost::math::quantile(boost::math::normal(), 0.5 + confidence / 2);
  r.low = r.ratio * std::exp(-z * se);
  r.high = r.ratio * std::exp(z * se);
  r.p_value = two_sided_p(std::log(r.ratio) / se);
  return r;
}

}  // namespace hotspot
