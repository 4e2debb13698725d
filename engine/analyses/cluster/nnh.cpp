// SPDX-License-Identifier: Apache-2.0
#include "analyses/cluster/nnh.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <map>
#include <string>

#include <boost/math/distributions/normal.hpp>

#include "core/locations.hpp"
#include "analyses/union_find.hpp"
#include "core/errors.hpp"
#include "core/parallel.hpp"
#include "core/point_index.hpp"
#include "core/seeds.hpp"

namespace hotspot {
namespace {

double threshold_for(const NnhParams& p, double area_m2, size_t n) {
  if (p.threshold_m) return *p.threshold_m;
  const double dn = static_cast<double>(n);
  const double z = boost::math::quantile(boost::math::normal(), 1.0 - p.probability);
  return 0.5 * std::sqrt(area_m2 / dn) - z * 0.26136 * std::sqrt(area_m2 / (dn * dn));
}

// Groups of points linked by distance < threshold with at least min_points points, each as
// the list of its point indices, ordered by size (descending) then lowest index.
std::vector<std::vector<uint32_t>> linked_groups(const std::vector<double>& x, const std::vector<double>& y,
                                                 double threshold_m, int min_points) {
  const Locations loc = group_locations(x, y);
  const PointIndex index(loc.x, loc.y);
  UnionFind sets(loc.size());
  const double below = std::nextafter(threshold_m * threshold_m, 0.0);  // strictly closer than
  for (size_t u = 0; u < loc.size(); ++u) {
    index.within(loc.x[u], loc.y[u], below, [&](uint32_t v, double) {
      if (v > u) sets.unite(static_cast<uint32_t>(u), v);
    });
  }
  std::map<uint32_t, std::vector<uint32_t>> by_root;
  for (uint32_t i = 0; i < x.size(); ++i) by_root[sets.find(loc.of_point[i])].push_back(i);
  std::vector<std::vector<uint32_t>> groups;
  for (auto& [root, members] : by_root) {
    if (members.size() >= static_cast<size_t>(min_points)) groups.push_back(std::move(members));
  }
  std::sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) {
    return a.size() != b.size() ? a.size() > b.size() : a.front() < b.front();
  });
  return groups;
}

// linked_groups(...).size(), for the simulations, by a grid of cells at least as wide as the
// threshold instead of a k-d tree: two points closer than it lie in the same or neighbouring
// cells, so each point is compared with those of its cell and of the four cells after it. The
// cells are no more than about 4 per point (a fixed threshold may be small), and the points are
// put in cell order by a counting sort. The distance is the k-d tree's to the bit ((ax-bx)^2 +
// (ay-by)^2, strictly under threshold^2), so the counts are the same.
size_t count_linked_groups(const std::vector<double>& x, const std::vector<double>& y, double threshold_m, int min_points) {
  const size_t n = x.size();
  if (n == 0) return 0;
  const auto [xmin, xmax] = std::minmax_element(x.begin(), x.end());
  const auto [ymin, ymax] = std::minmax_element(y.begin(), y.end());
  const double cell = std::max(threshold_m, std::sqrt((*xmax - *xmin) * (*ymax - *ymin) / (4.0 * static_cast<double>(n))));
  const int64_t cols = static_cast<int64_t>((*xmax - *xmin) / cell) + 2;
  const int64_t rows = static_cast<int64_t>((*ymax - *ymin) / cell) + 2;
  const size_t cells = static_cast<size_t>(cols * rows);
  std::vector<uint32_t> start(cells + 1, 0);  // the points of cell c: [start[c], start[c + 1]) in cell order
  std::vector<uint32_t> cell_of(n);
  for (size_t i = 0; i < n; ++i) {
    const auto cx = static_cast<int64_t>((x[i] - *xmin) / cell), cy = static_cast<int64_t>((y[i] - *ymin) / cell);
    cell_of[i] = static_cast<uint32_t>(cy * cols + cx);
    ++start[cell_of[i] + 1];
  }
  for (size_t c = 1; c <= cells; ++c) start[c] += start[c - 1];
  // The points themselves in cell order (the groups are counted, so their labels do not matter):
  // comparing neighbours then reads memory in order rather than at random.
  std::vector<double> cx(n), cy(n);
  std::vector<uint32_t> next(start.begin(), start.end() - 1);
  for (size_t i = 0; i < n; ++i) {
    const uint32_t at = next[cell_of[i]]++;
    cx[at] = x[i];
    cy[at] = y[i];
  }
  const double below = std::nextafter(threshold_m * threshold_m, 0.0);
  UnionFind sets(n);
  const auto link = [&](uint32_t a, uint32_t b) {
    const double dx = cx[a] - cx[b], dy = cy[a] - cy[b];
    if (dx * dx + dy * dy <= below) sets.unite(a, b);
  };
  for (size_t c = 0; c < cells; ++c) {
    const uint32_t begin = start[c], end = start[c + 1];
    if (begin == end) continue;
    for (uint32_t p = begin; p != end; ++p) {  // within the cell
      for (uint32_t q = p + 1; q != end; ++q) link(p, q);
    }
    for (const size_t other : {c + 1, c + static_cast<size_t>(cols) - 1, c + static_cast<size_t>(cols), c + static_cast<size_t>(cols) + 1}) {
      if (other >= cells) continue;  // east, and the row above
      for (uint32_t p = begin; p != end; ++p) {
        for (uint32_t q = start[other]; q != start[other + 1]; ++q) link(p, q);
      }
    }
  }
  size_t groups = 0;
  for (uint32_t i = 0; i < n; ++i) groups += sets.find(i) == i && sets.size_of_root(i) >= static_cast<uint32_t>(min_points);
  return groups;
}

