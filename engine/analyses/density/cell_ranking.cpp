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
  // A radix select: positive floats order as their bit patterns. One pass counts the study
  // cells by the top 16 bits of their value, plus one (bucket 0 holds zeros and cells outside);
  // a second takes the cells of the buckets holding the n highest, and only those are sorted.
  const auto bucket_of = [&](size_t c) {
    uint32_t b;
    std::memcpy(&b, &s.value[c], sizeof b);
    return s.mask[c] && s.value[c] > 0 ? (b >> 16) + 1 : 0u;
  };
  std::vector<int64_t> count(65537, 0);
  for (size_t c = 0; c < s.value.size(); ++c) ++count[bucket_of(c)];
  uint32_t low = 65536;  // the lowest bucket taken
  for (int64_t taken = count[low]; taken < n && low > 1;) taken += count[--low];
  std::vector<int64_t> out;
  for (size_t c = 0; c < s.value.size(); ++c) {
    if (bucket_of(c) >= low) out.push_back(static_cast<int64_t>(c));
  }
  // By value, ties by index; the first n are the top cells (only they need sorting).
  const auto before = [&](int64_t a, int64_t b) { return s.value[a] != s.value[b] ? s.value[a] > s.value[b] : a < b; };
  if (static_cast<int64_t>(out.size()) > n) {
    std::nth_element(out.begin(), out.begin() + n - 1, out.end(), before);
    out.resize(static_cast<size_t>(n));
  }
  std::sort(out.begin(), out.end(), before);
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
