// SPDX-License-Identifier: Apache-2.0
#include "weights/gal_gwt.hpp"

#include <sstream>

#include "outputs/styles.hpp"

namespace hotspot {

void write_gal(const std::string& path, const Boundaries& boundaries, const SpatialWeights& w) {
  std::ostringstream out;
  out << "0 " << w.size() << " hotspot code\n";
  for (size_t a = 0; a < w.size(); ++a) {
    out << boundaries.areas[a].code << ' ' << w.neighbours[a].size() << '\n';
    for (size_t k = 0; k < w.neighbours[a].size(); ++k) out << (k ? " " : "") << boundaries.areas[w.neighbours[a][k]].code;
    out << '\n';
  }
  write_text(path, out.str());
}

void write_gwt(const std::string& path, const Boundaries& boundaries, const SpatialWeights& w) {
  std::ostringstream out;
  out.precision(17);
  out << "0 " << w.size() << " hotspot code\n";
  for (size_t a = 0; a < w.size(); ++a) {
    for (size_t k = 0; k < w.neighbours[a].size(); ++k) {
      out << boundaries.areas[a].code << ' ' << boundaries.areas[w.neighbours[a][k]].code << ' ' << w.weights[a][k] << '\n';
    }
  }
  write_text(path, out.str());
}

}  // namespace hotspot
