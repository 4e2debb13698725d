// SPDX-License-Identifier: Apache-2.0
// Runs that would load nothing are refused (exit 2) with the reason a new user can act on
// (issue 16's "loud failures"): each case here loaded nothing and exited 0 before.
#include <catch2/catch.hpp>

#include <cpl_json.h>

#include "support/cli.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;

TEST_CASE("loud failures: crime types match whatever their case", "[cli][loud]") {
  const std::string dir = test::fixture_dir("loud_types_case");
  REQUIRE(test::run_hotspot("areas" + test::kExampleArgs + " --types robbery --quiet --output " + dir + "/lower").exit_code == 0);
  REQUIRE(test::run_hotspot("areas" + test::kExampleArgs + " --types Robbery --quiet --output " + dir + "/exact").exit_code == 0);
  CPLJSONDocument lower, exact;
  REQUIRE(lower.Load(dir + "/lower/summary.json"));
  REQUIRE(exact.Load(dir + "/exact/summary.json"));
  CHECK(lower.GetRoot().GetLong("rows/loaded") == exact.GetRoot().GetLong("rows/loaded"));
  CHECK(exact.GetRoot().GetLong("rows/loaded") > 100);
}

TEST_CASE("loud failures: types, periods, Excel months and swapped coordinates that load nothing exit 2 saying why",
          "[cli][loud]") {
  test::check_refused("areas" + test::kExampleArgs + " --types 'Robbery,Possession of weapons'", 2,
                      "Separate crime types with ';', not ','.");
  test::check_refused("areas" + test::kExampleArgs + " --types Robery", 2, "Did you mean 'Robbery'?");
  test::check_refused("areas" + test::kExampleArgs + " --types Robery", 2, "the data hold: Anti-social behaviour (");
  test::check_refused("areas" + test::kExampleArgs + " --from 2020-01 --to 2020-06", 2,
                      "the period 2020-01..2020-06 holds none of them; the data's months are 2023-07..2024-06");
  const std::string dir = test::fixture_dir("loud_failures");
  // police.uk columns after a round trip through Excel, and with Longitude and Latitude swapped.
  const std::string excel = test::write_file(dir, "excel.csv",
                                             "Month,Longitude,Latitude,Crime type\n"
                                             "Jan-24,-1.2,53.1,Robbery\nFeb-24,-1.21,53.11,Robbery\n");
  const std::string swapped = test::write_file(dir, "swapped.csv",
                                               "Month,Longitude,Latitude,Crime type\n"
                                               "2024-01,53.1,-1.2,Robbery\n2024-02,53.11,-1.21,Robbery\n");
  const std::string lsoa = " --boundaries " + test::source_path("shapefiles/nottinghamshire_lsoa11.shp") + " --imd " +
                           test::example("imd2019/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv");
  test::check_refused("areas --incidents " + excel + lsoa + " --from 2024-01", 2,
                      "unparseable month: Excel shows months so ('Jan-24', '01/01/2024'); save the column as text YYYY-MM: 2");
  test::check_refused("areas --incidents " + swapped + lsoa, 2, "outside study area: 2");
  test::check_refused("areas --incidents " + swapped + lsoa, 2, "they look swapped");
  // Loaded with months Excel reformatted and no period: a warning says so.
  const test::CliResult r = test::run_hotspot("areas --incidents " + excel + lsoa + " --output " + dir + "/out");
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("2 months look reformatted by Excel (form 'AAA-99')"));
}

TEST_CASE("loud failures: a missing file is a usage error naming the flag; a file of the wrong kind says what it looks like",
          "[cli][loud]") {
  const std::string incidents = " --incidents " + test::example("police-uk");
  const std::string lsoa = test::source_path("shapefiles/nottinghamshire_lsoa11.shp");
  const std::string imd = test::example("imd2019/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv");
  test::check_refused("areas" + incidents + " --boundaries nope.shp --imd " + imd, 1, "--boundaries nope.shp: no such file or folder");
  test::check_refused("areas" + incidents + " --boundaries " + lsoa + " --imd nope.csv", 1, "--imd nope.csv: no such file or folder");
  test::check_refused("areas" + incidents + " --boundaries " + lsoa + " --imd " + imd + " --population nope.csv", 1,
                      "--population nope.csv: no such file or folder");
  test::check_refused("areas" + incidents + " --boundaries " + imd + " --imd " + imd, 2,
                      "no geometry: this looks like IoD2019 File_1; pass it as --imd");
  test::check_refused("areas" + incidents + " --boundaries " + lsoa + " --imd " + lsoa, 2,
                      "this looks like boundaries: pass it as --boundaries");
}
