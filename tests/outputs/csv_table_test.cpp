// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "outputs/csv_table.hpp"
#include "support/cli.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;

TEST_CASE("csv: cells a spreadsheet would run as formulas are written with an apostrophe; numbers are not", "[csv]") {
  const std::string dir = test::fixture_dir("csv_injection");
  CsvTable t{{"cell", "k"}, {}};
  for (const char* cell : {"=HYPERLINK(\"http://x\",\"y\")", "+44 115 000", "-1.5", "+23", "@SUM(A1)", "\tx", "-", "plain", "",
                           "1e-3"}) {
    t.rows.push_back({cell, "1"});
  }
  write_csv(dir + "/t.csv", t);
  CHECK(test::slurp(dir + "/t.csv") ==
        "cell,k\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",1\n'+44 115 000,1\n-1.5,1\n+23,1\n'@SUM(A1),1\n\"'\tx\",1\n'-,1\n"
        "plain,1\n,1\n1e-3,1\n");
}
