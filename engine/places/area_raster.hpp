// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <vector>

#include "analyses/density/grid.hpp"
#include "inputs/boundaries.hpp"

namespace hotspot {

// For each cell of `grid`, the index of the area its centre lies in (GDAL's rasterize rule,
// burnt by GDALRasterizeGeometries; where areas overlap, the lowest code), or -1 in none.
// Throws DataError when GDAL fails.
std::vector<int32_t> area_of_cells(const Boundaries& areas, const Grid& grid);

}  // namespace hotspot
