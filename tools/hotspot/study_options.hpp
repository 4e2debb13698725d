// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "pipeline/run_plan.hpp"

namespace hotspot::cli {

// The input, study-area and filter flags every analysis verb shares. They are declared
// here once; finish() validates them and fills the engine's StudyInputs.
struct StudyOptions {
  StudyInputs inputs;
  std::string types = "all";
  std::string from, to;

  void add_to(CLI::App& app, bool imd_required);
  void finish();  // throws UsageError naming the flag

  // A plan that runs `step` alone and writes its files flat into `output`.
  RunPlan single_step_plan(const std::string& step, const std::string& output) const;
};

}  // namespace hotspot::cli
