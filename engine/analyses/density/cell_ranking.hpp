// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <utility>
#include <vector>

#include "analyses/density/kernel_density.hpp"

namespace hotspot {

// Cells (sorted by index) of the study area whose value is at least `threshold` (> 0).
std::vector<int64_t> cells_at_or_above(const DensitySurface& surface, float threshold);

// The `n` study cells with the highest positive values, highest first; ties go to the lower
// cell index. Fewer when fewer cells have a positive value.
std::vector<int64_t> top_cells(const DensitySurface& surface, int64_t n);

// top_cells' first pass, for a caller that makes the surface and can count as it goes (on many
// threads, each a slice, the counts summed): the cells [first, last) by value bucket, the top 16
// bits of the value plus one (0 for zeros and cells outside the study area) into `count`.
constexpr uint32_t kValueBuckets = 65537;
void count_buckets(const DensitySurface& surface, size_t first, size_t last, std::vector<int64_t>& count);

// top_cells(surface, n) given the whole surface's count_buckets.
std::vector<int64_t> top_cells(const DensitySurface& surface, int64_t n, const std::vector<int64_t>& count);

// The cells of the n highest of `ranked` (value, cell) pairs, values positive: highest first, ties
// to the lower cell, as top_cells orders them. `ranked` is reordered.
std::vector<int64_t> highest_cells(std::vector<std::pair<float, int64_t>>& ranked, size_t n);

// Sorts (cell, place) pairs of distinct cells by cell, with Boost's spreadsort (a radix sort:
// the rankings and growths sort hundreds of thousands of them per fold and bandwidth).
using CellPlace = std::pair<int64_t, uint32_t>;
void sort_by_cell(std::vector<CellPlace>::iterator first, std::vector<CellPlace>::iterator last);

// How many of `study_cells` cells cover `coverage` of the study area: the fewest whose area
// reaches it, ceil(coverage * study_cells), and at least 1.
int64_t cells_for_coverage(double coverage, int64_t study_cells);

// The 4-connected groups (cells sharing an edge) of `cells`, each sorted by index, in the order
// of their first cell in `cells`.
std::vector<std::vector<int64_t>> connected_groups(const Grid& grid, const std::vector<int64_t>& cells);

}  // namespace hotspot
