// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>

#include "weights/spatial_weights.hpp"
#include "inputs/boundaries.hpp"

namespace hotspot {

// Weights from a spec: "queen", "rook", "knn:K", "distance:METRES", or a GeoDa .gal/.gwt file
// whose ids are the area codes. Throws UsageError naming `flag`, DataError for a bad file.
SpatialWeights weights_from_spec(const Boundaries& boundaries, const std::string& spec, const std::string& flag);

// Throws UsageError naming `flag` unless `spec` has one of those forms (files are not opened).
void check_weights_spec(const std::string& spec, const std::string& flag);

}  // namespace hotspot
