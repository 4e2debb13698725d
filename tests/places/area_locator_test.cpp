// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "places/area_locator.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;

TEST_CASE("point in area: interior, shared edge, tolerance and outside", "[places][locator]") {
  const std::string dir = test::fixture_dir("locator_squares");
  const Boundaries b = read_boundaries(test::two_squares(dir), {});
  const AreaLocator locator(b);
  // areas[0] = E01000001 (west, x 450000..450100), areas[1] = E01000002 (east, 450100..450200)
  CHECK(locator.locate(450050, 360050) == 0);
  CHECK(locator.locate(450150, 360050) == 1);
  SECTION("on the shared edge: the first in the edge order (here the west one), whichever side the point came from") {
    CHECK(locator.locate(450100, 360050) == 0);
    CHECK(locator.locate(450100, 360000) == 0);       // a shared corner on the outer boundary
    CHECK(locator.locate(450100.0005, 360050) == 0);  // 0.5 mm east: still on the edge
    CHECK(locator.locate(450099.9995, 360050) == 0);
    CHECK(locator.locate(450100.002, 360050) == 1);   // 2 mm east: inside the east square only
  }
  SECTION("outside") {
    CHECK(locator.locate(450200.0005, 360050) == 1);  // within the tolerance of the outer edge
    CHECK(locator.locate(450200.002, 360050) == -1);
    CHECK(locator.locate(0, 0) == -1);
  }
  SECTION("locate_all agrees with locate, repeated points included") {
    const std::vector<double> x = {450050, 450150, 450050, 450100, 1, 450150};
    const std::vector<double> y = {360050, 360050, 360050, 360050, 1, 360050};
    CHECK(locator.locate_all(x, y) == std::vector<int32_t>{0, 1, 0, 0, -1, 1});
  }
}

TEST_CASE("point on a shared edge: the edge order, not the code, decides", "[places][locator]") {
  // Two squares, one above the other, the northern one with the lower code. Sort-Tile-Recursive
  // packing puts both in one slice and sorts them by centre y, so the southern square comes
  // first in the edge order and takes points on the edge between them.
  const std::string dir = test::fixture_dir("locator_north_south");
  const std::string path = test::write_file(dir, "north_south.geojson", R"({"type": "FeatureCollection",
"crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::27700"}},
"features": [
{"type": "Feature", "properties": {"LSOA11CD": "E01000001", "LADCD": "E07000170"},
 "geometry": {"type": "Polygon", "coordinates": [[[450000, 360100], [450100, 360100], [450100, 360200], [450000, 360200], [450000, 360100]]]}},
{"type": "Feature", "properties": {"LSOA11CD": "E01000002", "LADCD": "E07000170"},
 "geometry": {"type": "Polygon", "coordinates": [[[450000, 360000], [450100, 360000], [450100, 360100], [450000, 360100], [450000, 360000]]]}}
]})");
  const Boundaries b = read_boundaries(path, {});
  REQUIRE(b.areas[0].code == "E01000001");
  const AreaLocator locator(b);
  CHECK(locator.locate(450050, 360150) == 0);
  CHECK(locator.locate(450050, 360050) == 1);
  CHECK(locator.locate(450050, 360100) == 1);         // on the shared edge
  CHECK(locator.locate(450050, 360100.0005) == 1);    // 0.5 mm into the northern square
  CHECK(locator.locate(450050, 360100.002) == 0);     // 2 mm into it
}
