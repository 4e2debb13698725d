// SPDX-License-Identifier: Apache-2.0
#include "pipeline/areas_stage.hpp"

#include "outputs/area_layer.hpp"
#include "outputs/csv_table.hpp"
#include "outputs/numbers.hpp"
#include "outputs/styles.hpp"

namespace hotspot {

AreasResult analyse_areas(const StudyData& study) {
  AreasResult r;
  r.counts = count_by_area(study.load.incidents, study.area_of, study.boundaries.areas.size());
  r.profile = deprivation_profile(study.boundaries, study.imd, r.counts);
  r.share_deciles_1_2 = share_in_deciles(r.profile, 1, 2);
  return r;
}

void write_areas(const StudyData& study, const AreasResult& result, OutputFolder& out, const std::string& prefix) {
  write_area_layer(out.stage(prefix + "lsoa.geojson"), study.boundaries, study.imd, result.counts,
                   study.load.incidents.type_names);
  write_text(out.stage(prefix + "lsoa.qml"), lsoa_style_qml());
  CsvTable table{{"imd_decile", "lsoas", "population", "incidents", "share_of_incidents", "incidents_per_1000"}, {}};
  for (const auto& row : result.profile) {
    table.rows.push_back({row.decile ? std::to_string(row.decile) : "no IMD", std::to_string(row.areas),
                          fixed(row.population, 0), std::to_string(row.incidents), fixed(row.share, 4),
                          fixed(row.per_1000, 2)});
  }
  write_csv(out.stage(prefix + "deprivation_profile.csv"), table);
}

}  // namespace hotspot
