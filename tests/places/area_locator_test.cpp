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
  bool on_edge = true;
  CHECK(locator.locate(450050, 360050, &on_edge) == 0);
  CHECK_FALSE(on_edge);
  CHECK(locator.locate(450150, 360050) == 1);
  SECTION("on the shared edge: the area north-east of it (here the east one), whichever side the point came from") {
    CHECK(locator.locate(450100, 360050, &on_edge) == 1);
    CHECK(on_edge);
    CHECK(locator.locate(450100, 360000) == 1);       // a shared corner on the outer boundary
    CHECK(locator.locate(450100.0005, 360050) == 1);  // 0.5 mm east: still on the edge
    CHECK(locator.locate(450099.9995, 360050) == 1);  // 0.5 mm west: on the edge too
    CHECK(locator.locate(450099.998, 360050) == 0);   // 2 mm west: inside the west square only
    CHECK(locator.locate(450050, 360000.0005) == 0);  // on the southern outer edge: north-east is inside
  }
  SECTION("outside, and on the outer edges that face north or east") {
    CHECK(locator.locate(450200.0005, 360050) == -1);  // on the eastern outer edge: north-east is outside
    CHECK(locator.locate(450199.9995, 360050) == -1);
    CHECK(locator.locate(450150, 360100) == -1);       // the northern outer edge
    CHECK(locator.locate(450199.998, 360050) == 1);    // 2 mm inside: not on the edge
    CHECK(locator.locate(450200.002, 360050) == -1);
    CHECK(locator.locate(0, 0) == -1);
  }
  SECTION("locate_all agrees with locate, repeated points included, and counts the points on edges") {
    const std::vector<double> x = {450050, 450150, 450050, 450100, 1, 450150, 450100};
    const std::vector<double> y = {360050, 360050, 360050, 360050, 1, 360050, 360050};
    const AreaLocator::Located l = locator.locate_all(x, y);
    CHECK(l.area == std::vector<int32_t>{0, 1, 0, 1, -1, 1, 1});
    CHECK(l.on_edge == 2);
  }
}

TEST_CASE("point on a shared edge: north-east decides, not the codes or the file order", "[places][locator]") {
  // Two squares, one above the other: points on the edge between them go north, whichever code
  // or file position each square has.
  const auto layer = [](const char* north, const char* south) {
    return std::string(R"({"type": "FeatureCollection",
"crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::27700"}},
"features": [
{"type": "Feature", "properties": {"LSOA11CD": ")") + north + R"(", "LADCD": "E07000170"},
 "geometry": {"type": "Polygon", "coordinates": [[[450000, 360100], [450100, 360100], [450100, 360200], [450000, 360200], [450000, 360100]]]}},
{"type": "Feature", "properties": {"LSOA11CD": ")" + south + R"(", "LADCD": "E07000170"},
 "geometry": {"type": "Polygon", "coordinates": [[[450000, 360000], [450100, 360000], [450100, 360100], [450000, 360100], [450000, 360000]]]}}
]})";
  };
  const std::string dir = test::fixture_dir("locator_north_south");
  for (const auto& [north, south] : {std::pair{"E01000001", "E01000002"}, std::pair{"E01000002", "E01000001"}}) {
    const Boundaries b = read_boundaries(test::write_file(dir, std::string(north) + ".geojson", layer(north, south)), {});
    const AreaLocator locator(b);
    const int32_t n = b.areas[0].code == north ? 0 : 1;
    CHECK(locator.locate(450050, 360150) == n);
    CHECK(locator.locate(450050, 360050) == 1 - n);
    CHECK(locator.locate(450050, 360100) == n);          // on the shared edge
    CHECK(locator.locate(450050, 360099.9995) == n);     // 0.5 mm into the southern square: on the edge
    CHECK(locator.locate(450050, 360099.998) == 1 - n);  // 2 mm into it
  }
}

TEST_CASE("point on an edge running south-west to north-east: the step is due east", "[places][locator]") {
  // A square cut along its diagonal: the north-east step from the diagonal stays on it.
  const std::string dir = test::fixture_dir("locator_diagonal");
  const std::string path = test::write_file(dir, "diagonal.geojson", R"({"type": "FeatureCollection",
"crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::27700"}},
"features": [
{"type": "Feature", "properties": {"LSOA11CD": "E01000001", "LADCD": "E07000170"},
 "geometry": {"type": "Polygon", "coordinates": [[[450000, 360000], [450100, 360100], [450000, 360100], [450000, 360000]]]}},
{"type": "Feature", "properties": {"LSOA11CD": "E01000002", "LADCD": "E07000170"},
 "geometry": {"type": "Polygon", "coordinates": [[[450000, 360000], [450100, 360000], [450100, 360100], [450000, 360000]]]}}
]})");
  const Boundaries b = read_boundaries(path, {});
  const AreaLocator locator(b);
  CHECK(locator.locate(450020, 360080) == 0);  // north-west triangle
  CHECK(locator.locate(450080, 360020) == 1);  // south-east triangle
  CHECK(locator.locate(450050, 360050) == 1);  // on the diagonal: east of it
}
