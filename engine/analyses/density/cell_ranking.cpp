// SPDX-License-Identifier: Apache-2.0
#include "analyses/density/cell_ranking.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>

#include <boost/sort/spreadsort/integer_sort.hpp>

#include "analyses/union_find.hpp"
#include "core/parallel.hpp"

namespace hotspot {

std::vector<int64_t> cells_at_or_above(const DensitySurface& s, float threshold) {
  std::vector<int64_t> out;
  for (int64_t c = 0; c < static_cast<int64_t>(s.value.size()); ++c) {
    if (s.mask[c] && s.value[c] > 0 && s.value[c] >= threshold) out.push_back(c);
  }
  return out;
}

namespace {

// top_cells' bucket of cell c: the top 16 bits of its value plus one (positive floats order as
// their bit patterns), or 0 for a zero or a cell outside the study area.
uint32_t bucket_of(const DensitySurface& s, size_t c) {
  uint32_t b;
  std::memcpy(&b, &s.value[c], sizeof b);
  return s.mask[c] && s.value[c] > 0 ? (b >> 16) + 1 : 0u;
}

}  // namespace

void count_buckets(const DensitySurface& s, size_t first, size_t last, std::vector<int64_t>& count) {
  count.assign(kValueBuckets, 0);
  for (size_t c = first; c < last; ++c) ++count[bucket_of(s, c)];
}

std::vector<int64_t> top_cells(const DensitySurface& s, int64_t n) {
  if (n <= 0) return {};
  std::vector<int64_t> count;
  count_buckets(s, 0, s.value.size(), count);
  return top_cells(s, n, count);
}

std::vector<int64_t> top_cells(const DensitySurface& s, int64_t n, const std::vector<int64_t>& count) {
  if (n <= 0) return {};
  // A radix select: the cells of the buckets holding the n highest are taken, and only those sorted.
  uint32_t low = kValueBuckets - 1;  // the lowest bucket taken
  int64_t taken = count[low];
  while (taken < n && low > 1) taken += count[--low];
  // The candidates, a slice of the grid on each core (the bandwidth search ranks a county's
  // millions of cells once or twice per bandwidth while its folds wait). Room for all of them in
  // each slice's list, made here: a list grown on another thread would grow that thread's heap.
  const size_t cells = s.value.size(), workers = worker_count(cells, size_t{1} << 20);
  std::vector<std::vector<std::pair<float, int64_t>>> found(workers);
  for (auto& f : found) f.reserve(static_cast<size_t>(taken));
  parallel_for(workers, [&](size_t w) {
    for (size_t c = slice_begin(cells, w, workers), last = slice_begin(cells, w + 1, workers); c < last; ++c) {
      if (bucket_of(s, c) >= low) found[w].push_back({s.value[c], static_cast<int64_t>(c)});
    }
  });
  std::vector<std::pair<float, int64_t>> candidates = std::move(found[0]);
  for (size_t w = 1; w < workers; ++w) candidates.insert(candidates.end(), found[w].begin(), found[w].end());
  return highest_cells(candidates, static_cast<size_t>(n));
}

std::vector<int64_t> highest_cells(std::vector<std::pair<float, int64_t>>& ranked, size_t n) {
  n = std::min(n, ranked.size());
  std::vector<int64_t> out(n);
  if (n == 0) return out;
  const auto widest = std::max_element(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  if (widest->second < (int64_t{1} << 32)) {
    // One integer per pair that sorts in rank order: a positive float's bits rise with its value,
    // so their complement above the cell index. Boost's spreadsort (a radix sort) orders them
    // several times faster than comparing pairs: the bandwidth search ranks hundreds of
    // thousands of cells per fold and bandwidth.
    std::vector<uint64_t> keys(ranked.size());
    for (size_t k = 0; k < ranked.size(); ++k) {
      uint32_t bits;
      std::memcpy(&bits, &ranked[k].first, sizeof bits);
      keys[k] = (static_cast<uint64_t>(~bits) << 32) | static_cast<uint64_t>(ranked[k].second);
    }
    if (n < keys.size()) {
      std::nth_element(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(n - 1), keys.end());
      keys.resize(n);
    }
    boost::sort::spreadsort::integer_sort(keys.begin(), keys.end());
    for (size_t k = 0; k < n; ++k) out[k] = static_cast<int64_t>(keys[k] & 0xffffffffu);
    return out;
  }
  const auto before = [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; };
  if (n < ranked.size()) std::nth_element(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(n - 1), ranked.end(), before);
  std::sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(n), before);
  for (size_t k = 0; k < n; ++k) out[k] = ranked[k].second;
  return out;
}

void sort_by_cell(std::vector<CellPlace>::iterator first, std::vector<CellPlace>::iterator last) {
  boost::sort::spreadsort::integer_sort(
      first, last, [](const CellPlace& e, unsigned shift) { return e.first >> shift; },
      [](const CellPlace& a, const CellPlace& b) { return a.first < b.first; });
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
