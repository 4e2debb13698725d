// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "analyses/areas/area_counts.hpp"
#include "inputs/boundaries.hpp"
#include "inputs/imd.hpp"

namespace hotspot {

struct DecileRow {
  int decile = 0;  // 1..10 (1 = most deprived); 0 = areas with no IMD row
  uint64_t areas = 0;
  std::optional<double> population;  // set when every area of the row has a population
  uint64_t incidents = 0;
  double share = 0;                      // of all placed incidents
  std::optional<double> per_1000;        // incidents per 1,000 residents over the whole period
};

// One row per IMD decile 1..10, then a decile-0 row when some areas have no IMD record
// (so no incident is left out of the table).
std::vector<DecileRow> deprivation_profile(const Boundaries& boundaries, const Imd& imd, const AreaCounts& counts);

// Share of incidents in deciles [from, to], e.g. 1..2 for "the most deprived 20%".
double share_in_deciles(const std::vector<DecileRow>& profile, int from, int to);

}  // namespace hotspot
