// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <vector>

#include "inputs/gazetteers.hpp"
#include "inputs/police_uk_location.hpp"

namespace hotspot {

// `hotspot gazetteer streets`: a street gazetteer from police.uk files. Each row's "On or near
// <street>" location is a snap point on that street; police.uk's generic places (Supermarket,
// Parking Area, Petrol Station, any name with a '/', ...) are not streets and are skipped. Each
// distinct (street, point) is kept once with the number of rows there, and with the district
// of the boundary area it falls in when boundaries are given (points outside them are skipped).
struct StreetGazetteer {
  std::vector<StreetRecord> points;  // sorted by street, then x, y
  std::vector<uint64_t> incidents;   // rows at each point
  uint64_t rows = 0, used = 0, no_location = 0, not_a_street = 0, no_coordinates = 0, outside = 0;
  size_t streets = 0;  // distinct names
};


StreetGazetteer build_street_gazetteer(const std::vector<std::string>& sources, const std::string& boundaries);

// Writes street, district, x, y, incidents as CSV (read back by read_streets).
void write_street_gazetteer(const std::string& path, const StreetGazetteer& g);

}  // namespace hotspot
