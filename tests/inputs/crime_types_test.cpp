// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "core/errors.hpp"
#include "inputs/crime_types.hpp"

using namespace hotspot;

TEST_CASE("crime types: presets and lists", "[inputs][crime_types]") {
  CHECK_FALSE(parse_crime_types("all", "--types").has_value());
  const auto sv = parse_crime_types("serious-violence", "--types");
  REQUIRE(sv);
  CHECK(*sv == std::set<std::string>{"Violence and sexual offences", "Robbery", "Possession of weapons"});
  CHECK(*parse_crime_types(" Robbery ;Burglary;", "--types") == std::set<std::string>{"Robbery", "Burglary"});
  CHECK(parse_crime_types("serious-violence; Burglary", "--types")->size() == 4);
  CHECK_THROWS_AS(parse_crime_types(";;", "--types"), UsageError);
}

TEST_CASE("months parse as YYYY-MM only", "[inputs][crime_types]") {
  CHECK(parse_month("2023-07") == 202307);
  CHECK(parse_month("2024-12") == 202412);
  CHECK(parse_month("2024-13") == 0);
  CHECK(parse_month("2024-1") == 0);
  CHECK(parse_month("July 2024") == 0);
  CHECK(parse_month("") == 0);
}
