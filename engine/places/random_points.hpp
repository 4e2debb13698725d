// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <memory>
#include <random>
#include <utility>

#include "inputs/boundaries.hpp"

namespace hotspot {

// Draws points uniformly in the study area: a triangle of the areas' triangulation chosen in
// proportion to its area, then a uniform point in it (exact, and no rejection). Areas are taken
// not to overlap, as a boundary set's do. Safe to call from several threads at once; the
// boundaries are read only while it is made.
class RandomPointSampler {
 public:
  explicit RandomPointSampler(const Boundaries& boundaries);
  std::pair<double, double> operator()(std::mt19937_64& rng) const;

 private:
  struct Impl;
  std::shared_ptr<const Impl> impl_;
};

}  // namespace hotspot
