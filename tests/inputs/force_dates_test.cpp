// SPDX-License-Identifier: Apache-2.0
// The force-style extract made by tests/data/make_force_incidents.py, checked against the answers
// that script computed on its own (force_incidents_expected.json): every row accounted for, each
// malformed date rejected with its line, column and reason, the 14-day comparison's counts and
// the hour-by-day table with aoristic weights.
#include <catch2/catch.hpp>

#include <cpl_json.h>

#include "analyses/time/week_hours.hpp"
#include "core/calendar.hpp"
#include "inputs/crime_types.hpp"
#include "pipeline/indicators_stage.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;

namespace {

CPLJSONObject expected() {
  CPLJSONDocument doc;
  REQUIRE(doc.Load(test::source_path("tests/data/force_incidents_expected.json")));
  return doc.GetRoot();
}

StudyInputs force_inputs() {
  StudyInputs in;
  in.incidents = {test::source_path("tests/data/force_incidents.csv")};
  in.columns.x = "Easting";
  in.columns.y = "Northing";
  in.columns.from = "Committed from";
  in.columns.time = "From time";
  in.columns.to = "Committed to";
  in.columns.to_time = "To time";
  in.boundaries = test::source_path("shapefiles/nottinghamshire_lsoa11.shp");
  return in;
}

const StudyData& force_study() {
  static const StudyData s = load_study(force_inputs());
  return s;
}

}  // namespace

TEST_CASE("force dates: every row is accounted for and each malformed date is rejected with its reason", "[timing][inputs]") {
  const CPLJSONObject e = expected();
  const RowAccount& a = force_study().load.account;
  CHECK(a.read == static_cast<uint64_t>(e.GetInteger("rows")));
  CHECK(a.loaded == static_cast<uint64_t>(e.GetInteger("loaded")));
  CHECK(a.balanced());
  const CPLJSONArray rejects = e.GetArray("rejects");
  REQUIRE(a.rejects.size() == static_cast<size_t>(rejects.Size()));
  for (int k = 0; k < rejects.Size(); ++k) {
    const RejectView r = a.rejected(static_cast<size_t>(k));
    INFO("line " << rejects[k].GetInteger("line") << ": " << rejects[k].GetString("reason"));
    CHECK(r.line == static_cast<uint64_t>(rejects[k].GetInteger("line")));
    CHECK(r.column == rejects[k].GetString("column"));
    CHECK_THAT(std::string(r.reason), Catch::StartsWith(rejects[k].GetString("reason")));
  }
  // Every incident's window is [start, end) with end after start, and its month is its start's.
  const Incidents& inc = force_study().load.incidents;
  REQUIRE(inc.dated);
  for (size_t i = 0; i < inc.size(); ++i) {
    REQUIRE(inc.end[i] > inc.start[i]);
    REQUIRE(inc.month[i] == yyyymm_of(floor_day(inc.start[i])));
  }
}

TEST_CASE("force dates: the 14-day comparison counts what the generator counted", "[timing][places]") {
  const CPLJSONObject e = expected();
  StudyData study = load_study(force_inputs());
  study.as_of = parse_iso_date(e.GetString("as_of"));
  const CPLJSONObject counts = e.GetObj("counts_previous_last");
  for (const CPLJSONObject& type : counts.GetChildren()) {
    INFO(type.GetName());
    IndicatorsParams p;
    p.groups = {type.GetName()};
    p.baseline = "the 14 days before";
    p.current = "last 14 days";
    const IndicatorTable t = indicator_table(study, p);
    CHECK(span_text(t.current) == e.GetString("last_14_days"));
    CHECK(span_text(t.baseline) == e.GetString("previous_14_days"));
    REQUIRE(t.rows.size() == 1);
    CHECK(t.rows[0].comparison.baseline == static_cast<uint64_t>(type.ToArray()[0].ToInteger()));
    CHECK(t.rows[0].comparison.current == static_cast<uint64_t>(type.ToArray()[1].ToInteger()));
  }
  // Same fortnight last year lies outside the data: refused, naming the days held.
  IndicatorsParams p;
  p.baseline = "same fortnight last year";
  p.current = "last 14 days";
  CHECK_THROWS_WITH(indicator_table(study, p), Catch::Contains("2023-06-19..2023-07-02") && Catch::Contains("2024-01-01..2024-06-30"));
  // Police.uk data (months only) refuse periods in days, saying why.
  StudyInputs months;
  months.incidents = {test::source_path("examples/ashfield-mansfield/police-uk")};
  months.boundaries = test::source_path("shapefiles/nottinghamshire_lsoa11.shp");
  months.filter.types = parse_crime_types("Robbery", "--types");
  CHECK_THROWS_WITH(indicator_table(load_study(months), p), Catch::Contains("carry months only"));
}

TEST_CASE("force dates: the hour-by-day table equals the generator's minute-by-minute spreading", "[timing]") {
  const CPLJSONObject e = expected();
  const CPLJSONArray want = e.GetArray("week_hours_all");
  REQUIRE(want.Size() == 168);
  const Incidents& inc = force_study().load.incidents;
  WeekHours t;
  for (size_t i = 0; i < inc.size(); ++i) add_aoristic(t, inc.start[i], inc.end[i]);
  for (int k = 0; k < 168; ++k) {
    INFO(kWeekdayNames[k / 24] << " " << k % 24 << ":00");
    CHECK(t.cells[static_cast<size_t>(k)] == Approx(want[k].ToDouble()).margin(1e-6));
  }
  CHECK(t.total() == Approx(static_cast<double>(inc.size())));
}
