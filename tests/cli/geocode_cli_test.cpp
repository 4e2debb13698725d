// SPDX-License-Identifier: Apache-2.0
// `hotspot geocode` as a user meets it, and the personal-data rule: addresses never leave the
// geocoded file except into a rejects file asked for as a private copy.
#include <catch2/catch.hpp>

#include <filesystem>

#include "support/cli.hpp"
#include "support/fixtures.hpp"

namespace fs = std::filesystem;
using namespace hotspot::test;

namespace {

// Rows a custody or health extract might hold: matches, typos, nonsense, an empty one, a long one.
// Each carries a marker word no gazetteer has, to look for in every output.
std::string addresses_csv(const std::string& dir) {
  return write_file(dir, "people.csv",
                    "id,address\n"
                    "1,\"Flat 3, 14 Station Street, Kirkby-in-Ashfield, Notts NG17 7AS Zyxwvmarker\"\n"
                    "2,\"ng177as\"\n"
                    "3,\"Zyxwvmarker Cottage, Nowhere Lane, Atlantis\"\n"
                    "4,\"\"\n"
                    "5,\"!!! Zyxwvmarker ???\"\n"
                    "6,\"" + std::string(2000, 'Q') + " Zyxwvmarker\"\n"
                    "7,\"10 Downing Street Zyxwvmarker, London SW1A 2AA\"\n");
}

std::string gazetteer_args() {
  return " --postcodes " + shared_path("codepoint-open/ng.csv") + " --localities " +
         shared_path("codepoint-open/codelist.csv");
}

}  // namespace

TEST_CASE("cli: geocode never shows an address on the terminal, in the summary or in rejects", "[cli][geocode][shared]") {
  const std::string in = fixture_dir("cli_geocode_private");
  const std::string input = addresses_csv(in);
  const std::string dir = in + "/out";
  for (const char* flags : {"", "--json "}) {
    const CliResult r = run_hotspot(std::string(flags) + "geocode --input " + input + " --address-column address" + gazetteer_args() +
                                    " --output " + dir);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("Zyxwvmarker") == std::string::npos);
    CHECK(r.out.find("Station") == std::string::npos);
  }
  CHECK(slurp(dir + "/summary.json").find("Zyxwvmarker") == std::string::npos);
  const std::string rejects = slurp(dir + "/rejects.csv");
  CHECK(rejects.find("Zyxwvmarker") == std::string::npos);
  CHECK_THAT(rejects, Catch::Contains("5,empty address") && Catch::Contains("7,\"address longer than the limit"));
  // The geocoded rows keep the address (the analyst's own file) unless --drop-address.
  CHECK_THAT(slurp(dir + "/geocoded.csv"), Catch::Contains("Zyxwvmarker"));
  const CliResult dropped = run_hotspot("geocode --drop-address --input " + input + " --address-column address" +
                                        gazetteer_args() + " --output " + in + "/dropped");
  REQUIRE(dropped.exit_code == 0);
  const std::string geocoded = slurp(in + "/dropped/geocoded.csv");
  CHECK(geocoded.find("Zyxwvmarker") == std::string::npos);
  CHECK_THAT(geocoded, Catch::StartsWith("id,x,y,lon,lat,lsoa_code,imd_decile,match_level,score,locality,flags"));
  // A private copy of the rejects, when asked for, holds the address to fix them by.
  const CliResult with = run_hotspot("geocode --rejects-with-address --input " + input + " --address-column address" +
                                     gazetteer_args() + " --output " + in + "/private");
  REQUIRE(with.exit_code == 0);
  CHECK(with.out.find("Zyxwvmarker") == std::string::npos);
  CHECK_THAT(slurp(in + "/private/rejects.csv"), Catch::Contains("Zyxwvmarker"));
}

TEST_CASE("cli: geocode reports the match rate and warns under 85%", "[cli][geocode][shared]") {
  const std::string in = fixture_dir("cli_geocode_rate");
  const std::string streets = write_file(in, "streets.csv", "street,x,y\nStation Street,450543,356040\n");
  const CliResult r = run_hotspot("geocode --input " + addresses_csv(in) + " --address-column address" + gazetteer_args() +
                                  " --streets " + streets + " --boundaries " + source_path("shapefiles/nottinghamshire_lsoa11.shp") +
                                  " --output " + in + "/out");
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("geocoded          2") && Catch::Contains("under the 85%"));
  const std::string summary = slurp(in + "/out/summary.json");
  CHECK_THAT(summary, Catch::Contains("\"read\":7") && Catch::Contains("\"geocoded\":2") &&
                          Catch::Contains("\"postcode\":1") && Catch::Contains("\"street_in_postcode\":1"));
  CHECK_THAT(slurp(in + "/out/geocoded.csv"), Catch::Contains("E01027952"));  // the LSOA of 14 Station Street
}

