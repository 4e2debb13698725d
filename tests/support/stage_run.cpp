// SPDX-License-Identifier: Apache-2.0
#include "support/stage_run.hpp"

#include <stdexcept>

#include "outputs/output_folder.hpp"
#include "support/fixtures.hpp"

namespace hotspot::test {

void set_option(Stage& stage, const std::string& key, const std::string& text) {
  for (const OptionSpec* spec : stage.options()) {
    if (spec->qualified() == key) {
      stage.set(key, parse_value(*spec, RawValue::of_text(text)));
      return;
    }
  }
  throw std::runtime_error("no option " + key);
}

StageReport run_on_squares(Stage& stage, const std::string& name, const SquaresStudy& study) {
  const std::string dir = fixture_dir(name);
  StudyInputs in;
  in.boundaries = study.boundaries.empty() ? two_squares(dir) : write_file(dir, "areas.geojson", study.boundaries);
  in.incidents = {write_file(dir, "incidents.csv", "x,y,Month,Crime type\n" + study.rows)};
  in.columns.x = "x";
  in.columns.y = "y";
  if (study.imd) {
    in.imd = imd_file(dir, "E01000001,West 001A,E07000170,Ashfield,\"1,000\",1\n"
                           "E01000002,East 001B,E07000170,Ashfield,\"32,000\",10\n");
  }
  if (!study.postcodes.empty()) in.geocode.postcodes = write_file(dir, "postcodes.csv", study.postcodes);
  stage.finish(in, true);
  const StudyData data = load_study(in, {}, [&](const StudyData& places) { stage.places_ready(places); });
  OutputFolder out(output_dir(name));
  StageContext context{out, "", {}};
  StageReport report = stage.run(data, context);
  out.commit();
  return report;
}

}  // namespace hotspot::test
