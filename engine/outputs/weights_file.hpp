// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>

#include "analyses/stats/spatial_weights.hpp"
#include "inputs/boundaries.hpp"

namespace hotspot {

// Writes GeoDa/PySAL spatial weights with the areas' codes as ids: .gal (neighbour lists) or
// .gwt (weighted pairs), chosen by the extension of `path`.
void write_gal(const std::string& path, const Boundaries& boundaries, const SpatialWeights& w);
void write_gwt(const std::string& path, const Boundaries& boundaries, const SpatialWeights& w);

}  // namespace hotspot
