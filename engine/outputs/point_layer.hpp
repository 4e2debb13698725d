// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "inputs/boundaries.hpp"
#include "inputs/incidents.hpp"
#include "outputs/output_folder.hpp"

namespace hotspot {

// The clustered incidents as the point layer STEM (outputs/vector_layer.hpp: STEM.gpkg beside
// GeoJSON layers, else in the pack's format) in EPSG:27700, for the analyst's
// own use (source file and line, month, crime type, LSOA, cluster, core). Incident rows only:
// suspect points are never written to a shared layer. `core` may be empty (NNH).
void write_labelled_points(OutputFolder& out, const std::string& stem, const Incidents& incidents,
                           const std::vector<int32_t>& area_of, const Boundaries& boundaries,
                           const std::vector<int32_t>& cluster, const std::vector<char>& core);

}  // namespace hotspot
