// SPDX-License-Identifier: Apache-2.0
// The incident reader on any bytes as a CSV. The first byte picks how the columns are named:
// police.uk as found (0), police.uk with a crime-type and month filter (1), a force extract with
// projected coordinates, a date and a time (2), or a window of two dates (3).
#include "core/errors.hpp"
#include "inputs/incidents.hpp"
#include "tests/fuzz/fuzz_input.hpp"

using namespace hotspot;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const int mode = data[0] % 4;
  const fuzz::MemoryFile file("/vsimem/fuzz/incidents.csv", data + 1, size - 1);
  IncidentColumns columns;
  IncidentFilter filter;
  if (mode == 1) {
    filter.types = std::set<std::string>{"Robbery", "violence and sexual offences"};
    filter.from_month = 202401;
    filter.to_month = 202406;
    filter.force = "Nottinghamshire Police";
  } else if (mode == 2) {
    columns.x = "Easting";
    columns.y = "Northing";
    columns.date = "Date";
    columns.time = "Time";
  } else if (mode == 3) {
    columns.x = "Easting";
    columns.y = "Northing";
    columns.from = "From";
    columns.to = "To";
    filter.from_day = 19723;  // 2024-01-01
  }
  HOTSPOT_FUZZ_EXPECTED_ERRORS({
    const IncidentLoad load = read_incidents({file.path()}, columns, filter);
    if (!load.account.balanced()) __builtin_trap();  // every row loaded, filtered or rejected
    why_nothing_loaded(load.account, filter);
  });
  return 0;
}
