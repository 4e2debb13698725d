// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>

namespace hotspot::test {

struct CliResult {
  int exit_code;
  std::string out;  // stdout and stderr together
};

// Runs the hotspot binary with `args` (shell words), in the folder `cwd` when one is given.
CliResult run_hotspot(const std::string& args, const std::string& cwd = "");

// Runs a shell command.
CliResult run_command(const std::string& command);

// A file's bytes.
std::string slurp(const std::string& path);

// Checks that the command is refused with `exit_code`, says `message`, and writes no output folder.
void check_refused(const std::string& args, int exit_code, const std::string& message);

// A file of the bundled Ashfield & Mansfield example.
std::string example(const std::string& name);

// --incidents, --boundaries, --districts, --imd and --population of the bundled example.
extern const std::string kExampleArgs;

}  // namespace hotspot::test
