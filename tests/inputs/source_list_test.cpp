// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <filesystem>

#include "core/errors.hpp"
#include "inputs/source_list.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;

TEST_CASE("incident sources: folders, globs and files expand in path order", "[inputs][sources]") {
  const std::string dir = test::fixture_dir("source_list");
  std::filesystem::create_directories(dir + "/2023-02");
  std::filesystem::create_directories(dir + "/2023-01");
  test::write_file(dir + "/2023-02", "b.csv", "x\n");
  test::write_file(dir + "/2023-01", "a.CSV", "x\n");
  test::write_file(dir + "/2023-01", "notes.txt", "x\n");

  const auto from_folder = expand_sources({dir}, "--incidents");
  REQUIRE(from_folder.size() == 2);
  CHECK(from_folder[0] == dir + "/2023-01/a.CSV");
  CHECK(from_folder[1] == dir + "/2023-02/b.csv");
  CHECK(expand_sources({dir + "/*/b.csv"}, "--incidents") == std::vector<std::string>{dir + "/2023-02/b.csv"});
  CHECK(expand_sources({"PG:dbname=crime"}, "--incidents") == std::vector<std::string>{"PG:dbname=crime"});
  CHECK_THROWS_WITH(expand_sources({dir + "/missing.csv"}, "--incidents"), Catch::Contains("no such file"));
  CHECK_THROWS_WITH(expand_sources({dir + "/*.gpkg"}, "--incidents"), Catch::Contains("matches no file"));
  CHECK_THROWS_AS(expand_sources({}, "--incidents"), UsageError);
}
