// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <random>
#include <set>

#include "analyses/density/cell_ranking.hpp"
#include "analyses/density/tasking_set.hpp"

using namespace hotspot;

namespace {

// The rule written out the slow way: for each k, the 4-connected groups of the k densest cells
// found by flood fill, ranked, and their top N's area; the set is the top N at the last k before
// the first whose top N exceeds the budget. `all_joined`: whether no k did (every positive cell joined).
std::vector<std::vector<int64_t>> brute_force(const DensitySurface& s, const CellCounts& counts, const HotspotBudget& b,
                                              bool* all_joined = nullptr) {
  std::map<int64_t, CellIncidents> of_cell;
  for (const CellCount& k : counts) of_cell[k.cell] = k.incidents;
  std::vector<int64_t> order;
  for (int64_t c = 0; c < s.grid.cells(); ++c) {
    if (s.mask[c] && s.value[c] > 0) order.push_back(c);
  }
  std::stable_sort(order.begin(), order.end(), [&](int64_t a, int64_t c) { return s.value[a] > s.value[c]; });
  const int64_t budget = std::max<int64_t>(1, static_cast<int64_t>(std::floor(b.coverage * static_cast<double>(s.study_cells) + 1e-9)));
  const auto top_at = [&](size_t k) {
    std::map<int64_t, size_t> rank_of;  // cell -> order
    for (size_t i = 0; i < k; ++i) rank_of[order[i]] = i;
    std::set<int64_t> seen;
    struct G {
      double weight = 0;
      uint64_t count = 0;
      size_t first = 0;
      std::vector<int64_t> cells;
    };
    std::vector<G> groups;
    for (size_t i = 0; i < k; ++i) {
      if (seen.count(order[i])) continue;
      G g;
      g.first = i;
      std::vector<int64_t> stack = {order[i]};
      seen.insert(order[i]);
      while (!stack.empty()) {
        const int64_t c = stack.back();
        stack.pop_back();
        g.cells.push_back(c);
        g.first = std::min(g.first, rank_of[c]);
        if (const auto it = of_cell.find(c); it != of_cell.end()) {
          g.weight += it->second.weight;
          g.count += it->second.count;
        }
        const int64_t col = c % s.grid.cols;
        for (int64_t n : {col > 0 ? c - 1 : -1, col + 1 < s.grid.cols ? c + 1 : -1, c - s.grid.cols, c + s.grid.cols}) {
          if (n >= 0 && rank_of.count(n) && !seen.count(n)) {
            seen.insert(n);
            stack.push_back(n);
          }
        }
      }
      if (g.count >= static_cast<uint64_t>(b.min_incidents)) groups.push_back(g);
    }
    std::sort(groups.begin(), groups.end(), [](const G& a, const G& c) {
      return a.weight != c.weight ? a.weight > c.weight : a.first < c.first;
    });
    if (groups.size() > static_cast<size_t>(b.top)) groups.resize(static_cast<size_t>(b.top));
    std::vector<std::vector<int64_t>> out;
    int64_t area = 0;
    for (auto& g : groups) {
      std::sort(g.cells.begin(), g.cells.end());
      area += static_cast<int64_t>(g.cells.size());
      out.push_back(g.cells);
    }
    return std::make_pair(area, out);
  };
  size_t k = 0;
  while (k < order.size() && top_at(k + 1).first <= budget) ++k;
  if (all_joined) *all_joined = k == order.size();
  return top_at(k).second;
}

}  // namespace

