// SPDX-License-Identifier: Apache-2.0
#include "analyses/cluster/nnh.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include <boost/math/distributions/normal.hpp>

#include "core/locations.hpp"
#include "analyses/union_find.hpp"
#include "core/errors.hpp"
#include "core/point_index.hpp"

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

double percentile(std::vector<double> v, double q) {  // linear interpolation between order statistics
  std::sort(v.begin(), v.end());
  const double pos = q * static_cast<double>(v.size() - 1);
  const size_t lo = static_cast<size_t>(std::floor(pos));
  const size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (pos - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

}  // namespace

NnhResult nnh(const std::vector<double>& x, const std::vector<double>& y, double area_m2, const NnhParams& params,
              const RandomPoint& random_point, const Progress& progress) {
  if (!(area_m2 > 0)) throw UsageError("nnh: the study area has no area");
  if (params.threshold_m && !(*params.threshold_m > 0)) {
    throw OptionError("cluster.threshold", std::to_string(*params.threshold_m), "must be > 0 m");
  }
  if (!params.threshold_m && !(params.probability > 0 && params.probability < 1)) {
    throw OptionError("cluster.probability", std::to_string(params.probability), "must be in (0, 1)");
  }
  if (params.min_points < 2) throw OptionError("cluster.min_points", std::to_string(params.min_points), "nnh needs >= 2");
  if (params.simulations < 0) throw OptionError("cluster.simulations", std::to_string(params.simulations), "must be >= 0");
  if (params.simulations > 0 && !random_point) throw UsageError("nnh: simulations need a study area to draw points in");

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
    std::mt19937_64 rng(params.seed);
    std::vector<double> counts;
    std::vector<double> rx(x.size()), ry(x.size());
    int at_least = 0;
    for (int s = 0; s < params.simulations; ++s) {
      for (size_t i = 0; i < x.size(); ++i) std::tie(rx[i], ry[i]) = random_point(rng);
      const auto groups = linked_groups(rx, ry, result.orders[0].threshold_m, params.min_points);
      counts.push_back(static_cast<double>(groups.size()));
      at_least += static_cast<int>(groups.size()) >= result.orders[0].clusters;
      report(progress, "nnh simulations", static_cast<double>(s + 1) / params.simulations);
    }
    result.simulation = NnhSimulation{params.simulations, percentile(counts, 0.0), percentile(counts, 0.025),
                                      percentile(counts, 0.5), percentile(counts, 0.975), percentile(counts, 1.0),
                                      (1.0 + at_least) / (params.simulations + 1.0)};
  }
  report(progress, "nnh", 1.0);
  return result;
}

}  // namespace hotspot
