// SPDX-License-Identifier: Apache-2.0
#include "places/random_points.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

#include "core/errors.hpp"

namespace hotspot {

// The study area as triangles (GEOS's constrained Delaunay triangulation of each area, holes
// left out) with their cumulative areas: a point is a triangle chosen in proportion to its area,
// then a uniform point in it. Drawing touches no GEOS object, so that threads may draw at once.
struct RandomPointSampler::Impl {
  std::vector<std::array<double, 6>> triangles;  // ax, ay, bx, by, cx, cy
  std::vector<double> cumulative;                // area of triangles [0, k]
  // A guide table: guide[j] is the first triangle whose cumulative area passes j / guide.size()
  // of the total, so a draw searches a few triangles instead of all of them (a county's areas
  // are hundreds of thousands of triangles, and the binary search's cache misses were most of
  // the NNH simulations' time drawing points).
  std::vector<uint32_t> guide;

  // The first triangle whose cumulative area passes `pick`: upper_bound over all of them, found
  // through the guide.
  size_t triangle_at(double pick) const {
    const size_t n = cumulative.size();
    const double share = pick / cumulative.back() * static_cast<double>(guide.size());
    const size_t j = share >= 0 ? std::min(guide.size() - 1, static_cast<size_t>(share)) : 0;
    const size_t from = guide[j], to = j + 1 < guide.size() ? std::min<size_t>(n, guide[j + 1] + size_t{1}) : n;
    const size_t k = static_cast<size_t>(std::upper_bound(cumulative.begin() + static_cast<std::ptrdiff_t>(from),
                                                          cumulative.begin() + static_cast<std::ptrdiff_t>(to), pick) -
                                         cumulative.begin());
    // Rounding may put a pick next to a bucket's edge in its neighbour: then search all.
    const bool first_past = (k == n || cumulative[k] > pick) && (k == 0 || cumulative[k - 1] <= pick);
    return first_past ? k : static_cast<size_t>(std::upper_bound(cumulative.begin(), cumulative.end(), pick) - cumulative.begin());
  }
};

RandomPointSampler::RandomPointSampler(const Boundaries& boundaries) {
  auto impl = std::make_shared<Impl>();
  GEOSContextHandle_t ctx = boundaries.geos->get();
  double total = 0;
  for (const Area& area : boundaries.areas) {
    GeomPtr tin(GEOSConstrainedDelaunayTriangulation_r(ctx, area.geometry.get()), GeomDeleter{ctx});
    if (!tin) throw DataError("cannot triangulate area " + area.code + " to draw random points in the study area");
    const int n = GEOSGetNumGeometries_r(ctx, tin.get());
    for (int k = 0; k < n; ++k) {
      const GEOSGeometry* ring = GEOSGetExteriorRing_r(ctx, GEOSGetGeometryN_r(ctx, tin.get(), k));
      const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx, ring);
      std::array<double, 6> t{};
      for (unsigned i = 0; i < 3; ++i) {
        GEOSCoordSeq_getXY_r(ctx, seq, i, &t[2 * i], &t[2 * i + 1]);
      }
      const double a = 0.5 * std::abs((t[2] - t[0]) * (t[5] - t[1]) - (t[4] - t[0]) * (t[3] - t[1]));
      if (!(a > 0)) continue;
      total += a;
      impl->triangles.push_back(t);
      impl->cumulative.push_back(total);
    }
  }
  if (impl->triangles.empty()) throw DataError("the study area has no area to draw random points in");
  impl->guide.resize(impl->triangles.size());
  const std::vector<double>& c = impl->cumulative;
  for (size_t j = 0, k = 0; j < impl->guide.size(); ++j) {
    const double edge = total * static_cast<double>(j) / static_cast<double>(impl->guide.size());
    while (k + 1 < c.size() && c[k] <= edge) ++k;
    impl->guide[j] = static_cast<uint32_t>(k);
  }
  impl_ = std::move(impl);
}

namespace {

// The point at (r1, r2) of triangle t: uniform in it for r1, r2 uniform in [0, 1).
std::pair<double, double> point_in(const std::array<double, 6>& t, double r1, double r2) {
  if (r1 + r2 > 1) r1 = 1 - r1, r2 = 1 - r2;  // the reflected half
  return {t[0] + r1 * (t[2] - t[0]) + r2 * (t[4] - t[0]), t[1] + r1 * (t[3] - t[1]) + r2 * (t[5] - t[1])};
}

}  // namespace

std::pair<double, double> RandomPointSampler::operator()(std::mt19937_64& rng) const {
  const auto& c = impl_->cumulative;
  std::uniform_real_distribution<double> u01(0.0, 1.0);
  const double pick = u01(rng) * c.back();
  const size_t k = std::min(impl_->triangle_at(pick), c.size() - 1);
  const double r1 = u01(rng), r2 = u01(rng);
  return point_in(impl_->triangles[k], r1, r2);
}

void RandomPointSampler::draw(std::mt19937_64& rng, std::vector<double>& x, std::vector<double>& y) const {
  const auto& c = impl_->cumulative;
  std::uniform_real_distribution<double> u01(0.0, 1.0);
  constexpr size_t kBatch = 64;
  std::array<double, kBatch> pick{}, r1{}, r2{};
  std::array<size_t, kBatch> k{};
  for (size_t from = 0; from < x.size(); from += kBatch) {
    const size_t m = std::min(kBatch, x.size() - from);
    for (size_t i = 0; i < m; ++i) {  // the draws in operator()'s order
      pick[i] = u01(rng) * c.back();
      r1[i] = u01(rng);
      r2[i] = u01(rng);
    }
    // Independent look-ups, one loop each, so that their cache misses are waited for together.
    for (size_t i = 0; i < m; ++i) k[i] = std::min(impl_->triangle_at(pick[i]), c.size() - 1);
    for (size_t i = 0; i < m; ++i) __builtin_prefetch(&impl_->triangles[k[i]]);
    for (size_t i = 0; i < m; ++i) std::tie(x[from + i], y[from + i]) = point_in(impl_->triangles[k[i]], r1[i], r2[i]);
  }
}

}  // namespace hotspot