TEST_CASE("cli: geocode refuses missing gazetteers and columns, naming the flag", "[cli][geocode]") {
  const std::string in = fixture_dir("cli_geocode_bad");
  const std::string input = write_file(in, "a.csv", "id,address\n1,NG17 7AS\n");
  const std::string pcs = write_file(in, "pc.csv", "\"NG17 7AS\",10,450556,356019,\"E92000001\",\"\",\"\",\"\",\"E07000170\",\"E05004660\"\n");
  check_refused("geocode --input " + input + " --address-column street --postcodes " + pcs, 1, "--address-column 'street'");
  check_refused("geocode --input " + input + " --postcodes " + pcs, 1, "--address-column");
  check_refused("geocode --input " + input + " --address-column address --postcodes " + pcs + " --min-score 120", 1,
                "--min-score 120");
  check_refused("geocode --input " + input + " --address-column address --postcodes " + in + "/missing.csv", 2,
                "missing.csv");
}

TEST_CASE("cli: geocode joins address parts from several columns", "[cli][geocode][shared]") {
  const std::string in = fixture_dir("cli_geocode_parts");
  const std::string input = write_file(in, "parts.csv",
                                       "id,line1,town,postcode\n"
                                       "1,14 Station Street,Kirkby-in-Ashfield,ng177as\n"
                                       "2,,,NG17 7AS\n");
  const CliResult r = run_hotspot("geocode --json --input " + input + " --address-columns line1,town,postcode" +
                                  gazetteer_args() + " --output " + in + "/out");
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("\"geocoded\":2"));
  const std::string csv = slurp(in + "/out/geocoded.csv");
  CHECK_THAT(csv, Catch::Contains("1,14 Station Street,Kirkby-in-Ashfield,ng177as,450556.0,356019.0"));
}

TEST_CASE("cli: geocode --drop-address leaves out every personal column; --keep-columns keeps only those named",
          "[cli][geocode]") {
  const std::string in = fixture_dir("cli_geocode_personal");
  // A custody-style extract: names, dates of birth, a phone and a second address column beside the
  // geocoded one, each value a marker to look for; the offence and a reference are not personal.
  const std::string input = write_file(
      in, "custody.csv",
      "custody_ref,Forename,Surname,Date of Birth,DOB,suspect_name,Phone Number,email,Home Address,address,"
      "Postcode,offence,lsoa_name\n"
      "C1,Fmarker,Smarker,01/02/1990,1990-02-01,Nmarker,07700900000,a@marker.uk,Hmarker Road,"
      "\"14 Station Street, Kirkby in Ashfield NG17 7AS\",NG17 7AS,Robbery,Ashfield 001A\n");
  const std::string gazetteers = " --postcodes " + source_path("examples/ashfield-mansfield/codepoint-open/ng17-19.csv") +
                                 " --localities " + source_path("examples/ashfield-mansfield/codepoint-open/codelist.csv");
  const CliResult dropped = run_hotspot("geocode --drop-address --personal-columns lsoa_name --input " + input +
                                        " --address-column address" + gazetteers + " --output " + in + "/dropped");
  REQUIRE(dropped.exit_code == 0);
  const std::string geocoded = slurp(in + "/dropped/geocoded.csv");
  CHECK_THAT(geocoded, Catch::StartsWith("custody_ref,offence,x,y,"));
  for (const char* marker : {"marker", "1990", "07700", "NG17 7AS", "Station", "Ashfield 001A"}) {
    INFO(marker);
    CHECK(geocoded.find(marker) == std::string::npos);
  }
  const std::string summary = slurp(in + "/dropped/summary.json");
  CHECK_THAT(summary, Catch::Contains("\"columns_left_out\"") && Catch::Contains("\"Date of Birth\""));
  CHECK(summary.find("marker") == std::string::npos);  // names of columns only, never values

  const CliResult kept = run_hotspot("geocode --keep-columns offence,custody_ref --input " + input +
                                     " --address-column address" + gazetteers + " --output " + in + "/kept");
  REQUIRE(kept.exit_code == 0);
  CHECK_THAT(slurp(in + "/kept/geocoded.csv"), Catch::StartsWith("custody_ref,offence,x,y,"));
  const CliResult missing = run_hotspot("geocode --keep-columns offense --input " + input + " --address-column address" +
                                        gazetteers + " --output " + in + "/missing");
  CHECK(missing.exit_code == 1);
  CHECK_THAT(missing.out, Catch::Contains("--keep-columns 'offense': no such column"));
}
