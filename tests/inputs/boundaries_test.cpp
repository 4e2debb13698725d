// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "core/errors.hpp"
#include "inputs/boundaries.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;

TEST_CASE("boundaries: fields auto-detected, areas sorted by code, areas in m2", "[inputs][boundaries]") {
  const std::string dir = test::fixture_dir("boundaries_squares");
  const Boundaries b = read_boundaries(test::two_squares(dir), {});
  CHECK(b.code_field == "LSOA11CD");
  CHECK(b.name_field == "LSOA11NM");
  CHECK(b.district_field == "LADCD");
  REQUIRE(b.areas.size() == 2);
  CHECK(b.areas[0].code == "E01000001");
  CHECK(b.areas[0].name == "West 001A");
  CHECK(b.areas[0].area_m2 == Approx(10000.0));
  CHECK(b.total_area_m2() == Approx(20000.0));
  CHECK(b.warnings.empty());
}

TEST_CASE("boundaries: the bundled shapefile is 679 LSOAs in British National Grid", "[inputs][boundaries]") {
  BoundaryOptions only;
  only.districts = {"E07000170", "E07000174"};
  const Boundaries all = read_boundaries(test::source_path("shapefiles/nottinghamshire_lsoa11.shp"), {});
  const Boundaries two = read_boundaries(test::source_path("shapefiles/nottinghamshire_lsoa11.shp"), only);
  CHECK(all.areas.size() == 679);
  CHECK(two.areas.size() == 141);  // Ashfield 74 + Mansfield 67 LSOAs (2011), from ogrinfo -dialect sqlite ... GROUP BY LADCD
  // ONS: Nottinghamshire county + Nottingham city cover about 2,160 km2.
  CHECK(all.total_area_m2() / 1e6 == Approx(2159.4).margin(1.0));
}

TEST_CASE("boundaries: a self-intersecting polygon is repaired with a warning naming it", "[inputs][boundaries]") {
  const std::string dir = test::fixture_dir("boundaries_bowtie");
  const std::string path = test::write_file(dir, "bowtie.geojson", R"({"type": "FeatureCollection",
"crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::27700"}},
"features": [{"type": "Feature", "properties": {"LSOA21CD": "E01099999"},
 "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [100, 100], [100, 0], [0, 100], [0, 0]]]}}]})");
  const Boundaries b = read_boundaries(path, {});
  REQUIRE(b.warnings.size() == 1);
  CHECK_THAT(b.warnings[0], Catch::Contains("E01099999") && Catch::Contains("Self-intersection"));
  // The bow-tie's two triangles: 2 x (100 x 50 / 2).
  CHECK(b.areas[0].area_m2 == Approx(5000.0));
}

TEST_CASE("boundaries that cannot be used give a clear error", "[inputs][boundaries]") {
  const std::string dir = test::fixture_dir("boundaries_bad");
  SECTION("no CRS") {
    const std::string path = test::write_file(dir, "nocrs.csv", "WKT,LSOA11CD\n\"POLYGON((0 0,1 0,1 1,0 0))\",E01000001\n");
    CHECK_THROWS_WITH(read_boundaries(path, {}), Catch::Contains("no CRS") && Catch::Contains("--boundaries-crs"));
    BoundaryOptions o;
    o.crs = "EPSG:27700";
    CHECK(read_boundaries(path, o).areas.size() == 1);
  }
  SECTION("no code field") {
    const std::string path = test::write_file(dir, "nocode.geojson", R"({"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"foo": "x"}, "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}}]})");
    CHECK_THROWS_WITH(read_boundaries(path, {}), Catch::Contains("--code-field") && Catch::Contains("foo"));
  }
  SECTION("duplicate codes") {
    const std::string path = test::write_file(dir, "dup.geojson", R"({"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"LSOA11CD": "E1"}, "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}},
{"type": "Feature", "properties": {"LSOA11CD": "E1"}, "geometry": {"type": "Polygon", "coordinates": [[[2, 0], [3, 0], [3, 1], [2, 0]]]}}]})");
    CHECK_THROWS_WITH(read_boundaries(path, {}), Catch::Contains("E1 appears more than once"));
  }
  SECTION("points instead of polygons") {
    const std::string path = test::write_file(dir, "points.geojson", R"({"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"LSOA11CD": "E1"}, "geometry": {"type": "Point", "coordinates": [0, 0]}}]})");
    CHECK_THROWS_WITH(read_boundaries(path, {}), Catch::Contains("not a polygon"));
  }
  SECTION("a district code that no area has") {
    BoundaryOptions o;
    o.districts = {"E07999999"};
    CHECK_THROWS_WITH(read_boundaries(test::two_squares(dir), o), Catch::Contains("--districts 'E07999999'"));
  }
}
