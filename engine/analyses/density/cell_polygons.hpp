// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <vector>

#include "core/grid.hpp"
#include "core/geos_handles.hpp"

namespace hotspot {

// The outline of the cells (a multipolygon when they are not 4-connected), traced by GDAL's
// polygonizer over the cells' window of the grid: edges on the cell boundaries, vertices only
// where the outline turns, holes kept.
GeomPtr cells_polygon(GEOSContextHandle_t ctx, const Grid& grid, const std::vector<int64_t>& cells);

}  // namespace hotspot
