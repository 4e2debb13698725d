// SPDX-License-Identifier: Apache-2.0
#include "core/grid.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include <fmt/format.h>

#include "core/errors.hpp"

namespace hotspot {

int64_t Grid::cell_of(double x, double y) const {
  const double c = std::floor((x - west) / cell);
  const double r = std::floor((north - y) / cell);
  if (!(c >= 0 && r >= 0 && c < static_cast<double>(cols) && r < static_cast<double>(rows))) return -1;
  return static_cast<int64_t>(r) * cols + static_cast<int64_t>(c);
}

std::array<double, 6> Grid::geotransform() const { return {west, cell, 0.0, north, 0.0, -cell}; }

Window window_of(const Grid& g, const std::vector<int64_t>& cells) {
  int64_t row0 = g.rows, col0 = g.cols, row1 = -1, col1 = -1;
  for (int64_t c : cells) {
    row0 = std::min(row0, c / g.cols), row1 = std::max(row1, c / g.cols);
    col0 = std::min(col0, c % g.cols), col1 = std::max(col1, c % g.cols);
  }
  Window w{g, row0, col0};
  w.grid.west = g.west + static_cast<double>(col0) * g.cell;
  w.grid.north = g.north - static_cast<double>(row0) * g.cell;
  w.grid.cols = col1 - col0 + 1;
  w.grid.rows = row1 - row0 + 1;
  return w;
}

Grid grid_over(const Extent& e, double cell, int64_t max_cells, const std::string& cell_key) {
  if (!(cell > 0) || !std::isfinite(cell)) throw OptionError(cell_key, fmt::format("{}", cell), "must be > 0 m");
  if (!(e.xmax > e.xmin && e.ymax > e.ymin)) throw UsageError("the study area has no extent");
  Grid g;
  g.cell = cell;
  g.west = std::floor(e.xmin / cell) * cell;
  g.north = std::ceil(e.ymax / cell) * cell;
  const double cols = std::ceil((e.xmax - g.west) / cell);
  const double rows = std::ceil((g.north - e.ymin) / cell);
  if (cols * rows > static_cast<double>(max_cells)) {
    throw OptionError(cell_key, fmt::format("{}", cell),
                      fmt::format("the grid over the study area would have {:.0f} x {:.0f} = {:.0f} cells, more than "
                                  "max_cells {}; use larger cells or raise max_cells",
                                  cols, rows, cols * rows, max_cells));
  }
  g.cols = static_cast<int64_t>(cols);
  g.rows = static_cast<int64_t>(rows);
  return g;
}

}  // namespace hotspot
