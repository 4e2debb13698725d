// SPDX-License-Identifier: Apache-2.0
#include "weights/weights_spec.hpp"

#include "core/errors.hpp"
#include "weights/gal_gwt.hpp"

namespace hotspot {
namespace {

double spec_number(const std::string& spec, const std::string& flag) {
  const std::string text = spec.substr(spec.find(':') + 1);
  size_t used = 0;
  double v = 0;
  try {
    v = std::stod(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != text.size() || !(v > 0)) throw UsageError(flag + " '" + spec + "': needs a positive number after ':'");
  return v;
}

}  // namespace

void check_weights_spec(const std::string& spec, const std::string& flag) {
  if (spec == "queen" || spec == "rook" || is_gal_or_gwt(spec)) return;
  if (spec.rfind("knn:", 0) == 0 || spec.rfind("distance:", 0) == 0) {
    spec_number(spec, flag);
    return;
  }
  throw UsageError(flag + " '" + spec + "': choose queen, rook, knn:K, distance:METRES or a .gal/.gwt file");
}

SpatialWeights weights_from_spec(const Boundaries& boundaries, const std::string& spec, const std::string& flag) {
  if (spec == "queen") return contiguity_weights(boundaries, Contiguity::queen);
  if (spec == "rook") return contiguity_weights(boundaries, Contiguity::rook);
  if (spec.rfind("knn:", 0) == 0) return knn_weights(boundaries, static_cast<int>(spec_number(spec, flag)));
  if (spec.rfind("distance:", 0) == 0) return distance_band_weights(boundaries, spec_number(spec, flag));
  check_weights_spec(spec, flag);
  return read_gal_or_gwt(spec, boundaries);
}

}  // namespace hotspot
