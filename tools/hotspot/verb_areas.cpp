// SPDX-License-Identifier: Apache-2.0
#include <memory>

#include "study_options.hpp"
#include "verbs.hpp"

namespace hotspot::cli {

VerbAction add_areas_verb(CLI::App& app, CommonFlags& flags) {
  CLI::App* verb = app.add_subcommand("areas", "Count incidents per LSOA and profile them by IMD decile");
  verb->footer(
      "Writes DIR/lsoa.geojson (+ lsoa.qml, its QGIS style), DIR/deprivation_profile.csv, DIR/rejects.csv\n"
      "and DIR/summary.json; a failed run leaves none of them half-written.\n\n"
      "Example:\n"
      "  hotspot areas --incidents examples/ashfield-mansfield/police-uk \\\n"
      "    --boundaries shapefiles/nottinghamshire_lsoa11.shp --districts E07000170,E07000174 \\\n"
      "    --imd examples/ashfield-mansfield/imd2019/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv \\\n"
      "    --population examples/ashfield-mansfield/imd2019/File_6_-_IoD2019_Population_Denominators.csv \\\n"
      "    --types serious-violence --from 2023-07 --to 2024-06 --output out/areas");
  auto study = std::make_shared<StudyOptions>();
  auto output = std::make_shared<std::string>();
  study->add_to(*verb, true);
  verb->add_option("--output", *output, "Output folder (created; files replaced atomically)")->required()->group("Output");
  return [verb, study, output, &flags] {
    if (!*verb) return;
    study->finish();
    print_report(execute(study->single_step_plan("areas", *output), terminal_progress(flags)), flags);
  };
}

}  // namespace hotspot::cli
