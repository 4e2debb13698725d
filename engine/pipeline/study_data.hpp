// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <vector>

#include "core/progress.hpp"
#include "inputs/boundaries.hpp"
#include "inputs/imd.hpp"
#include "inputs/incidents.hpp"

namespace hotspot {

// What every analysis starts from: where the incidents are, the areas, and deprivation.
struct StudyInputs {
  std::vector<std::string> incidents;  // files, folders, globs or connection strings
  IncidentColumns columns;
  IncidentFilter filter;
  std::string boundaries;
  BoundaryOptions boundary_options;
  std::string imd, imd_domains, population;  // IoD2019 File_1, File_2, File_6; no IMD when imd is empty
};

// Loaded and placed: every incident kept is inside an area, and area_of[i] says which.
struct StudyData {
  Boundaries boundaries;
  Imd imd;
  IncidentLoad load;
  std::vector<int32_t> area_of;
  std::vector<std::string> codes_without_imd;  // area codes with no row in the IMD file
  std::vector<std::string> warnings;           // boundaries' and incidents' warnings, in that order
};

StudyData load_study(const StudyInputs& inputs, const Progress& progress = {});

}  // namespace hotspot
