// SPDX-License-Identifier: Apache-2.0
#include "pipeline/pack_maps.hpp"

#include <algorithm>
#include <filesystem>

#include "outputs/maps/map_render.hpp"
#include "outputs/styles.hpp"

namespace hotspot {

MapContext map_context(const StudyInputs& inputs, const StudyData& study) {
  MapContext c;
  c.basemap = inputs.basemap;
  for (const std::string& b : c.basemap) c.basemap_srs.push_back(mapnik_srs_of(b));
  if (study.wards) {
    c.wards = inputs.wards;
    c.wards_name_field = study.wards->name_field;
    c.wards_srs = mapnik_srs_of(c.wards);
  }
  if (study.map_districts) {
    c.districts = inputs.map_districts;
    c.districts_srs = mapnik_srs_of(c.districts);
    const Boundaries& d = *study.map_districts;
    c.districts_name_field = d.district_name_field.empty() ? d.name_field : d.district_name_field;
  }
  c.extent = study.study_area ? study.study_area->extent() : study.boundaries.extent();
  return c;
}

void draw_maps(const MapContext& context, std::vector<StageReport>& stages, OutputFolder& out, const Progress& progress) {
  std::vector<const MapSpec*> specs;
  for (const StageReport& s : stages) {
    for (const MapSpec& spec : s.maps) specs.push_back(&spec);
  }
  if (specs.empty()) return;
  report(progress, "maps", 0.0);
  const PackPath pack_path = [&](const std::string& name) { return std::filesystem::absolute(out.path_of(name)).string(); };
  std::vector<std::string> png = render_maps(specs, context, pack_path);
  size_t i = 0;
  for (StageReport& s : stages) {
    for (const MapSpec& spec : s.maps) {
      write_text(out.stage("maps/" + spec.id + ".png"), png[i]);
      for (BriefSection& section : s.brief) {
        if (section.id == spec.section) section.figures.push_back({std::move(png[i]), spec.title});
      }
      ++i;
    }
  }
  report(progress, "maps", 1.0);
}

WebPage web_map(const std::vector<StageReport>& stages, const OutputFolder& out, const std::string& title,
                const std::string& marking) {
  WebPage page{title, marking, {}};
  std::vector<WebLayer> areas;  // the class layers, drawn first (bottom)
  std::vector<std::string> seen;
  bool ranked_shown = false;
  for (const char* first_section : {"hotspots", ""}) {  // the hotspots' ranks are the ones shown, when there are any
    for (const StageReport& s : stages) {
      for (const MapSpec& spec : s.maps) {
        for (const MapLayer& l : spec.layers) {
          if (!l.ramp.empty() || !l.in_pack || l.symbols.empty()) continue;
          if (*first_section && spec.section != first_section) continue;
          if (std::find(seen.begin(), seen.end(), l.source) != seen.end()) continue;
          seen.push_back(l.source);
          WebLayer w{.name = spec.title, .geojson = read_text(out.path_of(l.source))};
          const auto has = [&](auto pred) { return std::find_if(l.symbols.begin(), l.symbols.end(), pred); };
          const bool ranked = has([](const MapSymbol& m) { return m.label == "[rank]"; }) != l.symbols.end();
          const auto drawn = has([](const MapSymbol& m) { return !m.fill.empty() || !m.stroke.empty(); });
          const bool classes = !ranked && l.symbols.size() > 2;
          if (classes) {  // the PNG maps draw the classes; here the areas are outlines to click
            w.name = "areas: " + l.source;
            w.colour = "#555555";
            w.fill_opacity = 0.05;
          } else {
            w.colour = drawn == l.symbols.end() ? "#333333" : !drawn->fill.empty() ? drawn->fill : drawn->stroke;
            if (!ranked && !drawn->legend.empty()) w.name = drawn->legend;
            if (ranked) w.label_field = "rank";
          }
          w.shown = ranked ? !ranked_shown : classes && areas.empty();
          ranked_shown = ranked_shown || ranked;
          (classes ? areas : page.layers).push_back(std::move(w));
        }
      }
    }
  }
  // Bottom first: the areas, then the rest in the maps' order, the shown ranks on top.
  page.layers.insert(page.layers.begin(), areas.begin(), areas.end());
  std::stable_partition(page.layers.begin(), page.layers.end(), [](const WebLayer& w) { return !(w.shown && !w.label_field.empty()); });
  return page;
}

}  // namespace hotspot
