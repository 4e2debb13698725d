// SPDX-License-Identifier: Apache-2.0
// Stage "timing": when violence happens. An hour-of-day by day-of-week table per area (the study
// area, each district, each place named, and in a run each tasking hotspot), each incident spread over its window with aoristic
// weights (analyses/time/week_hours.hpp): timing.csv, a heat table and a chart in the brief.
#include <iterator>

#include <fmt/format.h>

#include "analyses/time/week_hours.hpp"
#include "core/calendar.hpp"
#include "core/errors.hpp"
#include "outputs/charts/charts.hpp"
#include "outputs/csv_table.hpp"
#include "pipeline/stage.hpp"
#include "pipeline/target_places.hpp"

namespace hotspot {
namespace {

struct TimingParams {
  PlaceDefinitions places;  // wards and polygons profiled beside the study area and its districts
};

struct TimedArea {
  std::string name, kind;  // kind: "study area", "district", "ward", "polygon"
  WeekHours table;
  uint64_t incidents = 0;
  uint64_t exact = 0;  // with a time to the hour or better (a window of at most 60 minutes)
};

std::vector<TimedArea> timed_areas(const StudyData& study, const TimingParams& params,
                                   const std::vector<StageReport>* earlier) {
  const Incidents& inc = study.load.incidents;
  std::vector<TimedArea> areas;
  std::vector<std::vector<uint8_t>> member;
  areas.push_back({"Study area", "study area", {}, 0, 0});
  member.emplace_back(inc.size(), 1);
  for (const auto& [code, name] : district_names(study)) {  // the districts holding incidents
    std::vector<uint8_t> in(inc.size(), 0);
    bool any = false;
    for (size_t i = 0; i < inc.size(); ++i) {
      in[i] = study.boundaries.areas[study.area_of[i]].district_code == code;
      any = any || in[i];
    }
    if (!any) continue;
    areas.push_back({name, "district", {}, 0, 0});
    member.push_back(std::move(in));
  }
  if (!params.places.empty()) {
    for (TargetPlace& p : target_places(params.places, study)) {
      areas.push_back({p.name, p.kind, {}, 0, 0});
      member.push_back(std::move(p.member));
    }
  }
  if (earlier) {  // in a run: the places earlier steps found (the kde step's tasking hotspots)
    for (const StageReport& r : *earlier) {
      for (const FoundPlace& p : r.places) {
        areas.push_back({p.name, p.kind, {}, 0, 0});
        member.push_back(p.member);
      }
    }
  }
  for (size_t a = 0; a < areas.size(); ++a) {
    for (size_t i = 0; i < inc.size(); ++i) {
      if (!member[a][i]) continue;
      add_aoristic(areas[a].table, inc.start[i], inc.end[i]);
      ++areas[a].incidents;
      areas[a].exact += inc.end[i] - inc.start[i] <= 60;
    }
  }
  return areas;
}

CsvTable timing_csv(const std::vector<TimedArea>& areas) {
  CsvTable csv{{"area", "kind", "day_of_week", "hour", "incidents"}, {}};
  for (const TimedArea& a : areas) {
    for (int d = 0; d < 7; ++d) {
      for (int h = 0; h < 24; ++h) {
        csv.rows.push_back({a.name, a.kind, kWeekdayNames[d], fmt::format("{:02d}", h), fixed(a.table.cells[static_cast<size_t>(d * 24 + h)], 4)});
      }
    }
  }
  return csv;
}

// What the brief says of an area: its busiest hour of the week, the share of Friday and Saturday
// nights 22:00-04:00 (the night-time economy's hours), the share with a time to the hour.
struct Peak {
  size_t hour_of_week = 0;
  double night_share = 0, exact_share = 0;
};

Peak peak_of(const TimedArea& a) {
  Peak p;
  for (size_t k = 1; k < 168; ++k) p.hour_of_week = a.table.cells[k] > a.table.cells[p.hour_of_week] ? k : p.hour_of_week;
  double night = 0;
  for (int d : {4, 5}) {
    for (int h = 22; h < 28; ++h) night += a.table.cells[static_cast<size_t>(((d + h / 24) % 7) * 24 + h % 24)];
  }
  const double total = a.table.total();
  p.night_share = total > 0 ? night / total : 0.0;
  p.exact_share = a.incidents ? static_cast<double>(a.exact) / static_cast<double>(a.incidents) : 0.0;
  return p;
}

std::string hour_text(size_t hour_of_week) {
  return fmt::format("{} {:02d}:00-{:02d}:00", kWeekdayNames[hour_of_week / 24], hour_of_week % 24, (hour_of_week + 1) % 24);
}

std::string peak_text(const TimedArea& a) {
  if (!a.incidents) return a.name + ": no incidents.";
  const Peak p = peak_of(a);
  return fmt::format("{}: {} incidents; busiest hour {} ({:.1f}); Friday and Saturday nights 22:00-04:00 (7% of the "
                     "week's hours) hold {:.0f}%; {:.0f}% have a time to the hour.",
                     a.name, count_text(a.incidents), hour_text(p.hour_of_week), a.table.cells[p.hour_of_week],
                     100 * p.night_share, 100 * p.exact_share);
}

// The tasking hotspots in one table: too many for a heat table each.
std::string hotspot_table(const std::vector<TimedArea>& areas) {
  std::vector<std::vector<std::string>> rows;
  for (const TimedArea& a : areas) {
    if (a.kind != "tasking hotspot") continue;
    const Peak p = peak_of(a);
    rows.push_back({a.name, count_text(a.incidents), a.incidents ? hour_text(p.hour_of_week) : "",
                    fmt::format("{:.0f}%", 100 * p.night_share), fmt::format("{:.0f}%", 100 * p.exact_share)});
  }
  if (rows.empty()) return "";
  return html_subheading("Tasking hotspots") +
         html_paragraph("Each hotspot of the kde step, all its incidents in the data's period.") +
         html_table({"Hotspot", "Incidents", "Busiest hour", "Fri/Sat 22:00-04:00", "Timed to the hour"}, rows, {1, 3, 4});
}

std::string heat_table(const TimedArea& a) {
  std::vector<std::string> rows(kWeekdayNames, kWeekdayNames + 7), columns, text;
  for (int h = 0; h < 24; ++h) columns.push_back(fmt::format("{:02d}", h));
  std::vector<double> values(a.table.cells.begin(), a.table.cells.end());
  double top = 0;
  for (double v : values) top = std::max(top, v);
  for (double v : values) text.push_back(top < 10 ? fmt::format("{:.1f}", v) : fmt::format("{:.0f}", v));
  return html_heat_table("Day \\ hour", rows, columns, values, text);
}

BriefFigure hour_chart(const TimedArea& a) {
  ChartData chart;
  chart.title = a.name + ": incidents by hour of day (all days, aoristic)";
  chart.y_label = "incidents";
  for (int h = 0; h < 24; ++h) {
    chart.labels.push_back(fmt::format("{:02d}", h));
    double v = 0;
    for (int d = 0; d < 7; ++d) v += a.table.cells[static_cast<size_t>(d * 24 + h)];
    chart.values.push_back(v);
  }
  return {bar_chart_png(chart), "Incidents by hour of day: " + a.name};
}

class TimingStage final : public StageWith<TimingParams> {
 public:
  const StageInfo& info() const override {
    static const StageInfo i{
        .name = "timing",
        .purpose = "When violence happens: incidents by hour of day and day of week, windows spread by aoristic weights",
        .docs = "docs/method.md#when-violence-happens",
        .writes = "Writes DIR/timing.csv: a row per area (the study area, each district, each place named and,\n"
                  "in a run, each tasking hotspot of the kde step), day of week and hour: the incidents in that\n"
                  "hour, each incident spread over its window (--from-column to --to-column; a date alone is its\n"
                  "whole day) in proportion to the time that falls in each hour (aoristic weights, Ratcliffe 2002);\n"
                  "plus rejects.csv and summary.json. Needs dated incidents.",
        .example = "hotspot timing --incidents tests/data/force_incidents.csv --x Easting --y Northing \\\n"
                   "    --from-column \"Committed from\" --time-column \"From time\" \\\n"
                   "    --to-column \"Committed to\" --to-time-column \"To time\" \\\n"
                   "    --boundaries shapefiles/nottinghamshire_lsoa11.shp --output out/timing"};
    return i;
  }

