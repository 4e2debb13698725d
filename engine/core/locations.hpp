// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace hotspot {

// Points grouped by exact location. police.uk snaps incidents to a fixed set of map points
// (194,375 Nottinghamshire incidents sit on 13,941 locations), so placing, clustering and
// kernel density work on locations weighted by how many points share them, and give every
// point of a location the same answer.
struct Locations {
  std::vector<double> x, y;          // one entry per distinct location
  std::vector<uint32_t> weight;      // points at the location
  std::vector<uint32_t> first;       // smallest input index of its points
  std::vector<uint32_t> of_point;    // location of each input point

  size_t size() const { return x.size(); }
};

// Equal coordinates (0 and -0 alike) make one location; locations come in the order of their
// first point. Linear in the points: a hash table finds repeats.
Locations distinct_locations(const std::vector<double>& x, const std::vector<double>& y);

// The same, with the locations sorted by (x, y).
Locations group_locations(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace hotspot
