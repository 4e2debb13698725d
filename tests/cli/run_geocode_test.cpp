// SPDX-License-Identifier: Apache-2.0
// `hotspot run` on address-only incident and suspect files: geocoded as they are read, suspects
// published only as suppressed counts.
#include <catch2/catch.hpp>

#include <regex>

#include "core/gdal_handles.hpp"
#include "support/cli.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;
using namespace hotspot::test;

TEST_CASE("cli: run geocodes address-only incidents and publishes suspects as suppressed counts", "[cli][geocode][shared]") {
  const std::string dir = fixture_dir("cli_run_geocode");
  const std::string pack = output_dir("cli_run_geocode");  // the QGIS check opens its layers
  // Incidents and suspects from the address test set: addresses only, no coordinates.
  init_gdal();
  const std::string set = "/vsigzip/" + source_path("tests/places/address_testset.csv.gz");
  GDALDatasetUniquePtr ds = open_vector(set, "test set");
  std::string incidents = "Month,Crime type,address\n", suspects = "ref,home\n";
  int k = 0;
  for (auto& f : *pick_layer(*ds, "", set)) {
    std::string a = f->GetFieldAsString("address");
    a = std::regex_replace(a, std::regex("\""), "");
    if (k < 600) incidents += "2024-0" + std::to_string(1 + k % 6) + ",Robbery,\"" + a + "\"\n";
    else if (k < 1400) suspects += std::to_string(k) + ",\"" + a + "\"\n";
    else break;
    ++k;
  }
  incidents += "2024-01,Robbery,\"\"\n";  // no address: rejected with a reason
  write_file(dir, "incidents.csv", incidents);
  write_file(dir, "suspects.csv", suspects);
  const std::string config = write_file(dir, "run.toml",
      "output = \"" + pack + "\"\ndate = \"2024-07-01\"\nsteps = [\"areas\", \"suspects\"]\n"
      "[incidents]\nsources = [\"incidents.csv\"]\naddress_column = \"address\"\n"
      "[geocode]\npostcodes = \"" + shared_path("codepoint-open/ng.csv") + "\"\nlocalities = \"" +
      shared_path("codepoint-open/codelist.csv") + "\"\n"
      "[suspects]\nsources = [\"suspects.csv\"]\naddress_column = \"home\"\nmin_count = 5\n"
      "[boundaries]\nsource = \"" + source_path("shapefiles/nottinghamshire_lsoa11.shp") + "\"\n"
      "[imd]\nranks = \"" + source_path("examples/ashfield-mansfield/imd2019/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv") + "\"\n");
  const CliResult r = run_hotspot("run " + config);
  INFO(r.out);
  REQUIRE(r.exit_code == 0);
  const std::string out = pack + "/2024-07-01/";
  const std::string summary = slurp(out + "summary.json");
  // 601 rows: every one loaded or rejected with a reason (no postcode, street or town; empty; outside).
  CHECK_THAT(summary, Catch::Contains("\"read\":601") && Catch::Contains("\"empty address\":1") &&
                          Catch::Contains("\"address_columns\":[") && Catch::Contains("\"min_score\":50"));
  CHECK_THAT(r.out, Catch::Contains("suspects: 800 rows"));
  // Suspects: no published count between 1 and 4, and no address anywhere.
  const std::string lsoa = slurp(out + "suspects/lsoa_suspects.csv");
  CHECK_FALSE(std::regex_search(lsoa, std::regex(",[1-4]\n")));
  CHECK(std::regex_search(lsoa, std::regex(",[5-9]\n|,[1-9][0-9]+\n")));  // some LSOAs have five or more
  CHECK(lsoa.find(" Street") == std::string::npos);
  CHECK(slurp(out + "suspects/suspect_rejects.csv").find(" Street") == std::string::npos);
  CHECK_FALSE(std::regex_search(slurp(out + "suspects/deprivation_suspects.csv"), std::regex(",[1-4],")));
}
