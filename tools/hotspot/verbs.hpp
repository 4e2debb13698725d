// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <functional>
#include <string>

#include <CLI/CLI.hpp>

#include "cli_output.hpp"

namespace hotspot::cli {

// A verb adds its sub-command and returns what to run once the command line is parsed.
using VerbAction = std::function<void()>;

// `hotspot NAME` for the registered stage NAME: the study's flags and the stage's, from their
// declarations.
VerbAction add_stage_verb(CLI::App& app, const std::string& name, CommonFlags& flags);
VerbAction add_geocode_verb(CLI::App& app, CommonFlags& flags);
VerbAction add_gazetteer_verb(CLI::App& app, CommonFlags& flags);
VerbAction add_run_verb(CLI::App& app, CommonFlags& flags);

}  // namespace hotspot::cli
