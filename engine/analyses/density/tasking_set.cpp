// SPDX-License-Identifier: Apache-2.0
#include "analyses/density/tasking_set.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cmath>
#include <tuple>

#include "analyses/density/cell_ranking.hpp"
#include "analyses/union_find.hpp"
#include "core/cell_vector.hpp"

namespace hotspot {
namespace {

// Incidents in fixed point, so that a group's total does not depend on the order it was summed.
int64_t fixed_point(double v) { return std::llround(v * 1048576.0); }

struct Group {
  int64_t cells = 0, incidents = 0;  // incidents: their weight in fixed point
  uint64_t count = 0;
  uint32_t first = 0;  // order of its densest cell
};

// Rank order: more incidents first, then the denser first cell.
using Key = std::tuple<int64_t, uint32_t>;  // (-incidents, first)
Key key_of(const Group& g) { return {-g.incidents, g.first}; }

constexpr uint32_t kNone = UINT32_MAX;

// Each cell's 4 neighbours among the cells joining, as their places in the order (kNone where
// absent), found by keeping the cells sorted rather than through a grid-sized array: the cells
// join in order of density, scattered over a grid of millions, and looking each neighbour up in
// such an array misses the cache.
class Neighbours {
 public:
  // Takes in the cells added to the end of `order` since (the order before is kept as it was).
  void extend(const Grid& grid, const std::vector<int64_t>& order) {
    const size_t had = by_cell_.size();
    for (size_t i = had; i < order.size(); ++i) by_cell_.push_back({order[i], static_cast<uint32_t>(i)});
    sort_by_cell(by_cell_.begin() + static_cast<std::ptrdiff_t>(had), by_cell_.end());
    std::inplace_merge(by_cell_.begin(), by_cell_.begin() + static_cast<std::ptrdiff_t>(had), by_cell_.end());
    of_.assign(order.size(), {kNone, kNone, kNone, kNone});
    size_t below = 0;  // walks to the cell one row down
    for (size_t k = 0; k < by_cell_.size(); ++k) {
      const auto [c, i] = by_cell_[k];
      if (k + 1 < by_cell_.size() && by_cell_[k + 1].first == c + 1 && (c + 1) % grid.cols != 0) {
        of_[i][0] = by_cell_[k + 1].second;  // east
        of_[by_cell_[k + 1].second][1] = i;  // and back west
      }
      while (below < by_cell_.size() && by_cell_[below].first < c + grid.cols) ++below;
      if (below < by_cell_.size() && by_cell_[below].first == c + grid.cols) {
        of_[i][2] = by_cell_[below].second;  // south
        of_[by_cell_[below].second][3] = i;  // and back north
      }
    }
  }

  const std::array<uint32_t, 4>& of(uint32_t i) const { return of_[i]; }
  const std::vector<CellPlace>& by_cell() const { return by_cell_; }

 private:
  std::vector<CellPlace> by_cell_;  // (cell, place in the order), by cell
  std::vector<std::array<uint32_t, 4>> of_;             // per place in the order
};

class Growth {
 public:
  // `order`: the cells in the order they join; it may grow between joins (extend).
  Growth(const Grid& grid, const std::vector<int64_t>& order, const CellCounts& counts)
      : grid_(grid), order_(order), counts_(counts), sets_(0) {
    extend();
  }

  // Takes in the cells added to the end of the order since (the order before is kept as it was).
  void extend() {
    sets_.grow(order_.size());
    groups_.resize(order_.size());
    neighbours_.extend(grid_, order_);
    // The new cells' incidents, walking the cells and the counts side by side (both by cell):
    // looking each cell up, in the order of density, missed the cache.
    const size_t had = incidents_.size();
    incidents_.resize(order_.size(), 0);
    count_.resize(order_.size(), 0);
    auto at = counts_.begin();
    for (const auto& [cell, place] : neighbours_.by_cell()) {
      while (at != counts_.end() && at->cell < cell) ++at;
      if (at == counts_.end()) break;
      if (at->cell == cell && place >= had) {
        incidents_[place] = fixed_point(at->incidents.weight);
        count_[place] = at->incidents.count;
      }
    }
  }

  // Starts again with no cell joined.
  void restart() {
    sets_ = UnionFind(order_.size());
    joined_ = 0;
  }

  // Joins the next cell, first telling `leaving` of each group it merges with (root, group).
  template <typename Leaving>
  void join(uint32_t i, Leaving&& leaving) {
    merged_.clear();
    for (uint32_t n : neighbours_.of(i)) {
      if (n >= joined_) continue;  // absent, or not joined yet (kNone is never below)
      const uint32_t r = sets_.find(n);
      if (std::find(merged_.begin(), merged_.end(), r) == merged_.end()) merged_.push_back(r);
    }
    for (uint32_t r : merged_) leaving(r, groups_[r]);
    joined_ = i + 1;
    Group g{1, incidents_[i], count_[i], i};
    for (uint32_t r : merged_) {
      g.cells += groups_[r].cells;
      g.incidents += groups_[r].incidents;
      g.count += groups_[r].count;
      g.first = std::min(g.first, groups_[r].first);
      sets_.unite(i, r);
    }
    groups_[sets_.find(i)] = g;
  }

