// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>

#include "inputs/incidents.hpp"

namespace hotspot::test {

// A fresh folder under the build's test-output/ for one test; kept after the run so that the
// QGIS check (tests/qgis/check_layers.py) can open every layer the suite wrote.
std::string output_dir(const std::string& name);

// A fresh folder under the build's test-fixtures/ for the inputs a test makes up.
std::string fixture_dir(const std::string& name);

// Writes `content` to `dir/name` byte for byte and returns the path.
std::string write_file(const std::string& dir, const std::string& name, const std::string& content);

std::string source_path(const std::string& relative);  // inside the repository
std::string shared_path(const std::string& relative);  // inside ../shared/data

// The 194,375 shared benchmark incidents (../shared/data/benchmarks/notts_inside_xy.csv), read as
// a generic CSV with --x x --y y --crs EPSG:27700 would read them.
const Incidents& benchmark_points();

// Two 100 m squares in EPSG:27700 sharing the edge x = 450100: E01000001 (west) and
// E01000002 (east), district E07000170, as a GeoJSON file with a crs member.
std::string two_squares(const std::string& dir);

// The IoD2019 File_1 header, then one row per code with the given rank and decile.
std::string imd_file(const std::string& dir, const std::string& rows);

}  // namespace hotspot::test
