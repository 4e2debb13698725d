// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analyses/density/kernel_density.hpp"
#include "analyses/density/tasking_set.hpp"

namespace hotspot {

// `--bandwidth auto` (and `--recency auto`): the bandwidth, and the recency weight, whose tasking
// hotspots best catch incidents left out, by blocked cross-validation in time. The incidents are
// cut into up to 6 folds of consecutive months (one month each for 6 months, two for 12, ...;
// without months, 6 sets dealt in load order). For each candidate and each fold, the surface of
// the other folds' incidents is made, its tasking hotspots taken (tasking_hotspots: the top N
// within the area budget), and the fold's incidents inside them counted. The candidate with the
// most hits over all folds (the best hit rate, so the best PAI at the budget) wins; a tie goes to
// the smaller bandwidth and to no decay.
//
// Recency (prospective hotspotting, Bowers, Johnson & Pease 2004): each incident weighs
// exp(-age / tau), age in months from the months predicted: for a fold, the months between the
// incident's month and the fold's nearest month (1 for the month next to it, on either side);
// for the published surface, the months before the month after the data (1 for the last month).
//
// Why not likelihood cross-validation: police.uk snaps incidents to a fixed set of points, so
// leaving one incident out still leaves others at the same spot, and the criterion runs to
// h -> 0. Leaving out whole months asks the question the map is for (where will incidents
// be?), and incidents that recur at a snap point in another month are real repeats, not ties.
// Each fold is fitted on 5/6 of the incidents, close to the whole.
//
// Candidates: bandwidths from the cell size upwards by factors of sqrt(2), rounded to whole
// metres, up to 1,600 m or half the study area's shorter side; recency none or tau of 1, 2, 3, 6
// and 12 months. With both chosen the search goes by turns: the bandwidths without decay, the
// recency weights at the best bandwidth, then (when a decay won) the bandwidths again at it.
struct BandwidthTrial {
  double bandwidth_m = 0;
  std::optional<double> tau_months;  // none: no decay
  double hit_rate = 0;  // of all incidents, each in the hotspots made without its fold
};

struct BandwidthChoice {
  double bandwidth_m = 0;
  std::optional<double> tau_months;
  std::string split;  // how the folds were made, for the summary
  int folds = 0;
  uint64_t incidents = 0;
  std::vector<BandwidthTrial> trials;  // in the order tried
  double margin = 0;                   // the winner's hit rate less the runner-up's
  std::vector<std::string> warnings;   // e.g. the choice is at an end of the candidates
};

struct ChoiceParams {
  Kernel kernel = Kernel::quartic;
  HotspotBudget budget;
  std::optional<double> bandwidth_m;  // fixed; none: chosen
  bool choose_recency = false;
  std::optional<double> tau_months;   // fixed when not chosen; none: no decay
};

std::vector<double> candidate_bandwidths(double cell_m, const Extent& study);
std::vector<double> candidate_taus();

// The recency weight of each incident for a surface predicting the month after `month`'s last
// (1 for every incident without tau). Throws DataError when tau is given and a month is unknown.
std::vector<double> recency_weights(const std::vector<int32_t>& month, std::optional<double> tau_months);

// `month` is YYYYMM per incident (0 = unknown). Throws DataError with fewer than two incidents,
// or when recency is asked for and months are unknown.
BandwidthChoice choose_bandwidth(const std::vector<double>& x, const std::vector<double>& y,
                                 const std::vector<int32_t>& month, const DensitySurface& study_grid,
                                 const ChoiceParams& params, const Progress& progress = {});

}  // namespace hotspot
