// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <map>
#include <string>
#include <vector>

#include <cpl_json.h>

#include "core/progress.hpp"
#include "inputs/gazetteers.hpp"
#include "options/option_set.hpp"
#include "places/geocoder.hpp"

namespace hotspot {

// `hotspot geocode`: the rows of a table with their addresses placed, offline.
struct GeocodeParams {
  std::string input, layer;
  std::vector<std::string> address_columns;  // one column, or several joined with ", " in order
  std::string postcodes, streets, addresses, localities;
  PostcodeColumns postcode_columns;
  std::string boundaries, imd;  // optional: each placed row's LSOA code and IMD decile
  GeocodeOptions options;
  int min_score = 50;                  // rows scoring less are rejected
  // What geocoded.csv copies of the input's columns: all of them; with drop_address none of the
  // address columns, the columns named in personal_columns or looking personal (looks_personal:
  // names, dates of birth, ...); with keep_columns only those.
  bool drop_address = false;
  std::vector<std::string> personal_columns, keep_columns;
  bool rejects_with_address = false;   // a private copy: rejects.csv also holds the address
  std::string output_dir;  // a folder, or a PostGIS database ("PG:...") whose `schema` the run replaces
  std::string schema = "hotspot_geocode";
};

// `hotspot geocode`'s options, declared once: its flags and --help are made from them.
const OptionSet<GeocodeParams>& geocode_options();

// Throws UsageError naming the flag: no input, no address column, no postcodes, --imd without
// --boundaries (single values are checked where they are parsed).
void check_geocode_params(const GeocodeParams& params);

struct GeocodeReport {
  CPLJSONObject summary;
  std::vector<std::string> outputs;
  uint64_t rows = 0, matched = 0;
  std::map<std::string, uint64_t> by_level, rejected_by_reason;
  double load_seconds = 0, geocode_seconds = 0;
  std::vector<std::string> warnings;
  std::vector<std::string> columns_left_out;  // input columns geocoded.csv does not copy
};

// Loads the gazetteers, geocodes every row (on this thread, while another writes the rows
// placed so far, in order), and writes geocoded.csv, rejects.csv and summary.json atomically
// into params.output_dir. Addresses never reach the summary, the warnings or an error message:
// rows are named by number only.
GeocodeReport run_geocode(const GeocodeParams& params, const Progress& progress = {});

}  // namespace hotspot
