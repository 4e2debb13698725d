// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <cpl_conv.h>

#include "core/errors.hpp"
#include "inputs/boundaries.hpp"
#include "inputs/gazetteers.hpp"
#include "inputs/imd.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;

namespace {

// GDAL's CSV driver ends a read at a line longer than OGR_CSV_MAX_LINE_SIZE (10 MB unless set):
// set to 300 bytes here, so that a 400-byte line stands for a real 11 MB one.
struct ShortLineLimit {
  ShortLineLimit() { CPLSetConfigOption("OGR_CSV_MAX_LINE_SIZE", "300"); }
  ~ShortLineLimit() { CPLSetConfigOption("OGR_CSV_MAX_LINE_SIZE", nullptr); }
};

const std::string kLong(400, 'x');

}  // namespace

TEST_CASE("readers: a read GDAL ends on an error is a data error, never an early end", "[inputs][errors]") {
  const ShortLineLimit limit;
  const std::string dir = test::fixture_dir("read_errors");
  const auto stopped = Catch::Contains("the read stopped after 2 rows");

  const std::string imd = test::imd_file(dir,
                                         "E01000001,A,E09000001,City of London,29199,9\n"
                                         "E01000002,B,E09000001,City of London,1234,1\n"
                                         "E01000003," + kLong + ",E09000001,City of London,1234,1\n"
                                         "E01000004,D,E09000001,City of London,1234,1\n");
  CHECK_THROWS_AS(read_imd(imd), DataError);
  CHECK_THROWS_WITH(read_imd(imd), stopped && Catch::Contains("imd.csv"));

  const std::string boundaries = test::write_file(
      dir, "boundaries.csv",
      "WKT,LSOA11CD\n\"POLYGON ((0 0,1 0,1 1,0 0))\",E01000001\n\"POLYGON ((0 0,1 0,1 1,0 0))\",E01000002\n"
      "\"POLYGON ((0 0,1 0,1 1,0 0))\"," + kLong + "\n\"POLYGON ((0 0,1 0,1 1,0 0))\",E01000004\n");
  BoundaryOptions options;
  options.crs = "EPSG:27700";
  CHECK_THROWS_WITH(read_boundaries(boundaries, options), stopped && Catch::Contains("boundaries.csv"));

  const std::string postcodes = test::write_file(
      dir, "postcodes.csv",
      "pcds,oseast1m,osnrth1m\nNG17 7AS,450000,360000\nNG17 7AT,450010,360010\nNG17 7AU," + kLong + ",1\nNG17 7AX,1,1\n");
  CHECK_THROWS_WITH(read_postcodes(postcodes, {}), stopped && Catch::Contains("postcodes.csv"));

  const std::string streets = test::write_file(
      dir, "streets.csv", "name,x,y\nHigh Street,450000,360000\nLow Street,450010,360010\n" + kLong + ",1,1\nEnd Road,1,1\n");
  CHECK_THROWS_WITH(read_streets(streets), stopped && Catch::Contains("streets.csv"));

  const std::string names = test::write_file(dir, "names.csv", "code,name\nE05000001,Oak Tree\nE05000002,Portland\nE05000003," + kLong + "\n");
  CHECK_THROWS_WITH(read_area_names(names), stopped && Catch::Contains("names.csv"));
}
