// SPDX-License-Identifier: Apache-2.0
#include "places/area_locator.hpp"

#include <algorithm>
#include <numeric>

#include "core/locations.hpp"

namespace hotspot {

AreaLocator::AreaLocator(const Boundaries& boundaries)
    : boundaries_(boundaries),
      ctx_(boundaries.geos->get()),
      ids_(boundaries.areas.size()),
      tree_(GEOSSTRtree_create_r(ctx_, 10), StrTreeDeleter{ctx_}) {
  std::iota(ids_.begin(), ids_.end(), size_t{0});
  for (size_t i = 0; i < boundaries.areas.size(); ++i) {
    const GEOSGeometry* g = boundaries.areas[i].geometry.get();
    prepared_.emplace_back(GEOSPrepare_r(ctx_, g), PreparedDeleter{ctx_});
    GEOSSTRtree_insert_r(ctx_, tree_.get(), g, &ids_[i]);
  }
}

int32_t AreaLocator::locate(double x, double y) const {
  GeomPtr point(GEOSGeom_createPointFromXY_r(ctx_, x, y), GeomDeleter{ctx_});
  GeomPtr reach(GEOSGeom_createRectangle_r(ctx_, x - kEdgeTolerance_m, y - kEdgeTolerance_m, x + kEdgeTolerance_m,
                                           y + kEdgeTolerance_m),
                GeomDeleter{ctx_});
  std::vector<size_t> candidates;
  GEOSSTRtree_query_r(
      ctx_, tree_.get(), reach.get(),
      [](void* item, void* out) { static_cast<std::vector<size_t>*>(out)->push_back(*static_cast<size_t*>(item)); },
      &candidates);
  std::sort(candidates.begin(), candidates.end());  // code order: areas are sorted by code
  for (size_t c : candidates) {
    // The first area in code order that the point touches wins. Two indexed tests settle most
    // points before the exact (slow, unindexed) distance test: an area that misses the square
    // around the point is farther than the tolerance, and one holding the point touches it.
    const GEOSPreparedGeometry* area = prepared_[c].get();
    if (GEOSPreparedIntersects_r(ctx_, area, reach.get()) != 1) continue;
    if (GEOSPreparedContainsProperly_r(ctx_, area, point.get()) == 1 ||
        GEOSPreparedDistanceWithin_r(ctx_, area, point.get(), kEdgeTolerance_m) == 1) {
      return static_cast<int32_t>(c);
    }
  }
  return -1;
}

std::vector<int32_t> AreaLocator::locate_all(const std::vector<double>& x, const std::vector<double>& y,
                                             const Progress& progress) const {
  // police.uk snaps incidents to a fixed set of map points, so most points repeat: each
  // distinct location is located once.
  const Locations loc = distinct_locations(x, y);
  std::vector<int32_t> area(loc.size());
  const size_t step = std::max<size_t>(loc.size() / 100, 1);
  for (size_t k = 0; k < loc.size(); ++k) {
    area[k] = locate(loc.x[k], loc.y[k]);
    if (k % step == 0) report(progress, "locating incidents", static_cast<double>(k) / static_cast<double>(loc.size()));
  }
  std::vector<int32_t> out(x.size());
  for (size_t i = 0; i < x.size(); ++i) out[i] = area[loc.of_point[i]];
  report(progress, "locating incidents", 1.0);
  return out;
}

}  // namespace hotspot
