// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <gdal_utils.h>

#include "core/errors.hpp"
#include "core/gdal_handles.hpp"
#include "inputs/crime_types.hpp"
#include "inputs/incidents.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;

namespace {

const std::string kHeader =
    "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,"
    "Last outcome category,Context\n";

std::string row(const std::string& id, const std::string& month, const std::string& lon, const std::string& lat,
                const std::string& type) {
  return id + "," + month + ",Nottinghamshire Police,Nottinghamshire Police," + lon + "," + lat +
         ",On or near Coxmoor Road,E01028001,Ashfield 001A," + type + ",Under investigation,\n";
}

IncidentLoad read_one(const std::string& path, IncidentFilter filter = {}, IncidentColumns columns = {}) {
  return read_incidents({path}, columns, filter);
}

}  // namespace

TEST_CASE("police.uk rows: every row is loaded, filtered or rejected with its line and reason", "[inputs][incidents]") {
  const std::string dir = test::fixture_dir("incidents_police_uk");
  // BOM, CRLF line ends, quoted commas and a Latin-1 byte in one file.
  std::string csv = "\xEF\xBB\xBF" + kHeader;
  csv += row("a1", "2023-07", "-1.2590", "53.1000", "Violence and sexual offences");      // line 2 loaded
  csv += row("", "2023-07", "", "", "Anti-social behaviour");                              // line 3 filtered (type)
  csv += row("a2", "2023-07", "", "", "Robbery");                                          // line 4 no coordinates
  csv += row("a3", "2023-07", "abc", "53.1", "Robbery");                                   // line 5 unparseable
  csv += row("a4", "2023-07", "nan", "53.1", "Robbery");                                   // line 6 non-finite
  csv += row("a5", "2023-05", "-1.2590", "53.1000", "Robbery");                            // line 7 filtered (month)
  csv += "a6,2023-08,Nottinghamshire Police,Nottinghamshire Police,-1.2591,53.1001,\"On or near Station Street, Kirkby\","
         "E01028001,Ashfield 001A,Possession of weapons,,\r\n";                              // line 8 loaded
  csv += row("a7", "2023-13", "-1.2590", "53.1000", "Robbery");                            // line 9 bad month
  csv += row("a1", "2023-08", "-1.3000", "53.2000", "Violence and sexual offences");      // line 10 repeated ID
  csv += row("a8", "2023-08", "-1.2590", "53.1000", "Violence and sexual offences \xE9");  // line 11 Latin-1
  const std::string path = test::write_file(dir, "2023-07-nottinghamshire-street.csv", csv);

  IncidentFilter filter;
  filter.types = parse_crime_types("serious-violence;Violence and sexual offences \xC3\xA9", "--types");
  filter.from_month = 202307;
  filter.to_month = 202312;
  const IncidentLoad load = read_one(path, filter);
  const RowAccount& a = load.account;
  CHECK(a.read == 10);
  CHECK(a.filtered_by_type == 1);
  CHECK(a.filtered_by_month == 1);
  CHECK(a.loaded == 4);
  CHECK(a.balanced());
  REQUIRE(a.rejects.size() == 4);
  CHECK(a.rejected(0).line == 4);
  CHECK(a.rejected(0).reason == "no coordinates");
  CHECK(a.rejected(1).line == 5);
  CHECK(a.rejected(1).column == "Longitude");
  CHECK(a.rejected(1).reason == "unparseable number");
  CHECK(a.rejected(2).reason == "non-finite coordinate");
  CHECK(a.rejected(3).line == 9);
  CHECK(a.rejected(3).reason == "unparseable month (want YYYY-MM)");
  CHECK(a.repeated_ids_other_location == 1);
  CHECK(load.incidents.line == std::vector<uint64_t>{2, 8, 10, 11});
  CHECK(load.incidents.month == std::vector<int32_t>{202307, 202308, 202308, 202308});
  // Latin-1 text is recoded to UTF-8; type names are sorted.
  CHECK(load.incidents.type_names ==
        std::vector<std::string>{"Possession of weapons", "Violence and sexual offences", "Violence and sexual offences \xC3\xA9"});
  // -1.259, 53.1 in British National Grid, from: echo "53.1 -1.259" | cs2cs -f %.2f EPSG:4326 EPSG:27700
  CHECK(load.incidents.x[0] == Approx(449712.17).margin(0.01));
  CHECK(load.incidents.y[0] == Approx(356123.06).margin(0.01));
}

