// SPDX-License-Identifier: Apache-2.0
#include "outputs/maps/map_xml.hpp"

#include "outputs/vector_layer.hpp"

#include <cpl_conv.h>
#include <cpl_minixml.h>

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <memory>

namespace hotspot {
namespace {

using XmlPtr = std::unique_ptr<CPLXMLNode, decltype(&CPLDestroyXMLNode)>;

CPLXMLNode* element(CPLXMLNode* parent, const char* name) { return CPLCreateXMLNode(parent, CXT_Element, name); }

void attribute(CPLXMLNode* node, const char* name, const std::string& value) {
  CPLAddXMLAttributeAndValue(node, name, value.c_str());
}

void attribute(CPLXMLNode* node, const char* name, double value) { attribute(node, name, fmt::format("{:g}", value)); }

void text(CPLXMLNode* node, const std::string& value) { CPLCreateXMLNode(node, CXT_Text, value.c_str()); }

constexpr const char* kFont = "DejaVu Sans Book";
constexpr const char* kBold = "DejaVu Sans Bold";

void text_symbolizer(CPLXMLNode* rule, const MapSymbol& s) {
  CPLXMLNode* t = element(rule, "TextSymbolizer");
  attribute(t, "face-name", s.label_bold ? kBold : kFont);
  attribute(t, "size", s.label_size);
  attribute(t, "fill", s.label_fill);
  attribute(t, "halo-fill", "#ffffff");
  attribute(t, "halo-radius", 2);
  attribute(t, "placement", s.marker_width.empty() ? "interior" : "point");
  attribute(t, "minimum-padding", 3);
  attribute(t, "wrap-width", 90);
  text(t, s.label);
}

// One style per (layer, pass): pass "shapes" draws fills, outlines and markers; "labels" the text.
void add_styles(CPLXMLNode* map, const std::string& name, const MapLayer& layer, bool labels) {
  CPLXMLNode* style = element(map, "Style");
  attribute(style, "name", name);
  if (!layer.ramp.empty()) {
    CPLXMLNode* rule = element(style, "Rule");
    CPLXMLNode* r = element(rule, "RasterSymbolizer");
    attribute(r, "scaling", "bilinear");
    CPLXMLNode* c = element(r, "RasterColorizer");
    attribute(c, "default-mode", "linear");
    attribute(c, "default-color", "transparent");
    for (const MapStop& s : layer.ramp) {
      CPLXMLNode* stop = element(c, "stop");
      attribute(stop, "value", s.value);
      attribute(stop, "color", s.colour);
    }
    return;
  }
  for (const MapSymbol& s : layer.symbols) {
    if (labels && s.label.empty()) continue;
    CPLXMLNode* rule = element(style, "Rule");
    if (!s.filter.empty()) text(element(rule, "Filter"), s.filter);
    if (labels) {
      text_symbolizer(rule, s);
      continue;
    }
    if (!s.marker_width.empty()) {
      CPLXMLNode* m = element(rule, "MarkersSymbolizer");
      attribute(m, "marker-type", "ellipse");
      attribute(m, "width", s.marker_width);
      attribute(m, "height", s.marker_width);
      attribute(m, "fill", s.fill.empty() ? "#000000" : s.fill);
      attribute(m, "fill-opacity", s.fill_opacity);
      attribute(m, "stroke", s.stroke.empty() ? "#ffffff" : s.stroke);
      attribute(m, "stroke-width", s.stroke_width > 0 ? s.stroke_width : 1);
      attribute(m, "allow-overlap", "true");
      attribute(m, "ignore-placement", "true");  // the dots leave room for the labels on them
      attribute(m, "placement", "point");
      continue;
    }
    if (!s.fill.empty()) {
      CPLXMLNode* p = element(rule, "PolygonSymbolizer");
      attribute(p, "fill", s.fill);
      attribute(p, "fill-opacity", s.fill_opacity);
    }
    if (!s.stroke.empty()) {
      CPLXMLNode* l = element(rule, "LineSymbolizer");
      attribute(l, "stroke", s.stroke);
      attribute(l, "stroke-width", s.stroke_width);
      attribute(l, "stroke-linejoin", "round");
    }
  }
}

// British National Grid as Mapnik is given it: a PROJ string, not "epsg:27700". Mapnik makes a
// projection for the map and for every layer, and an EPSG code sends each to PROJ's database
// (about a tenth of drawing a county's maps); layers in the map's own CRS need no transformation
// either way.
constexpr const char* kBritishNationalGrid =
    "+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +units=m +no_defs";

std::string map_srs(const std::string& srs) { return srs == "epsg:27700" ? kBritishNationalGrid : srs; }

void add_layer(CPLXMLNode* map, const std::string& name, const std::string& srs, const std::vector<std::string>& styles) {
  CPLXMLNode* layer = element(map, "Layer");
  attribute(layer, "name", name);
  attribute(layer, "srs", map_srs(srs));
  for (const auto& s : styles) text(element(layer, "StyleName"), s);
}

// A context layer outlined in grey.
MapLayer context_layer(const std::string& path, const std::string& srs, const std::string& stroke, double width) {
  MapLayer l{.source = path, .in_pack = false, .srs = srs};
  l.symbols.push_back({.stroke = stroke, .stroke_width = width});
  return l;
}

MapLayer context_names(const std::string& path, const std::string& srs, const std::string& name_field, double size,
                       const std::string& fill, bool bold) {
  MapLayer l{.source = path, .in_pack = false, .srs = srs};
  l.symbols.push_back({.label = "[" + name_field + "]", .label_size = size, .label_fill = fill, .label_bold = bold});
  return l;
}

}  // namespace

MapDocument mapnik_document(const MapSpec& spec, const MapContext& context, const PackPath& pack_path) {
  MapDocument doc;
  XmlPtr root(CPLCreateXMLNode(nullptr, CXT_Element, "Map"), &CPLDestroyXMLNode);
  CPLXMLNode* map = root.get();
  attribute(map, "srs", kBritishNationalGrid);
  attribute(map, "background-color", "#ffffff");

  std::vector<std::pair<std::string, MapLayer>> layers;  // (name, layer), bottom first
  for (size_t i = 0; i < context.basemap.size(); ++i) {
    layers.emplace_back(fmt::format("basemap{}", i), context_layer(context.basemap[i], context.basemap_srs[i], "#c8c8c8", 0.6));
  }
  for (size_t i = 0; i < spec.layers.size(); ++i) layers.emplace_back(fmt::format("layer{}", i), spec.layers[i]);
  if (!context.wards.empty()) layers.emplace_back("wards", context_layer(context.wards, context.wards_srs, "#9a9a9a", 0.6));
  if (!context.districts.empty()) layers.emplace_back("districts", context_layer(context.districts, context.districts_srs, "#404040", 1.6));
  // Labels after every shape, the spec's first.
  std::vector<std::pair<std::string, MapLayer>> labels;
  for (const auto& [name, layer] : layers) {
    if (layer.ramp.empty()) labels.emplace_back(name, layer);
  }
  if (!context.districts.empty() && !context.districts_name_field.empty()) {
    labels.emplace_back("district_names", context_names(context.districts, context.districts_srs, context.districts_name_field, 14, "#303030", true));
  }
  if (!context.wards.empty() && !context.wards_name_field.empty()) {
    labels.emplace_back("ward_names", context_names(context.wards, context.wards_srs, context.wards_name_field, 9, "#555555", false));
  }
  // A pack layer is drawn from its scratch FlatGeobuf in EPSG:27700 when the pack has one.
  const auto source_of = [&](const MapLayer& l) -> std::pair<std::string, std::string> {
    if (!l.in_pack) return {std::filesystem::absolute(l.source).string(), l.srs};
    if (l.ramp.empty()) {
      const std::string drawn = pack_path(map_source_name(l.source));
      if (std::filesystem::exists(drawn)) return {drawn, "epsg:27700"};
    }
    return {pack_path(l.source), l.srs};
  };
  for (const auto& [name, layer] : layers) {
    add_styles(map, name, layer, false);
    const auto [file, srs] = source_of(layer);
    add_layer(map, name, srs, {name});
    doc.sources.push_back({file, !layer.ramp.empty()});
  }
  for (const auto& [name, layer] : labels) {
    const bool any = std::any_of(layer.symbols.begin(), layer.symbols.end(), [](const MapSymbol& s) { return !s.label.empty(); });
    if (!any) continue;
    add_styles(map, name + "_labels", layer, true);
    const auto [file, srs] = source_of(layer);
    add_layer(map, name + "_labels", srs, {name + "_labels"});
    doc.sources.push_back({file, false});
  }
  char* xml = CPLSerializeXMLTree(map);
  doc.xml = xml;
  CPLFree(xml);
  return doc;
}

}  // namespace hotspot
