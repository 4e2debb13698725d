// SPDX-License-Identifier: Apache-2.0
#include "places/random_points.hpp"

#include <algorithm>
#include <limits>

#include "places/area_locator.hpp"

namespace hotspot {

struct RandomPointSampler::Impl {
  explicit Impl(const Boundaries& b) : locator(b) {}
  AreaLocator locator;
  double xmin = std::numeric_limits<double>::infinity(), ymin = xmin, xmax = -xmin, ymax = -xmin;
};

RandomPointSampler::RandomPointSampler(const Boundaries& boundaries) {
  auto impl = std::make_shared<Impl>(boundaries);
  const Extent e = boundaries.extent();
  impl->xmin = e.xmin, impl->ymin = e.ymin, impl->xmax = e.xmax, impl->ymax = e.ymax;
  impl_ = std::move(impl);
}

std::pair<double, double> RandomPointSampler::operator()(std::mt19937_64& rng) const {
  std::uniform_real_distribution<double> ux(impl_->xmin, impl_->xmax), uy(impl_->ymin, impl_->ymax);
  for (;;) {
    const double x = ux(rng), y = uy(rng);
    if (impl_->locator.locate(x, y) >= 0) return {x, y};
  }
}

}  // namespace hotspot
