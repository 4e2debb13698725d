// SPDX-License-Identifier: Apache-2.0
#include "core/locations.hpp"

#include <algorithm>
#include <bit>
#include <numeric>

namespace hotspot {
namespace {

constexpr uint32_t kEmpty = UINT32_MAX;

uint64_t mix(uint64_t h) {  // the splitmix64 finaliser
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  return h ^ (h >> 31);
}

}  // namespace

Locations group_locations(const std::vector<double>& x, const std::vector<double>& y) {
  // Locations in order of first appearance, found through an open-addressing table of their
  // numbers (at most half full).
  const size_t n = x.size();
  size_t slots = 16;
  while (slots < 2 * n) slots *= 2;
  std::vector<uint32_t> table(slots, kEmpty);
  Locations seen;
  seen.of_point.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const double px = x[i] + 0.0, py = y[i] + 0.0;  // -0 as 0
    size_t s = mix(std::bit_cast<uint64_t>(px) ^ mix(std::bit_cast<uint64_t>(py))) & (slots - 1);
    while (table[s] != kEmpty && (seen.x[table[s]] != px || seen.y[table[s]] != py)) s = (s + 1) & (slots - 1);
    if (table[s] == kEmpty) {
      table[s] = static_cast<uint32_t>(seen.size());
      seen.x.push_back(px);
      seen.y.push_back(py);
      seen.weight.push_back(0);
      seen.first.push_back(static_cast<uint32_t>(i));
    }
    ++seen.weight[table[s]];
    seen.of_point[i] = table[s];
  }
  // Then sorted by (x, y).
  std::vector<uint32_t> order(seen.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return seen.x[a] < seen.x[b] || (seen.x[a] == seen.x[b] && seen.y[a] < seen.y[b]);
  });
  Locations l;
  std::vector<uint32_t> rank(seen.size());
  for (uint32_t k = 0; k < order.size(); ++k) {
    const uint32_t j = order[k];
    rank[j] = k;
    l.x.push_back(seen.x[j]);
    l.y.push_back(seen.y[j]);
    l.weight.push_back(seen.weight[j]);
    l.first.push_back(seen.first[j]);
  }
  l.of_point = std::move(seen.of_point);
  for (auto& loc : l.of_point) loc = rank[loc];
  return l;
}

}  // namespace hotspot
