// SPDX-License-Identifier: Apache-2.0
#include "support/fixtures.hpp"

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace hotspot::test {

namespace {

std::string fresh_dir(const fs::path& dir) {
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir.string();
}

}  // namespace

std::string output_dir(const std::string& name) { return fresh_dir(fs::path(HOTSPOT_TEST_OUTPUT) / name); }
std::string fixture_dir(const std::string& name) { return fresh_dir(fs::path(HOTSPOT_TEST_FIXTURES) / name); }

std::string write_file(const std::string& dir, const std::string& name, const std::string& content) {
  const fs::path path = fs::path(dir) / name;
  std::ofstream(path, std::ios::binary) << content;
  return path.string();
}

std::string source_path(const std::string& relative) { return (fs::path(HOTSPOT_SOURCE_DIR) / relative).string(); }
std::string shared_path(const std::string& relative) { return (fs::path(HOTSPOT_SHARED_DATA) / relative).string(); }

const Incidents& benchmark_points() {
  static const Incidents points = [] {
    IncidentColumns columns;
    columns.x = "x";
    columns.y = "y";
    columns.crs = "EPSG:27700";
    return read_incidents({shared_path("benchmarks/notts_inside_xy.csv")}, columns, {}).incidents;
  }();
  return points;
}

std::string two_squares(const std::string& dir) {
  return write_file(dir, "squares.geojson", R"({"type": "FeatureCollection",
"crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::27700"}},
"features": [
{"type": "Feature", "properties": {"LSOA11CD": "E01000002", "LSOA11NM": "East 001B", "LADCD": "E07000170"},
 "geometry": {"type": "Polygon", "coordinates": [[[450100, 360000], [450200, 360000], [450200, 360100], [450100, 360100], [450100, 360000]]]}},
{"type": "Feature", "properties": {"LSOA11CD": "E01000001", "LSOA11NM": "West 001A", "LADCD": "E07000170"},
 "geometry": {"type": "Polygon", "coordinates": [[[450000, 360000], [450100, 360000], [450100, 360100], [450000, 360100], [450000, 360000]]]}}
]})");
}

std::string imd_file(const std::string& dir, const std::string& rows) {
  return write_file(dir, "imd.csv",
                    "\xEF\xBB\xBFLSOA code (2011),LSOA name (2011),Local Authority District code (2019),"
                    "Local Authority District name (2019),Index of Multiple Deprivation (IMD) Rank,"
                    "Index of Multiple Deprivation (IMD) Decile\n" + rows);
}

}  // namespace hotspot::test
