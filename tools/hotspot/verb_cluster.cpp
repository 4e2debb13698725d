// SPDX-License-Identifier: Apache-2.0
#include <memory>

#include "analyses/cluster/cluster_shapes.hpp"
#include "core/errors.hpp"
#include "pipeline/cluster_stage.hpp"
#include "study_options.hpp"
#include "verbs.hpp"

namespace hotspot::cli {

VerbAction add_cluster_verb(CLI::App& app, CommonFlags& flags) {
  CLI::App* verb = app.add_subcommand("cluster", "Nearest neighbour index, and NNH or DBSCAN clusters of incidents");
  verb->footer(
      "Writes DIR/nni.csv and, for nnh and dbscan, DIR/clusters.geojson (+ clusters.qml) and DIR/points.gpkg\n"
      "(the incidents with their cluster, for your own use), plus rejects.csv and summary.json.\n"
      "The study area (for the NNI and NNH's threshold) is the boundaries' total area.\n\n"
      "Examples:\n"
      "  hotspot cluster --method dbscan --eps 100 --min-points 10 \\\n"
      "    --incidents incidents_bng.csv --x x --y y --crs EPSG:27700 \\\n"
      "    --boundaries shapefiles/nottinghamshire_lsoa11.shp --output out/dbscan\n"
      "  hotspot cluster --method nnh --probability 0.01 --simulations 99 --shape ellipse2 \\\n"
      "    --incidents examples/ashfield-mansfield/police-uk --types serious-violence \\\n"
      "    --boundaries shapefiles/nottinghamshire_lsoa11.shp --districts E07000170,E07000174 \\\n"
      "    --imd examples/ashfield-mansfield/imd2019/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv \\\n"
      "    --output out/nnh");
  auto study = std::make_shared<StudyOptions>();
  auto params = std::make_shared<ClusterParams>();
  auto shape = std::make_shared<std::string>();
  auto threshold = std::make_shared<double>(0);
  auto seed = std::make_shared<int64_t>(static_cast<int64_t>(params->nnh.seed));
  auto output = std::make_shared<std::string>();
  study->add_to(*verb, false);
  verb->add_option("--method", params->method, "nni, nnh or dbscan")->required()->group("Clustering");
  verb->add_option("--eps", params->dbscan.eps_m, "DBSCAN: neighbourhood radius in metres, inclusive")
      ->capture_default_str()->group("Clustering");
  verb->add_option("--min-points", params->dbscan.min_points,
                   "DBSCAN: points within eps, itself included, of a core point; NNH: points per cluster at each order")
      ->capture_default_str()->group("Clustering");
  verb->add_option("--threshold", *threshold, "NNH: fixed linking distance in metres (instead of --probability)")
      ->group("Clustering");
  verb->add_option("--probability", params->nnh.probability,
                   "NNH: one-tailed probability of the threshold below the random expectation (0 < p < 1)")
      ->capture_default_str()->group("Clustering");
  verb->add_option("--simulations", params->nnh.simulations, "NNH: Monte Carlo runs under complete spatial randomness")
      ->capture_default_str()->group("Clustering");
  verb->add_option("--seed", *seed, "NNH: seed of the simulations")->capture_default_str()->group("Clustering");
  verb->add_option("--k-orders", params->nni.k_orders, "NNI: also the mean distance to the 2nd .. k-th neighbour")
      ->capture_default_str()->group("Clustering");
  verb->add_option("--shape", *shape, "hull, ellipse1 or ellipse2 (default: hull for dbscan, ellipse1 for nnh)")
      ->group("Clustering");
  verb->add_option("--output", *output, "Output folder (created; files replaced atomically)")->required()->group("Output");
  return [verb, study, params, shape, threshold, seed, output, &flags] {
    if (!*verb) return;
    study->finish();
    check_cluster_method(params->method);
    params->nnh.min_points = params->dbscan.min_points;
    if (verb->count("--threshold")) params->nnh.threshold_m = *threshold;
    params->nnh.seed = static_cast<uint64_t>(*seed);
    if (!shape->empty()) params->shape = parse_cluster_shape(*shape);
    RunPlan plan = study->single_step_plan("cluster", *output);
    plan.cluster = *params;
    print_report(execute(plan, terminal_progress(flags)), flags);
  };
}

}  // namespace hotspot::cli
