// SPDX-License-Identifier: Apache-2.0
// Runs that would load nothing are refused (exit 2) with the reason a new user can act on
// (issue 16's "loud failures"): each case here loaded nothing and exited 0 before.
#include <catch2/catch.hpp>

#include <filesystem>

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

TEST_CASE("loud failures: rows of other forces are reported, and --force keeps one", "[cli][loud]") {
  // A folder holding this force's month and, beside it, 40 rows of another force's file whose
  // points fall inside the study area (as a download of neighbouring forces does).
  const std::string dir = test::fixture_dir("loud_forces");
  const std::string notts = test::slurp(test::example("police-uk/2023-07/2023-07-nottinghamshire-street.csv"));
  std::string derby = notts.substr(0, notts.find('\n') + 1);
  size_t at = notts.find('\n') + 1;
  for (int k = 0; k < 40; ++k) {
    const size_t end = notts.find('\n', at);
    std::string line = notts.substr(at, end - at + 1);
    const std::string police = "Nottinghamshire Police";
    for (size_t p; (p = line.find(police)) != std::string::npos;) line.replace(p, police.size(), "Derbyshire Constabulary");
    derby += line;
    at = end + 1;
  }
  std::filesystem::create_directories(dir + "/in");
  test::write_file(dir + "/in", "notts.csv", notts);
  test::write_file(dir + "/in", "derby.csv", derby);
  const std::string args = "areas --incidents " + dir + "/in --boundaries " +
                           test::source_path("shapefiles/nottinghamshire_lsoa11.shp") + " --imd " +
                           test::example("imd2019/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv");
  const test::CliResult all = test::run_hotspot(args + " --output " + dir + "/all");
  REQUIRE(all.exit_code == 0);
  CHECK_THAT(all.out, Catch::Contains("rows of 2 forces read (Falls within: Derbyshire Constabulary (40); Nottinghamshire Police ("));
  const test::CliResult one = test::run_hotspot(args + " --force 'nottinghamshire police' --output " + dir + "/one");
  REQUIRE(one.exit_code == 0);
  CHECK_THAT(one.out, Catch::Contains("force 40)"));
  CHECK_THAT(one.out, !Catch::Contains("forces read"));
  CPLJSONDocument a, b;
  REQUIRE(a.Load(dir + "/all/summary.json"));
  REQUIRE(b.Load(dir + "/one/summary.json"));
  CHECK(b.GetRoot().GetLong("rows/filtered/by_force") == 40);
  CHECK(a.GetRoot().GetLong("rows/falls_within/Derbyshire Constabulary") == 40);
  CHECK(a.GetRoot().GetLong("rows/loaded") - b.GetRoot().GetLong("rows/loaded") == 40);  // their points lie inside
  test::check_refused(args + " --force 'Avon and Somerset'", 2, "no row falls within the force 'Avon and Somerset'");
}
