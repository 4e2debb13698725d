// SPDX-License-Identifier: Apache-2.0
#include "pipeline/pack_maps.hpp"

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
  size_t total = 0, done = 0;
  for (const StageReport& s : stages) total += s.maps.size();
  const PackPath pack_path = [&](const std::string& name) { return std::filesystem::absolute(out.path_of(name)).string(); };
  for (StageReport& s : stages) {
    for (const MapSpec& spec : s.maps) {
      report(progress, "maps", static_cast<double>(done++) / static_cast<double>(total));
      std::string png = render_map(spec, context, pack_path);
      write_text(out.stage("maps/" + spec.id + ".png"), png);
      for (BriefSection& section : s.brief) {
        if (section.id == spec.section) section.figures.push_back({std::move(png), spec.title});
      }
    }
  }
  if (total) report(progress, "maps", 1.0);
}

}  // namespace hotspot
