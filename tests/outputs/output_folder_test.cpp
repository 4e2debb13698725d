// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

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
