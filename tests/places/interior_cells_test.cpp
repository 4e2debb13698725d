// SPDX-License-Identifier: Apache-2.0
// The raster shortcut of point in area (InteriorCells, used by AreaLocator::locate_all) against
// the exact rule (AreaLocator::locate) point by point: on the bundled county LSOAs and on a
// layer of squares whose edges lie on the lattice the points are drawn from.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <random>

#include "inputs/boundaries.hpp"
#include "places/area_locator.hpp"
#include "places/interior_cells.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;

namespace {

// Every point's area by locate_all (the shortcut, then the exact test) and by locate alone.
void check_against_locate(const Boundaries& b, const std::vector<double>& x, const std::vector<double>& y) {
  const AreaLocator locator(b);
  const AreaLocator::Located all = locator.locate_all(x, y);
  size_t differ = 0;
  uint64_t on_edge = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    bool edge = false;
    const int32_t exact = locator.locate(x[i], y[i], &edge);
    on_edge += edge;
    if (all.area[i] != exact && differ++ < 5) FAIL_CHECK(fmt::format("({:.4f}, {:.4f}): {} against {}", x[i], y[i], all.area[i], exact));
  }
  CHECK(differ == 0);
  CHECK(all.on_edge == on_edge);
}

// Points near the areas' vertices and edges (on them, and 0.5 mm, 2 mm and 1 m off), and spread
// over the box around them.
void edge_points(const Boundaries& b, std::vector<double>& x, std::vector<double>& y, std::mt19937_64& rng) {
  GEOSContextHandle_t ctx = b.geos->get();
  std::uniform_real_distribution<double> u(0, 1);
  for (size_t a = 0; a < b.areas.size(); a += 3) {
    const GEOSGeometry* ring = GEOSGetExteriorRing_r(ctx, GEOSGetGeometryN_r(ctx, b.areas[a].geometry.get(), 0));
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx, ring);
    unsigned int n = 0;
    GEOSCoordSeq_getSize_r(ctx, seq, &n);
    for (unsigned int i = 0; i + 1 < n; i += 7) {
      double x0, y0, x1, y1;
      GEOSCoordSeq_getXY_r(ctx, seq, i, &x0, &y0);
      GEOSCoordSeq_getXY_r(ctx, seq, i + 1, &x1, &y1);
      const double t = u(rng);
      for (const double off : {0.0, 0.0005, -0.0005, 0.002, -0.002, 1.0, -1.0}) {
        x.push_back(x0 + (x1 - x0) * t + off);
        y.push_back(y0 + (y1 - y0) * t - off);
      }
      x.push_back(x0);
      y.push_back(y0);
    }
  }
  const Extent e = b.extent();
  std::uniform_real_distribution<double> ux(e.xmin - 500, e.xmax + 500), uy(e.ymin - 500, e.ymax + 500);
  for (int i = 0; i < 20000; ++i) {
    x.push_back(ux(rng));
    y.push_back(uy(rng));
  }
}

}  // namespace

TEST_CASE("point in area: the interior cells give the exact rule's answer on the county's LSOAs", "[places][locator]") {
  const Boundaries b = read_boundaries(test::source_path("shapefiles/nottinghamshire_lsoa11.shp"), {});
  REQUIRE(b.areas.size() > 600);
  const InteriorCells cells(b, kEdgeTolerance_m);
  CHECK(cells.clear_share() > 0.8);  // the shortcut answers for most of the county
  std::mt19937_64 rng(11);
  std::vector<double> x, y;
  edge_points(b, x, y, rng);
  REQUIRE(x.size() > 30000);
  check_against_locate(b, x, y);
}

namespace {

// A layer of 30 x 30 rectangles between the given column and row edges (west to east, south to
// north), but for a hole where four are missing.
Boundaries rectangles(const std::string& name, const std::vector<double>& xs, const std::vector<double>& ys) {
  std::string features;
  for (int r = 0; r < 30; ++r) {
    for (int c = 0; c < 30; ++c) {
      if (r >= 10 && r < 12 && c >= 10 && c < 12) continue;
      const double x0 = xs[c], x1 = xs[c + 1], y0 = ys[r], y1 = ys[r + 1];
      features += fmt::format(R"({}{{"type": "Feature", "properties": {{"LSOA11CD": "E0{:07d}"}}, "geometry": {{"type": "Polygon",
"coordinates": [[[{},{}],[{},{}],[{},{}],[{},{}],[{},{}]]]}}}})",
                              features.empty() ? "" : ",\n", r * 30 + c, x0, y0, x1, y0, x1, y1, x0, y1, x0, y0);
    }
  }
  return read_boundaries(
      test::write_file(test::fixture_dir("interior_cells_rectangles"), name + ".geojson",
                       R"({"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::27700"}},
"features": [)" + features + "]}"),
      {});
}

}  // namespace

TEST_CASE("point in area: the interior cells on squares whose edges lie on the points' lattice", "[places][locator]") {
  // Squares of 90 m (edges on multiples of 10 m, as police.uk-like snapped points are), and every
  // point of a 10 m lattice over them and beyond.
  std::vector<double> xs, ys;
  for (int k = 0; k <= 30; ++k) {
    xs.push_back(450000 + 90 * k);
    ys.push_back(360000 + 90 * k);
  }
  const Boundaries b = rectangles("squares", xs, ys);
  REQUIRE(b.areas.size() == 896);
  std::vector<double> x, y;
  for (int i = -5; i < 280; ++i) {
    for (int j = -5; j < 280; ++j) {
      x.push_back(450000 + 10.0 * i);
      y.push_back(360000 + 10.0 * j);
    }
  }
  check_against_locate(b, x, y);
  CHECK(InteriorCells(b, kEdgeTolerance_m).clear_share() > 0.3);

  SECTION("edges on the shortcut's own cell borders, points within the tolerance either side") {
    // The same outer box and count give the same grid: move the inner edges onto its cell borders.
    const Grid g = InteriorCells(b, kEdgeTolerance_m).grid();
    for (int k = 1; k < 30; ++k) {
      xs[k] = g.west + std::round((xs[k] - g.west) / g.cell) * g.cell;
      ys[k] = g.north - std::round((g.north - ys[k]) / g.cell) * g.cell;
    }
    const Boundaries moved = rectangles("on-cell-borders", xs, ys);
    REQUIRE(InteriorCells(moved, kEdgeTolerance_m).grid().west == g.west);
    REQUIRE(InteriorCells(moved, kEdgeTolerance_m).grid().cell == g.cell);
    std::vector<double> px, py;
    std::mt19937_64 rng(5);
    std::uniform_real_distribution<double> along(450000, 452700);
    for (int k = 1; k < 30; ++k) {
      for (const double off : {-0.002, -0.0009, -0.0005, 0.0, 0.0005, 0.0009, 0.002}) {
        for (int n = 0; n < 20; ++n) {
          px.push_back(xs[k] + off);
          py.push_back(along(rng) - 450000 + 360000);
          px.push_back(along(rng));
          py.push_back(ys[k] + off);
        }
      }
    }
    check_against_locate(moved, px, py);
  }
}
