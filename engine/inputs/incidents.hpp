// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/progress.hpp"
#include "inputs/row_account.hpp"

namespace hotspot {

// Where an address lies in EPSG:27700, or why it cannot be used: the reader's one link to a
// geocoder (places/), which it never sees. `reason` is a fixed text, never the address.
struct PlacedAddress {
  bool placed = false;
  double x = 0, y = 0;
  std::string_view reason;
};
// Called from several reading threads at once.
using AddressPlacer = std::function<PlacedAddress(std::string_view address)>;

// Where an incident source keeps its coordinates and attributes. With nothing set, a CSV
// with Longitude/Latitude columns is read as police.uk (EPSG:4326) and any other source
// by its point geometry and layer CRS.
struct IncidentColumns {
  std::string x, y;      // projected coordinate columns (--x/--y); CRS from `crs`, default EPSG:27700
  std::string lon, lat;  // geographic columns (--lon/--lat); CRS from `crs`, default EPSG:4326
  std::string crs;       // overrides the CRS of the columns or of a layer without one
  std::string month = "Month";          // YYYY-MM
  // Force data in time (calendar.hpp's forms): the date (or date-time) of each incident, or the
  // start of the window it happened in, and the window's end; each with an optional time column.
  // With none of these the month is the incident's time (a month is a window).
  std::string date, from;                 // --date-column / --from-column (one of them)
  std::string time;                       // --time-column: the time of day of date/from
  std::string to, to_time;                // --to-column, --to-time-column
  std::string type = "Crime type";
  std::string crime_id = "Crime ID";    // used only to report repeated IDs
  std::string location = "Location";    // police.uk's street ("On or near ..."), for naming places
  std::string falls_within = "Falls within";  // police.uk's force, reported and filtered on
  std::string layer;                    // layer of a multi-layer source; default the first
  // Address-only sources: the columns holding the address (joined with ", "), placed by
  // `place_address`; rows it does not place are rejected with its reason.
  std::vector<std::string> address;
  AddressPlacer place_address;
};

struct IncidentFilter {
  std::optional<std::set<std::string>> types;  // nullopt: every type
  int from_month = 0;                          // YYYYMM inclusive, 0 = open
  int to_month = 0;
  std::optional<int32_t> from_day, to_day;     // calendar days inclusive (sources with dates only)
  std::string force;                           // keep only rows whose Falls within is this force (any case); "" all
};

// Loaded incidents, one entry per loaded row, in EPSG:27700 metres.
struct Incidents {
  std::vector<double> x, y;
  std::vector<int32_t> month;     // YYYYMM, 0 when the source has no month; from `start` with dates
  // With date columns: when each incident happened, as a window [start, end) in minutes since
  // 1970-01-01 (an exact time is one minute long, a date alone its whole day). Empty otherwise.
  std::vector<int64_t> start, end;
  std::vector<uint16_t> type;     // index into type_names
  std::vector<uint32_t> file;     // index into files
  std::vector<uint32_t> location;  // index into location_names ("" when the source has none)
  std::vector<uint64_t> line;
  std::vector<std::string> type_names;  // sorted
  std::vector<std::string> location_names;  // sorted; streets without police.uk's "On or near "
  std::vector<std::string> files;

  size_t size() const { return x.size(); }
  bool dated = false;  // read with date columns: start and end are filled
  // The first and last calendar day an incident starts on (core/calendar.hpp); {0, 0} when the
  // incidents carry no dates or there are none.
  std::pair<int32_t, int32_t> day_range() const;
  // Keeps the entries whose `keep` flag is set, in order.
  void keep_only(const std::vector<char>& keep);
};

struct IncidentLoad {
  Incidents incidents;
  RowAccount account;
};

// Reads every source (already expanded, see expand_sources), applies the type and month
// filters first, then parses and transforms coordinates. Rows that cannot be used are
// rejected with file, line, column and reason; the account balances row for row.
// Throws UsageError/DataError for a source that cannot be read at all.
IncidentLoad read_incidents(const std::vector<std::string>& sources, const IncidentColumns& columns,
                            const IncidentFilter& filter, const Progress& progress = {});

// Why a load that kept no incident kept none, in words a new user can act on: the crime types
// the data hold (with "did you mean"), the months they hold, the reasons rows were rejected,
// longitude and latitude swapped, a month column Excel reformatted.
std::string why_nothing_loaded(const RowAccount& account, const IncidentFilter& filter);

}  // namespace hotspot
