// SPDX-License-Identifier: Apache-2.0
#include "support/cli.hpp"

#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "support/fixtures.hpp"

namespace hotspot::test {

CliResult run_hotspot(const std::string& args, const std::string& cwd) {
  return run_command((cwd.empty() ? "" : "cd '" + cwd + "' && ") + std::string(HOTSPOT_BIN) + " " + args);
}

CliResult run_command(const std::string& command) {
  const std::string cmd = command + " 2>&1";
  FILE* pipe = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
  const int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

void check_refused(const std::string& args, int exit_code, const std::string& message) {
  // A folder of this process's own: ctest runs test cases side by side, and a refused run may
  // make its output folder for a moment before it fails and removes it.
  static int calls = 0;
  const std::string never = "/tmp/hotspot-never-" + std::to_string(getpid()) + "-" + std::to_string(++calls);
  const CliResult r = run_hotspot(args + " --output " + never);
  CHECK(r.exit_code == exit_code);
  CHECK_THAT(r.out, Catch::Contains(message));
  CHECK_FALSE(std::filesystem::exists(never));
}

std::string example(const std::string& name) { return source_path("examples/ashfield-mansfield/" + name); }

const std::string kExampleArgs =
    " --incidents " + example("police-uk") + " --boundaries " + source_path("shapefiles/nottinghamshire_lsoa11.shp") +
    " --districts E07000170,E07000174 --imd " + example("imd2019/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv") +
    " --population " + example("imd2019/File_6_-_IoD2019_Population_Denominators.csv");

}  // namespace hotspot::test
