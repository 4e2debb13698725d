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
  GEOSContextHandle_t ctx = boundaries.geos->get();
  for (const Area& a : boundaries.areas) {
    double x0, y0, x1, y1;
    GEOSGeom_getXMin_r(ctx, a.geometry.get(), &x0);
    GEOSGeom_getYMin_r(ctx, a.geometry.get(), &y0);
    GEOSGeom_getXMax_r(ctx, a.geometry.get(), &x1);
    GEOSGeom_getYMax_r(ctx, a.geometry.get(), &y1);
    impl->xmin = std::min(impl->xmin, x0);
    impl->ymin = std::min(impl->ymin, y0);
    impl->xmax = std::max(impl->xmax, x1);
    impl->ymax = std::max(impl->ymax, y1);
  }
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
