// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cmath>
#include <string>

namespace hotspot {

// The kernels of `hotspot kde`. With u = d / h (d the distance from an incident to a cell
// centre, h the bandwidth), each has a profile k(u) and a constant C that makes C / h^2 * k(d/h)
// integrate to 1 over the plane (docs/method.md derives them):
//   quartic       k = (1 - u^2)^2   C = 3 / pi         (QGIS heatmap's default, "biweight")
//   epanechnikov  k = 1 - u^2       C = 2 / pi
//   triangular    k = 1 - u         C = 3 / pi
//   uniform       k = 1             C = 1 / pi
//   gaussian      k = exp(-u^2 / 2) C = 1 / (2 pi (1 - e^-8)); h is the standard deviation and the
//                                   kernel is cut at 4 h (the mass beyond is e^-8 = 0.03%)
// Every kernel but the Gaussian reaches out to exactly h, and d = h counts (weight 0 except
// for the uniform kernel).
enum class Kernel { quartic, epanechnikov, triangular, uniform, gaussian };

// Throws UsageError naming `flag` and the kernels.
Kernel parse_kernel(const std::string& name, const std::string& flag);
std::string to_string(Kernel kernel);

// How far the kernel reaches, in bandwidths.
inline double kernel_reach(Kernel kernel) { return kernel == Kernel::gaussian ? 4.0 : 1.0; }

// k at squared scaled distance u2 = d^2 / h^2, for u2 <= kernel_reach^2.
inline double kernel_profile(Kernel kernel, double u2) {
  switch (kernel) {
    case Kernel::quartic: return (1.0 - u2) * (1.0 - u2);
    case Kernel::epanechnikov: return 1.0 - u2;
    case Kernel::triangular: return 1.0 - std::sqrt(u2);
    case Kernel::uniform: return 1.0;
    case Kernel::gaussian: return std::exp(-0.5 * u2);
  }
  return 0.0;
}

double kernel_constant(Kernel kernel);

}  // namespace hotspot
