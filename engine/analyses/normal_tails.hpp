// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cmath>
#include <vector>

#include <boost/math/distributions/normal.hpp>

namespace hotspot {

// P(|Z| >= |z|) for a standard normal Z: the two-sided p-value of a z-score; NaN for a z that is
// not a number (a Gi* whose neighbourhood is every area has no variance), which boost would
// otherwise throw for.
inline double two_sided_p(double z) {
  if (std::isnan(z)) return z;
  return 2 * boost::math::cdf(boost::math::complement(boost::math::normal(), std::fabs(z)));
}

inline std::vector<double> two_sided_p(const std::vector<double>& z) {
  std::vector<double> p;
  for (double zi : z) p.push_back(two_sided_p(zi));
  return p;
}

}  // namespace hotspot
