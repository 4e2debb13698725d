// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <filesystem>

#include "support/cli.hpp"
#include "support/fixtures.hpp"
#include "support/stage_run.hpp"

using namespace hotspot;

TEST_CASE("grid stage: made by name, refuses a bad cell by its key, ranks cells and last period exactly", "[stages]") {
  const auto stage = make_stage("grid");
  REQUIRE(stage->info().name == "grid");
  try {
    test::set_option(*stage, "grid.top", "0");
    FAIL("top 0 was taken");
  } catch (const OptionError& e) {
    CHECK(e.key == "grid.top");
    CHECK(e.reason == "must be >= 1");
  }
  // 50 m cells over the two squares (200 m x 100 m): 8 cells. Current period 2024-02..03:
  // the cell centred on 450125,360025 holds 3 (2 in February, 1 in March), the one on 450025,360075 holds 1.
  // January (previous): 2 in the second cell, 1 in the first, so their previous ranks are 2 and 1.
  test::set_option(*stage, "grid.cell", "50");
  test::set_option(*stage, "grid.top", "5");
  test::set_option(*stage, "change.current_from", "2024-02");
  const std::string dir = test::fixture_dir("stage_grid_weights");
  const StageReport r = test::run_on_squares(*stage, "stage_grid",
                                             {.rows = "450110,360010,2024-02,Robbery\n450120,360020,2024-02,Robbery\n"
                                                      "450130,360030,2024-03,Robbery\n450010,360060,2024-03,Robbery\n"
                                                      "450140,360040,2024-01,Robbery\n450020,360070,2024-01,Robbery\n"
                                                      "450030,360080,2024-01,Robbery\n"});
  CHECK(r.summary.GetLong("study_cells") == 8);
  CHECK(r.summary.GetLong("cells_with_incidents") == 2);
  CHECK(r.summary.GetLong("current_incidents") == 4);
  CHECK(r.summary.GetLong("previous_incidents") == 3);
  CHECK(r.summary.GetLong("incidents_in_top") == 4);
  CHECK(r.summary.GetDouble("area_share") == 0.25);
  const std::string csv = test::slurp(std::string(HOTSPOT_TEST_OUTPUT) + "/stage_grid/grid_cells.csv");
  CHECK(csv ==
        "rank,name,streets,ward,ward_code,district,easting,northing,incidents,harm,previous_incidents,previous_rank,"
        "change,rate_change,p_change,lsoa_code,lsoa_name,district_code,imd_decile,m_2024-02,m_2024-03\n"
        "1,Ashfield,,,,Ashfield,450125.0,360025.0,3,3.0000,1,2,persistent,0.5000,1.000000,E01000002,East 001B,E07000170,10,2,1\n"
        "2,Ashfield,,,,Ashfield,450025.0,360075.0,1,1.0000,2,1,persistent,-0.7500,0.259259,E01000001,West 001A,E07000170,1,0,1\n");
  // Both were in the previous top 5 and are in the current one: persistent, as neither change is
  // significant. By hand, per month (1 previous month, 2 current): 1 -> 1.5 (+50%) and 2 -> 0.5
  // (-75%); p for 3 of 4 and 1 of 3 current incidents at the share 2/3: 1 and (1 + 6) / 27.
  // Nothing ceased: an empty table, and no layer (GeoJSON without features has no fields for QGIS).
  CHECK_FALSE(std::filesystem::exists(std::string(HOTSPOT_TEST_OUTPUT) + "/stage_grid/ceased_grid_cells.geojson"));
  CHECK(test::slurp(std::string(HOTSPOT_TEST_OUTPUT) + "/stage_grid/ceased_grid_cells.csv").find('\n') ==
        test::slurp(std::string(HOTSPOT_TEST_OUTPUT) + "/stage_grid/ceased_grid_cells.csv").size() - 1);

  // Harm: a robbery weighs 10 and violence 1, so one robbery outranks three violent incidents.
  const auto harm = make_stage("grid");
  test::set_option(*harm, "grid.cell", "50");
  test::set_option(*harm, "grid.weights",
                   test::write_file(dir, "weights.csv", "crime_type,weight\nRobbery,10\nViolence and sexual offences,1\n"));
  const StageReport h = test::run_on_squares(*harm, "stage_grid_harm",
                                             {.rows = "450110,360010,2024-02,Violence and sexual offences\n"
                                                      "450120,360020,2024-02,Violence and sexual offences\n"
                                                      "450130,360030,2024-03,Violence and sexual offences\n"
                                                      "450010,360060,2024-03,Robbery\n"});
  CHECK(h.summary.GetString("ranked_by") == "harm");
  const std::string harm_csv = test::slurp(std::string(HOTSPOT_TEST_OUTPUT) + "/stage_grid_harm/grid_cells.csv");
  CHECK_THAT(harm_csv, Catch::Contains("\n1,Ashfield,,,,Ashfield,450025.0,360075.0,1,10.0000,") &&
                               Catch::Contains("\n2,Ashfield,,,,Ashfield,450125.0,360025.0,3,3.0000,"));
}

