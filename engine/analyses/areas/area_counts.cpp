// SPDX-License-Identifier: Apache-2.0
#include "analyses/areas/area_counts.hpp"

namespace hotspot {

AreaCounts count_by_area(const Incidents& incidents, const std::vector<int32_t>& area_of, size_t area_count) {
  AreaCounts counts;
  counts.total.assign(area_count, 0);
  counts.by_type.assign(area_count, std::vector<uint64_t>(incidents.type_names.size(), 0));
  for (size_t i = 0; i < area_of.size(); ++i) {
    ++counts.total[area_of[i]];
    ++counts.by_type[area_of[i]][incidents.type[i]];
  }
  return counts;
}

}  // namespace hotspot
