// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <vector>

#include "core/extent.hpp"
#include "core/geos_handles.hpp"
#include "core/grid.hpp"
#include "inputs/boundaries.hpp"

namespace hotspot {

// 1 for each cell of `grid` whose centre lies in one of the areas (GDAL's rasterize rule), else
// 0. Throws DataError when GDAL fails.
std::vector<uint8_t> cells_in_areas(const Boundaries& areas, const Grid& grid);

// The areas' boxes, held once and queried through a GEOS STRtree: which areas may meet a box,
// without a look at every area. The boundaries must outlive it.
class AreaBoxes {
 public:
  explicit AreaBoxes(const Boundaries& areas);
  // The areas whose box meets `box`, highest index first.
  std::vector<size_t> meeting(const Extent& box) const;
  // The same for the box of a geometry.
  std::vector<size_t> meeting(const GEOSGeometry* query) const;

 private:
  GEOSContextHandle_t ctx_;
  std::vector<size_t> ids_;  // stable addresses handed to the tree as items
  StrTreePtr tree_;
};

// For each cell of `grid`, the index of the area its centre lies in (same rule; where areas
// overlap, the lowest code), or -1 in none. Only the areas whose box meets the grid are burnt,
// found through `boxes` (made once for many grids: each hotspot's window) or, without it, by a
// look at every area. Throws DataError when GDAL fails.
std::vector<int32_t> area_of_cells(const Boundaries& areas, const Grid& grid, const AreaBoxes* boxes = nullptr);

}  // namespace hotspot
