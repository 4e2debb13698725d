// SPDX-License-Identifier: Apache-2.0
// The verbs of force data in time, whole: nearrepeat and timing on the force-style fixture, the
// fortnightly example pack, and the refusals a new user meets.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>

#include <cpl_json.h>

#include "support/cli.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;
namespace fs = std::filesystem;

namespace {

const std::string kForce = " --incidents " + test::source_path("tests/data/force_incidents.csv") +
                           " --x Easting --y Northing --from-column 'Committed from' --time-column 'From time'"
                           " --to-column 'Committed to' --to-time-column 'To time'";

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t nl; (nl = text.find('\n', start)) != std::string::npos; start = nl + 1) out.push_back(text.substr(start, nl - start));
  return out;
}

}  // namespace

TEST_CASE("cli: nearrepeat writes a row per band pair, without boundaries, the same bytes for the same seed", "[cli][knox]") {
  const std::string dir = test::output_dir("cli_nearrepeat");
  const std::string args = "nearrepeat" + kForce +
                           " --distance-bands 0,100,200,400 --time-bands 0,7,14,30 --metric manhattan --permutations 199 --seed 3";
  const test::CliResult r = test::run_hotspot(args + " --output " + dir + "/a");
  REQUIRE(r.exit_code == 0);
  REQUIRE(test::run_hotspot(args + " --output " + dir + "/b").exit_code == 0);
  const std::string csv = test::slurp(dir + "/a/nearrepeat.csv");
  CHECK(csv == test::slurp(dir + "/b/nearrepeat.csv"));
  const auto rows = lines(csv);
  REQUIRE(rows.size() == 10);
  CHECK(rows[0] == "distance_band_m,time_band_days,distance_from_m,distance_to_m,days_from,days_to,observed_pairs,"
                   "expected_pairs,knox_ratio,p_value");
  CHECK_THAT(rows[1], Catch::StartsWith("\"[0,100)\",\"[0,7)\",0,100,0,7,"));
  CHECK_THAT(rows[9], Catch::StartsWith("\"[200,400)\",\"[14,30)\",200,400,14,30,"));
  // The fixture's repeats within 90 m and 6 days: the nearest cell is the one chance cannot give.
  CHECK_THAT(rows[1], Catch::EndsWith(",0.005"));  // (0 + 1) / (199 + 1)
  // Every row is accounted for: 3,001 read, 13 rejected by their dates or coordinates.
  CPLJSONDocument summary;
  REQUIRE(summary.Load(dir + "/a/summary.json"));
  CHECK(summary.GetRoot().GetLong("rows/read") == 3001);
  CHECK_THAT(r.out, Catch::Contains("the window ends before it starts") && Catch::Contains("(form '99/99/99')"));
  CHECK_THAT(test::slurp(dir + "/a/brief.html"), Catch::Contains("Near repeats") && Catch::Contains("class=\"heat\""));
}

TEST_CASE("cli: timing writes 168 rows per area, and the hour-by-day heat table", "[cli][timing]") {
  const std::string dir = test::output_dir("cli_timing");
  const test::CliResult r = test::run_hotspot("timing" + kForce + " --boundaries " +
                                              test::source_path("shapefiles/nottinghamshire_lsoa11.shp") + " --output " + dir);
  REQUIRE(r.exit_code == 0);
  const auto rows = lines(test::slurp(dir + "/timing.csv"));
  REQUIRE((rows.size() - 1) % 168 == 0);
  CHECK(rows[0] == "area,kind,day_of_week,hour,incidents");
  CHECK_THAT(rows[1], Catch::StartsWith("Study area,study area,Monday,00,"));
  CHECK_THAT(r.out, Catch::Contains("busiest hour"));
  CHECK_THAT(test::slurp(dir + "/brief.html"), Catch::Contains("When violence happens") && Catch::Contains("Day \\ hour"));
}

