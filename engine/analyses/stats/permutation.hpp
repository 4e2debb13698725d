// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <vector>

#include "weights/spatial_weights.hpp"

namespace hotspot {

struct PermutationParams {
  int permutations = 999;
  uint64_t seed = 42;
  unsigned threads = 0;  // 0: hardware concurrency; the p-values do not depend on it
};

// Conditional-permutation pseudo p-values. For area i, the values of its neighbours (self
// excluded) are replaced by values drawn without replacement from the other n − 1 areas, each
// drawn value paired with the real weight of its slot (so non-binary weights are honoured),
// and the statistic is recomputed. p_i = (1 + e) / (permutations + 1), with e the number of
// permuted statistics at least as extreme as the observed one on its side (folded, as PySAL and
// GeoDa report); NaN for an island (no neighbour). Area i's draws come from its own generator seeded from (seed, i), so the
// p-values are identical for a given seed whatever the thread count.
//
// Gi*: weights with self included (the self term stays x_i); local Moran: row-standardised.
std::vector<double> gstar_pseudo_p(const SpatialWeights& w, const std::vector<double>& x,
                                   const PermutationParams& params = {});
std::vector<double> local_moran_pseudo_p(const SpatialWeights& w, const std::vector<double>& x,
                                         const PermutationParams& params = {});

}  // namespace hotspot
