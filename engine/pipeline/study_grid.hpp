// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <optional>

#include "analyses/density/kernel_density.hpp"
#include "pipeline/study_data.hpp"

namespace hotspot {

// An empty surface (no values yet) over the study area (the study-area polygons, else the
// boundaries; within `extent` when given) with its mask. Throws OptionError naming `cell_key`
// when the grid would have more than max_cells cells.
DensitySurface study_grid(const StudyData& study, double cell_m, const std::optional<Extent>& extent,
                          int64_t max_cells, const std::string& cell_key = "kde.cell");

// The cell of each incident on the grid, -1 off it.
std::vector<int64_t> incident_cells(const StudyData& study, const Grid& grid);

}  // namespace hotspot
