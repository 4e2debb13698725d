// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <vector>

#include "outputs/maps/map_spec.hpp"

namespace hotspot {

// Class breaks from the data: the edges of `classes` quantile classes of `values` (first edge
// the smallest value, last the largest), rounded to `digits` decimals, repeated edges merged.
std::vector<double> quantile_breaks(std::vector<double> values, int classes, int digits = 2);

// A choropleth of `expression` (a Mapnik expression such as "[incidents] * 1000.0 / [population]")
// over those breaks, light to dark (ColorBrewer YlOrRd), each class's legend "a to under b unit".
std::vector<MapSymbol> choropleth_symbols(const std::string& expression, const std::vector<double>& breaks,
                                          const std::string& unit);

}  // namespace hotspot
