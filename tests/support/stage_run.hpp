// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>

#include "pipeline/stage.hpp"

namespace hotspot::test {

// Parses `text` for `stage`'s option `key` (qualified, "kde.cell") as the command line would, and
// sets it; throws OptionError as a front end would see it.
void set_option(Stage& stage, const std::string& key, const std::string& text);

struct SquaresStudy {
  std::string rows;            // "x,y,Month,Crime type" lines (EPSG:27700), no header
  bool imd = true;             // west E01000001 decile 1, east E01000002 decile 10
  std::string postcodes;       // Code-Point Open rows for [geocode], or none
  std::string boundaries;      // a GeoJSON layer (EPSG:27700) instead of the squares
};

// Finishes and runs `stage` alone on the two 100 m squares (tests/support/fixtures.hpp) into
// output_dir(name), as its verb would, and returns its report.
StageReport run_on_squares(Stage& stage, const std::string& name, const SquaresStudy& study);

}  // namespace hotspot::test