TEST_CASE("grid stage: change classes on a fixture with one cell of each class", "[stages][change]") {
  // 50 m cells, top 4, January previous and February current (equal lengths, so the binomial
  // test's share is 1/2). By hand:
  //   I (450025,360025): 10 -> 30, +200%, p 0.0022  intensifying
  //   P (450075,360025): 20 -> 20                    persistent
  //   N (450125,360025):  0 -> 15, not ranked before new
  //   D (450175,360025): 30 -> 10, -67%, p 0.0022   diminishing (4th now, 1st before)
  //   X (450025,360075): 12 ->  0                    ceased (3rd before, nothing now)
  std::string rows;
  const auto add = [&](const char* xy, const char* month, int n) {
    for (int i = 0; i < n; ++i) rows += std::string(xy) + "," + month + ",Robbery\n";
  };
  add("450010,360010", "2024-01", 10);
  add("450010,360010", "2024-02", 30);
  add("450060,360010", "2024-01", 20);
  add("450060,360010", "2024-02", 20);
  add("450110,360010", "2024-02", 15);
  add("450160,360010", "2024-01", 30);
  add("450160,360010", "2024-02", 10);
  add("450010,360060", "2024-01", 12);
  const auto stage = make_stage("grid");
  test::set_option(*stage, "grid.cell", "50");
  test::set_option(*stage, "grid.top", "4");
  test::set_option(*stage, "change.current_from", "2024-02");
  const StageReport r = test::run_on_squares(*stage, "stage_grid_change", {.rows = rows});
  const CPLJSONObject classes = r.summary.GetObj("change_classes");
  for (const char* c : {"new", "persistent", "intensifying", "diminishing", "ceased"}) CHECK(classes.GetLong(c) == 1);
  const std::string out = std::string(HOTSPOT_TEST_OUTPUT) + "/stage_grid_change/";
  const std::string top = test::slurp(out + "grid_cells.csv"), ceased = test::slurp(out + "ceased_grid_cells.csv");
  CHECK_THAT(top, Catch::Contains("\n1,Ashfield,,,,Ashfield,450025.0,360025.0,30,30.0000,10,4,intensifying,2.0000,0.002221,"));
  CHECK_THAT(top, Catch::Contains("\n2,Ashfield,,,,Ashfield,450075.0,360025.0,20,20.0000,20,2,persistent,0.0000,1.000000,"));
  CHECK_THAT(top, Catch::Contains("\n3,Ashfield,,,,Ashfield,450125.0,360025.0,15,15.0000,0,,new,,0.000061,"));
  CHECK_THAT(top, Catch::Contains("\n4,Ashfield,,,,Ashfield,450175.0,360025.0,10,10.0000,30,1,diminishing,-0.6667,0.002221,"));
  CHECK_THAT(ceased, Catch::Contains("\n,Ashfield,,,,Ashfield,450025.0,360075.0,0,0.0000,12,3,ceased,-1.0000,0.000488,"));
}
