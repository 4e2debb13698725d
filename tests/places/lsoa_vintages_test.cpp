// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <map>
#include <set>

#include "inputs/boundaries.hpp"
#include "inputs/imd.hpp"
#include "places/lsoa_vintages.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;

namespace {

std::string square(const std::string& field, const std::string& code, double x0, double y0, double x1, double y1) {
  return fmt::format(R"({{"type": "Feature", "properties": {{"{}": "{}"}}, "geometry": {{"type": "Polygon", "coordinates": )"
                     R"([[[{},{}],[{},{}],[{},{}],[{},{}],[{},{}]]]}}}})",
                     field, code, 450000 + x0, 360000 + y0, 450000 + x1, 360000 + y0, 450000 + x1, 360000 + y1,
                     450000 + x0, 360000 + y1, 450000 + x0, 360000 + y0);
}

std::string layer(const std::vector<std::string>& features) {
  std::string body;
  for (const auto& f : features) body += (body.empty() ? "" : ",\n") + f;
  return R"({"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::27700"}},)"
         "\n\"features\": [\n" + body + "]}";
}

ImdRecord record(int decile, std::optional<double> population) {
  ImdRecord r;
  r.decile = decile;
  r.rank = decile * 3000;
  r.population = population;
  return r;
}

}  // namespace

TEST_CASE("LSOA vintages: a known split, merge and redrawing give their exact weights; slivers are dropped", "[places]") {
  // 2011: A, B, C, D along a row of 100 m squares, E and F above A and B.
  // 2021: A split at x = 30 into A1 and A2; B and C merged into BC, which reaches 0.5 m into D (a
  // generalisation sliver: 0.5% of D); D shrunk to D2 by that sliver; E and F redrawn as EF1
  // (x 0..150) and EF2 (x 150..200).
  const std::string dir = test::fixture_dir("lsoa_vintages");
  const std::string f11 = test::write_file(dir, "lsoa11.geojson", layer({
      square("LSOA11CD", "A", 0, 0, 100, 100), square("LSOA11CD", "B", 100, 0, 200, 100),
      square("LSOA11CD", "C", 200, 0, 300, 100), square("LSOA11CD", "D", 300, 0, 400, 100),
      square("LSOA11CD", "E", 0, 100, 100, 200), square("LSOA11CD", "F", 100, 100, 200, 200)}));
  const std::string f21 = test::write_file(dir, "lsoa21.geojson", layer({
      square("LSOA21CD", "A1", 0, 0, 30, 100), square("LSOA21CD", "A2", 30, 0, 100, 100),
      square("LSOA21CD", "BC", 100, 0, 300.5, 100), square("LSOA21CD", "D2", 300.5, 0, 400, 100),
      square("LSOA21CD", "EF1", 0, 100, 150, 200), square("LSOA21CD", "EF2", 150, 100, 200, 200)}));
  const Boundaries old_areas = read_boundaries(f11, {}), new_areas = read_boundaries(f21, {});
  const VintageCorrespondence c = overlay_vintages(old_areas, new_areas);
  std::map<std::string, VintageLink> by_pair;
  for (const VintageLink& l : c.links) by_pair[old_areas.areas[l.from].code + ">" + new_areas.areas[l.to].code] = l;
  const std::map<std::string, std::tuple<double, double, char>> expected = {
      {"A>A1", {0.3, 1, 'S'}},       {"A>A2", {0.7, 1, 'S'}},          {"B>BC", {1, 0.5, 'M'}},
      {"C>BC", {1, 0.5, 'M'}},       {"D>D2", {1, 1, 'U'}},            {"E>EF1", {1, 2.0 / 3, 'X'}},
      {"F>EF1", {0.5, 1.0 / 3, 'X'}}, {"F>EF2", {0.5, 1, 'X'}}};
  REQUIRE(by_pair.size() == expected.size());  // D>BC, the sliver, is not a link
  for (const auto& [pair, want] : expected) {
    INFO(pair);
    REQUIRE(by_pair.count(pair));
    CHECK(by_pair[pair].share_of_from == Approx(std::get<0>(want)).epsilon(1e-12));
    CHECK(by_pair[pair].share_of_to == Approx(std::get<1>(want)).epsilon(1e-12));
    CHECK(by_pair[pair].change == std::get<2>(want));
  }
  CHECK(by_pair["A>A1"].area_m2 == Approx(3000));
  CHECK(c.to_without_link.empty());
  CHECK(c.from_without_link.empty());

  // Deprivation carried to 2021: by residents when the IMD has populations, else by area.
  Imd imd;
  imd.has_population = true;
  imd.by_code = {{"A", record(1, 1000)}, {"B", record(2, 600)}, {"C", record(9, 1400)},
                 {"D", record(5, 800)},  {"E", record(3, 100)}, {"F", record(7, 900)}};
  const Imd carried = carry_imd(imd, old_areas, new_areas, c);
  const auto decile = [&](const char* code) { return carried.find(code)->decile; };
  const auto population = [&](const char* code) { return *carried.find(code)->population; };
  CHECK(decile("A1") == 1);
  CHECK(decile("A2") == 1);
  CHECK(population("A1") == Approx(300));
  CHECK(population("A2") == Approx(700));
  CHECK(decile("BC") == 9);  // C's 1,400 residents outnumber B's 600
  CHECK(population("BC") == Approx(2000));
  CHECK(decile("D2") == 5);
  CHECK(decile("EF1") == 7);  // half of F (450) against all of E (100)
  CHECK(population("EF1") == Approx(550));
  CHECK(population("EF2") == Approx(450));
  for (auto& [code, r] : imd.by_code) r.population.reset();
  imd.has_population = false;
  const Imd by_area = carry_imd(imd, old_areas, new_areas, c);
  CHECK(by_area.find("BC")->decile == 2);   // B and C hold half each: the lower code, B
  CHECK(by_area.find("EF1")->decile == 3);  // E holds two thirds of it
  CHECK_FALSE(by_area.find("EF1")->population);
}

