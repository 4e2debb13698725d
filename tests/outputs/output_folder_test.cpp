// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "core/errors.hpp"
#include "outputs/csv_table.hpp"
#include "outputs/output_folder.hpp"
#include "support/fixtures.hpp"

namespace fs = std::filesystem;
using namespace hotspot;

TEST_CASE("output folder: nothing appears until commit, nothing is left after a failure", "[outputs]") {
  const std::string dir = test::output_dir("output_folder");
  const std::string target = dir + "/run/2024-07-01";
  {
    OutputFolder out(target);
    write_csv(out.stage("areas/table.csv"), {{"a", "b"}, {{"1", "x,y"}}});
    CHECK(fs::exists(out.stage("areas/table.csv")) == false);  // a second stage() of a name starts afresh
    CHECK_FALSE(fs::exists(target + "/areas/table.csv"));
  }  // no commit: as if the run failed
  CHECK_FALSE(fs::exists(dir + "/run"));

  OutputFolder out(target);
  write_csv(out.stage("areas/table.csv"), {{"a", "b"}, {{"1", "x,y"}}});
  CHECK(out.staged_names() == std::vector<std::string>{"areas/table.csv"});
  const auto written = out.commit();
  REQUIRE(written.size() == 1);
  std::ifstream in(written[0]);
  const std::string text((std::istreambuf_iterator<char>(in)), {});
  CHECK(text == "a,b\n1,\"x,y\"\n");
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    CHECK(e.path().filename().string().find(".partial-") == std::string::npos);
  }
}

TEST_CASE("output folder: work written later runs in the order handed over, and its failure fails the commit", "[outputs]") {
  const std::string dir = test::output_dir("output_folder_later");
  {
    OutputFolder out(dir + "/pack");
    const std::string path = out.stage("log.txt");
    std::ofstream(path) << "";
    for (int k = 0; k < 20; ++k) {
      out.write_later([path, k] {
        std::this_thread::sleep_for(std::chrono::milliseconds(k % 3));  // later work must still wait its turn
        std::ofstream(path, std::ios::app) << k << "\n";
      });
    }
    const auto written = out.commit();
    std::ifstream in(written.at(0));
    std::string text((std::istreambuf_iterator<char>(in)), {}), want;
    for (int k = 0; k < 20; ++k) want += std::to_string(k) + "\n";
    CHECK(text == want);
  }
  OutputFolder out(dir + "/failed");
  std::ofstream(out.stage("a.txt")) << "a";
  bool ran_after = false;
  out.write_later([] { throw DataError("cannot write 'a.txt': disk full"); });
  out.write_later([&] { ran_after = true; });
  CHECK_THROWS_WITH(out.commit(), "cannot write 'a.txt': disk full");
  CHECK(ran_after);  // the writer finished what it was given before the failure was raised
  CHECK_FALSE(fs::exists(dir + "/failed/a.txt"));
}
