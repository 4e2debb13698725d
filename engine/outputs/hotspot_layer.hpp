// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <vector>

#include "analyses/density/hotspots.hpp"
#include "core/geos_handles.hpp"

namespace hotspot {

// Writes hotspots.geojson (RFC 7946, EPSG:4326) from features in EPSG:27700.
void write_hotspot_layer(const std::string& path, GEOSContextHandle_t ctx, const std::vector<HotspotFeature>& features);

}  // namespace hotspot
