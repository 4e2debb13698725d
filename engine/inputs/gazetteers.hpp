// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <map>
#include <string>
#include <vector>

namespace hotspot {

// Postcode units: OS Code-Point Open (no header row: postcode, quality, eastings, northings, ...,
// district code in column 9, ward code in column 10) or any table with a header naming the
// columns (ONSPD: pcds, lat, long, oslaua, osward). Read through GDAL/OGR.
struct PostcodeColumns {
  std::string postcode, x, y, lon, lat, district, ward;  // empty: Code-Point layout, or ONSPD names
};

struct PostcodeRecord {
  std::string unit;  // "NG17 7AS"
  double x = 0, y = 0;  // EPSG:27700
  std::string district, ward;  // codes, may be empty
};

struct PostcodeGazetteer {
  std::vector<PostcodeRecord> units;  // in file order; duplicates kept once (the first)
  uint64_t rows = 0, duplicates = 0, unusable = 0;  // rows read; repeated units; no postcode or coordinates
  std::vector<std::string> duplicate_units;  // the repeated units (first 1,000)
};

PostcodeGazetteer read_postcodes(const std::string& path, const PostcodeColumns& columns);

// Street points: any table or layer with a street name, optionally a locality/town and a
// district, and a point (or line: its vertices) geometry, or x/y columns in EPSG:27700.
// `hotspot gazetteer streets` writes one from police.uk.
struct StreetRecord {
  std::string name, locality, district;
  double x = 0, y = 0;
};

std::vector<StreetRecord> read_streets(const std::string& path);

// Full addresses (AddressBase-like): UPRN, SAO, PAO, street, locality, town, postcode, x, y.
struct AddressRecord {
  std::string uprn, sao, pao, street, locality, town, postcode;
  double x = 0, y = 0;
};

std::vector<AddressRecord> read_addresses(const std::string& path);

// Names of ward and district codes: Code-Point Open's codelist.csv (sheet, code, name) or any
// table with code and name columns.
struct AreaNames {
  std::map<std::string, std::string> wards, districts;  // code -> name
};

AreaNames read_area_names(const std::string& path);

}  // namespace hotspot
