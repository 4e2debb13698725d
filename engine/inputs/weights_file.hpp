// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>

#include "analyses/stats/spatial_weights.hpp"
#include "inputs/boundaries.hpp"

namespace hotspot {

// Reads GeoDa/PySAL spatial weights: a .gal file (neighbour lists, binary) or a .gwt file (one
// "id neighbour weight" per line), after one header line; ids are the areas' codes. Throws
// DataError naming the file and line for an unknown id or a malformed line.
SpatialWeights read_gal_or_gwt(const std::string& path, const Boundaries& boundaries);

bool is_gal_or_gwt(const std::string& path);

}  // namespace hotspot
