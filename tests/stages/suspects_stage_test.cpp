// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <fstream>

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
  test::set_option(*stage, "suspects.min_count", "2");
  StudyInputs in;
  try {
    stage->finish(in, true);
    FAIL("a run without gazetteers was taken");
  } catch (const OptionError& e) {
    CHECK(e.key == "geocode.postcodes");
  }
  // Three suspects live in the east square, one in the west: the west count (1) is suppressed.
  const StageReport r = test::run_on_squares(
      *stage, "stage_suspects",
      {.rows = "450150,360050,2024-01,Robbery\n",
       .postcodes = "\"NG177AS\",10,450150,360050,\"E92000001\",\"\",\"\",\"\",\"E07000170\",\"E05004660\"\n"
                    "\"NG177AT\",10,450050,360050,\"E92000001\",\"\",\"\",\"\",\"E07000170\",\"E05004660\"\n"});
  CHECK(r.summary.GetLong("rows/read") == 4);
  CHECK(r.summary.GetLong("rows/loaded") == 4);
  CHECK(r.summary.GetLong("areas_suppressed") == 1);
  std::ifstream csv(std::string(HOTSPOT_TEST_OUTPUT) + "/stage_suspects/lsoa_suspects.csv");
  const std::string table((std::istreambuf_iterator<char>(csv)), {});
  CHECK_THAT(table, Catch::Contains("E01000002") && !Catch::Contains("Any Road"));
}
