// SPDX-License-Identifier: Apache-2.0
#include "pipeline/study_data.hpp"

#include "inputs/source_list.hpp"
#include "places/place_incidents.hpp"

namespace hotspot {

StudyData load_study(const StudyInputs& inputs, const Progress& progress) {
  const std::vector<std::string> sources = expand_sources(inputs.incidents, "--incidents");
  StudyData study;
  study.boundaries = read_boundaries(inputs.boundaries, inputs.boundary_options);
  if (!inputs.imd.empty()) {
    study.imd = read_imd(inputs.imd, inputs.imd_domains, inputs.population);
    for (const auto& area : study.boundaries.areas) {
      if (!study.imd.find(area.code)) study.codes_without_imd.push_back(area.code);
    }
  }
  study.load = read_incidents(sources, inputs.columns, inputs.filter, progress);
  study.area_of = place_incidents(study.load, study.boundaries, progress);

  study.warnings = study.boundaries.warnings;
  if (!study.codes_without_imd.empty()) {
    std::string list;
    for (size_t i = 0; i < study.codes_without_imd.size() && i < 10; ++i) list += (i ? ", " : "") + study.codes_without_imd[i];
    if (study.codes_without_imd.size() > 10) list += ", ...";
    study.warnings.push_back(std::to_string(study.codes_without_imd.size()) + " area codes have no IMD row (" + list +
                             "); kept with empty IMD fields");
  }
  study.warnings.insert(study.warnings.end(), study.load.account.warnings.begin(), study.load.account.warnings.end());
  return study;
}

}  // namespace hotspot
