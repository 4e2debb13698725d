// SPDX-License-Identifier: Apache-2.0
#include "analyses/areas/deprivation_profile.hpp"

namespace hotspot {

std::vector<DecileRow> deprivation_profile(const Boundaries& boundaries, const Imd& imd, const AreaCounts& counts) {
  std::vector<DecileRow> rows(11);
  std::vector<bool> population_complete(11, imd.has_population);
  std::vector<double> population(11, 0.0);
  uint64_t all = 0;
  for (size_t a = 0; a < boundaries.areas.size(); ++a) {
    const ImdRecord* r = imd.find(boundaries.areas[a].code);
    const int d = r ? r->decile : 0;
    DecileRow& row = rows[d];
    row.decile = d;
    ++row.areas;
    row.incidents += counts.total[a];
    all += counts.total[a];
    if (r && r->population) {
      population[d] += *r->population;
    } else {
      population_complete[d] = false;
    }
  }
  std::vector<DecileRow> out;
  for (int d = 1; d <= 10; ++d) {
    rows[d].decile = d;
    out.push_back(rows[d]);
  }
  if (rows[0].areas) out.push_back(rows[0]);
  for (auto& row : out) {
    row.share = all ? static_cast<double>(row.incidents) / static_cast<double>(all) : 0.0;
    if (population_complete[row.decile] && row.areas) {
      row.population = population[row.decile];
      if (population[row.decile] > 0) row.per_1000 = 1000.0 * static_cast<double>(row.incidents) / population[row.decile];
    }
  }
  return out;
}

double share_in_deciles(const std::vector<DecileRow>& profile, int from, int to) {
  double share = 0;
  for (const auto& row : profile) {
    if (row.decile >= from && row.decile <= to) share += row.share;
  }
  return share;
}

}  // namespace hotspot
