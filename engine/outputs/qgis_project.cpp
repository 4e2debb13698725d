// SPDX-License-Identifier: Apache-2.0
#include "outputs/qgis_project.hpp"

#include <algorithm>
#include <map>
#include <memory>

#include <cpl_minixml.h>
#include <cpl_string.h>
#include <fmt/format.h>
#include <ogr_spatialref.h>

#include "core/errors.hpp"
#include "core/gdal_handles.hpp"
#include "outputs/styles.hpp"
#include "outputs/vector_layer.hpp"

namespace hotspot {
namespace {

struct XmlDelete {
  void operator()(CPLXMLNode* n) const { CPLDestroyXMLNode(n); }
};
using Xml = std::unique_ptr<CPLXMLNode, XmlDelete>;

CPLXMLNode* element(CPLXMLNode* parent, const char* name) { return CPLCreateXMLNode(parent, CXT_Element, name); }
CPLXMLNode* text(CPLXMLNode* parent, const char* name, const std::string& value) {
  return CPLCreateXMLElementAndValue(parent, name, value.c_str());
}
void attribute(CPLXMLNode* node, const char* name, const std::string& value) {
  CPLAddXMLAttributeAndValue(node, name, value.c_str());
}

// A document's root element (its <!DOCTYPE> left out); throws DataError naming `what`.
Xml parse(std::string_view document, const std::string& what) {
  size_t at = document.find("<qgis");  // a style; the layout has no such element
  if (at == std::string_view::npos) at = document.find('<');
  Xml root(CPLParseXMLString(std::string(document.substr(at == std::string_view::npos ? 0 : at)).c_str()));
  if (!root) throw DataError("cannot read the QGIS " + what + ": " + gdal_last_error());
  return root;
}

// <spatialrefsys> as QGIS writes it: WKT, PROJ string and authority code.
void spatialrefsys(CPLXMLNode* parent, int epsg) {
  init_gdal();
  OGRSpatialReference srs;
  if (srs.importFromEPSG(epsg) != OGRERR_NONE) throw DataError(fmt::format("EPSG:{} is not in PROJ's database", epsg));
  char* wkt = nullptr;
  char* proj4 = nullptr;
  const char* options[] = {"FORMAT=WKT2_2019", nullptr};
  srs.exportToWkt(&wkt, options);
  srs.exportToProj4(&proj4);
  CPLXMLNode* s = element(parent, "spatialrefsys");
  attribute(s, "nativeFormat", "Wkt");
  text(s, "wkt", wkt ? wkt : "");
  text(s, "proj4", proj4 ? proj4 : "");
  text(s, "srid", std::to_string(epsg));
  text(s, "authid", fmt::format("EPSG:{}", epsg));
  text(s, "description", srs.GetName() ? srs.GetName() : "");
  text(s, "geographicflag", srs.IsGeographic() ? "true" : "false");
  CPLFree(wkt);
  CPLFree(proj4);
}

// The study area widened by 5% and to the layout map's shape (190 x 170 mm).
Extent framed(const Extent& e) {
  const double cx = (e.xmin + e.xmax) / 2, cy = (e.ymin + e.ymax) / 2;
  double w = std::max(1.0, e.xmax - e.xmin) * 1.05, h = std::max(1.0, e.ymax - e.ymin) * 1.05;
  const double aspect = 190.0 / 170.0;
  if (w / h < aspect) {
    w = h * aspect;
  } else {
    h = w / aspect;
  }
  return {cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2};
}

std::string number(double v) { return fmt::format("{:.3f}", v); }

// A layer's id as QGIS makes them, its name then a UUID ("kde_hotspots_1b4e28ba_2fa1_..."): QGIS
// 3.22 gives a layer a new id, breaking its tree node, when the id is too short to be one of
// its own. The UUID comes from the name, so that the project is the same at every run.
std::string id_of(const std::string& stem) {
  const std::string id = pack_table_name(stem);
  uint64_t h1 = 1469598103934665603ULL, h2 = 0x9E3779B97F4A7C15ULL;  // FNV-1a, twice seeded
  for (unsigned char c : stem) {
    h1 = (h1 ^ c) * 1099511628211ULL;
    h2 = (h2 ^ c) * 1099511628211ULL + 7;
  }
  return fmt::format("{}_{:08x}_{:04x}_4{:03x}_8{:03x}_{:012x}", id, h1 >> 32, (h1 >> 16) & 0xffff, h1 & 0xfff,
                     (h2 >> 48) & 0xfff, h2 & 0xffffffffffffULL);
}

// The layers drawn when the project opens: the tasking picture (hotspots on the surface, the
// places, the areas beneath); the others are a tick away.
bool shown_at_first(const std::string& stem) {
  const std::string name = stem.substr(stem.rfind('/') + 1);
  return name == "hotspots" || name == "density" || name == "places" || name == "lsoa";
}

CPLXMLNode* map_layer(CPLXMLNode* parent, const PackLayer& layer) {
  CPLXMLNode* ml = element(parent, "maplayer");
  const bool raster = layer.geometry.empty();
  attribute(ml, "type", raster ? "raster" : "vector");
  if (!raster) attribute(ml, "geometry", layer.geometry);
  text(ml, "id", id_of(layer.stem));
  text(ml, "datasource", layer.source);
  text(ml, "layername", layer_title(layer.stem));
  spatialrefsys(element(ml, "srs"), layer.epsg);
  CPLXMLNode* provider = text(ml, "provider", layer.provider);
  if (!raster) attribute(provider, "encoding", "UTF-8");
  if (layer.qml.empty()) return ml;
  // The style's parts become the layer's: its root's attributes (labelsEnabled, ...) and elements.
  Xml style = parse(layer.qml, "style of " + layer.stem);
  CPLXMLNode* child = style->psChild;
  style->psChild = nullptr;
  while (child) {
    CPLXMLNode* next = child->psNext;
    child->psNext = nullptr;
    const bool skip = child->eType == CXT_Attribute && (EQUAL(child->pszValue, "version") || EQUAL(child->pszValue, "styleCategories"));
    if (skip || child->eType == CXT_Comment) {
      CPLDestroyXMLNode(child);
    } else {
      CPLAddXMLChild(ml, child);
    }
    child = next;
  }
  return ml;
}

std::string escaped(const std::string& text) {
  char* e = CPLEscapeString(text.c_str(), static_cast<int>(text.size()), CPLES_XML);
  std::string out = e;
  CPLFree(e);
  return out;
}

// QGIS's layout with the title, the extent and the attribution put in.
Xml layout(const std::string& title, const Extent& extent) {
  std::string xml(layout_template_xml());
  const std::string credit =
      "Contains public sector information licensed under the Open Government Licence v3.0. Contains OS data \u00a9 Crown "
      "copyright and database right. Made with hotspot.";
  for (const auto& [mark, value] : {std::pair{std::string("HOTSPOT_TITLE"), title}, {"HOTSPOT_ATTRIBUTION", credit}}) {
    for (size_t at = xml.find(mark); at != std::string::npos; at = xml.find(mark, at)) xml.replace(at, mark.size(), escaped(value));
  }
  Xml root = parse(xml, "layout");
  CPLXMLNode* map = nullptr;  // the map item: the one with an <Extent>
  std::vector<CPLXMLNode*> stack = {root.get()};
  while (!stack.empty() && !map) {
    CPLXMLNode* n = stack.back();
    stack.pop_back();
    for (CPLXMLNode* c = n->psChild; c; c = c->psNext) {
      if (c->eType != CXT_Element) continue;
      if (EQUAL(c->pszValue, "Extent")) map = c;
      stack.push_back(c);
    }
  }
  if (!map) throw DataError("the QGIS layout template has no map extent");
  CPLSetXMLValue(map, "#xmin", number(extent.xmin).c_str());
  CPLSetXMLValue(map, "#ymin", number(extent.ymin).c_str());
  CPLSetXMLValue(map, "#xmax", number(extent.xmax).c_str());
  CPLSetXMLValue(map, "#ymax", number(extent.ymax).c_str());
  return root;
}

}  // namespace

std::string layer_title(const std::string& stem) {
  static const std::map<std::string, std::string> words = {
      {"lsoa", "LSOAs: incidents and rates"},
      {"clusters", "Clusters"},
      {"points", "Incidents by cluster"},
      {"lsoa_stats", "LSOA hot and cold spots (Gi*)"},
      {"hotspots", "Hotspots"},
      {"ceased_hotspots", "Ceased hotspots"},
      {"density", "Density surface"},
      {"grid_cells", "Top grid cells"},
      {"ceased_grid_cells", "Ceased grid cells"},
      {"places", "Places"},
      {"place_points", "Incidents in the places"},
      {"residence_cells", "Where suspects live, against incidents"},
      {"lsoa_suspects", "Suspects by LSOA"}};
  const std::string name = stem.substr(stem.rfind('/') + 1);
  if (const auto it = words.find(name); it != words.end()) return it->second;
  std::string t = name;
  std::replace(t.begin(), t.end(), '_', ' ');
  if (!t.empty()) t[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(t[0])));
  return t;
}

