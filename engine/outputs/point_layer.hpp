// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "inputs/boundaries.hpp"
#include "inputs/incidents.hpp"

namespace hotspot {

// The clustered incidents as a GeoPackage layer "incidents" in EPSG:27700, for the analyst's
// own use (source file and line, month, crime type, LSOA, cluster, core). Incident rows only:
// suspect points are never written to a shared layer. `core` may be empty (NNH).
void write_labelled_points(const std::string& path, const Incidents& incidents, const std::vector<int32_t>& area_of,
                           const Boundaries& boundaries, const std::vector<int32_t>& cluster,
                           const std::vector<char>& core);

}  // namespace hotspot