  void finish(StudyInputs& inputs, bool) override {
    if (inputs.columns.date.empty() && inputs.columns.from.empty()) {
      throw OptionError("incidents.date_column", "", "the timing step needs the incidents' dates and times: name their date column");
    }
  }

  StageReport run(const StudyData& study, StageContext& c) override {
    const std::vector<TimedArea> areas = timed_areas(study, params, c.earlier);
    write_csv(c.out.stage(c.prefix + "timing.csv"), timing_csv(areas));
    StageReport report{"timing", {}, {}};
    report.summary.Add("areas", static_cast<GInt64>(areas.size()));
    report.summary.Add("incidents", static_cast<GInt64>(areas.front().incidents));
    report.summary.Add("with_time_to_the_hour", static_cast<GInt64>(areas.front().exact));
    auto out = std::back_inserter(report.text);
    report.text += "\nwhen (aoristic):\n";
    for (const TimedArea& a : areas) {
      if (a.kind != "tasking hotspot") fmt::format_to(out, "  {}\n", peak_text(a));
    }
    std::string html = html_paragraph(
        "Incidents by day of week and hour of day. An incident known only to a window (between 22:00 and 02:00, or a "
        "date without a time) is spread over the hours of its window in proportion (aoristic weights), so each "
        "incident counts once in all.");
    html += html_subheading("Study area") + html_paragraph(peak_text(areas.front())) + heat_table(areas.front());
    for (size_t a = 1; a < areas.size(); ++a) {
      if (areas[a].kind == "tasking hotspot") continue;
      html += html_subheading(areas[a].name + " (" + areas[a].kind + ")") + html_paragraph(peak_text(areas[a]));
      if (areas[a].kind != "district") html += heat_table(areas[a]);
    }
    html += hotspot_table(areas);
    BriefSection section{"timing", "When violence happens", html, {}};
    section.figures.push_back(hour_chart(areas.front()));
    report.brief.push_back(std::move(section));
    return report;
  }

 protected:
  const OptionSet<TimingParams>& declared() const override {
    static const OptionSet<TimingParams> set = [] {
      OptionSet<TimingParams> s;
      using P = TimingParams;
      const std::string g = "Timing";
      s.add({.section = "timing", .key = "wards", .flag = "--ward", .kind = Kind::texts, .default_text = "none",
             .help = "Wards (names or codes in --wards) tabulated beside the study area and its districts; repeat the flag",
             .example = "Oak Tree", .group = g},
            [](P& p) -> auto& { return p.places.wards; });
      s.add({.section = "timing", .key = "polygons", .flag = "--place-polygons", .kind = Kind::path, .default_text = "none",
             .help = "Polygons (each feature a place, named by its name field) tabulated likewise",
             .example = "estates.geojson", .group = g},
            [](P& p) -> auto& { return p.places.polygons; });
      return s;
    }();
    return set;
  }
};

}  // namespace

std::unique_ptr<Stage> make_timing_stage() { return std::make_unique<TimingStage>(); }

}  // namespace hotspot
