// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <random>
#include <utility>
#include <vector>

#include "core/progress.hpp"

namespace hotspot {

struct NnhParams {
  std::optional<double> threshold_m;  // a fixed threshold for every order; else from `probability`
  double probability = 0.5;           // one-tailed, 0 < p < 1 (CrimeStat's choices: 0.5 ... 0.00001)
  int min_points = 10;                // points (of that order) a linked group needs to be a cluster
  int simulations = 0;                // Monte Carlo runs of first-order clustering under CSR
  uint64_t seed = 42;
  int max_orders = 10;
};

struct NnhCluster {
  int order = 1;
  int rank = 0;                    // 1 = most incidents within its order
  double x = 0, y = 0;             // mean centre of its points (incidents, or lower-order centres)
  std::vector<double> px, py;      // its points: incidents for order 1, member centres above
  std::vector<uint32_t> incidents; // input indices of every incident under it
  std::vector<uint32_t> children;  // for order > 1: indices into NnhResult::clusters
};

struct NnhOrder {
  int order = 1;
  uint64_t points = 0;
  double threshold_m = 0;
  int clusters = 0;
};

struct NnhSimulation {
  int runs = 0;
  double min = 0, p025 = 0, median = 0, p975 = 0, max = 0;  // first-order clusters per run
  double p_value = 0;  // (1 + runs with at least the observed clusters) / (runs + 1)
};

struct NnhResult {
  std::vector<NnhOrder> orders;        // orders that were tried, the last one found no cluster
  std::vector<NnhCluster> clusters;    // by order, then rank
  std::vector<int32_t> first_order;    // per input point: index into clusters, or -1
  std::optional<NnhSimulation> simulation;
  std::vector<std::string> notes;      // why the hierarchy stopped
};

// Draws x.size() points uniformly at random in the study area into x and y; called from several
// threads at once.
using RandomPoints = std::function<void(std::mt19937_64&, std::vector<double>& x, std::vector<double>& y)>;

// Nearest Neighbour Hierarchical clustering, CrimeStat's rule: at each order, pairs of points
// closer than the threshold are linked (single linkage); linked groups of at least min_points
// points are that order's clusters; their mean centres are the next order's points. The
// threshold is fixed, or 0.5·√(A/N) − z(p)·0.26136·√(A/N²) for the N points of the order, with
// z(p) the standard normal quantile of 1 − p. It stops when an order finds no cluster, has fewer
// than min_points points, or its threshold would be <= 0. The simulations (first order under
// complete spatial randomness) run on every core, simulation s drawing from seed ^ splitmix64(s).
// Throws UsageError for bad parameters.
NnhResult nnh(const std::vector<double>& x, const std::vector<double>& y, double area_m2, const NnhParams& params,
              const RandomPoints& random_points = {}, const Progress& progress = {});

}  // namespace hotspot
