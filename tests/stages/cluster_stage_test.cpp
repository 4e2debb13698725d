// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "pipeline/cluster_stage.hpp"
#include "support/stage_run.hpp"

using namespace hotspot;

TEST_CASE("cluster stage: made by name, refuses a bad eps by its key, keeps a 64-bit seed, one exact cluster", "[stages]") {
  const auto stage = make_stage("cluster");
  REQUIRE(stage->info().name == "cluster");
  try {
    test::set_option(*stage, "cluster.eps", "-1");
    FAIL("eps -1 was taken");
  } catch (const OptionError& e) {
    CHECK(e.key == "cluster.eps");
    CHECK(e.value == "-1");
    CHECK(e.reason == "must be > 0 m");
  }
  CHECK_THROWS_AS(test::set_option(*stage, "cluster.shape", "circle"), OptionError);
  test::set_option(*stage, "cluster.seed", "5000000001");
  const auto& params = dynamic_cast<StageWith<ClusterParams>&>(*stage).params;
  CHECK(params.nnh.seed == 5000000001ULL);

  // Two stacked points and one 5 m away form a cluster at eps 10 m, min 3; the west point is noise.
  test::set_option(*stage, "cluster.method", "dbscan");
  test::set_option(*stage, "cluster.eps", "10");
  test::set_option(*stage, "cluster.min_points", "3");
  const StageReport r = test::run_on_squares(*stage, "stage_cluster", {.rows = "450150,360050,2024-01,Robbery\n"
                                                                               "450150,360050,2024-01,Robbery\n"
                                                                               "450155,360050,2024-01,Robbery\n"
                                                                               "450050,360050,2024-01,Robbery\n"});
  CHECK(r.summary.GetString("method") == "dbscan");
  CHECK(r.summary.GetLong("dbscan/clusters") == 1);
  CHECK(r.summary.GetLong("dbscan/core_points") == 3);
  CHECK(r.summary.GetLong("dbscan/noise_points") == 1);
  CHECK_THAT(r.text, Catch::Contains("dbscan: 1 clusters"));
}
