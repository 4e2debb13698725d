// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <string_view>

namespace hotspot {

// QGIS styles written beside our layers under the layer's name with .qml: QGIS loads a
// same-named .qml as the layer's default style. Made by scripts/make_styles.py.
std::string_view lsoa_style_qml();      // LSOAs coloured by rate_per_1000, five fixed classes
std::string_view clusters_style_qml();  // cluster outlines, heavier for higher NNH orders
std::string_view lsoa_stats_style_qml();  // Gi* bins in ArcGIS's hot (red) and cold (blue) colours
std::string_view hotspots_style_qml();    // kernel density hotspots in red, labelled by rank

// Writes `text` to `path`; throws DataError.
void write_text(const std::string& path, std::string_view text);

// A whole file's bytes; throws DataError naming it when it cannot be read.
std::string read_text(const std::string& path);

}  // namespace hotspot