TEST_CASE("incident files that cannot be read give a clear error", "[inputs][incidents]") {
  const std::string dir = test::fixture_dir("incidents_bad_files");
  SECTION("header only: nothing read, nothing rejected") {
    const IncidentLoad load = read_one(test::write_file(dir, "header.csv", kHeader));
    CHECK(load.account.read == 0);
    CHECK(load.incidents.size() == 0);
  }
  SECTION("empty file") {
    CHECK_THROWS_WITH(read_one(test::write_file(dir, "empty.csv", "")), Catch::Contains("empty.csv': empty file"));
  }
  SECTION("unknown columns: no coordinates to read") {
    CHECK_THROWS_WITH(read_one(test::write_file(dir, "unknown.csv", "a,b\n1,2\n")),
                      Catch::Contains("unknown.csv") && Catch::Contains("--x/--y"));
  }
  SECTION("a named column that is missing") {
    IncidentColumns c;
    c.x = "easting";
    c.y = "northing";
    CHECK_THROWS_WITH(read_one(test::write_file(dir, "xy.csv", "x,y\n1,2\n"), {}, c),
                      Catch::Contains("no column 'easting'") && Catch::Contains("--x"));
  }
  SECTION("a type filter on a source without a type column") {
    IncidentFilter f;
    f.types = parse_crime_types("Robbery", "--types");
    IncidentColumns c;
    c.x = "x";
    c.y = "y";
    CHECK_THROWS_WITH(read_one(test::write_file(dir, "notype.csv", "x,y\n450000,360000\n"), f, c),
                      Catch::Contains("Crime type"));
  }
}

TEST_CASE("a 1 MB single line is read, not a crash", "[inputs][incidents]") {
  const std::string dir = test::fixture_dir("incidents_long_line");
  std::string csv = kHeader + row("b1", "2023-07", "-1.2590", "53.1000", "Robbery");
  csv += "b2,2023-07,Nottinghamshire Police,Nottinghamshire Police,-1.2590,53.1000,\"" + std::string(1 << 20, 'x') +
         "\",E01028001,Ashfield 001A,Robbery,,\n";
  csv += row("b3", "2023-07", "-1.2590", "53.1000", "Robbery");
  const IncidentLoad load = read_one(test::write_file(dir, "long.csv", csv));
  CHECK(load.account.read == 3);
  CHECK(load.account.loaded == 3);
  CHECK(load.incidents.line == std::vector<uint64_t>{2, 3, 4});
}

