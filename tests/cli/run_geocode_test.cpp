// SPDX-License-Identifier: Apache-2.0
// `hotspot run` on address-only incident and suspect files: geocoded as they are read, suspects
// published only as suppressed counts.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <regex>

#include <cpl_json.h>
#include <fmt/format.h>

#include "core/gdal_handles.hpp"
#include "outputs/numbers.hpp"
#include "support/cli.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;
using namespace hotspot::test;

TEST_CASE("cli: run geocodes address-only incidents and publishes suspects as suppressed counts", "[cli][geocode][shared]") {
  const std::string dir = fixture_dir("cli_run_geocode");
  const std::string pack = output_dir("cli_run_geocode");  // the QGIS check opens its layers
  // Incidents and suspects from the address test set: addresses only, no coordinates.
  init_gdal();
  const std::string set = "/vsigzip/" + source_path("tests/places/address_testset.csv.gz");
  GDALDatasetUniquePtr ds = open_vector(set, "test set");
  std::string incidents = "Month,Crime type,address\n", suspects = "ref,home\n";
  int k = 0;
  for (auto& f : *pick_layer(*ds, "", set)) {
    std::string a = f->GetFieldAsString("address");
    a = std::regex_replace(a, std::regex("\""), "");
    if (k < 600) incidents += "2024-0" + std::to_string(1 + k % 6) + ",Robbery,\"" + a + "\"\n";
    else if (k < 1400) suspects += std::to_string(k) + ",\"" + a + "\"\n";
    else break;
    ++k;
  }
  incidents += "2024-01,Robbery,\"\"\n";  // no address: rejected with a reason
  write_file(dir, "incidents.csv", incidents);
  write_file(dir, "suspects.csv", suspects);
  const std::string config = write_file(dir, "run.toml",
      "output = \"" + pack + "\"\ndate = \"2024-07-01\"\nsteps = [\"areas\", \"suspects\"]\n"
      "[incidents]\nsources = [\"incidents.csv\"]\naddress_column = \"address\"\n"
      "[geocode]\npostcodes = \"" + shared_path("codepoint-open/ng.csv") + "\"\nlocalities = \"" +
      shared_path("codepoint-open/codelist.csv") + "\"\n"
      "[suspects]\nsources = [\"suspects.csv\"]\naddress_column = \"home\"\nmin_count = 5\n"
      "[boundaries]\nsource = \"" + source_path("shapefiles/nottinghamshire_lsoa11.shp") + "\"\n"
      "[imd]\nranks = \"" + source_path("examples/ashfield-mansfield/imd2019/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv") + "\"\n");
  const CliResult r = run_hotspot("run " + config);
  INFO(r.out);
  REQUIRE(r.exit_code == 0);
  const std::string out = pack + "/2024-07-01/";
  const std::string summary = slurp(out + "summary.json");
  // 601 rows: every one loaded or rejected with a reason (no postcode, street or town; empty; outside).
  CHECK_THAT(summary, Catch::Contains("\"read\":601") && Catch::Contains("\"empty address\":1") &&
                          Catch::Contains("\"address_columns\":[") && Catch::Contains("\"min_score\":50"));
  CHECK_THAT(r.out, Catch::Contains("suspects: 800 rows"));
  // brief.html states each geocoded set's hit rate against the 85% rule of thumb, from the row
  // accounting: the incidents' (loaded of read, none filtered) and the suspects' (placed of 800).
  const std::string brief = slurp(out + "brief.html");
  CPLJSONDocument doc;
  REQUIRE(doc.LoadMemory(summary));
  const GInt64 loaded = doc.GetRoot().GetLong("rows/loaded");
  CHECK_THAT(brief, Catch::Contains(fmt::format("Geocoding: {} of 601 incident addresses placed ({:.1f}%)", count_text(static_cast<uint64_t>(loaded)),
                                                100.0 * static_cast<double>(loaded) / 601)));
  // `hotspot run` warns, in the terminal and the brief, when under 85% of the addresses are placed.
  const bool low = static_cast<double>(loaded) / 601 < 0.85;
  CHECK(low == (r.out.find("of incident addresses placed, under the 85%") != std::string::npos));
  CHECK(low == (brief.find("Warning: only ") != std::string::npos));
  {  // half the rows addresses no gazetteer can place: the warning must show
    std::string half = "Month,Crime type,address\n";
    for (int i = 0; i < 100; ++i) half += "2024-01,Robbery,\"" + std::to_string(i) + " Nowhere Lane, Atlantis\"\n";
    const size_t body = incidents.find('\n') + 1;
    half += incidents.substr(body, incidents.rfind('\n', body + 4000) + 1 - body);  // whole rows only
    write_file(dir, "half.csv", half);
    std::string cfg = slurp(config);
    cfg = std::regex_replace(cfg, std::regex("incidents.csv"), "half.csv");
    cfg = std::regex_replace(cfg, std::regex("steps = \\[\"areas\", \"suspects\"\\]"), "steps = [\"areas\"]");
    const CliResult h = run_hotspot("run " + write_file(dir, "half.toml", cfg) + " --output " + test::fixture_dir("cli_run_geocode_half"));
    CHECK(h.exit_code == 0);
    CHECK_THAT(h.out, Catch::Contains("of incident addresses placed, under the 85% commonly cited"));
  }
  std::smatch suspects_placed;
  REQUIRE(std::regex_search(r.out, suspects_placed, std::regex("suspects: 800 rows, ([0-9,]+) placed")));
  CHECK_THAT(brief, Catch::Contains(suspects_placed[1].str() + " of 800 suspects&#39; addresses placed ("));
  // Suspects: no published count between 1 and 4, and no address anywhere.
  const std::string lsoa = slurp(out + "suspects/lsoa_suspects.csv");
  CHECK_FALSE(std::regex_search(lsoa, std::regex(",[1-4]\n")));
  CHECK(std::regex_search(lsoa, std::regex(",[5-9]\n|,[1-9][0-9]+\n")));  // some LSOAs have five or more
  CHECK(lsoa.find(" Street") == std::string::npos);
  CHECK(slurp(out + "suspects/suspect_rejects.csv").find(" Street") == std::string::npos);
  CHECK_FALSE(std::regex_search(slurp(out + "suspects/deprivation_suspects.csv"), std::regex(",[1-4],")));

  // Every file of the pack: no suspect's address (nor its street part) anywhere.
  std::vector<std::string> homes;
  for (size_t at = suspects.find('\n') + 1; at < suspects.size(); at = suspects.find('\n', at) + 1) {
    const size_t q = suspects.find('"', at);
    homes.push_back(suspects.substr(q + 1, suspects.find('"', q + 1) - q - 1));
  }
  REQUIRE(homes.size() == 800);
  size_t files = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(out)) {
    if (!e.is_regular_file()) continue;
    ++files;
    const std::string text = slurp(e.path().string());
    for (const std::string& home : homes) {
      INFO(e.path().string() << " holds " << home);
      CHECK(text.find(home) == std::string::npos);
      CHECK(text.find(home.substr(0, home.find(','))) == std::string::npos);
    }
  }
  CHECK(files > 10);
  // No suspect count from 1 to 4 in any table, and no published total gives a blank back: in
  // each group with a published total, the k blanked counts sum to B = total - those shown, and
  // each is known exactly when k = 1, B = k (all 1) or B = 4k (all 4).
  init_gdal();
  const auto column = [&](const std::string& file, const char* field) {
    GDALDatasetUniquePtr t = open_vector(out + "suspects/" + file, file);
    std::vector<std::optional<uint64_t>> v;
    for (auto& f : *t->GetLayer(0)) {
      const int i = f->GetFieldIndex(field);
      REQUIRE(i >= 0);
      if (f->IsFieldSetAndNotNull(i) && std::string(f->GetFieldAsString(i)) != "") {
        v.push_back(static_cast<uint64_t>(f->GetFieldAsInteger64(i)));
      } else {
        v.push_back(std::nullopt);
      }
    }
    return v;
  };
  const auto protects = [](const std::vector<std::optional<uint64_t>>& members, std::optional<uint64_t> total,
                           const std::string& what) {
    INFO(what);
    uint64_t shown = 0, blanks = 0;
    for (const auto& m : members) {
      if (m) {
        CHECK((*m == 0 || *m >= 5));
        shown += *m;
      } else {
        ++blanks;
      }
    }
    if (!total) {
      CHECK(blanks >= 1);  // a blanked total cannot be its members' sum if all were shown
      return;
    }
    REQUIRE(*total >= shown);
    const uint64_t b = *total - shown;
    if (blanks == 0) CHECK(b == 0);
    if (blanks > 0) CHECK((blanks > 1 && b != blanks && b != 4 * blanks));
  };
  const std::string rejects = slurp(out + "suspects/suspect_rejects.csv");
  const uint64_t placed = 800 - (static_cast<uint64_t>(std::count(rejects.begin(), rejects.end(), '\n')) - 1);
  CHECK_THAT(r.out, Catch::Contains(std::to_string(placed) + " placed"));
  const auto lsoa_suspects = column("lsoa_suspects.csv", "suspects");
  const auto lsoa_decile = column("lsoa_suspects.csv", "imd_decile");
  const auto decile_suspects = column("deprivation_suspects.csv", "suspects");
  protects(lsoa_suspects, placed, "LSOAs within the suspects placed");
  const auto cells = column("residence_cells.csv", "residents");
  protects(cells, placed, "cells within the suspects placed");
  std::vector<std::optional<uint64_t>> deciles = decile_suspects;
  uint64_t without_imd = 0;
  bool without_imd_blank = false;
  for (size_t a = 0; a < lsoa_suspects.size(); ++a) {
    if (lsoa_decile[a]) continue;
    if (lsoa_suspects[a]) without_imd += *lsoa_suspects[a];
    without_imd_blank = without_imd_blank || !lsoa_suspects[a];
  }
  if (without_imd > 0 || without_imd_blank) deciles.push_back(without_imd_blank ? std::nullopt : std::optional<uint64_t>(without_imd));
  protects(deciles, placed, "deciles within the suspects placed");
  for (uint64_t d = 1; d <= 10; ++d) {
    std::vector<std::optional<uint64_t>> members;
    for (size_t a = 0; a < lsoa_suspects.size(); ++a) {
      if (lsoa_decile[a] == d) members.push_back(lsoa_suspects[a]);
    }
    protects(members, decile_suspects[d - 1], "LSOAs of decile " + std::to_string(d));
  }
  // The residence layer blanks the shares, difference and ratio wherever it blanks residents.
  const auto share = column("residence_cells.csv", "resident_share"), diff = column("residence_cells.csv", "difference");
  for (size_t c = 0; c < cells.size(); ++c) {
    if (!cells[c]) {
      CHECK_FALSE(diff[c]);
      CHECK_FALSE(share[c]);
    }
  }
}
