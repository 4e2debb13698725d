// SPDX-License-Identifier: Apache-2.0
// The areas' box index against a look at every area's box, on the bundled county boundaries.
#include <catch2/catch.hpp>

#include <random>

#include "inputs/boundaries.hpp"
#include "places/area_raster.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;

TEST_CASE("area boxes: the index finds exactly the areas whose box meets the query, highest first", "[places][boxes]") {
  const Boundaries b = read_boundaries(test::source_path("shapefiles/nottinghamshire_lsoa11.shp"), {});
  REQUIRE(b.areas.size() > 600);
  const AreaBoxes boxes(b);
  const Extent all = b.extent();
  std::mt19937_64 rng(3);
  std::uniform_real_distribution<double> ux(all.xmin - 2000, all.xmax), uy(all.ymin - 2000, all.ymax), size(1, 3000);
  size_t found = 0;
  for (int q = 0; q < 300; ++q) {
    const double x = ux(rng), y = uy(rng);
    const Extent box{x, y, x + size(rng), y + size(rng)};
    std::vector<size_t> expected;
    for (size_t i = b.areas.size(); i-- > 0;) {
      const Extent e = b.extent_of(i);
      if (!(e.xmax < box.xmin || e.xmin > box.xmax || e.ymax < box.ymin || e.ymin > box.ymax)) expected.push_back(i);
    }
    INFO("query " << q);
    CHECK(boxes.meeting(box) == expected);
    found += expected.size();
  }
  CHECK(found > 300);  // the queries do meet areas
}
