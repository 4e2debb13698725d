// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <random>

#include "analyses/density/cell_polygons.hpp"
#include "analyses/density/cell_ranking.hpp"

using namespace hotspot;

namespace {

// The oracle, made another way: every cell as a GEOS square, dissolved by GEOS's unary union.
GeomPtr union_of_squares(GEOSContextHandle_t ctx, const Grid& g, const std::vector<int64_t>& cells) {
  std::vector<GEOSGeometry*> squares;
  for (int64_t c : cells) {
    const double x0 = g.west + static_cast<double>(c % g.cols) * g.cell;
    const double y1 = g.north - static_cast<double>(c / g.cols) * g.cell;
    squares.push_back(GEOSGeom_createRectangle_r(ctx, x0, y1 - g.cell, x0 + g.cell, y1));
  }
  GeomPtr all(GEOSGeom_createCollection_r(ctx, GEOS_GEOMETRYCOLLECTION, squares.data(),
                                          static_cast<unsigned>(squares.size())),
              GeomDeleter{ctx});
  return GeomPtr(GEOSUnaryUnion_r(ctx, all.get()), GeomDeleter{ctx});
}

int vertices(GEOSContextHandle_t ctx, const GEOSGeometry* g) { return GEOSGetNumCoordinates_r(ctx, g); }

}  // namespace

TEST_CASE("hotspot outlines: a ring of cells with a hole, corners only", "[kde]") {
  const GeosContext geos;
  GEOSContextHandle_t ctx = geos.get();
  // 4 x 4 grid of 25 m cells; the outer 12 cells form a ring around a 2 x 2 hole.
  const Grid g{450000, 360100, 25, 4, 4};
  const std::vector<int64_t> ring = {0, 1, 2, 3, 4, 7, 8, 11, 12, 13, 14, 15};
  GeomPtr p = cells_polygon(ctx, g, ring);
  CHECK(GEOSGeomTypeId_r(ctx, p.get()) == GEOS_POLYGON);
  CHECK(GEOSisValid_r(ctx, p.get()) == 1);
  CHECK(GEOSGetNumInteriorRings_r(ctx, p.get()) == 1);
  double area = 0;
  GEOSArea_r(ctx, p.get(), &area);
  CHECK(area == Approx(12 * 625.0));
  CHECK(vertices(ctx, p.get()) == 10);  // two closed rings of 4 corners
  double xmin, ymax;
  GEOSGeom_getXMin_r(ctx, p.get(), &xmin);
  GEOSGeom_getYMax_r(ctx, p.get(), &ymax);
  CHECK(xmin == 450000);
  CHECK(ymax == 360100);
}

TEST_CASE("hotspot outlines equal the union of their squares on random groups", "[kde]") {
  const GeosContext geos;
  GEOSContextHandle_t ctx = geos.get();
  const Grid g{440000, 370000, 25, 30, 20};
  std::mt19937_64 rng(20261123);
  std::bernoulli_distribution hot(0.45);  // dense enough for holes, pinches and long groups
  int checked = 0, with_holes = 0;
  for (int round = 0; round < 20; ++round) {
    std::vector<int64_t> cells;
    for (int64_t c = 0; c < g.cells(); ++c) {
      if (hot(rng)) cells.push_back(c);
    }
    for (const auto& group : connected_groups(g, cells)) {
      GeomPtr traced = cells_polygon(ctx, g, group);
      GeomPtr oracle = union_of_squares(ctx, g, group);
      REQUIRE(GEOSisValid_r(ctx, traced.get()) == 1);
      CHECK(GEOSEquals_r(ctx, traced.get(), oracle.get()) == 1);
      double area = 0;
      GEOSArea_r(ctx, traced.get(), &area);
      CHECK(area == Approx(625.0 * static_cast<double>(group.size())));
      // No vertex on a straight run: never more corners than the union has after simplifying.
      GeomPtr lean(GEOSTopologyPreserveSimplify_r(ctx, oracle.get(), 0.0), GeomDeleter{ctx});
      CHECK(vertices(ctx, traced.get()) <= vertices(ctx, lean.get()));
      with_holes += GEOSGeomTypeId_r(ctx, traced.get()) == GEOS_POLYGON && GEOSGetNumInteriorRings_r(ctx, traced.get()) > 0;
      ++checked;
    }
  }
  CHECK(checked > 500);
  CHECK(with_holes > 10);
}
