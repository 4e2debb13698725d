// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "core/errors.hpp"
#include "inputs/crime_types.hpp"
#include "pipeline/indicators_stage.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;

namespace {

// The bundled example as the tasking config loads it: serious violence in Ashfield and Mansfield.
const StudyData& example_study() {
  static const StudyData s = [] {
    StudyInputs in;
    in.incidents = {test::source_path("examples/ashfield-mansfield/police-uk")};
    in.boundaries = test::source_path("shapefiles/nottinghamshire_lsoa11.shp");
    in.boundary_options.districts = {"E07000170", "E07000174"};
    in.wards = test::source_path("shapefiles/nottinghamshire_wards2025.shp");
    in.filter.types = parse_crime_types("serious-violence", "--types");
    return load_study(in);
  }();
  return s;
}

}  // namespace

TEST_CASE("indicators: the example's table for Ashfield and Mansfield equals scipy's, counted another way", "[places]") {
  IndicatorsParams p;
  p.groups = {"serious-violence", "Robbery"};
  p.areas = {"Ashfield", "E07000174"};
  p.baseline = "2023-07..2023-12";
  p.current = "2024-01..2024-06";
  const IndicatorTable t = indicator_table(example_study(), p);
  // tests/pipeline/indicators_scipy.py: counts by point in district polygon, scipy's binomtest.
  std::ifstream in(test::source_path("tests/pipeline/indicators_scipy.csv"));
  std::string line;
  std::getline(in, line);
  REQUIRE(t.rows.size() == 4);
  for (const IndicatorRow& row : t.rows) {
    REQUIRE(std::getline(in, line));
    std::stringstream cells(line);
    std::string indicator, area, baseline, current, p_value;
    std::getline(cells, indicator, ',');
    std::getline(cells, area, ',');
    std::getline(cells, baseline, ',');
    std::getline(cells, current, ',');
    std::getline(cells, p_value, ',');
    INFO(line);
    CHECK(row.indicator == indicator);
    CHECK(row.area == area);
    CHECK(row.comparison.baseline == std::stoull(baseline));
    CHECK(row.comparison.current == std::stoull(current));
    CHECK(row.comparison.p_value == Approx(std::stod(p_value)).epsilon(1e-9));
  }
  // Mansfield's serious violence: 434.5 a month down to 377.8 (-13%), p = 1.2e-6: green.
  CHECK(t.rows[1].comparison.rag == "green");
  CHECK(t.rows[0].comparison.rag == "amber");  // Ashfield's -4%: under the 10% threshold
  CHECK(*t.rows[1].comparison.change == Approx((2267.0 - 2607.0) / 2607.0));
}

TEST_CASE("indicators: unknown areas and groups are refused by their key; quarters and years are periods", "[places]") {
  IndicatorsParams p;
  p.baseline = "2023-Q3";
  p.current = "2024-Q1";
  p.areas = {"Mansfeild"};
  try {
    indicator_table(example_study(), p);
    FAIL("a misspelt district was taken");
  } catch (const OptionError& e) {
    CHECK(e.key == "indicators.areas");
    CHECK_THAT(e.what(), Catch::Contains("did you mean 'Mansfield'"));
  }
  p.areas = {"force"};
  p.groups = {"Burglary"};
  try {
    indicator_table(example_study(), p);
    FAIL("a group the study does not hold was taken");
  } catch (const OptionError& e) {
    CHECK(e.key == "indicators.groups");
    CHECK_THAT(e.what(), Catch::Contains("Possession of weapons"));
  }
  p.groups = {"Robbery"};
  const IndicatorTable t = indicator_table(example_study(), p);
  CHECK(t.baseline.from == 202307);
  CHECK(t.baseline.to == 202309);
  CHECK(t.current.to == 202403);
  CHECK(t.rows.at(0).area == "Force area");
  p.current = "2025";
  CHECK_THROWS_AS(indicator_table(example_study(), p), DataError);  // the data end in 2024-06
  p.current = "2023-Q4";
  p.baseline = "2023";
  CHECK_THROWS_AS(indicator_table(example_study(), p), OptionError);  // overlapping periods
}
