// SPDX-License-Identifier: Apache-2.0
#include "analyses/density/cell_polygons.hpp"

#include "core/errors.hpp"

namespace hotspot {

GeomPtr cells_polygon(GEOSContextHandle_t ctx, const Grid& grid, const std::vector<int64_t>& cells) {
  std::vector<GEOSGeometry*> squares;
  squares.reserve(cells.size());
  for (int64_t c : cells) {
    const int64_t row = c / grid.cols, col = c % grid.cols;
    const double x0 = grid.west + static_cast<double>(col) * grid.cell;
    const double x1 = grid.west + static_cast<double>(col + 1) * grid.cell;
    const double y0 = grid.north - static_cast<double>(row + 1) * grid.cell;
    const double y1 = grid.north - static_cast<double>(row) * grid.cell;
    squares.push_back(GEOSGeom_createRectangle_r(ctx, x0, y0, x1, y1));
  }
  GeomPtr collection(GEOSGeom_createCollection_r(ctx, GEOS_MULTIPOLYGON, squares.data(),
                                                 static_cast<unsigned>(squares.size())),
                     GeomDeleter{ctx});
  GeomPtr merged(GEOSCoverageUnion_r(ctx, collection.get()), GeomDeleter{ctx});
  if (!merged) throw DataError("GEOS could not dissolve hotspot cells");
  // The union keeps every cell corner; a zero tolerance drops only those on straight runs.
  GeomPtr lean(GEOSTopologyPreserveSimplify_r(ctx, merged.get(), 0.0), GeomDeleter{ctx});
  return lean ? std::move(lean) : std::move(merged);
}

}  // namespace hotspot
