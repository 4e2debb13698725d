// SPDX-License-Identifier: Apache-2.0
#include <memory>

#include "pipeline/stats_stage.hpp"
#include "study_options.hpp"
#include "verbs.hpp"

namespace hotspot::cli {

VerbAction add_stats_verb(CLI::App& app, CommonFlags& flags) {
  CLI::App* verb = app.add_subcommand("stats", "Statistically hot LSOAs: Getis-Ord Gi* and local Moran's I");
  verb->footer(
      "Writes DIR/lsoa_stats.geojson (+ lsoa_stats.qml, Gi* hot and cold spots) and DIR/lsoa_stats.csv with\n"
      "Gi* z, p and permutation p, ArcGIS-style bins, local Moran I, z, permutation p and class, the\n"
      "Mann-Kendall trend and emerging hot spot category; plus rejects.csv and summary.json with the\n"
      "global Moran's I.\n\n"
      "Example:\n"
      "  hotspot stats --incidents examples/ashfield-mansfield/police-uk --types serious-violence \\\n"
      "    --boundaries shapefiles/nottinghamshire_lsoa11.shp --districts E07000170,E07000174 \\\n"
      "    --imd examples/ashfield-mansfield/imd2019/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv \\\n"
      "    --population examples/ashfield-mansfield/imd2019/File_6_-_IoD2019_Population_Denominators.csv \\\n"
      "    --value rate --permutations 999 --output out/stats");
  auto study = std::make_shared<StudyOptions>();
  auto params = std::make_shared<StatsParams>();
  auto seed = std::make_shared<int64_t>(static_cast<int64_t>(params->permutations.seed));
  auto output = std::make_shared<std::string>();
  study->add_to(*verb, false);
  verb->add_option("--value", params->value,
                   "count, rate per 1,000 residents (needs --population), or a numeric field of the boundaries")
      ->capture_default_str()->group("Statistics");
  verb->add_option("--weights", params->weights,
                   "queen, rook, knn:K, distance:METRES, or a GeoDa .gal/.gwt file with the area codes as ids")
      ->capture_default_str()->group("Statistics");
  verb->add_option("--save-weights", params->save_weights, "also write the weights used as DIR/weights.gal or .gwt")
      ->group("Statistics");
  verb->add_option("--permutations", params->permutations.permutations, "conditional permutations for pseudo p-values")
      ->capture_default_str()->group("Statistics");
  verb->add_option("--seed", *seed, "seed of the permutations")->capture_default_str()->group("Statistics");
  verb->add_flag("--fdr", params->fdr, "Benjamini-Hochberg false discovery rate for the classes")->group("Statistics");
  verb->add_option("--output", *output, "Output folder (created; files replaced atomically)")->required()->group("Output");
  return [verb, study, params, seed, output, &flags] {
    if (!*verb) return;
    study->finish();
    check_stats_params(*params);
    params->permutations.seed = static_cast<uint64_t>(*seed);
    RunPlan plan = study->single_step_plan("stats", *output);
    plan.inputs.boundary_options.value_field = value_field(*params);
    plan.stats = *params;
    print_report(execute(plan, terminal_progress(flags)), flags);
  };
}

}  // namespace hotspot::cli
