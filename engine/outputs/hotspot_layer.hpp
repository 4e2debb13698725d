// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <vector>

#include "analyses/density/hotspots.hpp"
#include "core/geos_handles.hpp"
#include "outputs/output_folder.hpp"

namespace hotspot {

// Writes the hotspot layer STEM (outputs/vector_layer.hpp) with its QGIS style (red, labelled
// "rank. name") from features in EPSG:27700.
void write_hotspot_layer(OutputFolder& out, const std::string& stem, GEOSContextHandle_t ctx,
                         const std::vector<HotspotFeature>& features);

}  // namespace hotspot
