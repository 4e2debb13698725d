// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "places/geocoder.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;

namespace {

// A small made-up gazetteer: Kirkby in Ashfield (two postcodes, Station Street at three points,
// a High Street), Hucknall (one postcode, another High Street 7 km away), central Nottingham.
struct Small {
  PostcodeGazetteer postcodes;
  std::vector<StreetRecord> streets;
  AreaNames names;
  std::unique_ptr<Geocoder> geocoder;
  Small() {
    postcodes.units = {{"NG17 7AS", 450556, 356019, "D1", "W1"},
                       {"NG17 7AT", 450600, 356100, "D1", "W1"},
                       {"NG15 6PW", 452000, 348700, "D1", "W2"},
                       {"NG1 1AA", 457803, 340082, "D2", "W3"}};
    streets = {{"Station Street", "", "", 450543, 356040}, {"Station Street", "", "", 450700, 356300},
               {"Station Street", "", "", 450560, 356060}, {"High Street", "", "", 453574, 349259},
               {"High Street", "", "", 450300, 356200},    {"Clumber Street", "", "", 457350, 340003}};
    names.wards = {{"W1", "Kirkby in Ashfield East Ward"}, {"W2", "Hucknall Central Ward"}, {"W3", "Bridge Ward"}};
    names.districts = {{"D1", "Ashfield District"}, {"D2", "Nottingham (B)"}};
    geocoder = std::make_unique<Geocoder>(postcodes, streets, std::vector<AddressRecord>{}, names);
  }
};

}  // namespace

TEST_CASE("geocoder: the cascade, level by level", "[geocode]") {
  const Small s;
  const Geocoder& g = *s.geocoder;
  GeocodeResult r = g.geocode("Flat 3, 14 Station St, Kirkby-in-Ashfield, Notts NG17 7AS");
  CHECK(r.level == MatchLevel::street_in_postcode);
  CHECK(r.score == 95);
  CHECK(r.x == 450543);  // the street's point nearest the postcode
  CHECK(g.locality_name(r.locality) == "KIRKBY IN ASHFIELD");

  r = g.geocode("ng177as");
  CHECK(r.level == MatchLevel::postcode);
  CHECK(r.score == 80);
  CHECK((r.x == 450556 && r.y == 356019));

  // No postcode: the street's points in the town; the one nearest their mean (450601, 356133).
  r = g.geocode("14 Station Street, Kirkby in Ashfield");
  CHECK(r.level == MatchLevel::street_in_town);
  CHECK(r.score == 85);
  CHECK((r.x == 450560 && r.y == 356060));

  r = g.geocode("14 Staton Street, Kirkby in Ashfield");  // one letter missing
  CHECK(r.level == MatchLevel::street_in_town);
  CHECK(r.score == 80);
  CHECK(r.flags == "fuzzy_street");

  r = g.geocode("o/s 23 High Street, Hucknall");
  CHECK(r.level == MatchLevel::street_in_town);
  CHECK((r.x == 453574 && r.y == 349259));
  CHECK(g.locality_name(r.locality) == "HUCKNALL");

  r = g.geocode("NG17 7ZZ");  // valid, not in the gazetteer: its sector's centre
  CHECK(r.level == MatchLevel::sector);
  CHECK(r.score == 50);
  CHECK(r.x == Approx((450556 + 450600) / 2.0));
  CHECK(r.flags == "postcode_not_in_gazetteer");

  r = g.geocode("Hucknall");
  CHECK(r.level == MatchLevel::town);
  CHECK(r.score == 30);

  r = g.geocode("Caf\xe9 Nero, 14 Station Street, Kirkby in Ashfield");  // Latin-1 in a shop name
  CHECK(r.level == MatchLevel::street_in_town);
}

TEST_CASE("geocoder: ambiguous and unusable addresses get a reason, never a guess", "[geocode]") {
  const Small s;
  const Geocoder& g = *s.geocoder;
  // High Street in Kirkby and in Hucknall, 7 km apart, and nothing to choose between them.
  GeocodeResult r = g.geocode("23 High Street");
  CHECK(r.level == MatchLevel::none);
  CHECK_THAT(std::string(r.reason), Catch::Contains("ambiguous"));
  CHECK(g.geocode("").reason == "empty address");
  CHECK(g.geocode("   ").reason == "empty address");
  CHECK(g.geocode("!!! ,,, ???").reason == "no letters or digits in the address");
  CHECK_THAT(std::string(g.geocode("NG17 9ZZ").reason), Catch::Contains("postcode not in the gazetteer"));
  CHECK_THAT(std::string(g.geocode("1600 Pennsylvania Avenue NW, Washington, DC 20500").reason),
             Catch::Contains("no postcode, street or town recognised"));
  CHECK_THAT(std::string(g.geocode(std::string(10 * 1024, 'a')).reason), Catch::Contains("longer than the limit"));
  // A street matched by name but 10 km from the postcode given: the postcode wins, flagged.
  r = g.geocode("5 Clumber Street, NG17 7AS");
  CHECK(r.level == MatchLevel::postcode);
  CHECK(r.score == 60);
  CHECK(r.flags == "street_far_from_postcode");
}

