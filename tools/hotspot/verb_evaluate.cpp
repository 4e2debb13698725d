// SPDX-License-Identifier: Apache-2.0
#include <memory>

#include "core/errors.hpp"
#include "inputs/crime_types.hpp"
#include "pipeline/evaluate_stage.hpp"
#include "pipeline/kde_stage.hpp"
#include "study_options.hpp"
#include "verbs.hpp"

namespace hotspot::cli {
namespace {

int month_of(const std::string& value, const std::string& flag) {
  const int m = parse_month(value);
  if (!m) throw UsageError(flag + " '" + value + "': not a month YYYY-MM");
  return m;
}

}  // namespace

VerbAction add_evaluate_verb(CLI::App& app, CommonFlags& flags) {
  CLI::App* verb = app.add_subcommand("evaluate", "Backtest hotspots: PAI, PEI, hit rate and RRI of training-period "
                                                  "hotspots on later months");
  verb->footer(
      "Makes hotspots from the training months by each method and scores them on the test months at each\n"
      "coverage (share of the study area): hit rate (share of test incidents inside), PAI = hit rate / area\n"
      "share, PEI = PAI / the best PAI any hotspots of that area could have had, RRI = (test / training\n"
      "incidents inside) / (test / training incidents overall). kde ranks cells of the kernel density surface\n"
      "(one line per --bandwidth), grid ranks --grid-cell cells by count, lsoa ranks LSOAs by incidents per km2.\n"
      "Writes DIR/evaluation.csv (and DIR/pai_curve.csv with --curve), rejects.csv and summary.json.\n\n"
      "Example:\n"
      "  hotspot evaluate --incidents police-uk --types serious-violence \\\n"
      "    --boundaries shapefiles/nottinghamshire_lsoa11.shp \\\n"
      "    --train-from 2023-07 --train-to 2023-12 --test-from 2024-01 --test-to 2024-06 \\\n"
      "    --method kde,grid,lsoa --bandwidth auto,50,150,300 --cell 25 --grid-cell 250 --output out/evaluate");
  auto study = std::make_shared<StudyOptions>();
  auto params = std::make_shared<EvaluateParams>();
  auto months = std::make_shared<std::array<std::string, 4>>();
  auto kernel = std::make_shared<std::string>("quartic");
  auto extent = std::make_shared<std::string>();
  auto output = std::make_shared<std::string>();
  study->add_to(*verb, false);
  verb->add_option("--train-from", (*months)[0], "First training month, YYYY-MM")->required()->group("Periods");
  verb->add_option("--train-to", (*months)[1], "Last training month")->required()->group("Periods");
  verb->add_option("--test-from", (*months)[2], "First test month (after the training months)")->required()->group("Periods");
  verb->add_option("--test-to", (*months)[3], "Last test month")->required()->group("Periods");
  verb->add_option("--method", params->methods, "kde, grid and/or lsoa, comma-separated")
      ->delimiter(',')->capture_default_str()->group("Methods");
  verb->add_option("--bandwidth", params->bandwidths, "kde bandwidths in metres and/or auto, comma-separated")
      ->delimiter(',')->capture_default_str()->group("Methods");
  verb->add_option("--kernel", *kernel, "kde kernel: quartic, epanechnikov, triangular, uniform or gaussian")
      ->capture_default_str()->group("Methods");
  verb->add_option("--cell", params->cell_m, "kde cell size in metres")->capture_default_str()->group("Methods");
  verb->add_option("--grid-cell", params->grid_cell_m, "grid baseline cell size in metres")
      ->capture_default_str()->group("Methods");
  verb->add_option("--coverages", params->coverages, "Coverages to score, shares of the study area, comma-separated")
      ->delimiter(',')->capture_default_str()->group("Scoring");
  verb->add_option("--coverage", params->auto_coverage, "The coverage --bandwidth auto optimises")
      ->capture_default_str()->group("Scoring");
  verb->add_flag("--curve", params->curve, "Also write the PAI curve from 0.1% to 20% coverage to DIR/pai_curve.csv")
      ->group("Scoring");
  verb->add_option("--extent", *extent, "Only this box of the study area: xmin,ymin,xmax,ymax in EPSG:27700 metres")
      ->group("Methods");
  verb->add_option("--max-cells", params->max_cells, "Refuse grids with more cells than this")
      ->capture_default_str()->group("Methods");
  verb->add_option("--output", *output, "Output folder (created; files replaced atomically)")->required()->group("Output");
  return [verb, study, params, months, kernel, extent, output, &flags] {
    if (!*verb) return;
    if (verb->count("--from") || verb->count("--to")) {
      throw UsageError("--from/--to: evaluate reads the months from --train-from to --test-to; leave them out");
    }
    study->finish();
    params->train_from = month_of((*months)[0], "--train-from");
    params->train_to = month_of((*months)[1], "--train-to");
    params->test_from = month_of((*months)[2], "--test-from");
    params->test_to = month_of((*months)[3], "--test-to");
    params->kernel = parse_kernel(*kernel, "--kernel");
    if (!extent->empty()) params->extent = parse_extent(*extent, "--extent");
    check_evaluate_params(*params);
    RunPlan plan = study->single_step_plan("evaluate", *output);
    std::tie(plan.inputs.filter.from_month, plan.inputs.filter.to_month) = evaluation_months(*params);
    plan.evaluate = *params;
    print_report(execute(plan, terminal_progress(flags)), flags);
  };
}

}  // namespace hotspot::cli