std::string group_title(const std::string& stem) {
  static const std::map<std::string, std::string> words = {
      {"areas", "Areas"}, {"cluster", "Clusters"}, {"stats", "Hot spot statistics"}, {"kde", "Kernel density"},
      {"grid", "Grid"},   {"places", "Places"},    {"suspects", "Suspects"}};
  const size_t slash = stem.rfind('/');
  if (slash == std::string::npos) return "";
  const std::string step = stem.substr(0, slash);
  if (const auto it = words.find(step); it != words.end()) return it->second;
  return step;
}

std::string qgis_project(const std::string& title, const Extent& study_area, const std::vector<PackLayer>& layers) {
  const Extent extent = framed(study_area);
  Xml root(CPLCreateXMLNode(nullptr, CXT_Element, "qgis"));
  attribute(root.get(), "projectname", title);
  attribute(root.get(), "version", "3.22.16-Bia\u0142owie\u017ca");
  attribute(element(root.get(), "homePath"), "path", "");
  text(root.get(), "title", title);
  spatialrefsys(element(root.get(), "projectCrs"), 27700);

  // The layer tree: groups in the reverse of the steps' order, so that a later step's layers
  // (hotspots, places) are drawn over the areas; within a group, the last written on top.
  CPLXMLNode* tree = element(root.get(), "layer-tree-group");
  element(tree, "customproperties");
  std::vector<std::string> groups;
  for (const PackLayer& l : layers) {
    if (std::find(groups.begin(), groups.end(), group_title(l.stem)) == groups.end()) groups.push_back(group_title(l.stem));
  }
  for (auto g = groups.rbegin(); g != groups.rend(); ++g) {
    CPLXMLNode* parent = tree;
    if (!g->empty()) {
      parent = element(tree, "layer-tree-group");
      attribute(parent, "name", *g);
      attribute(parent, "checked", "Qt::Checked");
      attribute(parent, "expanded", "1");
      element(parent, "customproperties");
    }
    for (auto l = layers.rbegin(); l != layers.rend(); ++l) {
      if (group_title(l->stem) != *g) continue;
      CPLXMLNode* node = element(parent, "layer-tree-layer");
      attribute(node, "id", id_of(l->stem));
      attribute(node, "name", layer_title(l->stem));
      attribute(node, "source", l->source);
      attribute(node, "providerKey", l->provider);
      attribute(node, "checked", shown_at_first(l->stem) ? "Qt::Checked" : "Qt::Unchecked");
      attribute(node, "expanded", "0");
      element(node, "customproperties");
    }
  }

  CPLXMLNode* canvas = element(root.get(), "mapcanvas");
  attribute(canvas, "name", "theMapCanvas");
  attribute(canvas, "annotationsVisible", "1");
  text(canvas, "units", "meters");
  CPLXMLNode* box = element(canvas, "extent");
  text(box, "xmin", number(extent.xmin));
  text(box, "ymin", number(extent.ymin));
  text(box, "xmax", number(extent.xmax));
  text(box, "ymax", number(extent.ymax));
  text(canvas, "rotation", "0");
  spatialrefsys(element(canvas, "destinationsrs"), 27700);

  CPLXMLNode* project_layers = element(root.get(), "projectlayers");
  for (const PackLayer& l : layers) map_layer(project_layers, l);

  CPLXMLNode* properties = element(root.get(), "properties");
  CPLXMLNode* absolute = text(element(properties, "Paths"), "Absolute", "false");  // the pack moves whole
  attribute(absolute, "type", "bool");
  CPLXMLNode* units = element(properties, "Measurement");
  attribute(text(units, "DistanceUnits", "meters"), "type", "QString");
  attribute(text(units, "AreaUnits", "m2"), "type", "QString");
  attribute(text(element(properties, "SpatialRefSys"), "ProjectionsEnabled", "1"), "type", "int");  // else no project CRS
  CPLXMLNode* measure = element(properties, "Measure");
  attribute(text(measure, "Ellipsoid", "EPSG:7001"), "type", "QString");

  CPLAddXMLChild(root.get(), layout(title, extent).release());
  char* xml = CPLSerializeXMLTree(root.get());
  std::string out = "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n" + std::string(xml);
  CPLFree(xml);
  return out;
}

}  // namespace hotspot
