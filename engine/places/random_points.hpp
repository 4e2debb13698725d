// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <memory>
#include <random>
#include <utility>
#include <vector>

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

  // x.size() points into x and y: the same points, from the same draws of rng, as that many calls
  // of operator() in turn, made in batches whose look-ups overlap (each point's triangle is a
  // cache miss or two in tables of megabytes; the NNH simulations draw millions).
  void draw(std::mt19937_64& rng, std::vector<double>& x, std::vector<double>& y) const;

 private:
  struct Impl;
  std::shared_ptr<const Impl> impl_;
};

}  // namespace hotspot
