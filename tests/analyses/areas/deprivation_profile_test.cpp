// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "analyses/areas/deprivation_profile.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;

TEST_CASE("deprivation profile: hand-computed shares and rates", "[analyses][areas]") {
  const std::string dir = test::fixture_dir("profile_squares");
  const Boundaries b = read_boundaries(test::two_squares(dir), {});
  Imd imd;
  imd.has_population = true;
  imd.by_code["E01000001"] = {100, 1, {}, "", "", 1500.0};
  imd.by_code["E01000002"] = {32000, 10, {}, "", "", 2000.0};
  AreaCounts counts{{3, 1}, {{3}, {1}}};

  const auto profile = deprivation_profile(b, imd, counts);
  REQUIRE(profile.size() == 10);  // no area lacks IMD: no extra row
  CHECK(profile[0].decile == 1);
  CHECK(profile[0].areas == 1);
  CHECK(profile[0].incidents == 3);
  CHECK(profile[0].share == Approx(0.75));
  CHECK(*profile[0].per_1000 == Approx(2.0));  // 3 / 1,500 x 1,000
  CHECK(profile[4].areas == 0);
  CHECK_FALSE(profile[4].per_1000.has_value());
  CHECK(*profile[9].per_1000 == Approx(0.5));  // 1 / 2,000 x 1,000
  CHECK(share_in_deciles(profile, 1, 2) == Approx(0.75));

  SECTION("an area without IMD gets its own row, so no incident goes missing") {
    imd.by_code.erase("E01000002");
    const auto with_gap = deprivation_profile(b, imd, counts);
    REQUIRE(with_gap.size() == 11);
    CHECK(with_gap[10].decile == 0);
    CHECK(with_gap[10].incidents == 1);
    CHECK(with_gap[9].incidents == 0);
  }
}
