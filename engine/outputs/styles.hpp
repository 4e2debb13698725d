// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <string_view>

namespace hotspot {

// QGIS styles written beside our layers under the layer's name with .qml: QGIS loads a
// same-named .qml as the layer's default style. Made by scripts/make_styles.py.
std::string_view lsoa_style_qml();      // LSOAs coloured by rate_per_1000, five classes (data_styles.hpp sets them)
std::string_view clusters_style_qml();  // clusters by NNH order; one-point clusters as dots sized by incidents
std::string_view lsoa_stats_style_qml();  // Gi* bins in ArcGIS's hot (red) and cold (blue) colours
std::string_view hotspots_style_qml();    // hotspots in red, labelled "rank. name" with a halo, rank 1 placed first
std::string_view density_style_template_qml();
std::string_view places_style_qml();  // places outlined purple
std::string_view cells_style_qml();   // grid and residence cells outlined orange over a light fill
std::string_view points_style_qml();  // incident points as small dark dots
std::string_view layout_template_xml();  // pack.qgs's print layout, made by scripts/make_layout.py (outputs/qgis_project.hpp)  // density.tif's ramp, its values set by data_styles.hpp

// Writes `text` to `path`; throws DataError.
void write_text(const std::string& path, std::string_view text);

// A whole file's bytes; throws DataError naming it when it cannot be read.
std::string read_text(const std::string& path);

}  // namespace hotspot