double percentile(std::vector<double> v, double q) {  // linear interpolation between order statistics
  std::sort(v.begin(), v.end());
  const double pos = q * static_cast<double>(v.size() - 1);
  const size_t lo = static_cast<size_t>(std::floor(pos));
  const size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (pos - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

}  // namespace

NnhResult nnh(const std::vector<double>& x, const std::vector<double>& y, double area_m2, const NnhParams& params,
              const RandomPoints& random_points, const Progress& progress) {
  if (!(area_m2 > 0)) throw UsageError("nnh: the study area has no area");
  if (params.threshold_m && !(*params.threshold_m > 0)) {
    throw OptionError("cluster.threshold", std::to_string(*params.threshold_m), "must be > 0 m");
  }
  if (!params.threshold_m && !(params.probability > 0 && params.probability < 1)) {
    throw OptionError("cluster.probability", std::to_string(params.probability), "must be in (0, 1)");
  }
  if (params.min_points < 2) throw OptionError("cluster.min_points", std::to_string(params.min_points), "nnh needs >= 2");
  if (params.simulations < 0) throw OptionError("cluster.simulations", std::to_string(params.simulations), "must be >= 0");
  if (params.simulations > 0 && !random_points) throw UsageError("nnh: simulations need a study area to draw points in");

  NnhResult result;
  result.first_order.assign(x.size(), -1);
  std::vector<double> px = x, py = y;     // this order's points
  std::vector<int32_t> point_cluster;     // order > 1: the cluster each point is the centre of
  for (int order = 1; order <= params.max_orders; ++order) {
    report(progress, "nnh", static_cast<double>(order - 1) / params.max_orders);
    NnhOrder o{order, px.size(), 0.0, 0};
    if (px.size() < static_cast<size_t>(params.min_points)) {
      result.notes.push_back("order " + std::to_string(order) + ": " + std::to_string(px.size()) +
                             " points, fewer than min-points");
      break;
    }
    o.threshold_m = threshold_for(params, area_m2, px.size());
    if (!(o.threshold_m > 0)) {
      result.notes.push_back("order " + std::to_string(order) + ": the threshold for " + std::to_string(px.size()) +
                             " points is not positive");
      result.orders.push_back(o);
      break;
    }
    const auto groups = linked_groups(px, py, o.threshold_m, params.min_points);
    o.clusters = static_cast<int>(groups.size());
    result.orders.push_back(o);
    if (groups.empty()) break;

    std::vector<double> next_x, next_y;
    std::vector<int32_t> next_cluster;
    for (size_t g = 0; g < groups.size(); ++g) {
      NnhCluster c;
      c.order = order;
      c.rank = static_cast<int>(g + 1);
      for (uint32_t i : groups[g]) {
        c.px.push_back(px[i]);
        c.py.push_back(py[i]);
        c.x += px[i];
        c.y += py[i];
        if (order == 1) {
          c.incidents.push_back(i);
        } else {
          const NnhCluster& child = result.clusters[static_cast<size_t>(point_cluster[i])];
          c.incidents.insert(c.incidents.end(), child.incidents.begin(), child.incidents.end());
          c.children.push_back(static_cast<uint32_t>(point_cluster[i]));
        }
      }
      c.x /= static_cast<double>(groups[g].size());
      c.y /= static_cast<double>(groups[g].size());
      std::sort(c.incidents.begin(), c.incidents.end());
      const int32_t id = static_cast<int32_t>(result.clusters.size());
      if (order == 1) {
        for (uint32_t i : c.incidents) result.first_order[i] = id;
      }
      next_x.push_back(c.x);
      next_y.push_back(c.y);
      next_cluster.push_back(id);
      result.clusters.push_back(std::move(c));
    }
    px = std::move(next_x);
    py = std::move(next_y);
    point_cluster = std::move(next_cluster);
  }

  if (params.simulations > 0 && !result.orders.empty() && result.orders[0].threshold_m > 0) {
    // Each simulation draws from its own generator (seed ^ splitmix64(s)), so that they run on
    // every core and give the same counts at any thread count.
    const size_t runs = static_cast<size_t>(params.simulations);
    std::vector<double> counts(runs);
    std::atomic<size_t> done{0};
    const size_t workers = worker_count(runs);
    parallel_for(workers, [&](size_t w) {
      std::vector<double> rx(x.size()), ry(x.size());
      for (size_t s = slice_begin(runs, w, workers); s < slice_begin(runs, w + 1, workers); ++s) {
        std::mt19937_64 rng(params.seed ^ splitmix64(s));
        random_points(rng, rx, ry);
        counts[s] = static_cast<double>(count_linked_groups(rx, ry, result.orders[0].threshold_m, params.min_points));
        const size_t finished = ++done;
        if (w == 0) report(progress, "nnh simulations", static_cast<double>(finished) / static_cast<double>(runs));
      }
    });
    int at_least = 0;
    for (double c : counts) at_least += c >= result.orders[0].clusters;
    result.simulation = NnhSimulation{params.simulations, percentile(counts, 0.0), percentile(counts, 0.025),
                                      percentile(counts, 0.5), percentile(counts, 0.975), percentile(counts, 1.0),
                                      (1.0 + at_least) / (params.simulations + 1.0)};
  }
  report(progress, "nnh", 1.0);
  return result;
}

}  // namespace hotspot
