// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <vector>

#include "inputs/incidents.hpp"

namespace hotspot {

struct AreaCounts {
  std::vector<uint64_t> total;                 // [area]
  std::vector<std::vector<uint64_t>> by_type;  // [area][type index of Incidents::type_names]
};

// Incidents per area, in total and per crime type; `area_of` from place_incidents.
AreaCounts count_by_area(const Incidents& incidents, const std::vector<int32_t>& area_of, size_t area_count);

}  // namespace hotspot
