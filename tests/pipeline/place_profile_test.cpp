// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <cmath>

#include "core/errors.hpp"
#include "inputs/crime_types.hpp"
#include "pipeline/places_stage.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;

namespace {

// The two 100 m squares (west E01000001: 1,000 residents, decile 1; east E01000002: 400, decile 10),
// a drawn place over x 450050..450150 (half of each), and four postcode units in the west square,
// three of them inside the place, and none in the east square.
StudyData squares_study(const std::string& dir, const std::string& rows) {
  StudyInputs in;
  in.boundaries = test::two_squares(dir);
  in.imd = test::imd_file(dir, "E01000001,West 001A,E07000170,Ashfield,\"1,000\",1\n"
                               "E01000002,East 001B,E07000170,Ashfield,\"30,000\",10\n");
  in.population = test::write_file(dir, "pop.csv",
                                   "\xEF\xBB\xBFLSOA code (2011),LSOA name (2011),Local Authority District code (2019),"
                                   "Local Authority District name (2019),Total population: mid 2015 (excluding prisoners)\n"
                                   "E01000001,West 001A,E07000170,Ashfield,\"1,000\"\nE01000002,East 001B,E07000170,Ashfield,400\n");
  in.incidents = {test::write_file(dir, "points.csv", "x,y,Month,Crime type,Location\n" + rows)};
  in.columns.x = "x";
  in.columns.y = "y";
  return load_study(in);
}

const char* kPlace = R"({"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::27700"}},
"features": [{"type": "Feature", "properties": {"name": "The Middle"}, "geometry": {"type": "Polygon", "coordinates":
[[[450050, 360000], [450150, 360000], [450150, 360100], [450050, 360100], [450050, 360000]]]}}]})";

}  // namespace

TEST_CASE("place profile: residents shared by postcode units (else area), rates, periods and the intervention", "[places]") {
  const std::string dir = test::fixture_dir("place_profile");
  // Inside the place: 2 in 2024-01 (baseline), 1 in 2024-03 and 3 in 2024-04 (current, 2024-03..04;
  // previous 2024-01..02). Outside it: west 450010 twice in 2024-01 and once in 2024-04.
  const StudyData s = squares_study(dir,
                                    "450060,360050,2024-01,Robbery,On or near High Street\n"
                                    "450140,360050,2024-01,Robbery,On or near Low Street\n"
                                    "450060,360050,2024-03,Robbery,On or near High Street\n"
                                    "450060,360050,2024-04,Robbery,On or near High Street\n"
                                    "450060,360050,2024-04,Robbery,On or near High Street\n"
                                    "450140,360050,2024-04,Robbery,On or near Low Street\n"
                                    "450010,360050,2024-01,Robbery,On or near West Lane\n"
                                    "450010,360050,2024-01,Robbery,On or near West Lane\n"
                                    "450010,360050,2024-04,Robbery,On or near West Lane\n"
                                    "450160,360050,2024-02,Robbery,On or near East Lane\n");
  REQUIRE(s.load.incidents.size() == 10);
  PlacesParams p;
  p.places.polygons = test::write_file(dir, "place.geojson", kPlace);
  p.baseline = "2024-01..2024-01";
  p.current = "2024-03..2024-04";
  SECTION("by area") {
    const PlacesResult r = profile_places(s, p);
    REQUIRE(r.profiles.size() == 1);
    const PlaceProfile& pr = r.profiles[0];
    CHECK(pr.slug == "the-middle");
    CHECK(pr.residents_rule == "area");
    REQUIRE(pr.lsoas.size() == 2);
    CHECK(pr.lsoas[0].share_of_lsoa == Approx(0.5));
    CHECK(*pr.residents == Approx(0.5 * 1000 + 0.5 * 400));
    CHECK(pr.by_type[0].first == "all");
    CHECK(pr.by_type[0].second == std::array<uint64_t, 3>{2, 2, 4});  // baseline, previous (2024-01..02), current
    CHECK(pr.previous.from == 202401);
    CHECK(pr.previous.to == 202402);
    CHECK(*pr.rate == Approx(1000.0 * 4 / 700));
    CHECK(*pr.study_rate == Approx(1000.0 * 5 / 1400));  // 5 incidents in 2024-03..04 among 1,400 residents
    CHECK(pr.residents_deciles_1_2 == Approx(500.0 / 700));
    REQUIRE(pr.top_streets.size() == 2);
    CHECK(pr.top_streets[0] == std::pair<std::string, uint64_t>{"High Street", 3});
    CHECK(pr.months.size() == 4);
    CHECK(pr.months[1] == std::pair<int, uint64_t>{202402, 0});
  }
  SECTION("by postcode units") {
    p.postcodes = test::write_file(dir, "codepoint.csv",
                                   "\"AB1 1AA\",10,450010,360010,\"E92000001\",\"\",\"\",\"\",\"E07000170\",\"\"\n"
                                   "\"AB1 1AB\",10,450060,360010,\"E92000001\",\"\",\"\",\"\",\"E07000170\",\"\"\n"
                                   "\"AB1 1AD\",10,450070,360010,\"E92000001\",\"\",\"\",\"\",\"E07000170\",\"\"\n"
                                   "\"AB1 1AE\",10,450080,360090,\"E92000001\",\"\",\"\",\"\",\"E07000170\",\"\"\n");
    const PlacesResult r = profile_places(s, p);
    const PlaceProfile& pr = r.profiles[0];
    CHECK(pr.residents_rule == "postcode units");
    CHECK(pr.lsoas[0].share_of_residents == Approx(0.75));  // 3 of the west square's 4 units
    CHECK(pr.lsoas[1].share_of_residents == Approx(0.5));   // no units in the east square: by area
    CHECK(*pr.residents == Approx(750 + 200));
  }
  SECTION("an intervention from 2024-03 against the rest of the district") {
    p.interventions = {"the middle: 2024-03"};
    const PlacesResult r = profile_places(s, p);
    REQUIRE(r.profiles[0].intervention);
    const PlaceIntervention& v = *r.profiles[0].intervention;
    CHECK(v.before.from == 202401);
    CHECK(v.before.to == 202402);
    CHECK(v.after.to == 202404);
    CHECK(v.effect.treated_before == 2);
    CHECK(v.effect.treated_after == 4);
    CHECK(v.effect.comparison_before == 3);  // West Lane twice, East Lane once
    CHECK(v.effect.comparison_after == 1);
    CHECK(v.effect.ratio == Approx((4.0 / 2) / (1.0 / 3)));
    p.interventions = {"Nowhere: 2024-03"};
    CHECK_THROWS_AS(profile_places(s, p), OptionError);
    p.interventions = {"The Middle: 2024-01"};  // no month before it
    CHECK_THROWS_AS(profile_places(s, p), OptionError);
  }
}
