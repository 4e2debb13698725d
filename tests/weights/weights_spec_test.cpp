// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "core/errors.hpp"
#include "weights/gal_gwt.hpp"
#include "weights/weights_spec.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;

namespace {

// Four 100 m squares in a row, E1..E4 from west to east (centroids 100 m apart).
Boundaries four_in_a_row(const std::string& dir) {
  std::string features;
  for (int i = 0; i < 4; ++i) {
    const int x0 = 450000 + 100 * i, x1 = x0 + 100;
    features += std::string(i ? "," : "") + R"({"type": "Feature", "properties": {"LSOA11CD": "E)" + std::to_string(i + 1) +
                R"("}, "geometry": {"type": "Polygon", "coordinates": [[[)" + std::to_string(x0) + ", 360000], [" +
                std::to_string(x1) + ", 360000], [" + std::to_string(x1) + ", 360100], [" + std::to_string(x0) +
                ", 360100], [" + std::to_string(x0) + ", 360000]]]}}";
  }
  return read_boundaries(test::write_file(dir, "row.geojson", R"({"type": "FeatureCollection",
"crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::27700"}}, "features": [)" + features + "]}"), {});
}

using Lists = std::vector<std::vector<uint32_t>>;

}  // namespace

namespace {

SpatialWeights weights_from_spec(const Boundaries& b, const std::string& text, const std::string& key) {
  return build_weights(b, WeightsSpec::parse(text, key));
}

}  // namespace

TEST_CASE("weights specs: queen, knn with ties to the lower index, inclusive distance band", "[pipeline][weights]") {
  const Boundaries b = four_in_a_row(test::fixture_dir("weights_row"));
  CHECK(weights_from_spec(b, "queen", "--weights").neighbours == Lists{{1}, {0, 2}, {1, 3}, {2}});
  CHECK(weights_from_spec(b, "knn:1", "--weights").neighbours == Lists{{1}, {0}, {1}, {2}});
  CHECK(weights_from_spec(b, "knn:2", "--weights").neighbours == Lists{{1, 2}, {0, 2}, {1, 3}, {1, 2}});
  CHECK(weights_from_spec(b, "distance:100", "--weights").neighbours == Lists{{1}, {0, 2}, {1, 3}, {2}});
  const SpatialWeights far = weights_from_spec(b, "distance:99", "--weights");
  CHECK(far.islands() == std::vector<uint32_t>{0, 1, 2, 3});
  CHECK_THROWS_WITH(weights_from_spec(b, "knn:4", "--weights"), Catch::Contains("k = 4"));
  CHECK_THROWS_WITH(weights_from_spec(b, "knn:x", "stats.weights"), "stats.weights = knn:x: needs a positive number after ':'");
  CHECK_THROWS_WITH(weights_from_spec(b, "knn:1.5", "stats.weights"), Catch::Contains("K must be a whole number"));
  CHECK(WeightsSpec::parse("distance:1500", "k").text() == "distance:1500");
  CHECK(WeightsSpec::parse("knn:6", "k").k == 6);
  CHECK_THROWS_WITH(weights_from_spec(b, "bishop", "--weights"), Catch::Contains("choose queen, rook"));
}

TEST_CASE("GAL and GWT files round-trip with the area codes as ids", "[pipeline][weights]") {
  const std::string dir = test::fixture_dir("weights_files");
  const Boundaries b = four_in_a_row(dir);
  const SpatialWeights queen = weights_from_spec(b, "queen", "--weights");
  write_gal(dir + "/w.gal", b, queen);
  CHECK(weights_from_spec(b, dir + "/w.gal", "--weights").neighbours == queen.neighbours);
  const SpatialWeights row = row_standardised(queen);
  write_gwt(dir + "/w.gwt", b, row);
  const SpatialWeights back = read_gal_or_gwt(dir + "/w.gwt", b);
  CHECK(back.neighbours == row.neighbours);
  CHECK(back.weights == row.weights);  // 17 significant digits: exact
  test::write_file(dir, "bad.gwt", "0 4 x code\nE1 E2 1\nE1 E9 1\n");
  CHECK_THROWS_WITH(read_gal_or_gwt(dir + "/bad.gwt", b), Catch::Contains("bad.gwt' line 3") && Catch::Contains("'E9'"));
}
