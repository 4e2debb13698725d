// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/extent.hpp"

namespace hotspot {

// A raster of square cells in EPSG:27700, rows from north to south as in a GeoTIFF. Cell
// (row, col) has index row * cols + col and its centre at centre_x(col), centre_y(row); every
// computation of a centre goes through these two functions so that results are reproducible.
struct Grid {
  double west = 0, north = 0, cell = 0;
  int64_t cols = 0, rows = 0;

  int64_t cells() const { return cols * rows; }
  double centre_x(int64_t col) const { return west + (static_cast<double>(col) + 0.5) * cell; }
  double centre_y(int64_t row) const { return north - (static_cast<double>(row) + 0.5) * cell; }
  // The cell holding (x, y), half-open: a point on a cell edge belongs to the cell east or
  // south of it. -1 outside the grid.
  int64_t cell_of(double x, double y) const;
  // GDAL's geotransform: west, cell, 0, north, 0, -cell.
  std::array<double, 6> geotransform() const;
};

// The smallest part of a grid holding some of its cells (non-empty), as a grid of its own.
struct Window {
  Grid grid;
  int64_t row0 = 0, col0 = 0;  // where it starts in the whole grid
  // The index in the window of a cell of the whole grid (inside the window).
  int64_t index_of(int64_t cell, int64_t whole_cols) const {
    return (cell / whole_cols - row0) * grid.cols + (cell % whole_cols - col0);
  }
};
Window window_of(const Grid& grid, const std::vector<int64_t>& cells);

// The grid of `cell`-metre cells aligned on multiples of the cell size that covers `extent`.
// Throws OptionError naming `cell_key` when the cell is not positive or the grid would have
// more than `max_cells` cells (before anything is allocated).
Grid grid_over(const Extent& extent, double cell, int64_t max_cells, const std::string& cell_key = "kde.cell");

}  // namespace hotspot
