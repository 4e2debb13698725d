// SPDX-License-Identifier: Apache-2.0
// Safe reruns (issue 16): `hotspot run` killed with SIGKILL at any moment leaves the previous pack
// byte for byte, a finished rerun keeps no stale file, what killed runs left is removed by the
// next, and a second run into a folder being written is refused.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <thread>

#include "support/cli.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;
namespace fs = std::filesystem;

namespace {

// Every file under `dir` (hidden ones too), relative path -> bytes.
std::map<std::string, std::string> files_of(const std::string& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) out[fs::relative(e.path(), dir).string()] = test::slurp(e.path().string());
  }
  return out;
}

pid_t start_run(const std::string& config, const std::string& output) {
  const pid_t pid = fork();
  if (pid == 0) {
    const std::string bin = HOTSPOT_BIN;
    freopen("/dev/null", "w", stdout);
    freopen("/dev/null", "w", stderr);
    execl(bin.c_str(), bin.c_str(), "run", config.c_str(), "--output", output.c_str(), "--quiet", static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

std::vector<std::string> hidden_leftovers(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string f = e.path().filename().string();
    if (f.find(".staging-") != std::string::npos || f.find(".old-") != std::string::npos) out.push_back(f);
  }
  return out;
}

}  // namespace

TEST_CASE("safe reruns: SIGKILL at any moment leaves the previous pack byte for byte; a rerun keeps no stale file",
          "[cli][rerun]") {
  const std::string dir = test::fixture_dir("safe_rerun");
  const std::string full = test::source_path("examples/ashfield-mansfield/tasking.toml");
  // The rerun has fewer steps: a stale file of the first run would show in the finished pack.
  std::string text = test::slurp(full);
  text = text.replace(text.find("steps = ["), text.find('\n', text.find("steps = [")) - text.find("steps = ["),
                      "steps = [\"areas\", \"kde\"]");
  const std::string examples = test::source_path("examples/ashfield-mansfield/");
  const std::string fewer = test::write_file(examples, ".safe_rerun_fewer.toml", text);  // its relative paths hold
  struct Remove {
    std::string path;
    ~Remove() { fs::remove(path); }
  } remove_fewer{fewer};
  const std::string pack = dir + "/pack/2024-07-01";
  REQUIRE(test::run_hotspot("run " + full + " --output " + dir + "/pack --quiet").exit_code == 0);
  const auto before = files_of(pack);
  REQUIRE(before.count("kde/hotspots.geojson"));
  REQUIRE(before.count("cluster/clusters.geojson"));

  for (const int ms : {50, 400, 1200, 2500, 3800, 4600}) {
    INFO("killed after " << ms << " ms");
    const pid_t pid = start_run(fewer, dir + "/pack");
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    if (WIFEXITED(status)) {  // it finished first: then the new pack is whole
      const auto now = files_of(pack);
      CHECK_FALSE(now.count("cluster/clusters.geojson"));
      CHECK(now.count("summary.json"));
      break;
    }
    CHECK(files_of(pack) == before);
  }
  // The next run removes what the killed ones left, and its pack holds its own files only.
  REQUIRE(test::run_hotspot("run " + fewer + " --output " + dir + "/pack --quiet").exit_code == 0);
  CHECK(hidden_leftovers(dir + "/pack").empty());
  const auto after = files_of(pack);
  CHECK_FALSE(after.count("cluster/clusters.geojson"));
  CHECK(after.count("kde/hotspots.geojson"));
  for (const auto& [name, bytes] : after) CHECK(name.find(".partial-") == std::string::npos);
}

TEST_CASE("safe reruns: a second run into a folder being written is refused", "[cli][rerun]") {
  const std::string dir = test::fixture_dir("safe_rerun_concurrent");
  const std::string config = test::source_path("examples/ashfield-mansfield/tasking.toml");
  const pid_t first = start_run(config, dir + "/pack");
  // Wait until the first run holds the folder (its staging folder appears).
  for (int k = 0; k < 200 && (!fs::exists(dir + "/pack") || hidden_leftovers(dir + "/pack").empty()); ++k) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  const test::CliResult second = test::run_hotspot("run " + config + " --output " + dir + "/pack");
  CHECK(second.exit_code == 1);
  CHECK_THAT(second.out, Catch::Contains("another hotspot run is writing this folder"));
  int status = 0;
  waitpid(first, &status, 0);
  CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 0));
  CHECK(fs::exists(dir + "/pack/2024-07-01/summary.json"));
  // A folder of other files is never replaced.
  fs::create_directories(dir + "/mine/2024-07-01");
  test::write_file(dir + "/mine/2024-07-01", "notes.txt", "mine");
  const test::CliResult mine = test::run_hotspot("run " + config + " --output " + dir + "/mine");
  CHECK(mine.exit_code == 1);
  CHECK_THAT(mine.out, Catch::Contains("holds files hotspot did not write"));
  CHECK(test::slurp(dir + "/mine/2024-07-01/notes.txt") == "mine");
}
