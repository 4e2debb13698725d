// SPDX-License-Identifier: Apache-2.0
// Tables for Excel: a byte order mark and shares as percentages with --csv excel; lsoa.csv beside
// lsoa.geojson, row for row.
#include <catch2/catch.hpp>

#include <gdal_priv.h>

#include "core/gdal_handles.hpp"
#include "support/cli.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;

namespace {

const std::string kAreas =
    "areas --incidents " + test::source_path("examples/ashfield-mansfield/police-uk/2024-01") + " --boundaries " +
    test::source_path("shapefiles/nottinghamshire_lsoa11.shp") + " --districts E07000170,E07000174 --imd " +
    test::source_path("examples/ashfield-mansfield/imd2019/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv") +
    " --population " + test::source_path("examples/ashfield-mansfield/imd2019/File_6_-_IoD2019_Population_Denominators.csv") +
    " --types serious-violence --quiet --output ";

}  // namespace

TEST_CASE("cli: --csv excel writes a byte order mark and shares as percentages; plain stays as it was", "[cli][csv]") {
  const std::string dir = test::output_dir("cli_csv_excel");
  REQUIRE(test::run_hotspot(kAreas + dir + "/plain").exit_code == 0);
  REQUIRE(test::run_hotspot("" + kAreas + dir + "/excel --csv excel").exit_code == 0);
  const std::string plain = test::slurp(dir + "/plain/deprivation_profile.csv");
  const std::string excel = test::slurp(dir + "/excel/deprivation_profile.csv");
  CHECK_THAT(plain, Catch::StartsWith("imd_decile,"));
  CHECK_THAT(excel, Catch::StartsWith("\xEF\xBB\xBFimd_decile,"));
  // Each share is the same number: 0.3243 in the plain table, 32.43% in Excel's.
  auto plain_line = plain.substr(plain.find("\n1,") + 1);
  auto excel_line = excel.substr(excel.find("\n1,") + 1);
  plain_line = plain_line.substr(0, plain_line.find('\n'));
  excel_line = excel_line.substr(0, excel_line.find('\n'));
  const auto field = [](const std::string& line, int k) {
    size_t at = 0;
    for (int i = 0; i < k; ++i) at = line.find(',', at) + 1;
    return line.substr(at, line.find(',', at) - at);
  };
  const double fraction = std::stod(field(plain_line, 4));
  const std::string percent = field(excel_line, 4);
  REQUIRE(percent.back() == '%');
  CHECK(std::stod(percent) == Approx(100 * fraction).margin(1e-9));
  CHECK(field(excel_line, 3) == field(plain_line, 3));  // counts unchanged
  CHECK(test::slurp(dir + "/excel/lsoa.csv").rfind("\xEF\xBB\xBF", 0) == 0);
}

TEST_CASE("cli: areas writes lsoa.csv, the layer's table row for row", "[cli][csv]") {
  const std::string dir = test::output_dir("cli_csv_lsoa");
  REQUIRE(test::run_hotspot(kAreas + dir).exit_code == 0);
  auto layer_ds = open_vector(dir + "/lsoa.geojson", "test");
  auto table_ds = open_vector(dir + "/lsoa.csv", "test", {"AUTODETECT_TYPE=NO"});
  OGRLayer* layer = layer_ds->GetLayer(0);
  OGRLayer* table = table_ds->GetLayer(0);
  REQUIRE(table->GetLayerDefn()->GetFieldCount() == layer->GetLayerDefn()->GetFieldCount());
  REQUIRE(table->GetFeatureCount() == layer->GetFeatureCount());
  CHECK(table->GetFeatureCount() == 141);
  for (auto& f : *layer) {
    OGRFeatureUniquePtr row(table->GetNextFeature());
    REQUIRE(row);
    for (int i = 0; i < f->GetFieldCount(); ++i) {
      INFO(f->GetFieldDefnRef(i)->GetNameRef());
      if (f->IsFieldSetAndNotNull(i)) {
        CHECK(std::string(row->GetFieldAsString(i)) == f->GetFieldAsString(i));
      } else {
        CHECK(std::string(row->GetFieldAsString(i)).empty());
      }
    }
  }
}
