// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <vector>

#include "analyses/areas/area_counts.hpp"
#include "analyses/areas/deprivation_profile.hpp"
#include "analyses/areas/smoothed_rates.hpp"
#include "outputs/output_folder.hpp"
#include "pipeline/study_data.hpp"

namespace hotspot {

// Stage "areas": incidents per LSOA and the deprivation profile by IMD decile.
struct AreasResult {
  AreaCounts counts;
  SmoothedRates rates;  // raw, EB and spatial EB (queen contiguity) per resident
  std::vector<DecileRow> profile;
  double share_deciles_1_2 = 0;
  // The LSOAs' classes in lsoa.qml and the brief's map: quintiles of incidents per 1,000 residents
  // when every LSOA has a population, else of incidents.
  bool by_rate = false;
  std::vector<double> breaks;
};

AreasResult analyse_areas(const StudyData& study);

// Stages lsoa.geojson with its QGIS style lsoa.qml, and deprivation_profile.csv, under `prefix` in `out`.
void write_areas(const StudyData& study, const AreasResult& result, OutputFolder& out, const std::string& prefix = "");

}  // namespace hotspot
