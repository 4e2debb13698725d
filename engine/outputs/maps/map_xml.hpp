// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <functional>
#include <string>

#include "outputs/maps/map_spec.hpp"

namespace hotspot {

// The path of a pack file by its name in the pack ("kde/hotspots.geojson").
using PackPath = std::function<std::string(const std::string&)>;

// Mapnik's style document for a map: the basemap, the spec's layers, then the wards and the
// districts outlined, then the labels: the spec's first, then the districts' and the wards' (so a
// collision drops a ward name rather than a hotspot's rank).
std::string mapnik_xml(const MapSpec& spec, const MapContext& context, const PackPath& pack_path);

}  // namespace hotspot
