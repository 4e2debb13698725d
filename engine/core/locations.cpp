// SPDX-License-Identifier: Apache-2.0
#include "core/locations.hpp"

#include <algorithm>
#include <bit>

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

Locations distinct_locations(const std::vector<double>& x, const std::vector<double>& y) {
  // An open-addressing table of location numbers, at most half full.
  const size_t n = x.size();
  size_t slots = 16;
  while (slots < 2 * n) slots *= 2;
  std::vector<uint32_t> table(slots, kEmpty);
  Locations l;
  l.of_point.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const double px = x[i] + 0.0, py = y[i] + 0.0;  // -0 as 0
    size_t s = mix(std::bit_cast<uint64_t>(px) ^ mix(std::bit_cast<uint64_t>(py))) & (slots - 1);
    while (table[s] != kEmpty && (l.x[table[s]] != px || l.y[table[s]] != py)) s = (s + 1) & (slots - 1);
    if (table[s] == kEmpty) {
      table[s] = static_cast<uint32_t>(l.size());
      l.x.push_back(px);
      l.y.push_back(py);
      l.weight.push_back(0);
      l.first.push_back(static_cast<uint32_t>(i));
    }
    ++l.weight[table[s]];
    l.of_point[i] = table[s];
  }
  return l;
}

Locations group_locations(const std::vector<double>& x, const std::vector<double>& y) {
  const Locations seen = distinct_locations(x, y);
  struct Key {
    double x, y;
    uint32_t id;
  };
  std::vector<Key> keys(seen.size());
  for (uint32_t j = 0; j < seen.size(); ++j) keys[j] = {seen.x[j], seen.y[j], j};
  std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
  Locations l;
  l.x.resize(keys.size());
  l.y.resize(keys.size());
  l.weight.resize(keys.size());
  l.first.resize(keys.size());
  std::vector<uint32_t> rank(keys.size());
  for (uint32_t k = 0; k < keys.size(); ++k) {
    const uint32_t j = keys[k].id;
    rank[j] = k;
    l.x[k] = seen.x[j];
    l.y[k] = seen.y[j];
    l.weight[k] = seen.weight[j];
    l.first[k] = seen.first[j];
  }
  l.of_point.resize(x.size());
  for (size_t i = 0; i < x.size(); ++i) l.of_point[i] = rank[seen.of_point[i]];
  return l;
}

}  // namespace hotspot
