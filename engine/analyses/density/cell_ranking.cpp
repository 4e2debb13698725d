// SPDX-License-Identifier: Apache-2.0
#include "analyses/density/cell_ranking.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>

#include "analyses/union_find.hpp"

namespace hotspot {

std::vector<int64_t> cells_at_or_above(const DensitySurface& s, float threshold) {
  std::vector<int64_t> out;
  for (int64_t c = 0; c < static_cast<int64_t>(s.value.size()); ++c) {
    if (s.mask[c] && s.value[c] > 0 && s.value[c] >= threshold) out.push_back(c);
  }
  return out;
}

std::vector<int64_t> top_cells(const DensitySurface& s, int64_t n) {
  if (n <= 0) return {};
  // The n-th highest value by a radix select: positive floats order as their bit patterns, so
  // one pass counts the cells by the top 16 bits, and only the bucket holding the n-th is sorted.
  const auto bits = [](float v) { uint32_t b; std::memcpy(&b, &v, sizeof b); return b; };
  std::vector<int64_t> bucket(65536, 0);
  int64_t positive = 0;
  for (size_t c = 0; c < s.value.size(); ++c) {
    if (s.mask[c] && s.value[c] > 0) ++bucket[bits(s.value[c]) >> 16], ++positive;
  }
  if (positive == 0) return {};
  float cut = 0;  // the n-th highest value: every cell above it is in, ties at it by index
  if (n < positive) {
    uint32_t top = 65535;
    int64_t above = 0;  // cells in buckets above `top`
    while (above + bucket[top] < n) above += bucket[top--];
    std::vector<float> in_bucket;
    for (size_t c = 0; c < s.value.size(); ++c) {
      if (s.mask[c] && s.value[c] > 0 && bits(s.value[c]) >> 16 == top) in_bucket.push_back(s.value[c]);
    }
    const auto nth = in_bucket.begin() + (n - above - 1);
    std::nth_element(in_bucket.begin(), nth, in_bucket.end(), std::greater<float>());
    cut = *nth;
  }
  std::vector<int64_t> out = cells_at_or_above(s, cut);
  std::stable_sort(out.begin(), out.end(), [&](int64_t a, int64_t b) { return s.value[a] > s.value[b]; });
  if (static_cast<int64_t>(out.size()) > n) out.resize(static_cast<size_t>(n));
  return out;
}

int64_t cells_for_coverage(double coverage, int64_t study_cells) {
  const double n = std::ceil(coverage * static_cast<double>(study_cells) - 1e-9);
  return std::max<int64_t>(1, static_cast<int64_t>(n));
}

std::vector<std::vector<int64_t>> connected_groups(const Grid& grid, const std::vector<int64_t>& cells) {
  std::vector<int64_t> sorted = cells;
  std::sort(sorted.begin(), sorted.end());
  auto position = [&](int64_t cell) -> int64_t {
    const auto it = std::lower_bound(sorted.begin(), sorted.end(), cell);
    return it != sorted.end() && *it == cell ? it - sorted.begin() : -1;
  };
  UnionFind sets(sorted.size());
  for (size_t i = 0; i < sorted.size(); ++i) {
    const int64_t c = sorted[i];
    if ((c % grid.cols) + 1 < grid.cols) {
      if (const int64_t j = position(c + 1); j >= 0) sets.unite(static_cast<uint32_t>(i), static_cast<uint32_t>(j));
    }
    if (const int64_t j = position(c + grid.cols); j >= 0) sets.unite(static_cast<uint32_t>(i), static_cast<uint32_t>(j));
  }
  std::vector<std::vector<int64_t>> groups;
  std::vector<int64_t> group_of_root(sorted.size(), -1);
  for (int64_t cell : cells) {
    const uint32_t root = sets.find(static_cast<uint32_t>(position(cell)));
    if (group_of_root[root] < 0) {
      group_of_root[root] = static_cast<int64_t>(groups.size());
      groups.emplace_back();
    }
    groups[static_cast<size_t>(group_of_root[root])].push_back(cell);
  }
  for (auto& g : groups) std::sort(g.begin(), g.end());
  return groups;
}

}  // namespace hotspot
