// SPDX-License-Identifier: Apache-2.0
// The geocoder's must-show checks on the shared data: every NG postcode, and the messy address
// test set built by tests/places/make_address_testset.py (its docstring has the command).
#include <catch2/catch.hpp>

#include <cmath>
#include <map>

#include "core/gdal_handles.hpp"
#include "pipeline/street_gazetteer.hpp"
#include "places/address/address_words.hpp"
#include "places/geocoder.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;

TEST_CASE("geocoder: all 28,423 NG postcodes, written any way, land on their own eastings and northings", "[geocode][shared]") {
  const PostcodeGazetteer pcs = read_postcodes(test::shared_path("codepoint-open/ng.csv"), {});
  REQUIRE(pcs.rows == 28'423);
  REQUIRE(pcs.units.size() == 28'423);
  const Geocoder g(pcs, {}, {}, read_area_names(test::shared_path("codepoint-open/codelist.csv")));
  size_t exact = 0;
  for (const PostcodeRecord& u : pcs.units) {
    std::string compact = u.unit;
    compact.erase(compact.find(' '), 1);
    std::string lower = u.unit;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string wide = u.unit;
    wide.insert(wide.find(' '), " ");
    for (const std::string& form : {u.unit, compact, lower, wide, " " + compact + " "}) {
      const GeocodeResult r = g.geocode(form);
      exact += r.level == MatchLevel::postcode && r.x == u.x && r.y == u.y;
    }
  }
  CHECK(exact == 5 * 28'423);
}

TEST_CASE("geocoder: the messy address test set is matched, near, and in the right town", "[geocode][shared]") {
  const PostcodeGazetteer pcs = read_postcodes(test::shared_path("codepoint-open/ng.csv"), {});
  const StreetGazetteer streets = build_street_gazetteer({test::shared_path("police-uk")},
                                                         test::shared_path("boundaries/nottinghamshire_lsoa11.geojson"));
  const Geocoder g(pcs, streets.points, {}, read_area_names(test::shared_path("codepoint-open/codelist.csv")));
  init_gdal();
  const std::string path = "/vsigzip/" + test::source_path("tests/places/address_testset.csv.gz");
  GDALDatasetUniquePtr ds = open_vector(path, "test set");
  OGRLayer* layer = pick_layer(*ds, "", path);
  size_t rows = 0, matched = 0, near = 0, wrong_town = 0;
  std::map<std::string, size_t> missed_by_form;
  for (auto& f : *layer) {
    ++rows;
    const GeocodeResult r = g.geocode(f->GetFieldAsString("address"));
    if (r.level == MatchLevel::none || r.score < 50) {
      ++missed_by_form[f->GetFieldAsString("form")];
      continue;
    }
    ++matched;
    near += std::hypot(r.x - f->GetFieldAsDouble("true_x"), r.y - f->GetFieldAsDouble("true_y")) <= 250;
    if (r.score >= 80) wrong_town += r.locality < 0 || g.locality_name(r.locality) != normalise_name(f->GetFieldAsString("town"));
  }
  REQUIRE(rows == 4000);
  for (const auto& [form, n] : missed_by_form) UNSCOPED_INFO(form << ": " << n << " not matched");
  const double match_rate = static_cast<double>(matched) / static_cast<double>(rows);
  const double near_rate = static_cast<double>(near) / static_cast<double>(rows);
  INFO("matched " << match_rate << ", within 250 m " << near_rate << ", wrong town at score >= 80: " << wrong_town);
  CHECK(match_rate >= 0.97);
  CHECK(near_rate >= 0.95);
  CHECK(wrong_town == 0);
  // Recorded in the closing note: 0.9978 matched, 0.9938 within 250 m, 0 in the wrong town.
  CHECK(match_rate > 0.995);
}