  uint32_t root(uint32_t i) { return sets_.find(i); }
  const Group& group(uint32_t root) const { return groups_[root]; }

 private:
  const Grid& grid_;
  const std::vector<int64_t>& order_;
  const CellCounts& counts_;
  Neighbours neighbours_;
  uint32_t joined_ = 0;  // cells joined: the first joined_ of the order
  UnionFind sets_;
  std::vector<Group> groups_;  // valid at roots
  std::vector<int64_t> incidents_;
  std::vector<uint64_t> count_;
  std::vector<uint32_t> merged_;
};

// The groups that may be hotspots in rank order, and the total area of the first `top` (which may
// be all of them: the backtest asks for every group). The first `top` and the rest are two heaps,
// the top's front its last entry and the rest's its first, and an entry is erased by marking it:
// an entry counts while it is its root's live one, and others are dropped when they reach a front.
// Every join erases and inserts, so trees (a node allocated per entry, each look-up a walk of cache
// misses) cost more than the growth around them.
class RankedGroups {
 public:
  struct Entry {
    Key key;
    uint32_t root;
    int64_t cells;
    bool operator<(const Entry& o) const { return std::tie(key, root) < std::tie(o.key, o.root); }
    bool operator==(const Entry& o) const { return key == o.key && root == o.root && cells == o.cells; }
  };

  explicit RankedGroups(size_t top) : top_(top) {}

  void insert(const Entry& e) {
    if (in_top_ == top_ && !(e < top_front())) {
      push(rest_, e, Side::rest);
      return;
    }
    push(top_heap_, e, Side::top);
    ++in_top_;
    area_ += e.cells;
    if (in_top_ > top_) {  // the last of the top goes to the front of the rest
      const Entry last = pop_front(top_heap_, Side::top);
      --in_top_;
      area_ -= last.cells;
      push(rest_, last, Side::rest);
    }
  }

  // Removes the entry if ranked.
  void erase(const Entry& e) {
    if (!live(e)) return;
    const Side side = side_[e.root];
    side_[e.root] = Side::none;
    if (side == Side::rest) return;
    --in_top_;
    area_ -= e.cells;
    if (has_front(rest_, Side::rest)) {  // the front of the rest joins the top
      const Entry first = pop_front(rest_, Side::rest);
      push(top_heap_, first, Side::top);
      ++in_top_;
      area_ += first.cells;
    }
  }

  int64_t top_area() const { return area_; }

 private:
  enum class Side : uint8_t { none, top, rest };
  // Heap orders: the top's front is its last in rank, the rest's its first.
  using Heap = LargeVector<Entry>;  // rebuilt for every surface the bandwidth search ranks
  static bool before(const Entry& a, const Entry& b) { return a < b; }
  static bool after(const Entry& a, const Entry& b) { return b < a; }
  static auto order_of(Side side) { return side == Side::top ? before : after; }

  // A root's entry changes whenever it is erased and inserted again (a join adds a cell), so an
  // entry in a heap is live while it is its root's.
  bool live(const Entry& e) const { return e.root < side_.size() && side_[e.root] != Side::none && entry_[e.root] == e; }

  void push(Heap& heap, const Entry& e, Side side) {
    if (e.root >= side_.size()) {
      side_.resize(static_cast<size_t>(e.root) + 1, Side::none);
      entry_.resize(side_.size());
    }
    side_[e.root] = side;
    entry_[e.root] = e;
    heap.push_back(e);
    std::push_heap(heap.begin(), heap.end(), order_of(side));
  }

  // Drops the heap's dead entries at its front; whether a live one is left there.
  bool has_front(Heap& heap, Side side) {
    while (!heap.empty() && !live(heap.front())) {
      std::pop_heap(heap.begin(), heap.end(), order_of(side));
      heap.pop_back();
    }
    return !heap.empty();
  }

  const Entry& top_front() {
    has_front(top_heap_, Side::top);  // the top holds in_top_ > 0 live entries here
    return top_heap_.front();
  }

  // Takes the heap's live front out (there is one).
  Entry pop_front(Heap& heap, Side side) {
    has_front(heap, side);
    std::pop_heap(heap.begin(), heap.end(), order_of(side));
    const Entry e = heap.back();
    heap.pop_back();
    side_[e.root] = Side::none;
    return e;
  }

