// SPDX-License-Identifier: Apache-2.0
#include "weights/gal_gwt.hpp"

#include <fstream>
#include <map>
#include <sstream>

#include "core/errors.hpp"

namespace hotspot {
namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

bool is_gal_or_gwt(const std::string& path) {
  return ends_with(path, ".gal") || ends_with(path, ".gwt") || ends_with(path, ".GAL") || ends_with(path, ".GWT");
}

SpatialWeights read_gal_or_gwt(const std::string& path, const Boundaries& boundaries) {
  std::ifstream in(path);
  if (!in) throw DataError("weights '" + path + "': cannot open");
  std::map<std::string, uint32_t> index;
  for (uint32_t a = 0; a < boundaries.areas.size(); ++a) index[boundaries.areas[a].code] = a;
  const auto area = [&](const std::string& code, size_t line) {
    const auto it = index.find(code);
    if (it == index.end()) {
      throw DataError("weights '" + path + "' line " + std::to_string(line) + ": id '" + code + "' is not an area code");
    }
    return it->second;
  };
  std::string header;
  std::getline(in, header);
  std::vector<std::map<uint32_t, double>> rows(boundaries.areas.size());
  std::string line;
  size_t number = 1;
  const bool gwt = ends_with(path, ".gwt") || ends_with(path, ".GWT");
  while (std::getline(in, line)) {
    ++number;
    std::istringstream fields(line);
    std::string id;
    if (!(fields >> id)) continue;
    if (gwt) {
      std::string other;
      double weight = 0;
      if (!(fields >> other >> weight)) throw DataError("weights '" + path + "' line " + std::to_string(number) + ": want 'id neighbour weight'");
      rows[area(id, number)][area(other, number)] = weight;
    } else {
      size_t count = 0;
      if (!(fields >> count)) throw DataError("weights '" + path + "' line " + std::to_string(number) + ": want 'id count'");
      const uint32_t a = area(id, number);
      std::string list;
      std::getline(in, list);
      ++number;
      std::istringstream ids(list);
      for (size_t k = 0; k < count; ++k) {
        std::string other;
        if (!(ids >> other)) throw DataError("weights '" + path + "' line " + std::to_string(number) + ": fewer neighbours than its count");
        rows[a][area(other, number)] = 1.0;
      }
    }
  }
  SpatialWeights w;
  for (const auto& row : rows) {
    w.neighbours.emplace_back();
    w.weights.emplace_back();
    for (const auto& [b, weight] : row) {
      w.neighbours.back().push_back(b);
      w.weights.back().push_back(weight);
    }
  }
  return w;
}

}  // namespace hotspot
