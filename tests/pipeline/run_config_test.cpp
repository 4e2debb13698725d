// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "core/errors.hpp"
#include "pipeline/run_config.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;

TEST_CASE("the bundled example config loads with paths relative to it", "[pipeline][config]") {
  const RunPlan plan = load_run_config(test::source_path("examples/ashfield-mansfield/tasking.toml"), "2026-11-22");
  CHECK(plan.steps == std::vector<std::string>{"areas", "cluster", "stats", "kde"});
  CHECK(plan.kde.auto_bandwidth);
  CHECK(plan.kde.cell_m == 25);
  CHECK(plan.kde.density.kernel == Kernel::quartic);
  REQUIRE(plan.kde.evaluate);
  CHECK(plan.kde.evaluate->train_from == 202307);
  CHECK(plan.kde.evaluate->test_to == 202406);
  CHECK(plan.kde.evaluate->methods == std::vector<std::string>{"kde", "grid", "lsoa"});
  CHECK(plan.kde.evaluate->bandwidths == std::vector<std::string>{"auto", "50", "150", "300"});
  CHECK(plan.kde.evaluate->coverages == std::vector<double>{0.005, 0.01, 0.02, 0.05});
  CHECK(plan.stats.value == "rate");
  CHECK(plan.stats.permutations.permutations == 999);
  CHECK_FALSE(plan.stats.fdr);
  CHECK(plan.cluster.method == "nnh");
  CHECK(plan.cluster.nnh.probability == 0.01);
  CHECK(plan.cluster.nnh.min_points == 10);
  CHECK(plan.cluster.nnh.simulations == 99);
  REQUIRE(plan.cluster.shape);
  CHECK(*plan.cluster.shape == ClusterShape::ellipse1);
  CHECK(plan.output_dir == test::source_path("examples/ashfield-mansfield/output/2024-07-01"));
  CHECK(plan.inputs.boundaries == test::source_path("shapefiles/nottinghamshire_lsoa11.shp"));
  CHECK(plan.inputs.boundary_options.districts == std::vector<std::string>{"E07000170", "E07000174"});
  CHECK(plan.inputs.filter.from_month == 202307);
  CHECK(plan.inputs.filter.to_month == 202406);
  REQUIRE(plan.inputs.filter.types);
  CHECK(plan.inputs.filter.types->size() == 3);
  CHECK(load_run_config(test::source_path("examples/ashfield-mansfield/tasking.toml"), "2026-11-22", "/tmp/x").output_dir ==
        "/tmp/x/2024-07-01");
}

TEST_CASE("config errors name the key and the bad value", "[pipeline][config]") {
  const std::string dir = test::fixture_dir("config_errors");
  const std::string base = R"(output = "out"
[incidents]
sources = ["a.csv"]
[boundaries]
source = "b.shp"
[imd]
ranks = "f1.csv"
)";
  CHECK(load_run_config(test::write_file(dir, "ok.toml", base), "2026-11-22").output_dir == dir + "/out/2026-11-22");
  CHECK_THROWS_WITH(load_run_config(test::write_file(dir, "k.toml", base + "colour = 1\n"), "d"),
                    Catch::Contains("unknown key 'imd.colour'"));
  CHECK_THROWS_WITH(load_run_config(test::write_file(dir, "m.toml", base + "[period]\nfrom = \"2024-13\"\n"), "d"),
                    Catch::Contains("'period.from' = '2024-13'"));
  CHECK_THROWS_WITH(load_run_config(test::write_file(dir, "s.toml", "steps = [\"geocode\"]\n" + base), "d"),
                    Catch::Contains("unknown step 'geocode'"));
  CHECK_THROWS_WITH(load_run_config(test::write_file(dir, "k.toml", base + "[kde]\nbandwidth = -5\n"), "d"),
                    Catch::Contains("'kde.bandwidth'"));
  CHECK_THROWS_WITH(load_run_config(test::write_file(dir, "e.toml", base + "[kde.evaluate]\ntrain_from = \"2024-01\"\n"
                                                                          "train_to = \"2024-03\"\ntest_from = \"2023-12\"\n"
                                                                          "test_to = \"2024-06\"\n"), "d"),
                    Catch::Contains("--test-from 2023-12"));
  CHECK_THROWS_WITH(load_run_config(test::write_file(dir, "p.toml", "output = \n"), "d"), Catch::Contains("p.toml:1"));
  CHECK_THROWS_AS(load_run_config(dir + "/missing.toml", "d"), UsageError);
  CHECK_THROWS_WITH(load_run_config(test::write_file(dir, "c.toml", base + "[cluster]\nmethod = \"kmeans\"\n"), "d"),
                    Catch::Contains("'kmeans'"));
  CHECK_THROWS_WITH(load_run_config(test::write_file(dir, "e.toml", base + "[cluster]\neps = \"far\"\n"), "d"),
                    Catch::Contains("'cluster.eps' must be a number"));
  CHECK_THROWS_WITH(load_run_config(test::write_file(dir, "f.toml", base + "[stats]\nfdr = \"yes\"\n"), "d"),
                    Catch::Contains("'stats.fdr' must be true or false"));
  const RunPlan dbscan = load_run_config(
      test::write_file(dir, "d.toml", "steps = [\"cluster\"]\n" + base + "[cluster]\neps = 50\nmin_points = 5\n"), "d");
  CHECK(dbscan.cluster.method == "dbscan");
  CHECK(dbscan.cluster.dbscan.eps_m == 50.0);
  CHECK(dbscan.cluster.dbscan.min_points == 5);
}
