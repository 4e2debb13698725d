// SPDX-License-Identifier: Apache-2.0
#include "analyses/cluster/locations.hpp"

#include <algorithm>
#include <numeric>

namespace hotspot {

Locations group_locations(const std::vector<double>& x, const std::vector<double>& y) {
  std::vector<uint32_t> order(x.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return x[a] < x[b] || (x[a] == x[b] && (y[a] < y[b] || (y[a] == y[b] && a < b)));
  });
  Locations l;
  l.of_point.resize(x.size());
  for (size_t k = 0; k < order.size(); ++k) {
    const uint32_t i = order[k];
    if (k == 0 || x[i] != l.x.back() || y[i] != l.y.back()) {
      l.x.push_back(x[i]);
      l.y.push_back(y[i]);
      l.weight.push_back(0);
      l.first.push_back(i);  // the sort puts the smallest index of a location first
    }
    ++l.weight.back();
    l.of_point[i] = static_cast<uint32_t>(l.size() - 1);
  }
  return l;
}

}  // namespace hotspot
