// SPDX-License-Identifier: Apache-2.0
#include "analyses/cluster/dbscan.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/indexed_locations.hpp"
#include "analyses/union_find.hpp"
#include "core/errors.hpp"
#include "core/parallel.hpp"

namespace hotspot {

namespace {

void check(const DbscanParams& params) {
  if (!(params.eps_m > 0) || !std::isfinite(params.eps_m)) {
    throw OptionError("cluster.eps", std::to_string(params.eps_m), "must be > 0 m");
  }
  if (params.min_points < 1) throw OptionError("cluster.min_points", std::to_string(params.min_points), "must be >= 1");
}

}  // namespace

DbscanResult dbscan(const std::vector<double>& x, const std::vector<double>& y, const DbscanParams& params,
                    const Progress& progress) {
  check(params);
  return dbscan(IndexedLocations(x, y), params, progress);
}

DbscanResult dbscan(const IndexedLocations& points, const DbscanParams& params, const Progress& progress) {
  check(params);
  const double r2 = params.eps_m * params.eps_m;
  const Locations& loc = points.loc;
  const PointIndex& index = points.index;
  const size_t n = loc.size();

  // 1. Core locations: points within eps, counted with their weights (the point itself included).
  std::vector<char> core(n, 0);
  const auto count_range = [&](size_t from, size_t to) {
    for (size_t u = from; u < to; ++u) {
      uint64_t count = 0;
      index.within(loc.x[u], loc.y[u], r2, [&](uint32_t v, double) { count += loc.weight[v]; });
      core[u] = count >= static_cast<uint64_t>(params.min_points);
    }
  };
  const size_t threads = worker_count(n / 4096 + 1);
  parallel_for(threads, [&](size_t w) { count_range(slice_begin(n, w, threads), slice_begin(n, w + 1, threads)); });
  report(progress, "dbscan", 0.4);

  // 2. Core locations within eps of each other form one cluster (connected components): each
  // thread links the pairs of its slice in sets of its own, and the sets are then merged (the
  // components do not depend on the order the links are made in).
  std::vector<UnionFind> slice_sets(threads, UnionFind(0));
  parallel_for(threads, [&](size_t w) {
    UnionFind& sets = slice_sets[w];
    sets.grow(n);
    for (size_t u = slice_begin(n, w, threads); u < slice_begin(n, w + 1, threads); ++u) {
      if (!core[u]) continue;
      index.within(loc.x[u], loc.y[u], r2, [&](uint32_t v, double) {
        if (v > u && core[v]) sets.unite(static_cast<uint32_t>(u), v);
      });
    }
  });
  UnionFind& sets = slice_sets[0];
  for (size_t w = 1; w < threads; ++w) {
    for (uint32_t u = 0; u < n; ++u) {
      if (core[u]) sets.unite(u, slice_sets[w].find(u));
    }
  }
  report(progress, "dbscan", 0.7);

  // 3. Number the clusters by their lowest-index core point, as scikit-learn's scan does.
  constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();
  std::vector<uint32_t> lowest(n, kNone);
  for (size_t u = 0; u < n; ++u) {
    if (core[u]) {
      uint32_t& l = lowest[sets.find(static_cast<uint32_t>(u))];
      l = std::min(l, loc.first[u]);
    }
  }
  std::vector<std::pair<uint32_t, uint32_t>> roots;  // (lowest index, root)
  for (size_t r = 0; r < n; ++r) {
    if (lowest[r] != kNone) roots.emplace_back(lowest[r], static_cast<uint32_t>(r));
  }
  std::sort(roots.begin(), roots.end());
  std::vector<int32_t> label_of_root(n, -1);
  for (size_t k = 0; k < roots.size(); ++k) label_of_root[roots[k].second] = static_cast<int32_t>(k);

  // 4. Labels: core locations take their cluster's; border locations the lowest of their core neighbours'.
  std::vector<int32_t> label(n, -1);
  for (size_t u = 0; u < n; ++u) {
    if (core[u]) label[u] = label_of_root[sets.find(static_cast<uint32_t>(u))];
  }
  parallel_for(threads, [&](size_t w) {
    for (size_t u = slice_begin(n, w, threads); u < slice_begin(n, w + 1, threads); ++u) {
      if (core[u]) continue;
      int32_t best = -1;
      index.within(loc.x[u], loc.y[u], r2, [&](uint32_t v, double) {
        if (core[v] && (best < 0 || label[v] < best)) best = label[v];
      });
      label[u] = best;
    }
  });

  DbscanResult result;
  result.clusters = static_cast<int32_t>(roots.size());
  result.label.resize(points.points());
  result.core.resize(points.points());
  for (size_t i = 0; i < points.points(); ++i) {
    result.label[i] = label[loc.of_point[i]];
    result.core[i] = core[loc.of_point[i]];
  }
  report(progress, "dbscan", 1.0);
  return result;
}

}  // namespace hotspot
