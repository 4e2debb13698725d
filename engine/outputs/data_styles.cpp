// SPDX-License-Identifier: Apache-2.0
#include "outputs/data_styles.hpp"

#include <cpl_conv.h>
#include <cpl_minixml.h>

#include <memory>

#include <fmt/format.h>

#include "core/errors.hpp"
#include "outputs/styles.hpp"

namespace hotspot {
namespace {

using Xml = std::unique_ptr<CPLXMLNode, decltype(&CPLDestroyXMLNode)>;

Xml parse(std::string_view qml) {
  Xml root(CPLParseXMLString(std::string(qml).c_str()), &CPLDestroyXMLNode);
  if (!root) throw DataError("a shipped QGIS style does not parse");
  return root;
}

// The first `element` in the document (its DOCTYPE and <qgis> are siblings at the top).
CPLXMLNode* find(CPLXMLNode* root, const char* element) {
  for (CPLXMLNode* top = root; top; top = top->psNext) {
    if (top->eType != CXT_Element) continue;
    if (CPLXMLNode* n = CPLSearchXMLNode(top, element)) return n;
  }
  throw DataError(std::string("a shipped QGIS style has no <") + element + ">");
}

void set(CPLXMLNode* node, const char* attribute, const std::string& value) {
  CPLSetXMLValue(node, (std::string("#") + attribute).c_str(), value.c_str());
}

// The element's children named `name`, made `count` long by copying the last or dropping the rest.
std::vector<CPLXMLNode*> children(CPLXMLNode* parent, const char* name, size_t count) {
  std::vector<CPLXMLNode*> out;
  for (CPLXMLNode* c = parent->psChild; c; c = c->psNext) {
    if (c->eType == CXT_Element && std::string(c->pszValue) == name) out.push_back(c);
  }
  if (out.empty()) throw DataError(std::string("a shipped QGIS style has no <") + name + ">");
  while (out.size() < count) {
    CPLXMLNode* copy = CPLCloneXMLTree(out.back());
    copy->psNext = out.back()->psNext;
    out.back()->psNext = copy;
    out.push_back(copy);
  }
  while (out.size() > count) {
    CPLRemoveXMLChild(parent, out.back());
    CPLDestroyXMLNode(out.back());
    out.pop_back();
  }
  return out;
}

std::string serialise(const Xml& root) {
  char* text = CPLSerializeXMLTree(root.get());
  std::string out(text);
  CPLFree(text);
  return out;
}

}  // namespace

std::string density_style_qml(const std::vector<MapStop>& ramp, const std::string& unit) {
  if (ramp.empty()) return std::string(density_style_template_qml());
  Xml root = parse(density_style_template_qml());
  const std::string lo = fmt::format("{:g}", ramp.front().value), hi = fmt::format("{:g}", ramp.back().value);
  CPLXMLNode* renderer = find(root.get(), "rasterrenderer");
  set(renderer, "classificationMin", lo);
  set(renderer, "classificationMax", hi);
  CPLXMLNode* shader = find(root.get(), "colorrampshader");
  set(shader, "minimumValue", lo);
  set(shader, "maximumValue", hi);
  const std::vector<CPLXMLNode*> items = children(shader, "item", ramp.size());
  for (size_t i = 0; i < ramp.size(); ++i) {
    const std::string& c = ramp[i].colour;  // #rrggbbaa
    set(items[i], "value", fmt::format("{:g}", ramp[i].value));
    set(items[i], "label", fmt::format("{:g} {}", ramp[i].value, unit));
    set(items[i], "color", c.substr(0, 7));
    set(items[i], "alpha", std::to_string(c.size() >= 9 ? std::stoi(c.substr(7, 2), nullptr, 16) : 255));
  }
  set(find(root.get(), "rampLegendSettings"), "suffix", " " + unit);
  return serialise(root);
}

std::string lsoa_class_style_qml(const std::string& field, const std::vector<double>& breaks, const std::string& unit) {
  if (breaks.size() < 2) return std::string(lsoa_style_qml());
  Xml root = parse(lsoa_style_qml());
  set(find(root.get(), "renderer-v2"), "attr", field);
  const std::vector<CPLXMLNode*> ranges = children(find(root.get(), "ranges"), "range", breaks.size() - 1);
  for (size_t k = 0; k + 1 < breaks.size(); ++k) {
    const bool last = k + 2 == breaks.size();
    set(ranges[k], "lower", fmt::format("{:g}", breaks[k]));
    set(ranges[k], "upper", fmt::format("{:g}", breaks[k + 1]));
    set(ranges[k], "label", fmt::format("{:g} to {}{:g} {}", breaks[k], last ? "" : "under ", breaks[k + 1], unit));
  }
  return serialise(root);
}

}  // namespace hotspot
