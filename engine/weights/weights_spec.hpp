// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>

#include "inputs/boundaries.hpp"
#include "weights/spatial_weights.hpp"

namespace hotspot {

// Which spatial weights to build, parsed once from "queen", "rook", "knn:K", "distance:METRES"
// or the path of a GeoDa .gal/.gwt file whose ids are the area codes.
struct WeightsSpec {
  enum class Kind { queen, rook, knn, distance, file } kind = Kind::queen;
  int k = 0;              // knn
  double distance_m = 0;  // distance
  std::string path;       // file

  // Throws OptionError naming `key` for text of none of those forms (files are not opened).
  static WeightsSpec parse(const std::string& text, const std::string& key);
  std::string text() const;  // as parse() takes it
};

// Throws DataError for a bad file, UsageError when k leaves no neighbours.
SpatialWeights build_weights(const Boundaries& boundaries, const WeightsSpec& spec);

}  // namespace hotspot