TEST_CASE("tasking hotspots: the top N groups grown until the budget, as a flood fill finds them", "[kde][tasking]") {
  std::mt19937 rng(7);
  int top_all = 0;     // trials with every group ranked that found more than 4
  int all_joined = 0;  // trials in which every positive cell joined without filling the budget
  for (int trial = 0; trial < 120; ++trial) {
    // Small grids, then larger ones whose many groups merge while ranked below the top, so that
    // the top's losses are made good from a rest that has changed since.
    DensitySurface s;
    s.grid = trial < 60 ? Grid{0, 0, 10, 9 + trial % 5, 8 + trial % 3} : Grid{0, 0, 10, 24 + trial % 7, 20 + trial % 5};
    const auto n = static_cast<size_t>(s.grid.cells());
    s.value.assign(n, 0.0f);
    s.mask.assign(n, 1);
    std::uniform_int_distribution<int> level(0, 6), coin(0, 9);
    const bool sparse = trial % 6 == 5;  // a small bandwidth's islands: few positive cells, often all joining
    for (size_t c = 0; c < n; ++c) {
      s.value[c] = sparse && coin(rng) != 0 ? 0.0f : static_cast<float>(level(rng));  // ties and zeros on purpose
      if (coin(rng) == 0) s.mask[c] = 0;
    }
    s.study_cells = std::count(s.mask.begin(), s.mask.end(), 1);
    std::vector<int64_t> incident_cells;
    std::vector<double> weights;
    for (size_t c = 0; c < n; ++c) {
      const int k = coin(rng) < 4 ? coin(rng) : 0;
      for (int i = 0; i < k; ++i) {
        incident_cells.push_back(static_cast<int64_t>(c));
        weights.push_back(trial % 2 ? 1.0 : 0.25 + 0.1 * i);
      }
    }
    const CellCounts counts = cell_counts(incident_cells, weights);
    HotspotBudget b;
    b.top = trial % 5 == 4 ? std::numeric_limits<int>::max() : 1 + trial % 4;  // or every group, as the backtest asks
    b.coverage = 0.05 + 0.05 * (trial % 4);
    b.min_incidents = 1 + trial % 3;
    const auto got = tasking_hotspots(s, counts, b);
    INFO("trial " << trial);
    bool joined = false;
    CHECK(got == brute_force(s, counts, b, &joined));
    all_joined += joined;
    // Through the ranking, told how many cells are positive (or more): the same, fetched at once.
    const TopCells top_of = [&](int64_t k) { return top_cells(s, k); };
    int64_t positive = 0;
    for (size_t c = 0; c < n; ++c) positive += s.mask[c] && s.value[c] > 0;
    CHECK(tasking_hotspots(s.grid, s.study_cells, top_of, counts, b, positive) == got);
    CHECK(tasking_hotspots(s.grid, s.study_cells, top_of, counts, b, positive + 7) == got);
    int64_t area = 0;
    for (const auto& g : got) area += static_cast<int64_t>(g.size());
    CHECK(area <= budget_cells(b.coverage, s.study_cells));
    CHECK(got.size() <= static_cast<size_t>(b.top));
    if (b.top > 4) top_all += got.size() > 4;
  }
  CHECK(top_all > 3);
  CHECK(all_joined > 3);
  CHECK(all_joined < 100);
}

TEST_CASE("cell counts: by cell, each cell's weights summed in the order given, none outside or weightless", "[kde][tasking]") {
  // 0.1 + 0.2 + 0.3 is 0.6000000000000001 in that order and 0.6 from the other end: the order is kept.
  const CellCounts got = cell_counts({9, -1, 4, 9, 4, 9, 7}, {0.1, 1.0, 2.0, 0.2, 0.0, 0.3, -1.0});
  REQUIRE(got.size() == 2);
  CHECK(got[0].cell == 4);
  CHECK(got[0].incidents.count == 1);
  CHECK(got[0].incidents.weight == 2.0);
  CHECK(got[1].cell == 9);
  CHECK(got[1].incidents.count == 3);
  CHECK(got[1].incidents.weight == (0.1 + 0.2) + 0.3);
  CHECK(got[1].incidents.weight != 0.1 + (0.2 + 0.3));
  CHECK(cell_counts({}, {}).empty());
}

TEST_CASE("tasking hotspots: a sharp peak grows to fill the budget; nothing without incidents", "[kde][tasking]") {
  DensitySurface s;
  s.grid = {0, 0, 10, 10, 10};
  s.value.assign(100, 0.0f);
  s.mask.assign(100, 1);
  s.study_cells = 100;
  for (int64_t c = 0; c < 100; ++c) {
    const double dx = static_cast<double>(c % 10) - 4.5, dy = static_cast<double>(c / 10) - 4.5;
    s.value[static_cast<size_t>(c)] = static_cast<float>(100.0 - dx * dx - dy * dy);
  }
  const CellCounts counts = cell_counts({44}, {1.0});
  HotspotBudget b;
  b.top = 20;
  b.coverage = 0.12;  // 12 cells
  const auto got = tasking_hotspots(s, counts, b);
  REQUIRE(got.size() == 1);
  CHECK(got.front().size() == 12);  // one group around the peak, as large as the budget allows
  CHECK(std::binary_search(got.front().begin(), got.front().end(), 44));
  CHECK(tasking_hotspots(s, CellCounts{}, b).empty());
  // A surface without a positive cell, said so: nothing, and an end.
  DensitySurface zero = s;
  zero.value.assign(100, 0.0f);
  CHECK(tasking_hotspots(zero.grid, zero.study_cells, [&](int64_t k) { return top_cells(zero, k); }, counts, b, 0).empty());
}
