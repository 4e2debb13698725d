// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace hotspot {

// map.html: the pack's layers on an interactive map (Debian's Leaflet, inlined, so the page
// works offline and fetches nothing), a layer switcher, and a popup of each feature's figures.
struct WebLayer {
  std::string name;     // in the layer switcher
  std::string geojson;  // the layer's GeoJSON text (EPSG:4326)
  std::string colour;   // "#rrggbb"
  double fill_opacity = 0.3;
  std::string label_field;  // a field shown on the map beside each feature ("rank"); empty: none
  bool shown = true;        // switched on when the page opens
};

struct WebPage {
  std::string title, marking;
  std::vector<WebLayer> layers;  // bottom first
};

std::string map_html(const WebPage& page);

// Leaflet's script and stylesheet, compiled in from Debian's libjs-leaflet.
std::string_view leaflet_js();
std::string_view leaflet_css();

}  // namespace hotspot
