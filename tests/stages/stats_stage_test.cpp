// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "support/stage_run.hpp"

using namespace hotspot;

TEST_CASE("stats stage: made by name, refuses unknown weights by their key, Moran's I of four areas by hand", "[stages]") {
  const auto stage = make_stage("stats");
  REQUIRE(stage->info().name == "stats");
  try {
    test::set_option(*stage, "stats.weights", "bishop");
    FAIL("weights bishop was taken");
  } catch (const OptionError& e) {
    CHECK(e.key == "stats.weights");
    CHECK(e.value == "bishop");
  }
  // Four squares in a row, A B C D, with counts 1, 3, 2, 2: z = -1, 1, 0, 0; row-standardised queen
  // weights w_AB = w_DC = 1, w_BA = w_BC = w_CB = w_CD = 0.5, so (by hand)
  // I = (n / S0) sum w_ij z_i z_j / sum z^2 = (4 / 4) * (1 * -1 + 0.5 * -1) / 2 = -0.75, E[I] = -1/3.
  const auto square = [](const char* code, int x0) {
    return fmt::format(R"({{"type": "Feature", "properties": {{"LSOA11CD": "{}", "LADCD": "E07000170"}},
 "geometry": {{"type": "Polygon", "coordinates": [[[{}, 360000], [{}, 360000], [{}, 360100], [{}, 360100], [{}, 360000]]]}}}})",
                       code, x0, x0 + 100, x0 + 100, x0, x0);
  };
  const std::string row = R"({"type": "FeatureCollection",
"crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::27700"}},
"features": [)" + square("E01000001", 450000) + ",\n" + square("E01000002", 450100) + ",\n" +
                          square("E01000003", 450200) + ",\n" + square("E01000004", 450300) + "]}";
  const auto fresh = make_stage("stats");
  test::set_option(*fresh, "stats.permutations", "99");
  const StageReport r = test::run_on_squares(*fresh, "stage_stats",
                                             {.rows = "450050,360050,2024-01,Robbery\n"
                                                      "450150,360050,2024-01,Robbery\n450160,360050,2024-01,Robbery\n"
                                                      "450170,360050,2024-02,Robbery\n"
                                                      "450250,360050,2024-01,Robbery\n450260,360050,2024-02,Robbery\n"
                                                      "450350,360050,2024-01,Robbery\n450360,360050,2024-02,Robbery\n",
                                              .imd = false,
                                              .boundaries = row});
  CHECK(r.summary.GetDouble("global_moran/moran_i") == -0.75);
  CHECK(r.summary.GetDouble("global_moran/expected") == Approx(-1.0 / 3).margin(1e-8));
  CHECK(r.summary.GetLong("links") == 6);
  CHECK(r.summary.GetLong("seed") == 42);
}
