// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <memory>
#include <string>
#include <vector>

#include <cpl_json.h>

#include "core/progress.hpp"
#include "pipeline/stage.hpp"
#include "pipeline/study_data.hpp"

namespace hotspot {

// A run: the study to load, then the stages in order, into one output folder.
struct RunPlan {
  std::string command = "run";  // recorded in summary.json
  std::string title;
  std::string marking;  // a protective marking for every page of brief.html ("OFFICIAL-SENSITIVE")
  StudyInputs inputs;
  std::string types_spec = "all";  // as the user wrote it, for the summary
  std::vector<std::shared_ptr<Stage>> stages;  // finished (Stage::finish)
  std::string output_dir;  // the pack's folder; unused when `database` is given
  // A PostGIS output ("PG:dbname=..."): the pack is written as a GeoPackage pack in a temporary
  // folder, then published into `schema` (outputs/postgis_pack.hpp).
  std::string database, schema;
  bool step_folders = true;  // run: each stage in its own sub-folder; a single verb: flat

  // The stage of this name, or nullptr.
  Stage* stage(const std::string& name) const;
  std::vector<std::string> step_names() const;
};

struct RunReport {
  StudyData study;
  std::vector<StageReport> stages;  // in the order they ran
  CPLJSONObject summary;
  std::vector<std::string> outputs;  // final paths
  MapContext map_context;            // what the stages' maps were drawn over
};

// Loads the study data once, runs each stage, and writes every output, rejects.csv and
// summary.json atomically into plan.output_dir (or plan.schema of plan.database). Outputs depend only on the inputs and the
// plan (no clock, no randomness), so the same run gives byte-identical files. The stages must
// have been finished (Stage::finish).
RunReport execute(const RunPlan& plan, const Progress& progress = {});

// The title of brief.html and map.html: the plan's, or "hotspot VERB".
std::string page_title(const RunPlan& plan);

// The terminal summary: the row accounting, each stage's lines, and the files written.
std::string summary_text(const RunReport& report);

// brief.html's page: a headline, each stage's sections, the data and caveats, and the method.
BriefPage brief_page(const RunPlan& plan, const RunReport& report);

}  // namespace hotspot
