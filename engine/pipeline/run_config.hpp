// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <map>
#include <string>
#include <vector>

#include "options/option_set.hpp"
#include "pipeline/run_plan.hpp"

namespace hotspot {

// The top-level keys of a tasking config.
struct RunHeader {
  std::string title, date, output, marking;
  std::vector<std::string> steps = {"areas"};
  bool allow_network = false;
  std::string csv = "plain";
  std::string format = "geojson";
  std::string schema;
};
const OptionSet<RunHeader>& run_options();

// A plan read from a config, with where each key was written for messages.
struct ConfigPlan {
  RunPlan plan;
  std::string path;
  std::map<std::string, std::string> written_at;  // "kde.cell" -> "tasking.toml:31:8"
  bool allow_network = false;  // the config's allow_network: sources may be read over a network
  std::string csv = "plain";   // the config's csv: "excel" or "plain" (outputs/csv_table.hpp)
  std::string format = "geojson";  // the config's format (outputs/vector_layer.hpp)
};

// Reads a tasking config (TOML; the keys are documented in docs/config.md) into a plan whose
// stages are finished. Relative paths are taken from the config file's folder. The output
// folder is <output>/<date>, with `date` from the config or `today` (YYYY-MM-DD) when it has
// none; `output_override` (the --output flag) replaces <output>. Unknown keys and bad values
// are UsageErrors that name file:line:col and the key, with a "did you mean" where one fits.
ConfigPlan load_run_config(const std::string& path, const std::string& today, const std::string& output_override = {});

// "tasking.toml:31:8: kde.cell = -5: must be > 0 m" for an error raised after loading.
std::string config_message(const ConfigPlan& config, const OptionError& error);

// Every option a config can hold: the run's, the study's and each stage's, in docs order.
std::vector<const OptionSpec*> config_options();

}  // namespace hotspot
