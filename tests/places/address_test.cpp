// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "places/address/address_words.hpp"
#include "core/postcode.hpp"

using namespace hotspot;

TEST_CASE("postcodes: any case and spacing normalise to the standard form", "[geocode]") {
  for (const char* text : {"NG17 7AS", "ng177as", "NG17  7AS", "NG177AS", " ng17 7as ", "Ng17\t7aS"}) {
    const auto pc = parse_postcode(text);
    INFO(text);
    REQUIRE(pc);
    CHECK(pc->unit() == "NG17 7AS");
    CHECK(pc->sector() == "NG17 7");
  }
  // Every outward pattern: A9, A99, AA9, AA99, A9A, AA9A.
  for (const char* unit : {"M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "W1A 0AX", "EC1A 1BB", "GIR 0AA"}) {
    INFO(unit);
    REQUIRE(parse_postcode(unit));
    CHECK(parse_postcode(unit)->unit() == unit);
  }
  for (const char* bad : {"", "NG17", "NG17 7A", "NG17 7AS1", "NG177CS" /* C is never an inward letter */, "1G17 7AS",
                          "NG17-7AS", "NGG17 7AS", "12345"}) {
    INFO(bad);
    CHECK_FALSE(parse_postcode(bad));
  }
  CHECK(is_outward_code("ng17"));
  CHECK_FALSE(is_outward_code("17NG"));
}

TEST_CASE("address words: abbreviations, saints, hyphens and apostrophes", "[geocode]") {
  CHECK(normalise_name("Station St") == "STATION STREET");
  CHECK(normalise_name("St. Ann's Well Rd") == "SAINT ANNS WELL ROAD");
  CHECK(normalise_name("Kirkby-in-Ashfield") == "KIRKBY IN ASHFIELD");
  CHECK(normalise_name("Kirkby in Ashfield") == "KIRKBY IN ASHFIELD");
  CHECK(normalise_name("Rockwood Cres") == "ROCKWOOD CRESCENT");
  CHECK(normalise_name("Pine Cl") == "PINE CLOSE");
  CHECK(normalise_name("Elm Gdns") == "ELM GARDENS");
  CHECK(normalise_name("Mount Terr") == "MOUNT TERRACE");
  CHECK(normalise_name("caf\xe9 row") == "CAF ROW");  // Latin-1 bytes are dropped, not a crash
  CHECK(is_street_type("AVENUE"));
  CHECK_FALSE(is_street_type("ASHFIELD"));
  CHECK(is_noise_word("NOTTS"));
  CHECK(locality_from_ward("Kirkby in Ashfield East Ward") == "KIRKBY IN ASHFIELD");
  CHECK(locality_from_ward("Eastwood North and Greasley (Beauvale) Ward") == "EASTWOOD NORTH AND GREASLEY");
  CHECK(locality_from_ward("Sutton in Ashfield North Ward") == "SUTTON IN ASHFIELD");
  CHECK(locality_from_ward("St. Ann's Ward") == "SAINT ANNS");
  CHECK(locality_from_ward("West Ward") == "WEST");  // a compass word alone stays
  CHECK(locality_from_district("Ashfield District") == "ASHFIELD");
  CHECK(locality_from_district("Nottingham (B)") == "NOTTINGHAM");
}
