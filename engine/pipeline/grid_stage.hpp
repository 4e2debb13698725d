// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/grid.hpp"
#include "pipeline/change_options.hpp"
#include "pipeline/study_data.hpp"

namespace hotspot {

// Stage "grid": equal-size cells over the study area ranked by incidents, or by harm with a
// weight per crime type (such as the ONS Crime Severity Score), the top N listed with their
// monthly counts and their rank in the previous period; the cells hot spots policing funds.
struct GridParams {
  double cell_m = 150;
  int top = 20;
  std::string weights;   // CSV with columns crime_type, weight; empty: every incident weighs 1
  ChangeParams change;   // with current_from, the months before are the previous period
  int64_t max_cells = 200'000'000;
};

// A crime-type weights table: a CSV with columns `crime_type` and `weight` (case as in the
// incidents' type column). Throws DataError naming the file and line for a bad row.
std::map<std::string, double> read_type_weights(const std::string& path);

struct GridCell {
  int64_t cell = 0;  // index in the grid
  double easting = 0, northing = 0;  // centre, EPSG:27700
  uint64_t incidents = 0, previous_incidents = 0;
  double harm = 0, previous_harm = 0;
  int rank = 0;                      // 0: not in the current top (a ceased cell)
  std::optional<int> previous_rank;  // among cells with previous incidents
  std::optional<Change> change;      // with a previous period
  std::vector<uint64_t> monthly;     // per month of GridResult::months
  int32_t area = -1;                 // the area holding the centre
  PlaceName name;                    // from its incidents of the current period (the previous when ceased)
};

struct GridResult {
  Grid grid;
  int64_t study_cells = 0, cells_with_incidents = 0;
  std::vector<int> months;  // the current period's months, YYYYMM, consecutive
  uint64_t current_incidents = 0, previous_incidents = 0;
  std::optional<Periods> periods;  // with change.current_from
  std::vector<GridCell> top;     // ranked by harm (incidents without weights), then incidents, then cell
  std::vector<GridCell> ceased;  // in the previous period's top, not the current one's, by previous rank
};

// Throws DataError when an incident's crime type has no weight, or when current_from is set and
// an incident has no month.
GridResult rank_grid_cells(const StudyData& study, const GridParams& params);

}  // namespace hotspot
