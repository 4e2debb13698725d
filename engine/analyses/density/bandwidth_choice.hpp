// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "analyses/density/kernel_density.hpp"

namespace hotspot {

// `--bandwidth auto`: the bandwidth whose hotspots best predict incidents left out, by blocked
// cross-validation in time. The incidents are cut into up to 6 folds of consecutive months
// (one month each for 6 months, two for 12, ...; without months, 6 sets dealt in load order).
// For each candidate bandwidth and each fold, the surface of the other folds' incidents is
// ranked, its top `coverage` of the study area taken as hotspots, and the fold's incidents
// inside counted. The candidate with the most hits over all folds (the best hit rate, so the
// best PAI) wins; a tie goes to the smaller bandwidth.
//
// Why not likelihood cross-validation: police.uk snaps incidents to a fixed set of points, so
// leaving one incident out still leaves others at the same spot, and the criterion runs to
// h -> 0. Leaving out whole months asks the question the map is for (where will incidents
// be?), and incidents that recur at a snap point in another month are real repeats, not ties.
// Each fold is fitted on 5/6 of the incidents, close to the whole: a half-and-half split
// would favour bandwidths too wide for the full data.
//
// Candidates run from twice the cell size upwards by factors of sqrt(2), rounded to whole
// metres, up to 1,600 m or half the study area's shorter side.
struct BandwidthTrial {
  double bandwidth_m = 0;
  double hit_rate = 0;  // of all incidents, each in the hotspots made without its fold
};

struct BandwidthChoice {
  double bandwidth_m = 0;
  std::string split;  // how the folds were made, for the summary
  int folds = 0;
  uint64_t incidents = 0;
  std::vector<BandwidthTrial> trials;
};

std::vector<double> candidate_bandwidths(double cell_m, const Extent& study);

// `month` is YYYYMM per incident (0 = unknown). Throws DataError with fewer than two incidents.
BandwidthChoice choose_bandwidth(const std::vector<double>& x, const std::vector<double>& y,
                                 const std::vector<int32_t>& month, const DensitySurface& study_grid,
                                 Kernel kernel, double coverage, const Progress& progress = {});

}  // namespace hotspot
