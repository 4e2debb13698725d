// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>

#include <CLI/CLI.hpp>

namespace hotspot::cli {

// hotspot(1) in roff, made from the command line as declared (each verb's purpose, flags with
// their help, and footer with its example): `hotspot --man-page` prints it, the build installs it.
std::string man_page(const CLI::App& app);

// A bash completion script for the verbs and each verb's flags (file names elsewhere):
// `hotspot --bash-completion` prints it.
std::string bash_completion(const CLI::App& app);

}  // namespace hotspot::cli
