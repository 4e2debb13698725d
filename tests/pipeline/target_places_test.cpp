// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "pipeline/target_places.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;

namespace {

// One 50 x 30 km area holding two towns 14 km apart and a village 29 km from the first.
StudyData towns_study(const std::string& dir, const std::string& rows) {
  StudyInputs in;
  in.boundaries = test::write_file(dir, "area.geojson", R"({"type": "FeatureCollection",
"crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::27700"}},
"features": [{"type": "Feature", "properties": {"LSOA11CD": "E01000001", "LSOA11NM": "Shire 001A", "LADCD": "E07000170"},
 "geometry": {"type": "Polygon", "coordinates": [[[440000, 340000], [490000, 340000], [490000, 370000], [440000, 370000], [440000, 340000]]]}}]})");
  in.incidents = {test::write_file(dir, "points.csv", "x,y,Month,Crime type,Location\n" + rows)};
  in.columns.x = "x";
  in.columns.y = "y";
  return load_study(in);
}

}  // namespace

TEST_CASE("places: a street list is the one neighbourhood holding most of its streets, same names elsewhere left out", "[places]") {
  const std::string dir = test::fixture_dir("target_places");
  // Town 1: A Road at two snap points 400 m apart, B Road 500 m north, C Road 1.2 km from A
  // Road's eastern point (linked: under kStreetLink_m), 5 incidents on 3 streets. Town 2, 14 km
  // east: A Road and B Road, 6 incidents on 2 streets. A village 29 km east: one C Road. D Road
  // in town 1 is not listed.
  const StudyData s = towns_study(dir,
                                  "451000,356000,2024-01,Robbery,On or near A Road\n"
                                  "451000,356000,2024-02,Robbery,On or near A Road\n"
                                  "451400,356000,2024-01,Robbery,On or near A Road\n"
                                  "451000,356500,2024-01,Robbery,On or near B Road\n"
                                  "452200,356900,2024-01,Robbery,On or near C Road\n"
                                  "451100,356100,2024-01,Robbery,On or near D Road\n"
                                  "465000,356000,2024-01,Robbery,On or near A Road\n"
                                  "465000,356000,2024-02,Robbery,On or near A Road\n"
                                  "465000,356000,2024-03,Robbery,On or near A Road\n"
                                  "465500,356000,2024-01,Robbery,On or near B Road\n"
                                  "465500,356000,2024-02,Robbery,On or near B Road\n"
                                  "465500,356000,2024-03,Robbery,On or near B Road\n"
                                  "480000,356000,2024-01,Robbery,On or near C Road\n"
                                  "495000,356000,2024-01,Robbery,On or near Z Road\n");  // outside the area
  REQUIRE(s.load.incidents.size() == 13);
  PlaceDefinitions defs;
  defs.streets = {"Estate: A Road; b road; C Road; E Road", "Pair: A Road; B Road"};
  const std::vector<TargetPlace> places = target_places(defs, s);
  REQUIRE(places.size() == 2);

  const TargetPlace& estate = places[0];  // town 1: three of its streets against town 2's two
  CHECK(estate.definition == "A Road; b road; C Road");
  CHECK(estate.streets_missing == std::vector<std::string>{"E Road"});
  CHECK(estate.member == std::vector<uint8_t>{1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0});
  CHECK(estate.elsewhere == 7);
  CHECK(estate.streets_elsewhere == std::vector<std::string>{"A Road", "B Road", "C Road"});
  double x0, y0, x1, y1;  // the area: town 1's points widened by kStreetReach_m, nowhere near town 2
  GEOSGeom_getXMin_r(s.boundaries.geos->get(), estate.geometry.get(), &x0);
  GEOSGeom_getXMax_r(s.boundaries.geos->get(), estate.geometry.get(), &x1);
  GEOSGeom_getYMin_r(s.boundaries.geos->get(), estate.geometry.get(), &y0);
  GEOSGeom_getYMax_r(s.boundaries.geos->get(), estate.geometry.get(), &y1);
  CHECK(x0 == Approx(451000 - kStreetReach_m));
  CHECK(x1 == Approx(452200 + kStreetReach_m));
  CHECK(y1 == Approx(356900 + kStreetReach_m));

  const TargetPlace& pair = places[1];  // two streets in each town: town 2 has more incidents
  CHECK(pair.member == std::vector<uint8_t>{0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0});
  CHECK(pair.elsewhere == 4);
  CHECK(pair.streets_elsewhere == std::vector<std::string>{"A Road", "B Road"});

  // A street that only a row outside the study names: the key is at fault, not a crash or an
  // empty place.
  defs.streets = {"Outside: Z Road"};
  CHECK_THROWS_WITH(target_places(defs, s), Catch::Contains("places.streets") && Catch::Contains("no incident kept"));
}
