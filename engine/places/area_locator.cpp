// SPDX-License-Identifier: Apache-2.0
#include "places/area_locator.hpp"

#include <algorithm>
#include <limits>
#include <numeric>

#include "core/locations.hpp"

namespace hotspot {
namespace {

// Each box's place in the order a GEOS STRtree packed over the boxes (inserted in the order
// given) visits them: the order of a query that meets them all.
std::vector<uint32_t> str_ranks(GEOSContextHandle_t ctx, const std::vector<Extent>& boxes) {
  StrTreePtr tree(GEOSSTRtree_create_r(ctx, 10), StrTreeDeleter{ctx});
  std::vector<GeomPtr> shapes;
  std::vector<uint32_t> ids(boxes.size());
  std::iota(ids.begin(), ids.end(), 0u);
  for (size_t i = 0; i < boxes.size(); ++i) {
    const Extent& b = boxes[i];
    shapes.emplace_back(GEOSGeom_createRectangle_r(ctx, b.xmin, b.ymin, b.xmax, b.ymax), GeomDeleter{ctx});
    GEOSSTRtree_insert_r(ctx, tree.get(), shapes.back().get(), &ids[i]);
  }
  constexpr double far = std::numeric_limits<double>::max();
  GeomPtr everything(GEOSGeom_createRectangle_r(ctx, -far, -far, far, far), GeomDeleter{ctx});
  std::vector<uint32_t> visited;
  GEOSSTRtree_query_r(
      ctx, tree.get(), everything.get(),
      [](void* item, void* out) { static_cast<std::vector<uint32_t>*>(out)->push_back(*static_cast<uint32_t*>(item)); },
      &visited);
  std::vector<uint32_t> rank(boxes.size());
  for (uint32_t k = 0; k < visited.size(); ++k) rank[visited[k]] = k;
  return rank;
}

// Per area, its place in the edge order of the whole layer (of the areas alone when the
// boundaries carry no layer boxes).
std::vector<uint32_t> edge_ranks(const Boundaries& b) {
  GEOSContextHandle_t ctx = b.geos->get();
  std::vector<Extent> boxes;
  if (b.layer_boxes.empty()) {
    for (size_t i = 0; i < b.areas.size(); ++i) boxes.push_back(b.extent_of(i));
    return str_ranks(ctx, boxes);
  }
  for (const LayerBox& lb : b.layer_boxes) boxes.push_back(lb.box);
  const std::vector<uint32_t> layer_rank = str_ranks(ctx, boxes);
  std::vector<uint32_t> rank(b.areas.size(), std::numeric_limits<uint32_t>::max());
  for (size_t i = 0; i < b.areas.size(); ++i) {
    const auto it = std::lower_bound(b.layer_boxes.begin(), b.layer_boxes.end(), b.areas[i].code,
                                     [](const LayerBox& lb, const std::string& code) { return lb.code < code; });
    if (it != b.layer_boxes.end() && it->code == b.areas[i].code) {
      rank[i] = layer_rank[static_cast<size_t>(it - b.layer_boxes.begin())];
    }
  }
  return rank;
}

}  // namespace

AreaLocator::AreaLocator(const Boundaries& boundaries)
    : boundaries_(boundaries),
      ctx_(boundaries.geos->get()),
      ids_(boundaries.areas.size()),
      tree_(GEOSSTRtree_create_r(ctx_, 10), StrTreeDeleter{ctx_}),
      edge_rank_(edge_ranks(boundaries)) {
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
  std::sort(candidates.begin(), candidates.end(), [&](size_t a, size_t b) { return edge_rank_[a] < edge_rank_[b]; });
  for (size_t c : candidates) {
    // The first area in the edge order that the point touches wins. Two indexed tests settle most
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