TEST_CASE("LSOA vintages: every 2021 LSOA of Nottinghamshire gets an IMD 2019 decile, every 2011 LSOA a 2021 set",
          "[places]") {
  const Boundaries lsoa11 = read_boundaries(test::source_path("shapefiles/nottinghamshire_lsoa11.shp"), {});
  const Boundaries lsoa21 = read_boundaries(test::source_path("shapefiles/nottinghamshire_lsoa21.shp"), {});
  REQUIRE(lsoa11.areas.size() == 679);
  REQUIRE(lsoa21.areas.size() == 684);
  const VintageCorrespondence c = overlay_vintages(lsoa11, lsoa21);
  CHECK(c.from_without_link.empty());
  CHECK(c.to_without_link.empty());
  std::map<char, int> changes;
  size_t unchanged_same_code = 0;
  std::vector<std::set<std::string>> sets(lsoa11.areas.size());
  for (const VintageLink& l : c.links) {
    ++changes[l.change];
    sets[l.from].insert(lsoa21.areas[l.to].code);
    unchanged_same_code += l.change == 'U' && lsoa11.areas[l.from].code == lsoa21.areas[l.to].code;
  }
  for (const auto& s : sets) CHECK_FALSE(s.empty());
  // ONS keeps the code of an LSOA it did not change: every one-to-one pair found must share its code.
  CHECK(unchanged_same_code == static_cast<size_t>(changes['U']));
  CHECK(changes['U'] > 600);
  INFO("U " << changes['U'] << " S " << changes['S'] << " M " << changes['M'] << " X " << changes['X']);
  CHECK(changes['S'] > 0);
  const Imd imd = read_imd(test::source_path("examples/ashfield-mansfield/imd2019/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv"),
                           {}, test::source_path("examples/ashfield-mansfield/imd2019/File_6_-_IoD2019_Population_Denominators.csv"));
  const Imd carried = carry_imd(imd, lsoa11, lsoa21, c);
  double population11 = 0, population21 = 0;
  for (const Area& a : lsoa11.areas) population11 += *imd.find(a.code)->population;
  for (const Area& a : lsoa21.areas) {
    const ImdRecord* r = carried.find(a.code);
    REQUIRE(r);
    CHECK(r->decile >= 1);
    CHECK(r->decile <= 10);
    population21 += *r->population;
  }
  CHECK(population21 == Approx(population11).epsilon(1e-9));  // every resident apportioned once
}
