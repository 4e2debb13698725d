// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "support/stage_run.hpp"

using namespace hotspot;

TEST_CASE("kde stage: made by name, refuses a bad cell by its key, one exact hotspot round five stacked points", "[stages]") {
  const auto stage = make_stage("kde");
  REQUIRE(stage->info().name == "kde");
  try {
    test::set_option(*stage, "kde.cell", "-5");
    FAIL("cell -5 was taken");
  } catch (const OptionError& e) {
    CHECK(e.key == "kde.cell");
    CHECK(e.reason == "must be > 0 m");
  }
  try {
    test::set_option(*stage, "kde.kernel", "quartik");
    FAIL("kernel quartik was taken");
  } catch (const OptionError& e) {
    CHECK_THAT(e.reason, Catch::EndsWith("(did you mean 'quartic'?)"));
  }
  // 10 m cells over the 200 m x 100 m squares: 200 study cells, 5% of them = 10. Five incidents
  // on one cell centre, quartic 30 m: the 10 densest cells are that cell, its 8 neighbours and one
  // cell two steps away, all 4-connected: one hotspot holding all five.
  test::set_option(*stage, "kde.cell", "10");
  test::set_option(*stage, "kde.bandwidth", "30");
  test::set_option(*stage, "kde.coverage", "0.05");
  std::string rows;
  for (int i = 0; i < 5; ++i) rows += "450155,360055,2024-01,Robbery\n";
  const StageReport r = test::run_on_squares(*stage, "stage_kde", {.rows = rows});
  CHECK(r.summary.GetLong("study_cells") == 200);
  CHECK(r.summary.GetLong("hotspot_cells") == 10);
  CHECK(r.summary.GetLong("hotspots") == 1);
  CHECK(r.summary.GetLong("incidents_in_hotspots") == 5);
  CHECK(r.summary.GetString("bandwidth") == "fixed");
  CHECK(r.summary.GetDouble("bandwidth_m") == 30.0);
}
