// SPDX-License-Identifier: Apache-2.0
#include "places/area_locator.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/locations.hpp"

namespace hotspot {

AreaLocator::AreaLocator(const Boundaries& boundaries)
    : boundaries_(boundaries),
      ctx_(boundaries.geos->get()),
      boxes_(boundaries) {
  for (const Area& a : boundaries.areas) prepared_.emplace_back(GEOSPrepare_r(ctx_, a.geometry.get()), PreparedDeleter{ctx_});
}

int32_t AreaLocator::first_holding(const GEOSGeometry* point, const std::vector<size_t>& candidates) const {
  for (size_t c : candidates) {
    if (GEOSPreparedContainsProperly_r(ctx_, prepared_[c].get(), point) == 1) return static_cast<int32_t>(c);
  }
  return -1;
}

int32_t AreaLocator::locate(double x, double y, bool* on_edge) const {
  if (on_edge) *on_edge = false;
  GeomPtr point(GEOSGeom_createPointFromXY_r(ctx_, x, y), GeomDeleter{ctx_});
  GeomPtr reach(GEOSGeom_createRectangle_r(ctx_, x - kEdgeTolerance_m, y - kEdgeTolerance_m, x + kEdgeTolerance_m,
                                           y + kEdgeTolerance_m),
                GeomDeleter{ctx_});
  std::vector<size_t> candidates = boxes_.meeting(reach.get());
  std::reverse(candidates.begin(), candidates.end());  // in code order, the rule's
  // The nearest boundary point within the tolerance, if any; most points settle before it: an
  // area holding the point farther than the tolerance from its boundary is the answer.
  double nearest = std::numeric_limits<double>::infinity(), ex = 0, ey = 0;
  int32_t holder = -1;  // the first area holding the point near one of its edges
  for (size_t c : candidates) {
    // Near an edge of this area when the square around the point meets the area without the
    // point being inside, or holds the point without holding the whole square.
    const GEOSPreparedGeometry* area = prepared_[c].get();
    if (GEOSPreparedContainsProperly_r(ctx_, area, point.get()) == 1) {
      if (GEOSPreparedContainsProperly_r(ctx_, area, reach.get()) == 1) return static_cast<int32_t>(c);
      if (holder < 0) holder = static_cast<int32_t>(c);
    } else if (GEOSPreparedIntersects_r(ctx_, area, reach.get()) != 1) {
      continue;
    }
    GeomPtr edges(GEOSBoundary_r(ctx_, boundaries_.areas[c].geometry.get()), GeomDeleter{ctx_});  // rare: made here
    CoordSeqPtr pair(GEOSNearestPoints_r(ctx_, edges.get(), point.get()), CoordSeqDeleter{ctx_});
    double bx = 0, by = 0;
    if (!pair || !GEOSCoordSeq_getXY_r(ctx_, pair.get(), 0, &bx, &by)) continue;
    const double d = std::hypot(bx - x, by - y);
    if (d < nearest) {
      nearest = d;
      ex = bx;
      ey = by;
    }
  }
  if (!(nearest <= kEdgeTolerance_m)) return holder;  // not on an edge: the area holding the point, if any
  if (on_edge) *on_edge = true;
  for (const auto& [dx, dy] : {std::pair{1.0, 1.0}, std::pair{1.0, 0.0}}) {  // north-east, else east
    GeomPtr moved(GEOSGeom_createPointFromXY_r(ctx_, ex + dx * kEdgeStep_m, ey + dy * kEdgeStep_m), GeomDeleter{ctx_});
    if (const int32_t in = first_holding(moved.get(), candidates); in >= 0) return in;  // overlapping layers: the lowest code
    const bool still_on_edge = std::any_of(candidates.begin(), candidates.end(), [&](size_t c) {
      return GEOSPreparedIntersects_r(ctx_, prepared_[c].get(), moved.get()) == 1;
    });
    if (!still_on_edge) return -1;  // north-east of the edge lies no area: outside the study
  }
  return -1;
}

AreaLocator::Located AreaLocator::locate_all(const std::vector<double>& x, const std::vector<double>& y,
                                             const Progress& progress) const {
  // police.uk snaps incidents to a fixed set of map points, so most points repeat: each
  // distinct location is located once.
  const Locations loc = distinct_locations(x, y);
  std::vector<int32_t> area(loc.size());
  std::vector<char> edge(loc.size());
  std::vector<uint32_t> exact;  // the locations in cells an edge comes near (all, without the shortcut)
  constexpr size_t kShortcutFrom = 4096;  // locations
  const InteriorCells* shortcut = nullptr;
  if (loc.size() >= kShortcutFrom) {
    std::call_once(interior_made_, [&] { interior_ = std::make_unique<InteriorCells>(boundaries_, kEdgeTolerance_m); });
    shortcut = interior_.get();
  }
  for (size_t k = 0; k < loc.size(); ++k) {
    if (const std::optional<int32_t> a = shortcut ? shortcut->area_of(loc.x[k], loc.y[k]) : std::nullopt) {
      area[k] = *a;
    } else {
      exact.push_back(static_cast<uint32_t>(k));
    }
  }
  const size_t step = std::max<size_t>(exact.size() / 100, 1);
  for (size_t i = 0; i < exact.size(); ++i) {
    const uint32_t k = exact[i];
    bool on_edge = false;
    area[k] = locate(loc.x[k], loc.y[k], &on_edge);
    edge[k] = on_edge;
    if (i % step == 0) report(progress, "locating incidents", static_cast<double>(i) / static_cast<double>(exact.size()));
  }
  Located out;
  out.area.resize(x.size());
  for (size_t i = 0; i < x.size(); ++i) {
    out.area[i] = area[loc.of_point[i]];
    out.on_edge += edge[loc.of_point[i]];
  }
  report(progress, "locating incidents", 1.0);
  return out;
}

}  // namespace hotspot
