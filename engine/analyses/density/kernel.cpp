// SPDX-License-Identifier: Apache-2.0
#include "analyses/density/kernel.hpp"

#include <numbers>

#include "core/errors.hpp"

namespace hotspot {

Kernel parse_kernel(const std::string& name, const std::string& flag) {
  if (name == "quartic") return Kernel::quartic;
  if (name == "epanechnikov") return Kernel::epanechnikov;
  if (name == "triangular") return Kernel::triangular;
  if (name == "uniform") return Kernel::uniform;
  if (name == "gaussian") return Kernel::gaussian;
  throw UsageError(flag + " '" + name + "': choose quartic, epanechnikov, triangular, uniform or gaussian");
}

std::string to_string(Kernel kernel) {
  switch (kernel) {
    case Kernel::quartic: return "quartic";
    case Kernel::epanechnikov: return "epanechnikov";
    case Kernel::triangular: return "triangular";
    case Kernel::uniform: return "uniform";
    case Kernel::gaussian: return "gaussian";
  }
  return "?";
}

double kernel_constant(Kernel kernel) {
  using std::numbers::pi;
  switch (kernel) {
    case Kernel::quartic: return 3.0 / pi;
    case Kernel::epanechnikov: return 2.0 / pi;
    case Kernel::triangular: return 3.0 / pi;
    case Kernel::uniform: return 1.0 / pi;
    case Kernel::gaussian: return 1.0 / (2.0 * pi * (1.0 - std::exp(-8.0)));
  }
  return 0.0;
}

}  // namespace hotspot
