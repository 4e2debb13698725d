// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <memory>
#include <random>
#include <utility>

#include "inputs/boundaries.hpp"

namespace hotspot {

// Draws points uniformly in the study area (the union of the areas): uniform in its bounding
// box, kept when it falls in an area. The boundaries must outlive the sampler.
class RandomPointSampler {
 public:
  explicit RandomPointSampler(const Boundaries& boundaries);
  std::pair<double, double> operator()(std::mt19937_64& rng) const;

 private:
  struct Impl;
  std::shared_ptr<const Impl> impl_;
};

}  // namespace hotspot