TEST_CASE("gazetteers: Code-Point Open without a header, with a duplicate postcode", "[geocode]") {
  const std::string dir = test::fixture_dir("gazetteer_codepoint");
  const std::string path = test::write_file(dir, "cp.csv",
                                            "\"NG1 1AA\",10,457803,340082,\"E92000001\",\"\",\"\",\"\",\"E06000018\",\"E05001838\"\n"
                                            "\"NG177AS\",10,450556,356019,\"E92000001\",\"\",\"\",\"\",\"E07000170\",\"E05004660\"\n"
                                            "\"NG1 1AA\",10,1,2,\"E92000001\",\"\",\"\",\"\",\"E06000018\",\"E05001838\"\n"
                                            "\"NOTAPC\",10,1,2,\"E92000001\",\"\",\"\",\"\",\"\",\"\"\n");
  const PostcodeGazetteer g = read_postcodes(path, {});
  CHECK(g.rows == 4);
  REQUIRE(g.units.size() == 2);
  CHECK(g.units[0].unit == "NG1 1AA");
  CHECK(g.units[0].x == 457803);  // the first of the duplicates is kept
  CHECK(g.units[1].unit == "NG17 7AS");
  CHECK(g.units[1].ward == "E05004660");
  CHECK(g.duplicates == 1);
  CHECK(g.unusable == 1);
}

TEST_CASE("gazetteers: ONSPD-style postcodes with a header and lat/long", "[geocode]") {
  const std::string dir = test::fixture_dir("gazetteer_onspd");
  // NG17 7AS at Code-Point's 450556, 356019 is -1.246415, 53.098986 (6 decimals, about 0.1 m);
  // a unit without a grid reference has lat/long 99.999999, 0.000000 in ONSPD, or is blank.
  const std::string path = test::write_file(dir, "onspd.csv",
                                            "pcd,pcds,lat,long,oslaua,osward\n"
                                            "NG177AS,NG17 7AS,53.098986,-1.246415,E07000170,E05004660\n"
                                            "NG177ZZ,NG17 7ZZ,,,E07000170,E05004660\n");
  const PostcodeGazetteer g = read_postcodes(path, {});
  REQUIRE(g.units.size() == 1);
  CHECK(g.units[0].unit == "NG17 7AS");
  CHECK(g.units[0].x == Approx(450556).margin(0.5));
  CHECK(g.units[0].y == Approx(356019).margin(0.5));
  CHECK(g.units[0].district == "E07000170");
  CHECK(g.unusable == 1);
}

TEST_CASE("geocoder: a full-address gazetteer matches postcode, number and street first", "[geocode]") {
  const Small s;
  const std::vector<AddressRecord> addresses = {{"100012345", "", "14", "Station Street", "", "Kirkby in Ashfield",
                                                 "NG17 7AS", 450551.5, 356032.5}};
  const Geocoder g(s.postcodes, s.streets, addresses, s.names);
  GeocodeResult r = g.geocode("Flat 1, 14 Station St, Kirkby in Ashfield NG17 7AS");
  CHECK(r.level == MatchLevel::address);
  CHECK(r.score == 100);
  CHECK((r.x == 450551.5 && r.y == 356032.5));
  r = g.geocode("16 Station Street, NG17 7AS");  // another number: the street within the postcode
  CHECK(r.level == MatchLevel::street_in_postcode);
}

TEST_CASE("geocoder: compound town names are matched before their last word", "[geocode]") {
  // Two Woodhouse wards 7 km apart, one in Ashfield (by Sutton) and one in Mansfield (Mansfield
  // Woodhouse), a High Street in each (two points in Ashfield's, one in Mansfield's), and Kirkby
  // known only as a ward "Kirkby" in Ashfield district.
  PostcodeGazetteer postcodes;
  postcodes.units = {{"NG17 1AA", 449000, 359000, "A", "WA"}, {"NG17 1AB", 449100, 359100, "A", "WA"},
                     {"NG19 9AA", 455000, 364000, "M", "WM"}, {"NG17 7AA", 450500, 356000, "A", "WK"},
                     {"NG18 1AA", 453500, 361000, "M", "WC"}};
  const std::vector<StreetRecord> streets = {{"High Street", "", "", 449010, 359010},
                                             {"High Street", "", "", 449090, 359090},
                                             {"High Street", "", "", 455010, 364020},
                                             {"Station Road", "", "", 450510, 356010},
                                             {"Station Road", "", "", 453510, 361010}};
  AreaNames names;
  names.wards = {{"WA", "Woodhouse Ward"}, {"WM", "Woodhouse Ward"}, {"WK", "Kirkby Central Ward"}, {"WC", "Central Ward"}};
  names.districts = {{"A", "Ashfield District"}, {"M", "Mansfield District"}};
  const Geocoder g(postcodes, streets, {}, names);

  // "Mansfield Woodhouse": Woodhouse within Mansfield, not Ashfield's Woodhouse 8 km away.
  GeocodeResult r = g.geocode("12 High Street, Mansfield Woodhouse");
  CHECK(r.level == MatchLevel::street_in_town);
  CHECK((r.x == 455010 && r.y == 364020));
  r = g.geocode("Mansfield Woodhouse");  // the town alone: where Woodhouse and Mansfield meet
  CHECK(r.level == MatchLevel::town);
  CHECK((r.x == 455000 && r.y == 364000));
  r = g.geocode("12 High Street Mansfield Woodhouse");  // no comma
  CHECK((r.x == 455010 && r.y == 364020));
  // "Woodhouse" alone names two places: no guess.
  r = g.geocode("12 High Street, Woodhouse");
  CHECK(r.level == MatchLevel::none);
  CHECK_THAT(r.flags, Catch::Contains("ambiguous"));
  // "Kirkby in Ashfield" with only Kirkby and Ashfield known: Kirkby within Ashfield.
  r = g.geocode("4 Station Road, Kirkby-in-Ashfield");
  CHECK(r.level == MatchLevel::street_in_town);
  CHECK((r.x == 450510 && r.y == 356010));
  r = g.geocode("4 Station Road, Sutton in Ashfield");  // Sutton unknown: Ashfield, the trailing word
  CHECK((r.x == 450510 && r.y == 356010));
}
