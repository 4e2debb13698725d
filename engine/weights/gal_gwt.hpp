// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>

#include "inputs/boundaries.hpp"
#include "weights/spatial_weights.hpp"

namespace hotspot {

// GeoDa/PySAL spatial weights files with the areas' codes as ids: .gal (neighbour lists, binary)
// or .gwt (one "id neighbour weight" per line), after one header line.

// Throws DataError naming the file and line for an unknown id or a malformed line.
SpatialWeights read_gal_or_gwt(const std::string& path, const Boundaries& boundaries);

bool is_gal_or_gwt(const std::string& path);

void write_gal(const std::string& path, const Boundaries& boundaries, const SpatialWeights& w);
void write_gwt(const std::string& path, const Boundaries& boundaries, const SpatialWeights& w);

}  // namespace hotspot
