// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "core/crs.hpp"

using namespace hotspot;

TEST_CASE("crs: transformations are made once and copied, and the way back is the inverse", "[crs]") {
  // A GeoJSON-style WGS 84 (no EPSG code, lat/lon in its definition) and EPSG:4326 are the same
  // CRS for data given as x = longitude.
  OGRSpatialReference geojson_wgs84;
  REQUIRE(geojson_wgs84.SetFromUserInput("OGC:CRS84") == OGRERR_NONE);
  const OGRSpatialReference epsg4326 = crs_from_user("EPSG:4326", "test");
  const TransformPtr there = to_working_crs(geojson_wgs84, "test");
  const TransformPtr back = from_working_crs(epsg4326, "test");
  const TransformPtr there_again = to_working_crs(epsg4326, "test");
  REQUIRE(there);
  REQUIRE(back);
  REQUIRE(there_again);
  CHECK(there.get() != there_again.get());  // each caller its own object

  // Kirkby-in-Ashfield: against a transformation GDAL makes afresh, to 1 mm and 1e-8 degrees.
  OGRSpatialReference bng = working_crs();
  OGRSpatialReference lonlat = epsg4326;
  const TransformPtr fresh_there(OGRCreateCoordinateTransformation(&lonlat, &bng));
  const TransformPtr fresh_back(OGRCreateCoordinateTransformation(&bng, &lonlat));
  double x = -1.2445, y = 53.0995, fx = x, fy = y;
  REQUIRE(there->Transform(1, &x, &y));
  REQUIRE(fresh_there->Transform(1, &fx, &fy));
  CHECK(x == Approx(fx).margin(1e-3));
  CHECK(y == Approx(fy).margin(1e-3));
  CHECK(x == Approx(450500).margin(1000));  // British National Grid metres
  CHECK(y == Approx(355700).margin(1000));
  double bx = x, by = y;
  REQUIRE(back->Transform(1, &bx, &by));
  REQUIRE(fresh_back->Transform(1, &fx, &fy));
  CHECK(bx == Approx(-1.2445).margin(1e-8));
  CHECK(by == Approx(53.0995).margin(1e-8));
  CHECK(bx == Approx(fx).margin(1e-8));
  CHECK(by == Approx(fy).margin(1e-8));
}

TEST_CASE("crs: transform_points gives each point what transforming it alone gives, repeated points and failures included",
          "[crs]") {
  const TransformPtr ct = to_working_crs(crs_from_user("EPSG:4326", "test"), "test");
  // Police.uk-like: map points repeated; a latitude past the pole fails; -0.0 and 0.0 apart.
  std::vector<double> x = {-1.2445, -1.19, -1.2445, 0.0, -0.0, -1.19, -1.2445, -1.0};
  std::vector<double> y = {53.0995, 53.14, 53.0995, 52.5, 52.5, 53.14, 53.0995, 95.0};
  std::vector<double> ex = x, ey = y;
  std::vector<int> ok, eok(x.size());
  for (size_t i = 0; i < x.size(); ++i) eok[i] = ct->Transform(1, &ex[i], &ey[i]);
  transform_points(*ct, x, y, ok);
  REQUIRE(ok.size() == x.size());
  CHECK(ok == eok);
  CHECK(eok == std::vector<int>{1, 1, 1, 1, 1, 1, 1, 0});
  for (size_t i = 0; i + 1 < x.size(); ++i) {
    INFO(i);
    CHECK(x[i] == ex[i]);  // the same bits: the same transformation of the same input
    CHECK(y[i] == ey[i]);
  }
}
