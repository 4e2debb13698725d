// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "places/place_incidents.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;

TEST_CASE("placing: rows outside every area are rejected, lat/lon swapped among them", "[places]") {
  const std::string dir = test::fixture_dir("place_swapped");
  const std::string csv = test::write_file(dir, "swapped.csv",
                                           "Crime ID,Month,Longitude,Latitude,Crime type\n"
                                           "c1,2023-07,-1.2590,53.1000,Robbery\n"   // Kirkby-in-Ashfield
                                           "c2,2023-07,53.1000,-1.2590,Robbery\n"   // swapped: the Indian Ocean
                                           "c3,2023-07,-0.1276,51.5072,Robbery\n");  // London
  IncidentLoad load = read_incidents({csv}, {}, {});
  const Boundaries b = read_boundaries(test::source_path("shapefiles/nottinghamshire_lsoa11.shp"), {});
  const std::vector<int32_t> area_of = place_incidents(load, b);
  REQUIRE(area_of.size() == 1);
  CHECK(b.areas[area_of[0]].district_code == "E07000170");  // Ashfield
  CHECK(load.account.loaded == 1);
  CHECK(load.account.balanced());
  const auto reasons = load.account.rejected_by_reason();
  CHECK(reasons.at("outside study area") + (reasons.count("coordinate transformation failed") ? reasons.at("coordinate transformation failed") : 0) == 2);
  CHECK(load.account.rejected(load.account.rejects.size() - 1).line == 4);
}
