// SPDX-License-Identifier: Apache-2.0
#include "weights/weights_spec.hpp"

#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "core/errors.hpp"
#include "weights/gal_gwt.hpp"

namespace hotspot {

WeightsSpec WeightsSpec::parse(const std::string& text, const std::string& key) {
  WeightsSpec s;
  if (text == "queen") return s;
  if (text == "rook") {
    s.kind = Kind::rook;
    return s;
  }
  if (is_gal_or_gwt(text)) {
    s.kind = Kind::file;
    s.path = text;
    return s;
  }
  const bool knn = text.rfind("knn:", 0) == 0, distance = text.rfind("distance:", 0) == 0;
  if (!knn && !distance) throw OptionError(key, text, "choose queen, rook, knn:K, distance:METRES or a .gal/.gwt file");
  const std::string number = text.substr(text.find(':') + 1);
  double v = 0;
  const auto r = std::from_chars(number.data(), number.data() + number.size(), v);
  if (number.empty() || r.ec != std::errc() || r.ptr != number.data() + number.size() || !(v > 0) || !std::isfinite(v)) {
    throw OptionError(key, text, "needs a positive number after ':'");
  }
  if (knn) {
    if (v != std::floor(v) || v > 1e6) throw OptionError(key, text, "K must be a whole number");
    s.kind = Kind::knn;
    s.k = static_cast<int>(v);
  } else {
    s.kind = Kind::distance;
    s.distance_m = v;
  }
  return s;
}

std::string WeightsSpec::text() const {
  switch (kind) {
    case Kind::queen: return "queen";
    case Kind::rook: return "rook";
    case Kind::knn: return "knn:" + std::to_string(k);
    case Kind::distance: return fmt::format("distance:{}", distance_m);
    case Kind::file: return path;
  }
  return "";
}

SpatialWeights build_weights(const Boundaries& boundaries, const WeightsSpec& spec) {
  switch (spec.kind) {
    case WeightsSpec::Kind::queen: return contiguity_weights(boundaries, Contiguity::queen);
    case WeightsSpec::Kind::rook: return contiguity_weights(boundaries, Contiguity::rook);
    case WeightsSpec::Kind::knn: return knn_weights(boundaries, spec.k);
    case WeightsSpec::Kind::distance: return distance_band_weights(boundaries, spec.distance_m);
    case WeightsSpec::Kind::file: return read_gal_or_gwt(spec.path, boundaries);
  }
  return {};
}

}  // namespace hotspot
