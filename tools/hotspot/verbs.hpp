// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <functional>

#include <CLI/CLI.hpp>

#include "cli_output.hpp"

namespace hotspot::cli {

// A verb adds its sub-command and returns what to run once the command line is parsed.
using VerbAction = std::function<void()>;

VerbAction add_areas_verb(CLI::App& app, CommonFlags& flags);
VerbAction add_cluster_verb(CLI::App& app, CommonFlags& flags);
VerbAction add_stats_verb(CLI::App& app, CommonFlags& flags);
VerbAction add_kde_verb(CLI::App& app, CommonFlags& flags);
VerbAction add_evaluate_verb(CLI::App& app, CommonFlags& flags);
VerbAction add_geocode_verb(CLI::App& app, CommonFlags& flags);
VerbAction add_gazetteer_verb(CLI::App& app, CommonFlags& flags);
VerbAction add_run_verb(CLI::App& app, CommonFlags& flags);

}  // namespace hotspot::cli