TEST_CASE("cli: the fortnightly example pack runs, its fortnight against the one before", "[cli][timing]") {
  const std::string dir = test::output_dir("cli_fortnight");
  const test::CliResult r =
      test::run_hotspot("run " + test::source_path("examples/force-extract/fortnight.toml") + " --output " + dir);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("indicators: 2024-06-17..2024-06-30 against 2024-06-03..2024-06-16 (incidents per day)"));
  CHECK_THAT(r.out, Catch::Contains("against the previous 168 days (the current period is 14 days from 2024-06-17)"));
  const std::string brief = test::slurp(dir + "/2024-07-01/brief.html");
  // The headline's last fortnight: the serious violence the generator counted in 2024-06-17..30.
  CPLJSONDocument expected;
  REQUIRE(expected.Load(test::source_path("tests/data/force_incidents_expected.json")));
  int64_t fortnight = 0;
  for (const char* type : {"Violence and sexual offences", "Robbery", "Possession of weapons"}) {
    fortnight += expected.GetRoot().GetObj("counts_previous_last").GetArray(type)[1].ToLong();
  }
  CHECK_THAT(brief, Catch::Contains("2024-06-17 to 2024-06-30: " + std::to_string(fortnight) + " incidents"));
  for (const char* section : {"Partnership indicators", "When violence happens", "Near repeats"}) CHECK_THAT(brief, Catch::Contains(section));
  CHECK(fs::exists(dir + "/2024-07-01/nearrepeat/nearrepeat.csv"));
  // Each tasking hotspot's hour-by-day table sums to the incidents hotspots.csv gives it in both
  // periods (counted by the kde step from its cells; the pack compares the last fortnight).
  std::map<std::string, double> timed;
  for (const std::string& row : lines(test::slurp(dir + "/2024-07-01/timing/timing.csv"))) {
    const size_t kind = row.find(",tasking hotspot,");
    if (kind == std::string::npos) continue;
    timed[row.substr(1, kind - 2)] += std::stod(row.substr(row.rfind(',') + 1));  // the name is quoted
  }
  const auto hotspots = lines(test::slurp(dir + "/2024-07-01/kde/hotspots.csv"));
  REQUIRE(hotspots.size() == 11);
  REQUIRE(timed.size() == 10);
  for (size_t k = 1; k < hotspots.size(); ++k) {
    std::vector<std::string> f;  // rank,"name",...,change,previous_incidents,current_incidents,...
    bool quoted = false;
    std::string cell;
    for (char ch : hotspots[k] + ",") {
      if (ch == '"') {
        quoted = !quoted;
      } else if (ch == ',' && !quoted) {
        f.push_back(cell);
        cell.clear();
      } else {
        cell += ch;
      }
    }
    const std::string name = f[0] + ". " + f[1];
    INFO(name);
    REQUIRE(timed.count(name));
    CHECK(timed[name] == Approx(std::stod(f[13]) + std::stod(f[14])).margin(0.01));
  }
}

TEST_CASE("cli: dates refused as a new user meets them", "[cli][timing]") {
  const std::string lsoa = " --boundaries " + test::source_path("shapefiles/nottinghamshire_lsoa11.shp");
  // No date column: a usage error naming the flag.
  test::check_refused("nearrepeat --incidents " + test::example("police-uk"), 1, "--date-column");
  test::check_refused("timing --incidents " + test::example("police-uk") + lsoa, 1, "--date-column");
  // A day on months-only data; a period in days on police.uk months (a data error, saying why).
  test::check_refused("areas" + test::kExampleArgs + " --from 2024-01-15", 1, "--from 2024-01-15: is a day");
  test::check_refused("indicators --incidents " + test::example("police-uk") + lsoa +
                          " --current 'last 28 days' --baseline 'the 28 days before'",
                      2, "carry months only");
  test::check_refused("indicators" + kForce + lsoa + " --current 'last 28 days' --baseline 'the 28 days after'", 1,
                      "--baseline the 28 days after");
  test::check_refused("nearrepeat" + kForce + " --distance-bands 0,200,100", 1, "--distance-bands 0,200,100: breaks must ascend");
  test::check_refused("nearrepeat" + kForce + " --time-column Nope", 2, "no column 'Nope' (--time-column)");
  test::check_refused("nearrepeat" + kForce + " --from 2025-01-01", 2,
                      "the period 2025-01-01..open holds none of them; the data's months are 2024-01..2024-06");
}
