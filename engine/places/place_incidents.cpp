// SPDX-License-Identifier: Apache-2.0
#include "places/place_incidents.hpp"

#include "places/area_locator.hpp"

namespace hotspot {

std::vector<int32_t> place_incidents(IncidentLoad& load, const Boundaries& boundaries, const Progress& progress,
                                     uint64_t* on_edge) {
  Incidents& inc = load.incidents;
  const AreaLocator locator(boundaries);
  const AreaLocator::Located located = locator.locate_all(inc.x, inc.y, progress);
  if (on_edge) *on_edge = located.on_edge;
  const std::vector<int32_t>& area_of = located.area;
  std::vector<char> keep(inc.size());
  std::vector<int32_t> kept_areas;
  kept_areas.reserve(inc.size());
  for (size_t i = 0; i < inc.size(); ++i) {
    keep[i] = area_of[i] >= 0;
    if (keep[i]) {
      kept_areas.push_back(area_of[i]);
    } else {
      load.account.reject(inc.file[i], inc.line[i], "", "outside study area");
    }
  }
  inc.keep_only(keep);
  load.account.loaded = inc.size();
  return kept_areas;
}

}  // namespace hotspot
