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
  SECTION("on the shared edge: the lower code, whichever side the point came from") {
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
