// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <cpl_json.h>

#include "core/progress.hpp"
#include "pipeline/areas_stage.hpp"
#include "pipeline/cluster_stage.hpp"
#include "pipeline/evaluate_stage.hpp"
#include "pipeline/kde_stage.hpp"
#include "pipeline/stats_stage.hpp"
#include "pipeline/suspects_stage.hpp"
#include "pipeline/study_data.hpp"

namespace hotspot {

// The stages a run can compose, in the order they run.
inline const std::vector<std::string> kStages = {"areas", "cluster", "stats", "kde", "evaluate", "suspects"};

// Throws UsageError naming the first step that is not in kStages.
void check_steps(const std::vector<std::string>& steps);

struct RunPlan {
  std::string command = "run";  // recorded in summary.json
  std::string title;
  StudyInputs inputs;
  std::string types_spec = "all";   // as the user wrote it, for the summary
  std::vector<std::string> steps = {"areas"};
  ClusterParams cluster;
  StatsParams stats;
  KdeParams kde;
  EvaluateParams evaluate;
  SuspectsParams suspects;
  std::string output_dir;
  bool step_folders = true;  // run: each stage in its own sub-folder; a single verb: flat
};

struct RunReport {
  StudyData study;
  std::optional<AreasResult> areas;
  std::optional<ClusterResult> cluster;
  std::optional<StatsResult> stats;
  std::optional<KdeResult> kde;
  std::optional<EvaluateResult> evaluate;
  std::optional<SuspectsResult> suspects;
  CPLJSONObject summary;
  std::vector<std::string> outputs;  // final paths
};

// Loads the study data once, runs each step, and writes every output, rejects.csv and
// summary.json atomically into plan.output_dir. Outputs depend only on the inputs and the
// plan (no clock, no randomness), so the same run gives byte-identical files.
RunReport execute(const RunPlan& plan, const Progress& progress = {});

}  // namespace hotspot
