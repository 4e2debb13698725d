// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <functional>
#include <string>
#include <tuple>
#include <vector>

#include "outputs/maps/map_spec.hpp"

namespace hotspot {

// The path of a pack file by its name in the pack ("kde/hotspots.geojson").
using PackPath = std::function<std::string(const std::string&)>;

// Where a map layer's features come from: a raster's first band (GDAL) or a vector source's first
// layer (OGR).
struct MapSource {
  std::string file;
  bool raster = false;
  bool operator<(const MapSource& o) const { return std::tie(file, raster) < std::tie(o.file, o.raster); }
};

// Mapnik's style document for a map: the basemap, the spec's layers, then the wards and the
// districts outlined, then the labels: the spec's first, then the districts' and the wards' (so a
// collision drops a ward name rather than a hotspot's rank). The layers have no datasource in the
// XML: `sources` gives each one's, in the document's order, for the renderer to open once for
// many maps.
struct MapDocument {
  std::string xml;
  std::vector<MapSource> sources;
};
MapDocument mapnik_document(const MapSpec& spec, const MapContext& context, const PackPath& pack_path);

}  // namespace hotspot
