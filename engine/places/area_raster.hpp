// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <vector>

#include "core/grid.hpp"
#include "inputs/boundaries.hpp"

namespace hotspot {

// 1 for each cell of `grid` whose centre lies in one of the areas (GDAL's rasterize rule), else
// 0. Throws DataError when GDAL fails.
std::vector<uint8_t> cells_in_areas(const Boundaries& areas, const Grid& grid);

// For each cell of `grid`, the index of the area its centre lies in (same rule; where areas
// overlap, the lowest code), or -1 in none. Only the areas whose box meets the grid are burnt,
// so a small grid (a hotspot's window) is cheap. Throws DataError when GDAL fails.
std::vector<int32_t> area_of_cells(const Boundaries& areas, const Grid& grid);

}  // namespace hotspot
