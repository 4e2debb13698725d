// SPDX-License-Identifier: Apache-2.0
#include "weights/spatial_weights.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/errors.hpp"
#include "core/point_index.hpp"

namespace hotspot {
namespace {

struct Vertices {
  std::vector<double> x, y;
  std::vector<uint32_t> area;
};

void add_ring(GEOSContextHandle_t ctx, const GEOSGeometry* ring, uint32_t area, Vertices& v) {
  const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx, ring);
  unsigned n = 0;
  GEOSCoordSeq_getSize_r(ctx, seq, &n);
  for (unsigned i = 0; i + 1 < n; ++i) {  // the closing vertex repeats the first
    double x = 0, y = 0;
    GEOSCoordSeq_getXY_r(ctx, seq, i, &x, &y);
    v.x.push_back(x);
    v.y.push_back(y);
    v.area.push_back(area);
  }
}

Vertices area_vertices(const Boundaries& b) {
  GEOSContextHandle_t ctx = b.geos->get();
  Vertices v;
  for (uint32_t a = 0; a < b.areas.size(); ++a) {
    const GEOSGeometry* g = b.areas[a].geometry.get();
    for (int p = 0; p < GEOSGetNumGeometries_r(ctx, g); ++p) {
      const GEOSGeometry* polygon = GEOSGetGeometryN_r(ctx, g, p);
      add_ring(ctx, GEOSGetExteriorRing_r(ctx, polygon), a, v);
      for (int r = 0; r < GEOSGetNumInteriorRings_r(ctx, polygon); ++r) {
        add_ring(ctx, GEOSGetInteriorRingN_r(ctx, polygon, r), a, v);
      }
    }
  }
  return v;
}

}  // namespace

size_t SpatialWeights::links() const {
  size_t n = 0;
  for (const auto& nb : neighbours) n += nb.size();
  return n;
}

std::vector<uint32_t> SpatialWeights::islands() const {
  std::vector<uint32_t> out;
  for (uint32_t i = 0; i < neighbours.size(); ++i) {
    if (neighbours[i].empty()) out.push_back(i);
  }
  return out;
}

SpatialWeights contiguity_weights(const Boundaries& boundaries, Contiguity rule, double snap_m) {
  const Vertices v = area_vertices(boundaries);
  const PointIndex index(v.x, v.y);
  // For each pair of areas (a < b), the distinct vertices of a that meet a vertex of b.
  std::map<std::pair<uint32_t, uint32_t>, std::set<uint32_t>> shared;
  for (uint32_t i = 0; i < v.x.size(); ++i) {
    index.within(v.x[i], v.y[i], snap_m * snap_m, [&](uint32_t j, double) {
      if (v.area[j] > v.area[i]) shared[{v.area[i], v.area[j]}].insert(i);
    });
  }
  SpatialWeights w;
  w.neighbours.resize(boundaries.areas.size());
  const size_t needed = rule == Contiguity::queen ? 1 : 2;
  for (const auto& [pair, vertices] : shared) {
    if (vertices.size() < needed) continue;
    w.neighbours[pair.first].push_back(pair.second);
    w.neighbours[pair.second].push_back(pair.first);
  }
  w.weights.resize(w.neighbours.size());
  for (size_t a = 0; a < w.neighbours.size(); ++a) {
    std::sort(w.neighbours[a].begin(), w.neighbours[a].end());
    w.weights[a].assign(w.neighbours[a].size(), 1.0);
  }
  return w;
}

SpatialWeights row_standardised(SpatialWeights w) {
  for (auto& row : w.weights) {
    double sum = 0;
    for (double x : row) sum += x;
    for (double& x : row) x /= sum;
  }
  return w;
}

SpatialWeights with_self(SpatialWeights w) {
  for (uint32_t a = 0; a < w.size(); ++a) {
    auto& nb = w.neighbours[a];
    const auto at = std::lower_bound(nb.begin(), nb.end(), a);
    if (at != nb.end() && *at == a) continue;
    w.weights[a].insert(w.weights[a].begin() + (at - nb.begin()), 1.0);
    nb.insert(at, a);
  }
  return w;
}

}  // namespace hotspot

namespace hotspot {
namespace {

void centroids(const Boundaries& b, std::vector<double>& x, std::vector<double>& y) {
  GEOSContextHandle_t ctx = b.geos->get();
  for (const Area& a : b.areas) {
    GeomPtr c(GEOSGetCentroid_r(ctx, a.geometry.get()), GeomDeleter{ctx});
    double cx = 0, cy = 0;
    GEOSGeomGetX_r(ctx, c.get(), &cx);
    GEOSGeomGetY_r(ctx, c.get(), &cy);
    x.push_back(cx);
    y.push_back(cy);
  }
}

SpatialWeights binary(std::vector<std::vector<uint32_t>> neighbours) {
  SpatialWeights w;
  w.neighbours = std::move(neighbours);
  for (auto& nb : w.neighbours) {
    std::sort(nb.begin(), nb.end());
    w.weights.emplace_back(nb.size(), 1.0);
  }
  return w;
}

}  // namespace

SpatialWeights knn_weights(const Boundaries& boundaries, int k) {
  const size_t n = boundaries.areas.size();
  if (k < 1 || static_cast<size_t>(k) >= n) {
    throw UsageError("knn: k = " + std::to_string(k) + " must be between 1 and the number of areas − 1");
  }
  std::vector<double> x, y;
  centroids(boundaries, x, y);
  const PointIndex index(x, y);
  std::vector<std::vector<uint32_t>> neighbours(n);
  std::vector<uint32_t> near;
  std::vector<double> d2;
  for (uint32_t a = 0; a < n; ++a) {
    // Everything within the (k+1)-th distance, then the k nearest others by (distance, index).
    index.nearest(x[a], y[a], static_cast<size_t>(k) + 1, near, d2);
    std::vector<std::pair<double, uint32_t>> within;
    index.within(x[a], y[a], d2.back(), [&](uint32_t b, double dist2) {
      if (b != a) within.emplace_back(dist2, b);
    });
    std::sort(within.begin(), within.end());
    for (size_t i = 0; i < static_cast<size_t>(k); ++i) neighbours[a].push_back(within[i].second);
  }
  return binary(std::move(neighbours));
}

SpatialWeights distance_band_weights(const Boundaries& boundaries, double distance_m) {
  std::vector<double> x, y;
  centroids(boundaries, x, y);
  const PointIndex index(x, y);
  std::vector<std::vector<uint32_t>> neighbours(x.size());
  for (uint32_t a = 0; a < x.size(); ++a) {
    index.within(x[a], y[a], distance_m * distance_m, [&](uint32_t b, double) {
      if (b != a) neighbours[a].push_back(b);
    });
  }
  return binary(std::move(neighbours));
}

}  // namespace hotspot
