// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <map>

#include "core/gdal_handles.hpp"
#include "inputs/csv_records.hpp"
#include "inputs/incidents.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;

namespace {

// The physical line (header = 1) on which each record id "R<k>" is written: the file split at
// LF, CRLF and CR by hand, independently of the scan.
std::map<std::string, uint64_t> lines_of_ids(const std::string& text) {
  std::map<std::string, uint64_t> at;
  uint64_t line = 1;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n' || text[i] == '\r') {
      const std::string l = text.substr(start, i - start);
      if (l.rfind('R', 0) == 0) at.emplace(l.substr(0, l.find_first_of(",;")), line);
      if (i < text.size() && text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      ++line;
      start = i + 1;
    }
  }
  return at;
}

}  // namespace

TEST_CASE("csv records: the scan finds every record GDAL reads, on its true line", "[inputs][csv]") {
  const std::string dir = test::fixture_dir("csv_records");
  const std::map<std::string, std::string> files = {
      {"blank_lines", "ID,B,C\nR1,x,y\n\nR2,x,y\n\n\nR3,x,y\n"},
      {"crlf_blank", "ID,B,C\r\nR1,x,y\r\n\r\nR2,x,y\r\nR3,x,y"},
      {"lone_cr", "ID,B,C\rR1,x,y\r\rR2,x,y\r"},
      {"multi_line_field", "ID,B,C\nR1,\"On or near\nPark Road\",y\nR2,x,y\nR3,\"a \"\"quoted\"\"\r\nword\",y\nR4,x,y\n"},
      {"quoted_header", "\"ID\",\"B\",C\nR1,x,y\n"},
      {"semicolons", "ID;B;C\nR1;\"two\nlines\";y\nR2;x;y\n"},
  };
  for (const auto& [name, text] : files) {
    INFO(name);
    const std::string path = test::write_file(dir, name + ".csv", text);
    const auto records = CsvRecords::scan(path);
    REQUIRE(records);
    const auto expected = lines_of_ids(text);
    auto ds = open_vector(path, "test", {"AUTODETECT_TYPE=NO"});
    OGRLayer* layer = ds->GetLayer(0);
    uint64_t features = 0;
    for (auto& f : *layer) {
      ++features;
      const std::string id = f->GetFieldAsString(0);
      INFO("fid " << f->GetFID() << " id " << id);
      REQUIRE(expected.count(id));
      const CsvRecord r = records->record(static_cast<uint64_t>(f->GetFID()));
      CHECK(r.first_line == expected.at(id));
      CHECK_FALSE(r.unbalanced);
    }
    CHECK(features == expected.size());
    CHECK(records->records() == features);
  }
}

TEST_CASE("csv records: a stray quote's run of lines is found, as GDAL merges them", "[inputs][csv]") {
  const std::string dir = test::fixture_dir("csv_records_stray");
  // R1's stray quote runs on through R2 and R3 to R4's; R6 opens a field that never closes.
  const std::string text = "ID,B,C\nR1,x\"y,z\nR2,x,y\nR3,x,y\nR4,a\"b,c\nR5,x,y\nR6,\"x,y\nR7,x,y\n";
  const std::string path = test::write_file(dir, "stray.csv", text);
  const auto records = CsvRecords::scan(path);
  REQUIRE(records);
  auto ds = open_vector(path, "test", {"AUTODETECT_TYPE=NO"});
  std::vector<std::string> ids;
  for (auto& f : *ds->GetLayer(0)) ids.push_back(f->GetFieldAsString(0));
  CHECK(ids == std::vector<std::string>{"R1", "R5", "R6"});  // what GDAL makes of it
  REQUIRE(records->records() == 3);
  const CsvRecord first = records->record(1), middle = records->record(2), last = records->record(3);
  CHECK((first.first_line == 2 && first.lines == 4 && first.unbalanced && first.field == 1));
  CHECK((middle.first_line == 6 && middle.lines == 1 && !middle.unbalanced));
  CHECK((last.first_line == 7 && last.lines == 2 && last.unbalanced));
}

