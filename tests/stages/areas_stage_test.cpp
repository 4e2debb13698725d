// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "support/stage_run.hpp"

using namespace hotspot;

TEST_CASE("areas stage: made by name, refuses a run without the IMD, profiles the squares exactly", "[stages]") {
  const auto stage = make_stage("areas");
  REQUIRE(stage->info().name == "areas");
  StudyInputs no_imd;
  REQUIRE_THROWS_MATCHES(stage->finish(no_imd, true), OptionError,
                         Catch::Matchers::Predicate<OptionError>([](const OptionError& e) { return e.key == "imd.ranks"; }));
  // One incident in the west square (IMD decile 1), two in the east (decile 10).
  const StageReport r = test::run_on_squares(*stage, "stage_areas", {.rows = "450050,360050,2024-01,Robbery\n"
                                                                             "450150,360050,2024-01,Robbery\n"
                                                                             "450160,360050,2024-02,Robbery\n"});
  CHECK(r.summary.GetDouble("share_deciles_1_2") == 0.333333);
  const CPLJSONArray profile = r.summary.GetArray("deprivation_profile");
  REQUIRE(profile.Size() == 10);
  CHECK(profile[0].GetInteger("imd_decile") == 1);
  CHECK(profile[0].GetLong("incidents") == 1);
  CHECK(profile[9].GetLong("incidents") == 2);
  CHECK(profile[9].GetDouble("share") == 0.666667);
  CHECK_THAT(r.text, Catch::Contains("(deciles 1-2): 33.33%"));
}
