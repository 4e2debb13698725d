// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <vector>

namespace hotspot {

struct IndexedLocations;

struct NniParams {
  int k_orders = 1;  // also report the mean distance to the 2nd .. k-th nearest neighbour
};

struct NniOrder {
  int k = 1;
  double observed_m = 0;  // mean distance to the k-th nearest other point
  double expected_m = 0;  // under complete spatial randomness: Γ(k+½) / (Γ(k) √(π N/A))
  double ratio = 0;       // observed / expected
};

struct NniResult {
  uint64_t points = 0;
  double area_m2 = 0;
  double observed_m = 0;      // mean nearest-neighbour distance
  double expected_m = 0;      // 0.5 √(A/N)
  double ratio = 0;           // R = observed / expected (< 1: clustered)
  double standard_error_m = 0;  // 0.26136 √(A/N²)
  double z = 0;
  double p_clustered = 0;   // one-tailed: P(Z <= z)
  double p_two_sided = 0;
  double tied_share = 0;    // share of points sharing their exact location with another
  std::vector<NniOrder> orders;
};

// Clark & Evans' nearest neighbour index with A the study area (not the points' bounding box).
// Points sharing a location are each other's nearest neighbours at distance 0. Throws
// UsageError for fewer than two points, k_orders < 1, more orders than other points, or A <= 0.
NniResult nearest_neighbour_index(const std::vector<double>& x, const std::vector<double>& y, double area_m2,
                                  const NniParams& params = {});

// The same over points already grouped and indexed.
NniResult nearest_neighbour_index(const IndexedLocations& points, double area_m2, const NniParams& params = {});

}  // namespace hotspot
