// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "core/errors.hpp"
#include "pipeline/cluster_stage.hpp"
#include "pipeline/grid_stage.hpp"
#include "pipeline/kde_stage.hpp"
#include "pipeline/run_config.hpp"
#include "pipeline/stats_stage.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;

namespace {

template <class P>
const P& params_of(const RunPlan& plan, const std::string& step) {
  const auto* stage = dynamic_cast<const StageWith<P>*>(plan.stage(step));
  REQUIRE(stage);
  return stage->params;
}

}  // namespace

TEST_CASE("the bundled example config loads with paths relative to it", "[pipeline][config]") {
  const ConfigPlan config = load_run_config(test::source_path("examples/ashfield-mansfield/tasking.toml"), "2026-11-22");
  const RunPlan& plan = config.plan;
  CHECK(plan.step_names() == std::vector<std::string>{"areas", "cluster", "stats", "kde", "grid", "places", "indicators"});
  const KdeParams& kde = params_of<KdeParams>(plan, "kde");
  const GridParams& grid = params_of<GridParams>(plan, "grid");
  // One [change] table sets both steps.
  CHECK(kde.change.current_from == "2024-01");
  CHECK(grid.change.current_from == "2024-01");
  CHECK(grid.change.rule.alpha == 0.05);
  CHECK(kde.budget.top == 20);
  CHECK(kde.budget.coverage == 0.0025);
  CHECK(grid.cell_m == 150);
  CHECK(plan.inputs.wards == test::source_path("shapefiles/nottinghamshire_wards2025.shp"));
  const StatsParams& stats = params_of<StatsParams>(plan, "stats");
  const ClusterParams& cluster = params_of<ClusterParams>(plan, "cluster");
  CHECK(kde.auto_bandwidth);
  CHECK(kde.cell_m == 25);
  CHECK(kde.density.kernel == Kernel::quartic);
  REQUIRE(kde.evaluate);
  CHECK(kde.evaluate->train_from == 202307);
  CHECK(kde.evaluate->test_to == 202406);
  CHECK(kde.evaluate->methods == std::vector<std::string>{"kde", "grid", "lsoa"});
  CHECK(kde.evaluate->bandwidths ==
        std::vector<Bandwidth>{Bandwidth{}, Bandwidth{false, 50}, Bandwidth{false, 150}, Bandwidth{false, 300}});
  CHECK(kde.evaluate->coverages == std::vector<double>{0.005, 0.01, 0.02, 0.05});
  CHECK(stats.value == "rate");
  CHECK(stats.permutations.permutations == 999);
  CHECK_FALSE(stats.fdr);
  CHECK(cluster.method == "nnh");
  CHECK(cluster.nnh.probability == 0.01);
  CHECK(cluster.nnh.min_points == 10);
  CHECK(cluster.nnh.simulations == 99);
  REQUIRE(cluster.shape);
  CHECK(*cluster.shape == ClusterShape::ellipse1);
  CHECK(plan.output_dir == test::source_path("examples/ashfield-mansfield/output/2024-07-01"));
  CHECK(plan.inputs.boundaries == test::source_path("shapefiles/nottinghamshire_lsoa11.shp"));
  CHECK(plan.inputs.boundary_options.districts == std::vector<std::string>{"E07000170", "E07000174"});
  CHECK(plan.inputs.filter.from_month == 202307);
  CHECK(plan.inputs.filter.to_month == 202406);
  REQUIRE(plan.inputs.filter.types);
  CHECK(plan.inputs.filter.types->size() == 3);
  CHECK(load_run_config(test::source_path("examples/ashfield-mansfield/tasking.toml"), "2026-11-22", "/tmp/x").plan.output_dir ==
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
  CHECK(load_run_config(test::write_file(dir, "ok.toml", base), "2026-11-22").plan.output_dir == dir + "/out/2026-11-22");
  CHECK_THROWS_WITH(load_run_config(test::write_file(dir, "k.toml", base + "colour = 1\n"), "d"),
                    Catch::Contains("k.toml:8:1: unknown key 'imd.colour'"));
  CHECK_THROWS_WITH(load_run_config(test::write_file(dir, "m.toml", base + "[period]\nfrom = \"2024-13\"\n"), "d"),
                    Catch::Contains("m.toml:9:8: period.from = 2024-13: not a month YYYY-MM"));
  CHECK_THROWS_WITH(load_run_config(test::write_file(dir, "s.toml", "steps = [\"geocode\"]\n" + base), "d"),
                    Catch::Contains("s.toml:1:9: steps: unknown step 'geocode'"));
  CHECK_THROWS_WITH(load_run_config(test::write_file(dir, "k.toml", base + "[kde]\nbandwidth = -5\n"), "d"),
                    Catch::Contains("k.toml:9:13: kde.bandwidth = -5: must be \"auto\" or a positive number of metres"));
  CHECK_THROWS_WITH(load_run_config(test::write_file(dir, "e.toml", "steps = [\"kde\"]\n" + base + "[kde.evaluate]\ntrain_from = \"2024-01\"\n"
                                                                          "train_to = \"2024-03\"\ntest_from = \"2023-12\"\n"
                                                                          "test_to = \"2024-06\"\n"), "d"),
                    Catch::Contains("e.toml:12:13: kde.evaluate.test_from = 2023-12: the test months must come after"));
  CHECK_THROWS_WITH(load_run_config(test::write_file(dir, "p.toml", "output = \n"), "d"), Catch::Contains("p.toml:1"));
  CHECK_THROWS_AS(load_run_config(dir + "/missing.toml", "d"), UsageError);
  CHECK_THROWS_WITH(load_run_config(test::write_file(dir, "c.toml", base + "[cluster]\nmethod = \"kmeans\"\n"), "d"),
                    Catch::Contains("c.toml:9:10: cluster.method = kmeans: must be one of nni, nnh, dbscan"));
  CHECK_THROWS_WITH(load_run_config(test::write_file(dir, "e.toml", base + "[cluster]\neps = \"far\"\n"), "d"),
                    Catch::Contains("e.toml:9:7: cluster.eps = far: must be a number"));
  CHECK_THROWS_WITH(load_run_config(test::write_file(dir, "f.toml", base + "[stats]\nfdr = \"yes\"\n"), "d"),
                    Catch::Contains("f.toml:9:7: stats.fdr = yes: must be true or false"));
  const ConfigPlan dbscan = load_run_config(
      test::write_file(dir, "d.toml", "steps = [\"cluster\"]\n" + base + "[cluster]\neps = 50\nmin_points = 5\n"), "d");
  const ClusterParams& cp = params_of<ClusterParams>(dbscan.plan, "cluster");
  CHECK(cp.method == "dbscan");
  CHECK(cp.dbscan.eps_m == 50.0);
  CHECK(cp.dbscan.min_points == 5);
}

std::string load_error_steps(const std::string& dir) {
  try {
    load_run_config(test::write_file(dir, "kdee.toml", "output = \"out\"\nsteps = [\"kdee\"]\n[incidents]\nsources = \"a.csv\"\n"
                                                      "[boundaries]\nsource = \"b.shp\"\n"), "d");
  } catch (const UsageError& e) {
    return e.what();
  }
  return "(loaded)";
}

TEST_CASE("config errors name file:line:col and the key, never a flag; misspellings get a suggestion", "[pipeline][config]") {
  const std::string dir = test::fixture_dir("config_keys");
  const std::string base = "output = \"out\"\nsteps = [\"kde\"]\n[incidents]\nsources = [\"a.csv\"]\n[boundaries]\nsource = \"b.shp\"\n";
  // Line 8, column 8: the value of cell.
  const auto error_of = [&](const std::string& name, const std::string& text) -> std::string {
    try {
      load_run_config(test::write_file(dir, name, base + text), "d");
    } catch (const UsageError& e) {
      return e.what();
    }
    return "(loaded)";
  };
  const std::string cell = error_of("cell.toml", "[kde]\ncell = -5\n");
  CHECK(cell == dir + "/cell.toml:8:8: kde.cell = -5: must be > 0 m");
  CHECK(cell.find("--cell") == std::string::npos);
  CHECK_THAT(load_error_steps(dir), Catch::Contains("unknown step 'kdee' (did you mean 'kde'?)"));
  CHECK_THAT(error_of("max.toml", "[kde]\nmax_cells = 10.5\n"), Catch::Contains("kde.max_cells = 10.5: must be a whole number"));
  CHECK_THAT(error_of("key.toml", "[kde]\nbandwith = 100\n"),
             Catch::Contains("unknown key 'kde.bandwith' (did you mean 'bandwidth'?)"));
  CHECK_THAT(error_of("sec.toml", "[kdee]\ncell = 5\n"), Catch::Contains("unknown key 'kdee' (did you mean 'kde'?)"));
  CHECK_THAT(error_of("date.toml", "[period]\nfrom = \"2024-07\"\nto = \"2024-01\"\n"),
             Catch::Contains("period.from = 2024-07: is after period.to 2024-01"));
  // A seed beyond 32 bits is kept exactly.
  const ConfigPlan seeded = load_run_config(
      test::write_file(dir, "seed.toml", "output = \"out\"\nsteps = [\"cluster\"]\n[incidents]\nsources = \"a.csv\"\n"
                                      "[boundaries]\nsource = \"b.shp\"\n[cluster]\nseed = 5000000001\n"),
      "d");
  CHECK(params_of<ClusterParams>(seeded.plan, "cluster").nnh.seed == 5000000001ULL);
}