  size_t top_, in_top_ = 0;      // in_top_: the live entries of the top
  Heap top_heap_, rest_;
  LargeVector<Side> side_;       // per root: where its live entry is
  LargeVector<Entry> entry_;     // per root: that entry
  int64_t area_ = 0;             // the cells of the top's live entries
};

}  // namespace

CellCounts cell_counts(const std::vector<int64_t>& cells, const std::vector<double>& weights) {
  std::vector<std::pair<int64_t, size_t>> by_cell;  // (cell, incident), sorted by both: each cell's in the order given
  for (size_t k = 0; k < cells.size(); ++k) {
    if (cells[k] >= 0 && weights[k] > 0) by_cell.push_back({cells[k], k});
  }
  std::sort(by_cell.begin(), by_cell.end());
  size_t distinct = 0;  // the list made to size: a national year's has millions of cells
  for (size_t i = 0; i < by_cell.size(); ++i) distinct += i == 0 || by_cell[i].first != by_cell[i - 1].first;
  CellCounts out;
  out.reserve(distinct);
  for (const auto& [cell, k] : by_cell) {
    if (out.empty() || out.back().cell != cell) out.push_back({cell, {}});
    out.back().incidents.add(weights[k]);
  }
  return out;
}

int64_t budget_cells(double coverage, int64_t study_cells) {
  return std::max<int64_t>(1, static_cast<int64_t>(std::floor(coverage * static_cast<double>(study_cells) + 1e-9)));
}

std::vector<std::vector<int64_t>> tasking_hotspots(const DensitySurface& s, const CellCounts& counts,
                                                   const HotspotBudget& b) {
  std::vector<int64_t> buckets;  // top_cells' first pass, made at the first fetch for them all
  const auto top_of = [&](int64_t n) {
    if (buckets.empty()) count_buckets(s, 0, s.value.size(), buckets);
    return top_cells(s, n, buckets);
  };
  return tasking_hotspots(s.grid, s.study_cells, top_of, counts, b);
}

std::vector<std::vector<int64_t>> tasking_hotspots(const Grid& grid, int64_t study_cells, const TopCells& top_of,
                                                   const CellCounts& counts, const HotspotBudget& b, int64_t positive_cells) {
  const int64_t budget = budget_cells(b.coverage, study_cells);
  const uint64_t least = static_cast<uint64_t>(std::max<int64_t>(1, b.min_incidents));
  const size_t top = static_cast<size_t>(std::max(1, b.top));
  // The cells by density, fetched in growing batches (each batch begins with the one before): when
  // every group counts, most surfaces end within two budgets (a larger first batch costs the
  // bandwidth search more in leave-out sums than the second fetch it saves). A short tasking list
  // on a surface of a few budgets of positive cells (a small bandwidth's islands) seldom fills the
  // budget before all of them have joined: they are fetched at once.
  constexpr size_t kShortList = 100;
  constexpr int64_t kFewBudgets = 32;
  int64_t first = 2 * budget;
  if (top <= kShortList && positive_cells >= 0 && positive_cells <= kFewBudgets * budget) {
    first = std::max(first, positive_cells + 1);
  }
  std::vector<int64_t> order;
  size_t taken = 0;
  bool ended = false;  // a cell would have pushed the set over the budget (else every cell joined)
  Growth growth(grid, order, counts);
  {
    RankedGroups ranked(top);  // groups that may be hotspots
    for (int64_t fetch = first; !ended; fetch *= 4) {
      const size_t had = order.size();
      order = top_of(fetch);
      growth.extend();
      for (uint32_t i = static_cast<uint32_t>(had); i < order.size() && !ended; ++i) {
        growth.join(i, [&](uint32_t r, const Group& g) { ranked.erase({key_of(g), r, g.cells}); });
        const uint32_t r = growth.root(i);
        if (growth.group(r).count >= least) ranked.insert({key_of(growth.group(r)), r, growth.group(r).cells});
        ended = ranked.top_area() > budget;
        if (!ended) taken = i + 1;
      }
      if (static_cast<int64_t>(order.size()) < fetch) break;  // every cell has joined
    }
  }
  // The groups of the first `taken` cells, ranked as above: joined again when the cell after them
  // joined too (a small bandwidth's islands seldom fill the budget: then every cell has joined).
  if (ended) {
    growth.restart();
    for (uint32_t i = 0; i < taken; ++i) growth.join(i, [](uint32_t, const Group&) {});
  }
  std::vector<std::pair<Key, uint32_t>> best;
  for (uint32_t i = 0; i < taken; ++i) {
    if (growth.root(i) == i && growth.group(i).count >= least) best.push_back({key_of(growth.group(i)), i});
  }
  std::sort(best.begin(), best.end());
  if (best.size() > top) best.resize(top);
  std::vector<int32_t> rank_of_root(taken, -1);
  for (size_t k = 0; k < best.size(); ++k) rank_of_root[best[k].second] = static_cast<int32_t>(k);
  std::vector<std::vector<int64_t>> out(best.size());
  for (uint32_t i = 0; i < taken; ++i) {
    if (const int32_t k = rank_of_root[growth.root(i)]; k >= 0) out[static_cast<size_t>(k)].push_back(order[i]);
  }
  for (auto& g : out) std::sort(g.begin(), g.end());
  return out;
}

}  // namespace hotspot
