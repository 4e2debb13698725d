// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <vector>

#include "analyses/density/grid.hpp"
#include "core/geos_handles.hpp"

namespace hotspot {

// The cells dissolved into one polygon (a multipolygon when they are not 4-connected) by GEOS's
// coverage union: neighbouring squares share exact edges, since every corner is computed the
// same way from the grid. Corners on straight runs of edge are dropped.
GeomPtr cells_polygon(GEOSContextHandle_t ctx, const Grid& grid, const std::vector<int64_t>& cells);

}  // namespace hotspot
