// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <vector>

#include "outputs/maps/map_spec.hpp"
#include "outputs/maps/map_xml.hpp"

namespace hotspot {

// The size maps are drawn at: about A4's printable width at 150 dpi.
struct MapSize {
  int width = 1500, height = 1060;
  double scale = 1.4;  // line widths and text sizes, from their 96-dpi values
};

// Draws a map with Mapnik (its AGG renderer) and frames it with cairo and pango: the legend
// (the spec's title, each symbol with a legend line, each ramp with its unit), a scale bar, a
// north arrow and the attribution. Returns the PNG's bytes. Throws DataError naming the map and
// the layer Mapnik could not read.
std::string render_map(const MapSpec& spec, const MapContext& context, const PackPath& pack_path, const MapSize& size = {});

// Every map, drawn on all cores (each map by one thread); the PNGs in the order of `specs`.
std::vector<std::string> render_maps(const std::vector<const MapSpec*>& specs, const MapContext& context,
                                     const PackPath& pack_path, const MapSize& size = {});

// Mapnik's name for the CRS of an OGR source's first layer ("epsg:27700", or a PROJ string).
std::string mapnik_srs_of(const std::string& path);

}  // namespace hotspot
