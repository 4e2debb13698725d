// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

#include "core/locations.hpp"
#include "core/point_index.hpp"

namespace hotspot {

// Points grouped by location (group_locations) with a k-d tree over the locations, made once and
// shared by the analyses that ask for neighbours (the nearest neighbour index, DBSCAN). Neither
// copied nor moved: the tree reads the locations in place.
struct IndexedLocations {
  IndexedLocations(const std::vector<double>& x, const std::vector<double>& y) : loc(group_locations(x, y)), index(loc.x, loc.y) {}
  IndexedLocations(const IndexedLocations&) = delete;
  IndexedLocations& operator=(const IndexedLocations&) = delete;

  size_t points() const { return loc.of_point.size(); }

  const Locations loc;
  const PointIndex index;
};

}  // namespace hotspot
