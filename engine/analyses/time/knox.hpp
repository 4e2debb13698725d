// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/progress.hpp"

namespace hotspot {

// The Knox test for space-time clustering, as near-repeat analysts run it (R's NearRepeat,
// Steenbeek; the Temple near repeat calculator). Every pair of events is placed by its spatial
// distance into a distance band and by the whole calendar days between them into a time band;
// each band is [from, to) as R's cut(right = FALSE) makes them (0 lies in the first band, the
// last break in none). The observed pair counts are compared with those of `permutations`
// Monte Carlo permutations of the days over the events: expected = their mean, ratio =
// observed / expected, p = (1 + permutations with at least the observed count) /
// (permutations + 1). Pairs are found with a k-d tree within the largest distance, never all N^2.
enum class KnoxMetric { manhattan, euclidean };

struct KnoxOptions {
  std::vector<double> distance_bands;  // breaks in metres, ascending from 0 or more; the last finite
  std::vector<double> time_bands;      // breaks in days, ascending; the last may be infinite
  KnoxMetric metric = KnoxMetric::manhattan;
  uint64_t permutations = 999;
  uint64_t seed = 1;
  unsigned threads = 0;  // 0: every core; the results do not depend on it
};

struct KnoxCell {
  size_t distance_band = 0, time_band = 0;
  uint64_t observed = 0;
  double expected = 0;             // mean of the permutations' counts
  std::optional<double> ratio;     // observed / expected; none when expected is 0
  uint64_t at_least = 0;           // permutations whose count is >= observed
  double p_value = 1;
};

struct KnoxResult {
  std::vector<KnoxCell> cells;  // distance band-major: cells[d * time bands + t]
  uint64_t events = 0;
  uint64_t close_pairs = 0;     // pairs within the largest distance band
};

// What is wrong with a list of band breaks ("" when nothing): fewer than two, negative, not
// ascending, or (distance) an infinite last break.
std::string knox_band_problem(const std::vector<double>& breaks, bool distance);

// x, y in metres, day in whole calendar days (calendar.hpp). Throws UsageError for bands that are
// not ascending, negative, or (distance) infinite, fewer than 2 permutations, or dates spanning
// more than 89 years (days apart are counted in 16 bits).
KnoxResult knox_test(const std::vector<double>& x, const std::vector<double>& y, const std::vector<int32_t>& day,
                     const KnoxOptions& options, const Progress& progress = {});

}  // namespace hotspot
