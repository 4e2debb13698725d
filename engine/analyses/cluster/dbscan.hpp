// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <vector>

#include "core/progress.hpp"

namespace hotspot {

struct IndexedLocations;

struct DbscanParams {
  double eps_m = 100;   // neighbourhood radius, inclusive (distance <= eps)
  int min_points = 10;  // points within eps, the point itself included, to be a core point
};

struct DbscanResult {
  std::vector<int32_t> label;  // per input point: cluster 0..clusters-1, or -1 for noise
  std::vector<char> core;      // per input point
  int32_t clusters = 0;
};

// DBSCAN with scikit-learn's semantics (sklearn.cluster.DBSCAN, kd_tree): the same core points
// and the same labels. Clusters are numbered in the order of their lowest-index core point; a
// border point (not core, within eps of a core point) joins the lowest-numbered cluster among
// its core neighbours, as scikit-learn's depth-first expansion does. Memory is O(points): no
// neighbourhood is stored. Throws UsageError for eps <= 0 or min_points < 1.
DbscanResult dbscan(const std::vector<double>& x, const std::vector<double>& y, const DbscanParams& params,
                    const Progress& progress = {});

// The same over points already grouped and indexed.
DbscanResult dbscan(const IndexedLocations& points, const DbscanParams& params, const Progress& progress = {});

}  // namespace hotspot
