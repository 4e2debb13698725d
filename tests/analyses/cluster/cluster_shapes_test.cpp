// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "analyses/cluster/cluster_shapes.hpp"
#include "core/errors.hpp"

using namespace hotspot;

TEST_CASE("standard deviational ellipse, by hand", "[analyses][cluster][shapes]") {
  // Σx'² = 8 along x, Σy'² = 2 along y, n − 2 = 2: major √(2·8/2) = 2.828, minor √(2·2/2) = 1.414.
  const Ellipse e = standard_deviational_ellipse({-2, 2, 0, 0}, {0, 0, -1, 1});
  CHECK(e.cx == Approx(0.0));
  CHECK(e.major_m == Approx(std::sqrt(8.0)));
  CHECK(e.minor_m == Approx(std::sqrt(2.0)));
  CHECK(e.bearing_deg == Approx(90.0));  // major axis east-west
  const Ellipse tilted = standard_deviational_ellipse({-2, 2, -0.5, 0.5}, {-2, 2, 0.5, -0.5});
  CHECK(tilted.bearing_deg == Approx(45.0));  // major axis north-east
}

TEST_CASE("cluster polygons: ellipse area, hull, and degenerate clusters", "[analyses][cluster][shapes]") {
  GeosContext geos;
  GEOSContextHandle_t ctx = geos.get();
  bool degenerate = false;
  double area = 0;
  const std::vector<double> x = {-2, 2, 0, 0}, y = {0, 0, -1, 1};
  GeomPtr e1 = cluster_polygon(ctx, ClusterShape::ellipse1, x, y, degenerate);
  GEOSArea_r(ctx, e1.get(), &area);
  CHECK(area == Approx(M_PI * std::sqrt(8.0) * std::sqrt(2.0)).epsilon(0.01));  // 72-gon ≈ π a b
  GeomPtr e2 = cluster_polygon(ctx, ClusterShape::ellipse2, x, y, degenerate);
  GEOSArea_r(ctx, e2.get(), &area);
  CHECK(area == Approx(4 * M_PI * 4.0).epsilon(0.01));
  GeomPtr hull = cluster_polygon(ctx, ClusterShape::hull, x, y, degenerate);
  GEOSArea_r(ctx, hull.get(), &area);
  CHECK(area == Approx(4.0));  // the diamond
  CHECK_FALSE(degenerate);

  GeomPtr spot = cluster_polygon(ctx, ClusterShape::hull, {5, 5, 5}, {5, 5, 5}, degenerate);
  CHECK(degenerate);
  CHECK(GEOSGeomTypeId_r(ctx, spot.get()) == GEOS_POLYGON);
  GeomPtr line = cluster_polygon(ctx, ClusterShape::ellipse1, {0, 1, 2}, {0, 0, 0}, degenerate);
  CHECK(degenerate);
  CHECK_THROWS_AS(parse_cluster_shape("circle"), UsageError);
}

TEST_CASE("cluster hulls: snap points repeated many times give GEOS's hull of every point, vertex for vertex", "[analyses][cluster][shapes]") {
  GeosContext geos;
  GEOSContextHandle_t ctx = geos.get();
  std::mt19937_64 rng(5);
  std::uniform_int_distribution<int> grid(0, 30);
  std::vector<double> x, y;
  for (int i = 0; i < 4000; ++i) {  // 961 snap points at most, each used about 4 times, collinear runs included
    x.push_back(450000 + 10.0 * grid(rng));
    y.push_back(360000 + 10.0 * grid(rng));
  }
  bool degenerate = false;
  GeomPtr hull = cluster_polygon(ctx, ClusterShape::hull, x, y, degenerate);
  GEOSCoordSequence* seq = GEOSCoordSeq_create_r(ctx, static_cast<unsigned>(x.size()), 2);
  for (size_t i = 0; i < x.size(); ++i) GEOSCoordSeq_setXY_r(ctx, seq, static_cast<unsigned>(i), x[i], y[i]);
  GeomPtr every(GEOSGeom_createLineString_r(ctx, seq), GeomDeleter{ctx});
  GeomPtr expected(GEOSConvexHull_r(ctx, every.get()), GeomDeleter{ctx});
  CHECK_FALSE(degenerate);
  CHECK(GEOSEqualsExact_r(ctx, hull.get(), expected.get(), 0.0) == 1);  // the same vertices in the same order
}