TEST_CASE("incidents: lines after blank and multi-line records are true, and stray quotes reject their lines",
          "[inputs][incidents][csv]") {
  const std::string dir = test::fixture_dir("incidents_csv_lines");
  const std::string header = "Crime ID,Month,Longitude,Latitude,Location,Crime type\n";
  const auto row = [](int id, const std::string& lon, const std::string& location) {
    return "R" + std::to_string(id) + ",2024-01," + lon + ",53.1," + location + ",Robbery\n";
  };
  std::string csv = header;
  csv += row(1, "-1.25", "On or near Park Road");      // line 2 loaded
  csv += "\n\n";                                        // lines 3-4 blank
  csv += row(2, "", "On or near Park Road");           // line 5 no coordinates
  csv += row(3, "-1.25", "\"On or near\nPark Road\""); // lines 6-7, one record, loaded
  csv += row(4, "x", "On or near Park Road");          // line 8 unparseable number
  csv += row(5, "-1.25", "On or near \"Park Road");    // line 9: a stray quote...
  csv += row(6, "-1.25", "On or near Park Road");      // line 10 ... swallows this line
  csv += row(7, "-1.25", "On or near Park\" Road");    // line 11 ... up to this one
  csv += row(8, "", "On or near Park Road");           // line 12 no coordinates
  const std::string path = test::write_file(dir, "lines.csv", csv);
  const IncidentLoad load = read_incidents({path}, {}, {});
  const RowAccount& a = load.account;
  CHECK(a.read == 8);  // the data rows, blank lines aside, each stray-quoted line counted
  CHECK(a.loaded == 2);
  CHECK(a.balanced());
  REQUIRE(a.rejects.size() == 6);
  std::vector<uint64_t> lines;
  for (size_t i = 0; i < a.rejects.size(); ++i) lines.push_back(a.rejected(i).line);
  CHECK(lines == std::vector<uint64_t>{5, 8, 9, 10, 11, 12});
  CHECK(a.rejected(0).reason == "no coordinates");
  CHECK(a.rejected(1).reason == "unparseable number");
  for (size_t i : {2, 3, 4}) {
    CHECK(a.rejected(i).column == "Location");
    CHECK_THAT(std::string(a.rejected(i).reason), Catch::StartsWith("unbalanced quote"));
  }
  // Loaded rows keep their lines too.
  CHECK(load.incidents.line == std::vector<uint64_t>{2, 6});
}

TEST_CASE("incidents: a file whose every other line holds a stray quote accounts for all its lines", "[inputs][incidents][csv]") {
  const std::string dir = test::fixture_dir("incidents_stray_quotes");
  std::string csv = "Crime ID,Month,Longitude,Latitude,Location,Crime type\n";
  for (int i = 0; i < 2000; ++i) {
    csv += "R" + std::to_string(i) + ",2024-01,-1.25,53.1,On or near " + (i % 2 ? "Park Road" : "\"Park Road") + ",Robbery\n";
  }
  const IncidentLoad load = read_incidents({test::write_file(dir, "stray.csv", csv)}, {}, {});
  const RowAccount& a = load.account;
  CHECK(a.read == 2000);
  CHECK(a.balanced());
  // Lines 2, 3, 4 run together (quotes on 2 and 4), 5 stands alone, 6-8 run together, ...
  CHECK(a.loaded == 500);
  CHECK(a.rejects.size() == 1500);
  for (size_t i = 0; i < a.rejects.size(); ++i) {
    CHECK_THAT(std::string(a.rejected(i).reason), Catch::StartsWith("unbalanced quote"));
  }
}

TEST_CASE("rejects are stored in 16 bytes each", "[inputs][incidents]") {
  STATIC_REQUIRE(sizeof(Reject) == 16);
  RowAccount a;
  for (uint64_t i = 0; i < 100000; ++i) a.reject(0, i + 2, i % 2 ? "Longitude" : "Latitude", "no coordinates");
  CHECK(a.rejects.capacity() * sizeof(Reject) < 100000 * 40);
  CHECK(a.rejected(99999).column == "Longitude");
  CHECK(a.rejected(99998).column == "Latitude");
  CHECK(a.rejected_by_reason() == std::map<std::string, uint64_t>{{"no coordinates", 100000}});
}
