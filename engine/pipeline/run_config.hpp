// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>

#include "pipeline/run_plan.hpp"

namespace hotspot {

// Reads a tasking config (TOML; the keys are documented in docs/config.md) into a plan.
// Relative paths are taken from the config file's folder. The output folder is
// <output>/<date>, with `date` from the config or `today` (YYYY-MM-DD) when it has none;
// `output_override` (the --output flag) replaces <output>. Unknown keys are errors, which
// name the key; so are bad values.
RunPlan load_run_config(const std::string& path, const std::string& today, const std::string& output_override = {});

}  // namespace hotspot
