// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <functional>
#include <vector>

#include "analyses/density/kernel_density.hpp"

namespace hotspot {

// What a tasking meeting can patrol: at most `top` hotspots whose total area is at most
// `coverage` of the study area, each holding at least `min_incidents`.
struct HotspotBudget {
  int top = 20;
  double coverage = 0.0025;
  int64_t min_incidents = 1;
};

// The incidents of a cell: how many, and their weight (their number, or less with recency).
struct CellIncidents {
  uint64_t count = 0;
  double weight = 0;
  void add(double w) {
    ++count;
    weight += w;
  }
};
struct CellCount {
  int64_t cell = 0;
  CellIncidents incidents;
};
using CellCounts = std::vector<CellCount>;  // the cells holding any, by cell

// The cells of the incidents (cells[k], -1 outside the grid) that weigh weights[k] > 0, with each
// cell's weights summed in the order given.
CellCounts cell_counts(const std::vector<int64_t>& cells, const std::vector<double>& weights);

// Cells in `coverage` of `study_cells`: the most whose area stays within it, at least 1.
int64_t budget_cells(double coverage, int64_t study_cells);

// The tasking hotspots of a surface. Cells join in order of density (highest first, ties to the
// lower index); the hotspots are the 4-connected groups of the cells joined so far, ranked by
// their incidents' weight (then the density of their first cell), and the set is the top `top`
// groups holding at least min_incidents (and more than none). Cells keep joining while that set's
// total area fits the budget; the first cell that would push it over ends the growth. So a
// sharp surface gives compact hotspots grown until the top ones fill the budget, and a smooth
// one fewer, larger ones; the set never exceeds the budget and each hotspot is one 4-connected
// group (one polygon, holes possible). Returns the groups, each sorted by cell index, in rank
// order. Empty when no cell with a positive density holds an incident.
std::vector<std::vector<int64_t>> tasking_hotspots(const DensitySurface& surface, const CellCounts& incidents,
                                                   const HotspotBudget& budget);

// The same, for a surface known only by its ranking: top(n) gives its first n cells as
// top_cells(surface, n) would (fewer when fewer have a positive density). `positive_cells`, when
// known (else -1), is at least the number of cells with a positive density; it only decides how
// many cells are asked for at a time, never the hotspots.
using TopCells = std::function<std::vector<int64_t>(int64_t n)>;
std::vector<std::vector<int64_t>> tasking_hotspots(const Grid& grid, int64_t study_cells, const TopCells& top,
                                                   const CellCounts& incidents, const HotspotBudget& budget,
                                                   int64_t positive_cells = -1);

}  // namespace hotspot
