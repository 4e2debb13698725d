// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "support/stage_run.hpp"

using namespace hotspot;

TEST_CASE("evaluate stage: made by name, refuses test months before training by key, scores the LSOA ranking exactly",
          "[stages]") {
  const auto stage = make_stage("evaluate");
  REQUIRE(stage->info().name == "evaluate");
  test::set_option(*stage, "evaluate.train_from", "2024-01");
  test::set_option(*stage, "evaluate.train_to", "2024-02");
  test::set_option(*stage, "evaluate.test_from", "2024-02");
  test::set_option(*stage, "evaluate.test_to", "2024-03");
  StudyInputs in;
  try {
    stage->finish(in, true);
    FAIL("overlapping periods were taken");
  } catch (const OptionError& e) {
    CHECK(e.key == "evaluate.test_from");
  }
  // Training (2024-01): 2 incidents east, 1 west; test (2024-02): 1 east, 1 west. At half the
  // area the lsoa method takes the east square: 1 of 2 test incidents, PAI 1.
  const auto fresh = make_stage("evaluate");
  for (const auto& [key, value] : std::vector<std::pair<std::string, std::string>>{
           {"train_from", "2024-01"}, {"train_to", "2024-01"}, {"test_from", "2024-02"}, {"test_to", "2024-02"},
           {"methods", "lsoa"}, {"coverages", "0.5"}}) {
    test::set_option(*fresh, "evaluate." + key, value);
  }
  const StageReport r = test::run_on_squares(*fresh, "stage_evaluate", {.rows = "450150,360050,2024-01,Robbery\n"
                                                                                "450160,360050,2024-01,Robbery\n"
                                                                                "450050,360050,2024-01,Robbery\n"
                                                                                "450170,360050,2024-02,Robbery\n"
                                                                                "450060,360050,2024-02,Robbery\n"});
  CHECK(r.summary.GetLong("train_incidents") == 3);
  CHECK(r.summary.GetLong("test_incidents") == 2);
  const CPLJSONObject line = r.summary.GetArray("methods")[0];
  CHECK(line.GetString("method") == "lsoa");
  const CPLJSONObject row = line.GetArray("coverages")[0];
  CHECK(row.GetDouble("area_share") == 0.5);
  CHECK(row.GetDouble("hit_rate") == 0.5);
  CHECK(row.GetDouble("pai") == 1.0);
}
