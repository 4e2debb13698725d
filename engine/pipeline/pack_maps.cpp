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
  if (study.wards) {
    c.wards = inputs.wards;
    c.wards_name_field = study.wards->name_field;
  }
  if (study.map_districts) {
    c.districts = inputs.map_districts;
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
  std::vector<std::string> seen;
  bool ranked_shown = false, areas_shown = false;
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
          if (!ranked && l.symbols.size() > 2) {  // classes: the PNG maps draw them; here the areas are outlines to click
            w.name = "areas: " + l.source;
            w.colour = "#555555";
            w.fill_opacity = 0.05;
          } else {
            w.colour = drawn == l.symbols.end() ? "#333333" : !drawn->fill.empty() ? drawn->fill : drawn->stroke;
            if (!ranked && !drawn->legend.empty()) w.name = drawn->legend;
            if (ranked) w.label_field = "rank";
          }
          const bool areas = w.name.rfind("areas: ", 0) == 0;
          w.shown = ranked ? !ranked_shown : areas && !areas_shown;
          ranked_shown = ranked_shown || ranked;
          areas_shown = areas_shown || areas;
          page.layers.push_back(std::move(w));
        }
      }
    }
  }
  // Bottom first: the areas, then the rest in the maps' order, the shown ranks on top.
  std::stable_partition(page.layers.begin(), page.layers.end(), [](const WebLayer& w) { return w.name.rfind("areas: ", 0) == 0; });
  std::stable_partition(page.layers.begin(), page.layers.end(), [](const WebLayer& w) { return !(w.shown && !w.label_field.empty()); });
  return page;
}

}  // namespace hotspot
