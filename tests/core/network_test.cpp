// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "core/network.hpp"
#include "support/cli.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;

TEST_CASE("network: URLs and GDAL's network file systems are network sources; files and PG: are not", "[core][network]") {
  for (const char* s : {"http://example.org/a.csv", "HTTPS://x/y.geojson", "ftp://h/f.csv", "/vsicurl/http://h/a.shp",
                        "/vsizip//vsicurl/http://h/a.zip/a.shp", "/vsis3/bucket/a.csv", "/vsigs/b/a.csv", "/vsiaz/c/a.csv"}) {
    INFO(s);
    CHECK(is_network_source(s));
  }
  for (const char* s : {"a.csv", "/data/police-uk/2024-01.csv", "/vsizip/a.zip/a.shp", "/vsimem/x.csv",
                        "PG:dbname=crime host=db.example", "pg:postgresql://u@h/db"}) {
    INFO(s);
    CHECK_FALSE(is_network_source(s));
  }
}

TEST_CASE("cli: a network source is refused unless --allow-network", "[cli][network]") {
  // Port 9 on loopback (discard): nothing there, so an allowed read fails at once, as a data error.
  const std::string url = "/vsicurl/http://127.0.0.1:9/incidents.csv";
  const std::string args = " --incidents " + url + " --boundaries " + test::source_path("shapefiles/nottinghamshire_lsoa11.shp") +
                           " --districts E07000170 --output " + test::output_dir("cli_network") + "/out";
  const test::CliResult refused = test::run_hotspot("kde" + args);
  CHECK(refused.exit_code == 1);
  CHECK_THAT(refused.out, Catch::Contains("incidents '" + url + "': a network source") && Catch::Contains("--allow-network"));
  const test::CliResult allowed = test::run_hotspot("kde --allow-network" + args);
  CHECK(allowed.exit_code == 2);
  CHECK(allowed.out.find("a network source") == std::string::npos);
}
