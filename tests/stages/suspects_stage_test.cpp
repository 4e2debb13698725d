// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <fstream>

#include "support/cli.hpp"
#include "support/fixtures.hpp"
#include "support/stage_run.hpp"

using namespace hotspot;

TEST_CASE("suspects stage: made by name, refuses min_count 1 and a run without gazetteers, suppresses exactly",
          "[stages]") {
  const auto stage = make_stage("suspects");
  REQUIRE(stage->info().name == "suspects");
  CHECK_FALSE(stage->info().verb);
  try {
    test::set_option(*stage, "suspects.min_count", "1");
    FAIL("min_count 1 was taken");
  } catch (const OptionError& e) {
    CHECK(e.key == "suspects.min_count");
    CHECK(e.reason == "must be >= 2");
  }
  const std::string dir = test::fixture_dir("stage_suspects_in");
  const std::string suspects = test::write_file(dir, "suspects.csv",
                                                "id,address\n1,\"1 Any Road, NG17 7AS\"\n2,\"2 Any Road, NG17 7AS\"\n"
                                                "3,\"3 Any Road, NG17 7AS\"\n4,\"9 Other Road, NG17 7AT\"\n");
  test::set_option(*stage, "suspects.sources", suspects);
  test::set_option(*stage, "suspects.address_column", "address");
  test::set_option(*stage, "suspects.min_count", "3");
  StudyInputs in;
  try {
    stage->finish(in, true);
    FAIL("a run without gazetteers was taken");
  } catch (const OptionError& e) {
    CHECK(e.key == "geocode.postcodes");
  }
  // Three suspects live in the east square, one in the west.
  const StageReport r = test::run_on_squares(
      *stage, "stage_suspects",
      {.rows = "450150,360050,2024-01,Robbery\n",
       .postcodes = "\"NG177AS\",10,450150,360050,\"E92000001\",\"\",\"\",\"\",\"E07000170\",\"E05004660\"\n"
                    "\"NG177AT\",10,450050,360050,\"E92000001\",\"\",\"\",\"\",\"E07000170\",\"E05004660\"\n"});
  CHECK(r.summary.GetLong("rows/read") == 4);
  CHECK(r.summary.GetLong("rows/loaded") == 4);
  // The west count (1) is blanked; the east's (3) too, or the total of 4 placed would give the
  // west's back. Blank, they could be 1 and 3, 2 and 2 or 3 and 1.
  CHECK(r.summary.GetLong("areas_suppressed") == 2);
  CHECK(r.summary.GetLong("areas_suppressed_secondary") == 1);
  std::ifstream csv(std::string(HOTSPOT_TEST_OUTPUT) + "/stage_suspects/lsoa_suspects.csv");
  const std::string table((std::istreambuf_iterator<char>(csv)), {});
  CHECK_THAT(table, Catch::Contains("E01000002") && !Catch::Contains("Any Road"));
  CHECK_THAT(table, Catch::Contains("E01000001,West 001A,Ashfield,1,0,\n") && Catch::Contains("E01000002,East 001B,Ashfield,10,1,\n"));

  // Two and two with min_count 3: both blank, but each blank is 1 or 2 and they sum to the 4
  // placed, so both are 2. No count can be published, and how many were placed is withheld.
  test::set_option(*stage, "suspects.sources",
                   test::write_file(dir, "pairs.csv",
                                    "id,address\n1,\"1 Any Road, NG17 7AS\"\n2,\"2 Any Road, NG17 7AS\"\n"
                                    "3,\"9 Other Road, NG17 7AT\"\n4,\"8 Other Road, NG17 7AT\"\n"));
  const StageReport all = test::run_on_squares(
      *stage, "stage_suspects_withheld",
      {.rows = "450150,360050,2024-01,Robbery\n",
       .postcodes = "\"NG177AS\",10,450150,360050,\"E92000001\",\"\",\"\",\"\",\"E07000170\",\"E05004660\"\n"
                    "\"NG177AT\",10,450050,360050,\"E92000001\",\"\",\"\",\"\",\"E07000170\",\"E05004660\"\n"});
  CHECK_THAT(all.summary.GetString("rows"), Catch::StartsWith("withheld"));
  CHECK_THAT(all.text, Catch::Contains("too few to publish") && !Catch::Contains("4"));
  CHECK_THAT(test::slurp(std::string(HOTSPOT_TEST_OUTPUT) + "/stage_suspects_withheld/lsoa_suspects.csv"),
             Catch::Contains(",1,0,\n") && Catch::Contains(",10,1,\n"));  // incidents shown, suspects blank
}
