// SPDX-License-Identifier: Apache-2.0
#include "places/interior_cells.hpp"

#include <algorithm>
#include <cmath>

#include "places/area_raster.hpp"

namespace hotspot {
namespace {

// Calls visit(x0, y0, x1, y1) for each segment of each ring of a polygon or multipolygon.
template <typename Visit>
void for_each_segment(GEOSContextHandle_t ctx, const GEOSGeometry* g, Visit&& visit) {
  const int parts = GEOSGetNumGeometries_r(ctx, g);
  for (int p = 0; p < parts; ++p) {
    const GEOSGeometry* polygon = GEOSGetGeometryN_r(ctx, g, p);
    if (GEOSGeomTypeId_r(ctx, polygon) != GEOS_POLYGON) continue;
    const int holes = GEOSGetNumInteriorRings_r(ctx, polygon);
    for (int r = -1; r < holes; ++r) {
      const GEOSGeometry* ring = r < 0 ? GEOSGetExteriorRing_r(ctx, polygon) : GEOSGetInteriorRingN_r(ctx, polygon, r);
      const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx, ring);
      unsigned int n = 0;
      if (!seq || !GEOSCoordSeq_getSize_r(ctx, seq, &n)) continue;
      double px = 0, py = 0;
      for (unsigned int i = 0; i < n; ++i) {
        double x = 0, y = 0;
        GEOSCoordSeq_getXY_r(ctx, seq, i, &x, &y);
        if (i > 0) visit(px, py, x, y);
        px = x;
        py = y;
      }
    }
  }
}

}  // namespace

InteriorCells::InteriorCells(const Boundaries& areas, double tolerance_m) {
  if (areas.areas.empty()) return;
  Extent e = areas.extent();
  const double target = std::clamp(400.0 * static_cast<double>(areas.areas.size()), 1e6, 16e6);
  const double cell = std::max(1.0, std::sqrt((e.xmax - e.xmin) * (e.ymax - e.ymin) / target));
  // One cell beyond the areas on every side: a point outside the grid is far from every edge.
  e = {e.xmin - cell - tolerance_m, e.ymin - cell - tolerance_m, e.xmax + cell + tolerance_m, e.ymax + cell + tolerance_m};
  grid_ = grid_over(e, cell, static_cast<int64_t>(2 * target), "point in area grid");
  cell_ = area_of_cells(areas, grid_);
  // The grid's own arithmetic (cell_of's floors) for the columns and rows a box covers, so that a
  // point within the tolerance of a segment falls in a marked cell.
  const auto col_of = [&](double x) {
    return static_cast<int64_t>(std::clamp<double>(std::floor((x - grid_.west) / grid_.cell), 0.0, static_cast<double>(grid_.cols - 1)));
  };
  const auto row_of = [&](double y) {
    return static_cast<int64_t>(std::clamp<double>(std::floor((grid_.north - y) / grid_.cell), 0.0, static_cast<double>(grid_.rows - 1)));
  };
  // A piece's box grown by the tolerance (and a little more, for the rounding of the pieces' ends).
  const double reach = tolerance_m * 1.01 + 1e-9;
  const auto mark = [&](double x0, double y0, double x1, double y1) {
    const int64_t c0 = col_of(std::min(x0, x1) - reach), c1 = col_of(std::max(x0, x1) + reach);
    const int64_t r0 = row_of(std::max(y0, y1) + reach), r1 = row_of(std::min(y0, y1) - reach);
    for (int64_t r = r0; r <= r1; ++r) std::fill_n(cell_.begin() + r * grid_.cols + c0, c1 - c0 + 1, kMixed);
  };
  GEOSContextHandle_t ctx = areas.geos->get();
  for (const Area& a : areas.areas) {
    for_each_segment(ctx, a.geometry.get(), [&](double ax, double ay, double bx, double by) {
      // A long segment in pieces of at most a cell, each piece's box marked (a diagonal's one box
      // would cover many cells it never comes near).
      const int pieces = std::max(1, static_cast<int>(std::ceil(std::hypot(bx - ax, by - ay) / grid_.cell)));
      double px = ax, py = ay;
      for (int k = 1; k <= pieces; ++k) {
        const double t = static_cast<double>(k) / pieces;
        const double qx = k == pieces ? bx : ax + (bx - ax) * t, qy = k == pieces ? by : ay + (by - ay) * t;
        mark(px, py, qx, qy);
        px = qx;
        py = qy;
      }
    });
  }
}

double InteriorCells::clear_share() const {
  if (cell_.empty()) return 0;
  return static_cast<double>(std::count_if(cell_.begin(), cell_.end(), [](int32_t v) { return v != kMixed; })) /
         static_cast<double>(cell_.size());
}

}  // namespace hotspot
