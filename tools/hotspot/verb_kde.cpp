// SPDX-License-Identifier: Apache-2.0
#include <memory>

#include "core/errors.hpp"
#include "pipeline/kde_stage.hpp"
#include "study_options.hpp"
#include "verbs.hpp"

namespace hotspot::cli {

VerbAction add_kde_verb(CLI::App& app, CommonFlags& flags) {
  CLI::App* verb = app.add_subcommand("kde", "Kernel density surface and the hotspots on it");
  verb->footer(
      "Writes DIR/density.tif (GeoTIFF, EPSG:27700, Float32, incidents per km2 unless --raw; nodata outside the\n"
      "study area), DIR/hotspots.geojson (+ hotspots.qml) and DIR/hotspots.csv: the top cells by density until\n"
      "they cover --coverage of the study area (or the cells at or above --threshold), 4-connected cells\n"
      "dissolved into polygons ranked by incidents; plus rejects.csv and summary.json. The kernels and\n"
      "--bandwidth auto are described in docs/method.md.\n\n"
      "Examples:\n"
      "  hotspot kde --incidents examples/ashfield-mansfield/police-uk --types serious-violence \\\n"
      "    --boundaries shapefiles/nottinghamshire_lsoa11.shp --districts E07000170,E07000174 \\\n"
      "    --imd examples/ashfield-mansfield/imd2019/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv \\\n"
      "    --cell 25 --bandwidth auto --output out/kde\n"
      "  hotspot kde --incidents points_bng.csv --x x --y y --crs EPSG:27700 \\\n"
      "    --boundaries shapefiles/nottinghamshire_lsoa11.shp --cell 25 --bandwidth 300 --raw --output out/raw");
  auto study = std::make_shared<StudyOptions>();
  auto params = std::make_shared<KdeParams>();
  auto bandwidth = std::make_shared<std::string>();
  auto kernel = std::make_shared<std::string>("quartic");
  auto threshold = std::make_shared<double>(0);
  auto extent = std::make_shared<std::string>();
  auto output = std::make_shared<std::string>();
  study->add_to(*verb, false);
  verb->add_option("--cell", params->cell_m, "Cell size in metres")->capture_default_str()->group("Density");
  verb->add_option("--bandwidth", *bandwidth, "Kernel bandwidth in metres (the radius; the Gaussian's sigma), or auto")
      ->required()->group("Density");
  verb->add_option("--kernel", *kernel, "quartic, epanechnikov, triangular, uniform or gaussian")
      ->capture_default_str()->group("Density");
  verb->add_option("--adaptive", params->density.adaptive_k,
                   "Adaptive bandwidths: each location's is the distance to its K-th nearest other incident, "
                   "at least --bandwidth")->group("Density");
  verb->add_flag("--raw", params->density.raw, "The plain kernel sum (QGIS heatmap 'Raw'), not incidents per km2")
      ->group("Density");
  verb->add_option("--extent", *extent, "Only this box of the study area: xmin,ymin,xmax,ymax in EPSG:27700 metres")
      ->group("Density");
  verb->add_option("--max-cells", params->max_cells, "Refuse grids with more cells than this")
      ->capture_default_str()->group("Density");
  verb->add_option("--coverage", params->coverage, "Hotspots: the top cells covering this share of the study area")
      ->capture_default_str()->group("Hotspots");
  verb->add_option("--threshold", *threshold, "Hotspots: instead, the cells at or above this density")->group("Hotspots");
  verb->add_option("--output", *output, "Output folder (created; files replaced atomically)")->required()->group("Output");
  return [verb, study, params, bandwidth, kernel, threshold, extent, output, &flags] {
    if (!*verb) return;
    study->finish();
    set_bandwidth(*params, *bandwidth, "--bandwidth");
    params->density.kernel = parse_kernel(*kernel, "--kernel");
    if (verb->count("--threshold")) params->threshold = *threshold;
    if (!extent->empty()) params->extent = parse_extent(*extent, "--extent");
    check_kde_params(*params);
    RunPlan plan = study->single_step_plan("kde", *output);
    plan.kde = *params;
    print_report(execute(plan, terminal_progress(flags)), flags);
  };
}

}  // namespace hotspot::cli
