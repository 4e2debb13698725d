// SPDX-License-Identifier: Apache-2.0
#include "outputs/web/map_html.hpp"

#include <regex>

#include <cpl_json.h>

#include "outputs/brief.hpp"

namespace hotspot {
namespace {

// Text inside <script>: "</" would end the element, so it is written "<\/" (the same JSON string).
std::string script_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 64);
  for (size_t from = 0;;) {
    const size_t at = text.find("</", from);
    if (at == std::string_view::npos) {
      out.append(text.substr(from));
      return out;
    }
    out.append(text.substr(from, at + 1 - from));
    out += '\\';
    from = at + 1;
  }
}

// Leaflet's stylesheet without its image references: the page fetches nothing (the layer
// switcher is always open, so its icon is never needed).
std::string leaflet_css_offline() {
  return std::regex_replace(std::string(leaflet_css()), std::regex(R"(url\([^)]*\))"), "none");
}

// The page's own script: each layer from its JSON, styled, with popups of every property.
constexpr const char* kScript = R"js(
(function () {
  var layers = JSON.parse(document.getElementById('layers').textContent);
  var map = L.map('map', {preferCanvas: false, attributionControl: true});
  map.attributionControl.setPrefix('Leaflet');
  map.attributionControl.addAttribution('Contains public sector information licensed under the Open Government Licence v3.0; contains OS data &copy; Crown copyright and database right');
  var control = L.control.layers(null, null, {collapsed: false}).addTo(map);
  var bounds = null;
  function esc(v) {
    return String(v).replace(/[&<>"']/g, function (c) { return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]; });
  }
  function popup(props) {
    var rows = '';
    for (var k in props) {
      if (props[k] === null || props[k] === '') continue;
      rows += '<tr><th>' + esc(k) + '</th><td>' + esc(props[k]) + '</td></tr>';
    }
    return '<table class="popup">' + rows + '</table>';
  }
  layers.forEach(function (l) {
    var style = {color: l.colour, weight: 2, fillColor: l.colour, fillOpacity: l.fill_opacity};
    var layer = L.geoJSON(l.data, {
      style: function () { return style; },
      pointToLayer: function (f, latlng) { return L.circleMarker(latlng, {radius: 5}); },
      onEachFeature: function (f, layer) {
        layer.bindPopup(popup(f.properties), {maxWidth: 420});
        if (l.label_field && f.properties[l.label_field] !== undefined) {
          layer.bindTooltip(esc(f.properties[l.label_field]), {permanent: true, direction: 'center', className: 'rank'});
        }
      }
    });
    control.addOverlay(layer, esc(l.name));
    if (l.shown) layer.addTo(map);
    var b = layer.getBounds();
    if (b.isValid()) bounds = bounds ? bounds.extend(b) : L.latLngBounds(b.getSouthWest(), b.getNorthEast());
  });
  if (bounds) { map.fitBounds(bounds, {padding: [12, 12]}); } else { map.setView([53, -1.2], 10); }
  L.control.scale({imperial: false}).addTo(map);
  document.body.setAttribute('data-layers', String(layers.length));
})();
)js";

constexpr const char* kStyle = R"css(
html, body { height: 100%; margin: 0; font-family: "DejaVu Sans", Arial, sans-serif; }
header { padding: 0.4em 0.8em; font-size: 15px; border-bottom: 1px solid #999; }
header .marking { font-weight: bold; letter-spacing: 0.05em; margin-right: 1em; }
#map { position: absolute; top: 2.4em; bottom: 0; left: 0; right: 0; background: #fff; }
table.popup th { text-align: left; padding-right: 0.6em; font-weight: normal; color: #555; }
.leaflet-tooltip.rank { background: #fff; border: 1px solid #b2182b; font-weight: bold; padding: 0 3px; box-shadow: none; }
)css";

}  // namespace

std::string map_html(const WebPage& page) {
  // Each layer's settings, and its GeoJSON as written (JSON already: spliced in, not parsed again).
  std::string layers = "[";
  for (const WebLayer& l : page.layers) {
    CPLJSONObject o;
    o.Add("name", l.name);
    o.Add("colour", l.colour);
    o.Add("fill_opacity", l.fill_opacity);
    o.Add("label_field", l.label_field);
    o.Add("shown", l.shown);
    std::string settings = o.Format(CPLJSONObject::PrettyFormat::Plain);
    settings.pop_back();  // its closing brace
    if (layers.size() > 1) layers += ',';
    layers += settings;
    if (l.geojson.find_first_not_of(" \t\r\n") != std::string::npos) layers += ",\"data\":" + l.geojson;
    layers += '}';
  }
  layers += ']';
  std::string out = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                    "script-src 'unsafe-inline'; img-src data:\">\n<title>" + html_escape(page.title) + " (map)</title>\n";
  out += "<style>" + leaflet_css_offline() + kStyle + "</style>\n</head>\n<body>\n<header>";
  if (!page.marking.empty()) out += "<span class=\"marking\">" + html_escape(page.marking) + "</span>";
  out += html_escape(page.title) + "</header>\n<div id=\"map\"></div>\n";
  out += "<script>" + script_safe(leaflet_js()) + "</script>\n";
  out += "<script type=\"application/json\" id=\"layers\">" + script_safe(layers) +
         "</script>\n";
  out += std::string("<script>") + kScript + "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace hotspot
