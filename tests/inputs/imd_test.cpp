// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "core/errors.hpp"
#include "inputs/imd.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;

TEST_CASE("IMD: BOM, quoted thousands separators, published header text", "[inputs][imd]") {
  const std::string dir = test::fixture_dir("imd_small");
  const std::string path = test::imd_file(dir,
                                          "E01000001,City of London 001A,E09000001,City of London,\"29,199\",9\r\n"
                                          "E01000002,City of London 001B,E09000001,City of London,\"1,234\",1\r\n");
  const Imd imd = read_imd(path);
  REQUIRE(imd.by_code.size() == 2);
  const ImdRecord* r = imd.find("E01000001");
  REQUIRE(r);
  CHECK(r->rank == 29199);
  CHECK(r->decile == 9);
  CHECK(r->district_name == "City of London");
  CHECK_FALSE(imd.has_population);
  CHECK(imd.find("E01999999") == nullptr);
}

TEST_CASE("IMD: a bad number names file, line and column", "[inputs][imd]") {
  const std::string dir = test::fixture_dir("imd_bad");
  const std::string path = test::imd_file(dir,
                                          "E01000001,A,E09000001,City of London,\"29,199\",9\n"
                                          "E01000002,B,E09000001,City of London,n/a,1\n");
  CHECK_THROWS_WITH(read_imd(path), Catch::Contains("imd.csv' line 3") &&
                                        Catch::Contains("Index of Multiple Deprivation (IMD) Rank"));
  CHECK_THROWS_WITH(read_imd(test::write_file(dir, "other.csv", "a,b\n1,2\n")), Catch::Contains("LSOA code"));
}

TEST_CASE("IMD 2019 published files: 32,844 LSOAs with domains and population", "[inputs][imd][shared]") {
  const Imd imd = read_imd(test::shared_path("imd2019/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv"),
                           test::shared_path("imd2019/File_2_-_IoD2019_Domains_of_Deprivation.csv"),
                           test::shared_path("imd2019/File_6_-_IoD2019_Population_Denominators.csv"));
  CHECK(imd.by_code.size() == 32844);
  // File_1 row 2: E01000001 City of London 001A, rank "29,199", decile 9; File_6: population "1,296";
  // File_2: income decile 10, living environment decile 3.
  const ImdRecord* r = imd.find("E01000001");
  REQUIRE(r);
  CHECK(r->rank == 29199);
  CHECK(r->decile == 9);
  CHECK(r->population == 1296.0);
  CHECK(r->domain_deciles[0] == 10);
  CHECK(r->domain_deciles[6] == 3);
  // Ranks run 1..32,844 and each decile holds a tenth of them (3,284 or 3,285).
  std::array<int, 11> per_decile{};
  for (const auto& [code, rec] : imd.by_code) ++per_decile[rec.decile];
  for (int d = 1; d <= 10; ++d) CHECK((per_decile[d] == 3284 || per_decile[d] == 3285));
}
