// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/grid.hpp"
#include "inputs/incidents.hpp"
#include "outputs/output_folder.hpp"
#include "pipeline/study_data.hpp"

namespace hotspot {

// Stage "suspects": where suspects live compared with where the violence happens. Suspect
// addresses (personal data) are geocoded with the study's gazetteers, placed in LSOAs and only
// ever published as counts per LSOA and per IMD decile, with counts from 1 to min_count - 1
// suppressed (written as empty) unless `suppress` is false.
struct SuspectsParams {
  std::vector<std::string> sources;          // address tables
  std::vector<std::string> address_columns;  // the address, or its parts in order
  std::string layer;
  int min_count = 5;
  bool suppress = true;
  double cell_m = 250;  // the residence grid
};

// Throws UsageError naming the key: no sources, no address column, min_count under 2.
void check_suspects_params(const SuspectsParams& params);

struct SuspectsResult {
  IncidentLoad load;                 // the suspects placed (x, y) and the row accounting
  std::vector<int32_t> area_of;      // per suspect placed
  std::vector<uint64_t> per_area;    // suspects per area
  std::vector<uint64_t> incidents_per_area;
  std::vector<int> decile_of;        // per area, 0 without IMD
  std::vector<uint64_t> per_decile;  // suspects per decile 0..10
  std::vector<uint64_t> incidents_per_decile;
  Grid grid;                         // the residence grid
  std::vector<int64_t> cells;        // its cells holding incidents or suspects, by index
  std::vector<uint64_t> per_cell, incidents_per_cell;
  std::vector<bool> area_hidden, decile_hidden, cell_hidden;  // the counts blanked (outputs/suppression.hpp)
  bool all_hidden = false;           // fewer suspects than min_count: nothing published
  uint64_t suppressed_areas = 0;     // areas with suspects blanked
  uint64_t secondary_areas = 0;      // of them, with min_count or more (blanked to protect the others)
  uint64_t suppressed_cells = 0;
};

// Throws UsageError when the study has no gazetteers.
SuspectsResult analyse_suspects(const StudyData& study, const SuspectsParams& params, const Progress& progress = {});

// Stages lsoa_suspects.csv, lsoa_suspects.geojson, deprivation_suspects.csv, residence_cells.csv
// and .geojson (all suppressed) and suspect_rejects.csv (line and reason only).
void write_suspects(const StudyData& study, const SuspectsResult& result, OutputFolder& out,
                    const std::string& prefix = "");

}  // namespace hotspot