TEST_CASE("generic CSV with projected columns and an OGR point layer", "[inputs][incidents]") {
  const std::string dir = test::fixture_dir("incidents_generic");
  IncidentColumns xy;
  xy.x = "east";
  xy.y = "north";
  xy.crs = "EPSG:27700";
  const IncidentLoad csv = read_one(test::write_file(dir, "xy.csv", "east,north\n450050,360050\n,\n1e400,5\n"), {}, xy);
  CHECK(csv.incidents.x == std::vector<double>{450050});
  REQUIRE(csv.account.rejects.size() == 2);
  CHECK(csv.account.rejected(0).reason == "no coordinates");
  CHECK(csv.account.rejected(1).reason == "unparseable number");

  const std::string geojson = test::write_file(dir, "points.geojson", R"({"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"Crime type": "Robbery"}, "geometry": {"type": "Point", "coordinates": [-1.259, 53.1]}},
{"type": "Feature", "properties": {"Crime type": "Robbery"}, "geometry": null},
{"type": "Feature", "properties": {"Crime type": "Robbery"}, "geometry": {"type": "LineString", "coordinates": [[-1.2, 53], [-1.3, 53]]}}
]})");
  const IncidentLoad layer = read_one(geojson);
  SECTION("the same points as a GeoPackage in British National Grid") {
    const std::string gpkg = dir + "/points.gpkg";
    GDALDatasetUniquePtr src(GDALDataset::Open(geojson.c_str(), GDAL_OF_VECTOR));
    const char* options[] = {"-f", "GPKG", "-t_srs", "EPSG:27700", "-nln", "incidents", nullptr};
    GDALVectorTranslateOptions* vt = GDALVectorTranslateOptionsNew(const_cast<char**>(options), nullptr);
    GDALDatasetH src_h = GDALDataset::ToHandle(src.get());
    GDALClose(GDALVectorTranslate(gpkg.c_str(), nullptr, 1, &src_h, vt, nullptr));
    GDALVectorTranslateOptionsFree(vt);
    const IncidentLoad from_gpkg = read_one(gpkg);
    REQUIRE(from_gpkg.incidents.size() == 1);
    CHECK(from_gpkg.incidents.x[0] == Approx(449712.17).margin(0.01));
    CHECK(from_gpkg.account.rejects.size() == 2);
  }
  REQUIRE(layer.incidents.size() == 1);
  CHECK(layer.incidents.x[0] == Approx(449712.17).margin(0.01));
  REQUIRE(layer.account.rejects.size() == 2);
  CHECK(layer.account.rejected(0).reason == "no coordinates");
  CHECK(layer.account.rejected(1).reason == "not a point geometry");
}

TEST_CASE("text that is not UTF-8 is read as Windows-1252, as Excel saves it", "[inputs][incidents]") {
  // 0x92 is a right single quote and 0x96 an en dash in Windows-1252 (C1 control codes in Latin-1).
  CHECK(as_utf8("St Mary\x92s Road \x96 East") == "St Mary\u2019s Road \u2013 East");
  CHECK(as_utf8("Caf\xe9") == "Caf\u00e9");
  CHECK(as_utf8("\x81\xe9") == "\u0081\u00e9");  // 0x81 has no Windows-1252 meaning: Latin-1
  const std::string dir = test::fixture_dir("cp1252");
  const std::string csv = test::write_file(dir, "cp1252.csv",
                                           "Month,Longitude,Latitude,Crime type,Location\n"
                                           "2024-01,-1.2,53.14,Robbery,On or near St Mary\x92s Road \x96 East\n");
  const IncidentLoad load = read_incidents({csv}, IncidentColumns{}, IncidentFilter{});
  REQUIRE(load.incidents.location_names.size() == 1);
  CHECK(load.incidents.location_names[0] == "St Mary\u2019s Road \u2013 East");
}

TEST_CASE("a line longer than GDAL reads is a data error naming the file, never an early end", "[inputs][incidents]") {
  const std::string dir = test::fixture_dir("incidents_over_long_line");
  std::string csv = kHeader;
  for (int i = 0; i < 100; ++i) csv += row("a" + std::to_string(i), "2023-07", "-1.2590", "53.1000", "Robbery");
  csv += "x,2023-07,Nottinghamshire Police,Nottinghamshire Police,-1.2590,53.1000,\"" + std::string(11 << 20, 'x') +
         "\",E01028001,Ashfield 001A,Robbery,,\n";
  for (int i = 0; i < 1000; ++i) csv += row("b" + std::to_string(i), "2023-07", "-1.2590", "53.1000", "Robbery");
  const std::string path = test::write_file(dir, "long.csv", csv);
  CHECK_THROWS_WITH(read_one(path), Catch::Contains("long.csv") && Catch::Contains("the read stopped after 100 rows, at line 102"));
}
