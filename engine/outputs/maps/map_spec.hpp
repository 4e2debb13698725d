// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <vector>

#include "core/extent.hpp"

namespace hotspot {

// What a map in the pack shows, as data: the layers (the pack's own files, drawn by Mapnik
// through its GDAL/OGR plugins), how their features look, and what the legend says. A stage
// describes its maps; maps/map_render.hpp draws them in EPSG:27700 with a legend, a scale bar,
// a north arrow and the attribution.

// How the features matching `filter` (a Mapnik expression; empty: all) are drawn.
struct MapSymbol {
  std::string filter;        // e.g. "[gi_class] = 'hot 99%'"
  std::string fill;          // "#rrggbb"; empty: not filled
  double fill_opacity = 1;
  std::string stroke;        // empty: no outline
  double stroke_width = 0;   // pixels at 96 dpi
  std::string marker_width;  // points: an expression of the marker's width in pixels, e.g. "4 + [incidents] / 5"
  std::string label;         // an expression: "[rank]"; empty: none. Features are labelled in the source's order,
                             // so a layer sorted by rank keeps its top ranks where labels collide.
  double label_size = 11;
  std::string label_fill = "#111111";
  bool label_bold = true;
  std::string legend;        // its line in the legend; empty: none
};

// A raster's colour ramp: values between stops blend linearly; below the first stop is transparent.
struct MapStop {
  double value;
  std::string colour;  // "#rrggbbaa"
};

struct MapLayer {
  std::string source;  // a file of the pack (its name there, e.g. "kde/hotspots.geojson") or, with in_pack false, a path
  bool in_pack = true;
  std::string srs = "epsg:4326";
  std::vector<MapSymbol> symbols;  // vector layers
  std::vector<MapStop> ramp;       // a raster layer when not empty
  std::string ramp_legend;         // the ramp's legend title, with its unit
};

struct MapSpec {
  std::string id;       // the PNG is maps/<id>.png
  std::string section;  // the brief section it heads
  std::string title;    // the caption; the legend's heading
  Extent extent;  // what it shows, widened to the picture's shape; empty: the study area
  std::vector<MapLayer> layers;  // bottom first
};

// What every map shows around a stage's layers: the study's context, outside the pack.
struct MapContext {
  std::vector<std::string> basemap;  // OGR sources drawn underneath in grey (roads, buildings, ...)
  std::vector<std::string> basemap_srs;         // each one's CRS as Mapnik names it (read once)
  std::string wards, wards_name_field, wards_srs;              // ward polygons, outlined and named
  std::string districts, districts_name_field, districts_srs;  // district polygons, outlined and named
  Extent extent;                     // the study area's
};

}  // namespace hotspot
