// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "core/grid.hpp"
#include "inputs/boundaries.hpp"

namespace hotspot {

// A raster shortcut for point in area. A grid is laid over the areas, and every cell that some
// edge of some area comes within `tolerance_m` of is marked: for each segment of each ring, the
// cells its box (grown by the tolerance) covers, found with the grid's own cell_of arithmetic.
// No edge crosses an unmarked cell, so every point in it lies in the same areas as its centre:
// the area GDAL burns there (area_of_cells: the lowest code where areas overlap), or none. And
// every point in it is farther than the tolerance from every edge, so AreaLocator's edge rule
// never applies there: for such points area_of() gives exactly what AreaLocator::locate gives
// (the lowest-code area holding the point), and nullopt for points in marked cells, which need
// the exact test.
//
// The grid has about 400 cells per area, between 1 and 16 million (4 bytes each).
class InteriorCells {
 public:
  InteriorCells(const Boundaries& areas, double tolerance_m);

  // The index of the area holding (x, y), -1 for none, or nullopt when an edge may be near.
  std::optional<int32_t> area_of(double x, double y) const {
    const int64_t c = grid_.cell_of(x, y);
    if (c < 0) return -1;  // the grid reaches a cell beyond every area's box: outside it, no area is near
    const int32_t v = cell_[static_cast<size_t>(c)];
    if (v == kMixed) return std::nullopt;
    return v;
  }
  const Grid& grid() const { return grid_; }
  // The share of the grid's cells that answer without the exact test.
  double clear_share() const;

 private:
  static constexpr int32_t kMixed = -2;
  Grid grid_;
  std::vector<int32_t> cell_;  // area index, -1 none, kMixed near an edge
};

}  // namespace hotspot
