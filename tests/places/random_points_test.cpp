// SPDX-License-Identifier: Apache-2.0
// Random points in the study area: every draw inside an area (none in a hole), and each part of
// the area drawn in proportion to its size (a chi-square test against the areas' shares).
#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <random>
#include <vector>

#include "inputs/boundaries.hpp"
#include "places/random_points.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;

TEST_CASE("random points: inside the areas, none in a hole, each area in proportion to its size", "[places][random]") {
  // A 100 m square holding a 40 m square hole, and an L-shaped neighbour of 3 squares of 100 m.
  const std::string layer = R"({"type": "FeatureCollection",
"crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::27700"}},
"features": [
{"type": "Feature", "properties": {"LSOA11CD": "E01000001", "LADCD": "E07000170"},
 "geometry": {"type": "Polygon", "coordinates": [[[450000, 360000], [450100, 360000], [450100, 360100], [450000, 360100], [450000, 360000]],
   [[450030, 360030], [450030, 360070], [450070, 360070], [450070, 360030], [450030, 360030]]]}},
{"type": "Feature", "properties": {"LSOA11CD": "E01000002", "LADCD": "E07000170"},
 "geometry": {"type": "Polygon", "coordinates": [[[450100, 360000], [450300, 360000], [450300, 360100], [450200, 360100], [450200, 360200], [450100, 360200], [450100, 360000]]]}}
]})";
  const Boundaries b = read_boundaries(test::write_file(test::fixture_dir("random_points"), "areas.geojson", layer), {});
  const RandomPointSampler sample(b);
  // Which area holds a point, by the shapes' own arithmetic (the locator's 1 mm edge rule would
  // send points within 1 mm of the outer edge outside).
  const auto area_of = [](double x, double y) {
    const bool hole = x > 450030 && x < 450070 && y > 360030 && y < 360070;
    if (x >= 450000 && x <= 450100 && y >= 360000 && y <= 360100 && !hole) return 0;
    if (x >= 450100 && x <= 450300 && y >= 360000 && y <= 360100) return 1;
    if (x >= 450100 && x <= 450200 && y >= 360100 && y <= 360200) return 1;
    return -1;
  };
  std::mt19937_64 rng(7);
  const int n = 200000;
  std::array<int, 2> in{};
  int outside = 0, in_hole = 0;
  for (int k = 0; k < n; ++k) {
    const auto [x, y] = sample(rng);
    const int a = area_of(x, y);
    if (a < 0) ++outside;
    if (x > 450030 && x < 450070 && y > 360030 && y < 360070) ++in_hole;
    if (a >= 0) ++in[static_cast<size_t>(a)];
  }
  CHECK(outside == 0);
  CHECK(in_hole == 0);
  // Areas: 10,000 - 1,600 = 8,400 m2 and 30,000 m2; a chi-square of 1 degree of freedom under 10.83 (p = 0.001).
  const double share = 8400.0 / 38400.0;
  const double e0 = n * share, e1 = n * (1 - share);
  const double chi2 = (in[0] - e0) * (in[0] - e0) / e0 + (in[1] - e1) * (in[1] - e1) / e1;
  CHECK(chi2 < 10.83);
  // Within the L, its three squares alike: the corner square (x 450100..450200, y 360100..360200) holds a third.
  std::mt19937_64 again(7);
  int corner = 0, l_points = 0;
  for (int k = 0; k < n; ++k) {
    const auto [x, y] = sample(again);
    if (x < 450100) continue;
    ++l_points;
    corner += y > 360100;
  }
  const double third = l_points / 3.0;
  CHECK(std::abs(corner - third) < 3.3 * std::sqrt(l_points * (1.0 / 3) * (2.0 / 3)));
  // Drawn in batches (a batch and a part): the same points, from the same draws, one at a time.
  std::mt19937_64 one(11), batched(11);
  std::vector<double> bx(150), by(150);
  sample.draw(batched, bx, by);
  for (size_t k = 0; k < bx.size(); ++k) {
    const auto [x, y] = sample(one);
    INFO("point " << k);
    REQUIRE(bx[k] == x);
    REQUIRE(by[k] == y);
  }
  CHECK(one() == batched());
}
