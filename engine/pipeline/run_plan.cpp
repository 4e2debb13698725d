// SPDX-License-Identifier: Apache-2.0
#include "pipeline/run_plan.hpp"

#include <algorithm>
#include <iterator>
#include <map>

#include <fmt/format.h>

#include "core/calendar.hpp"
#include "core/free_memory.hpp"
#include "core/version.hpp"
#include "inputs/crime_types.hpp"
#include "outputs/charts/charts.hpp"
#include "outputs/numbers.hpp"
#include "outputs/output_folder.hpp"
#include "outputs/postgis_pack.hpp"
#include "outputs/qgis_project.hpp"
#include "outputs/vector_layer.hpp"
#include "outputs/run_record.hpp"
#include "outputs/styles.hpp"
#include "pipeline/change_options.hpp"
#include "pipeline/pack_maps.hpp"

namespace hotspot {
namespace {

CPLJSONObject inputs_json(const RunPlan& plan, const StudyData& study) {
  const StudyInputs& in = plan.inputs;
  CPLJSONObject o;
  o.Add("incidents", json_strings(study.load.incidents.files));
  o.Add("boundaries", in.boundaries);
  if (!in.study_area.empty()) o.Add("study_area", in.study_area);
  if (!in.columns.address.empty()) o.Add("address_columns", json_strings(in.columns.address));
  if (in.geocode.given()) {
    CPLJSONObject g;
    g.Add("postcodes", in.geocode.postcodes);
    if (!in.geocode.streets.empty()) g.Add("streets", in.geocode.streets);
    if (!in.geocode.addresses.empty()) g.Add("addresses", in.geocode.addresses);
    if (!in.geocode.localities.empty()) g.Add("localities", in.geocode.localities);
    g.Add("min_score", in.geocode.min_score);
    o.Add("geocode", g);
  }
  o.Add("imd", in.imd);
  if (!in.imd_domains.empty()) o.Add("imd_domains", in.imd_domains);
  if (!in.population.empty()) o.Add("population", in.population);
  if (!in.imd_areas.empty()) o.Add("imd_areas", in.imd_areas);
  CPLJSONObject filters;
  filters.Add("types", plan.types_spec);
  if (in.filter.types) filters.Add("type_names", json_strings({in.filter.types->begin(), in.filter.types->end()}));
  if (in.filter.from_month) filters.Add("from", format_month(in.filter.from_month));
  if (in.filter.to_month) filters.Add("to", format_month(in.filter.to_month));
  if (in.filter.from_day) filters.Add("from", date_text(*in.filter.from_day));
  if (in.filter.to_day) filters.Add("to", date_text(*in.filter.to_day));
  o.Add("filters", filters);
  return o;
}

CPLJSONObject study_area_json(const RunPlan& plan, const StudyData& study) {
  CPLJSONObject o;
  o.Add("areas", static_cast<GInt64>(study.boundaries.areas.size()));
  o.Add("area_km2", round_to(study.boundaries.total_area_m2() / 1e6, 3));
  const auto& districts = plan.inputs.boundary_options.districts;
  if (!districts.empty()) o.Add("districts", json_strings(districts));
  o.Add("code_field", study.boundaries.code_field);
  o.Add("edge_rule", "a point within 1 mm of an edge belongs to the area holding it moved onto the edge and a step "
                     "north-east (docs/method.md#point-in-lsoa)");
  o.Add("incidents_on_edges", static_cast<GInt64>(study.incidents_on_edges));
  o.Add("areas_without_imd", json_strings(study.codes_without_imd));
  if (study.study_area) {
    o.Add("study_area_polygons", static_cast<GInt64>(study.study_area->areas.size()));
    o.Add("study_area_km2", round_to(study.study_area->total_area_m2() / 1e6, 3));
  }
  return o;
}

}  // namespace

std::string page_title(const RunPlan& plan) { return plan.title.empty() ? "hotspot " + plan.command : plan.title; }

Stage* RunPlan::stage(const std::string& name) const {
  for (const auto& s : stages) {
    if (s->info().name == name) return s.get();
  }
  return nullptr;
}

std::vector<std::string> RunPlan::step_names() const {
  std::vector<std::string> out;
  for (const auto& s : stages) out.push_back(s->info().name);
  return out;
}

RunReport execute(const RunPlan& plan, const Progress& progress) {
  const PackTarget target(plan.database.empty() ? plan.output_dir : plan.database, plan.schema);
  if (target.database()) set_layer_format(LayerFormat::gpkg);  // the layers reach PostGIS from the pack's GeoPackage
  OutputFolder out(target.folder());
  RunReport report;
  // Work that needs only the places (a stage's grid) runs while the incidents load.
  const PlacesReady places_ready = [&](const StudyData& places) {
    for (const auto& s : plan.stages) s->places_ready(places);
  };
  report.study = load_study(plan.inputs, progress, places_ready);
  const StudyData& study = report.study;

  report.summary.Add("hotspot", std::string(version()));
  report.summary.Add("commit", std::string(build_commit()));
  report.summary.Add("command", plan.command);
  if (!plan.title.empty()) report.summary.Add("title", plan.title);
  report.summary.Add("inputs", inputs_json(plan, study));
  report.summary.Add("study_area", study_area_json(plan, study));
  report.summary.Add("rows", rows_json(study.load.account));
  report.summary.Add("warnings", json_strings(study.warnings));
  if (target.database()) report.summary.Add("schema", plan.schema);  // not the connection: it may hold a password

  for (const auto& stage : plan.stages) {
    StageContext context{out, plan.step_folders ? stage->info().name + "/" : "", progress, &report.stages};
    const std::string step = "step " + stage->info().name;
    hotspot::report(progress, step, 0.0);
    StageReport r = stage->run(study, context);
    hotspot::report(progress, step, 1.0);
    report.summary.Add(r.name, r.summary);
    report.stages.push_back(std::move(r));
    release_free_memory(study.load.incidents.size());  // what the step freed, before the next step's peak
  }
  // The maps draw from files written as their layers closed; the writer thread may still be
  // writing the published files while they are drawn, and they are whole before map.html reads them.
  report.map_context = map_context(plan.inputs, study);
  draw_maps(report.map_context, report.stages, out, progress);
  out.finish_writing();
  hotspot::report(progress, "writing pages", 0.0);
  const WebPage web = web_map(report.stages, out, page_title(plan), plan.marking);
  if (!web.layers.empty()) write_text(out.stage("map.html"), map_html(web));
  // A GIS user's way in: every layer in one QGIS project (a database's tables have none: its
  // layers are opened from the database).
  if (!out.layers().empty() && !target.database()) {
    write_text(out.stage("pack.qgs"), qgis_project(page_title(plan), report.map_context.extent, out.layers()));
  }
  write_rejects(out.stage("rejects.csv"), study.load.account, study.load.incidents.files);
  // brief.html, summary.txt and summary.json are staged last: the outputs they list are complete.
  for (const char* name : {"brief.html", "summary.txt", "summary.json"}) out.stage(name);
  const std::vector<std::string> names = out.staged_names();
  report.summary.Add("outputs", json_strings(names));
  write_text(out.stage("brief.html"), brief_html(brief_page(plan, report)));
  std::string text = summary_text(report);  // ends with "wrote:", the outputs not yet in place
  for (const auto& name : names) text += "  " + name + "\n";
  write_text(out.stage("summary.txt"), text);
  write_json(out.stage("summary.json"), report.summary);
  if (GDALDataset* gpkg = out.open_geopackage()) {  // the run record travels with the layers
    gpkg->SetMetadataItem("hotspot_run_record", json_text(report.summary).c_str());
  }
  hotspot::report(progress, "writing pages", 1.0);
  hotspot::report(progress, "putting the pack in place", 0.0);
  report.outputs = target.publish(out.commit(), progress);
  hotspot::report(progress, "putting the pack in place", 1.0);
  return report;
}

namespace {

const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};

std::string month_name(int yyyymm) { return fmt::format("{} {}", kMonths[yyyymm % 100 - 1], yyyymm / 100); }

// The period the incidents cover, as loaded: "July 2023 to June 2024".
std::string period_text(const StudyData& study) {
  const auto [first, last] = month_range(study.load.incidents.month);
  if (!first) return "";
  return first == last ? month_name(first) : month_name(first) + " to " + month_name(last);
}

std::string signed_percent(double change) { return fmt::format("{:+.1f}%", 100.0 * change); }

// The current period against the previous one and, when the data hold them, the same months a
// year before: the sentences a needs assessment quotes.
// The steps comparing periods have split them already (split_periods accepted these incidents).
std::string period_change_text(const StudyData& study, const std::string& current_from) {
  const Incidents& inc = study.load.incidents;
  const Periods p = split_periods(inc, current_from, study.as_of, "brief");
  uint64_t current = 0, previous = 0, baseline = 0;
  // The same stretch a year before: months 12 earlier, or days 364 earlier (so weekdays line up).
  bool year_before_held = false;
  if (p.in_days) {
    year_before_held = p.first_day <= p.current_from_day - 364;
    for (size_t i = 0; i < inc.size(); ++i) {
      const int32_t d = floor_day(inc.start[i]);
      (d >= p.current_from_day ? current : previous) += 1;
      baseline += d >= p.current_from_day - 364 && d <= p.last_day - 364;
    }
  } else {
    year_before_held = p.first <= p.current_from - 100;
    for (int m : inc.month) {
      if (!m) continue;
      (m >= p.current_from ? current : previous) += 1;
      baseline += m >= p.current_from - 100 && m <= p.last - 100;
    }
  }
  const double unit = p.in_days ? 365.2425 / 12 : 1;  // per day, or per month
  const char* per = p.in_days ? "a day" : "a month";
  const double now = static_cast<double>(current) / (p.current_months * unit);
  const double before = static_cast<double>(previous) / (p.previous_months * unit);
  std::string text = fmt::format(
      "{} to {}: {} incidents, {:.{}f} {}, against {:.{}f} {} in the {} before ({} {}).",
      p.in_days ? date_text(p.current_from_day) : month_name(p.current_from),
      p.in_days ? date_text(p.last_day) : month_name(p.last), count_text(current), now, p.in_days ? 1 : 0, per, before,
      p.in_days ? 1 : 0, per, p.length_text(false), previous ? signed_percent(now / before - 1) : "no earlier incidents", per);
  if (year_before_held) {
    text += fmt::format(" The same {} a year before: {} incidents ({}).", p.in_days ? "days" : "months", count_text(baseline),
                        baseline ? signed_percent(static_cast<double>(current) / static_cast<double>(baseline) - 1) : "none then");
  } else {
    text += fmt::format(" The data do not reach back to the same {} a year before, so there is no year-on-year baseline.",
                        p.in_days ? "days" : "months");
  }
  return text;
}

// The incidents loaded per month.
BriefFigure monthly_chart(const StudyData& study) {
  std::map<int, double> counts;
  for (int m : study.load.incidents.month) {
    if (m) counts[m] += 1;
  }
  ChartData chart{.title = "Incidents per month", .y_label = "incidents"};
  if (!counts.empty()) {
    for (int m = counts.begin()->first; m <= counts.rbegin()->first; m = next_month(m)) {
      chart.labels.push_back(fmt::format("{:.3} {:02d}", kMonths[m % 100 - 1], m / 100 % 100));
      chart.values.push_back(counts.count(m) ? counts[m] : 0.0);
    }
  }
  return {line_chart_png(chart), "Incidents loaded per month"};
}

// A stage's summary as (key, value) rows, its scalars only, nested keys joined with '.'.
void flatten(const CPLJSONObject& o, const std::string& prefix, std::vector<std::vector<std::string>>& rows) {
  for (const CPLJSONObject& child : o.GetChildren()) {
    const std::string key = prefix.empty() ? child.GetName() : prefix + "." + child.GetName();
    switch (child.GetType()) {
      case CPLJSONObject::Type::Object: flatten(child, key, rows); break;
      case CPLJSONObject::Type::Array: break;
      default: rows.push_back({key, child.ToString()});
    }
  }
}

}  // namespace

BriefPage brief_page(const RunPlan& plan, const RunReport& report) {
  const StudyData& study = report.study;
  const RowAccount& a = study.load.account;
  BriefPage page;
  page.title = page_title(plan);
  page.period = period_text(study);
  page.marking = plan.marking;
  page.footer = "hotspot " + std::string(version());
  std::string headline = html_paragraph(fmt::format(
      "{} incidents ({}) in {} areas covering {:.1f} km2{}.", count_text(a.loaded), plan.types_spec,
      count_text(study.boundaries.areas.size()), study.boundaries.total_area_m2() / 1e6,
      page.period.empty() ? "" : ", " + page.period));
  for (const StageReport& s : report.stages) {  // the steps comparing periods share [change] current_from
    const std::string from = s.summary.GetString("current_from");
    if (!from.empty()) {
      headline += html_paragraph(period_change_text(study, from));
      break;
    }
  }
  for (const StageReport& s : report.stages) {
    for (const std::string& line : s.headline) headline += html_paragraph(line);
  }
  page.sections.push_back({"headline", "Headline", headline, {monthly_chart(study)}});
  // The order a tasking meeting reads in, whatever the order of the steps.
  std::vector<BriefSection> sections;
  for (const StageReport& s : report.stages) sections.insert(sections.end(), s.brief.begin(), s.brief.end());
  const std::vector<std::string> order = {"hotspots", "grid", "deprivation", "lsoa-stats", "clusters", "suspects"};
  const auto rank = [&](const BriefSection& b) { return std::find(order.begin(), order.end(), b.id) - order.begin(); };
  std::stable_sort(sections.begin(), sections.end(), [&](const auto& x, const auto& y) { return rank(x) < rank(y); });
  page.sections.insert(page.sections.end(), sections.begin(), sections.end());

  std::vector<std::vector<std::string>> rows = {{"rows read", count_text(a.read)},
                                                {"filtered by crime type", count_text(a.filtered_by_type)},
                                                {"filtered by month", count_text(a.filtered_by_month)}};
  if (a.filtered_by_force) rows.push_back({"filtered by force (Falls within)", count_text(a.filtered_by_force)});
  for (const auto& [reason, n] : a.rejected_by_reason()) rows.push_back({"rejected: " + reason, count_text(n)});
  rows.push_back({"loaded", count_text(a.loaded)});
  std::string data = html_paragraph("Every row of the incident files is accounted for: loaded, filtered out, or rejected "
                                    "with its file, line and reason in rejects.csv.") +
                     html_table({"rows", "count"}, rows, {1});
  data += html_paragraph("police.uk publishes each crime at one of a fixed set of anonymous map points near where it "
                         "happened (\"On or near ...\"), not at its address, so many crimes share a point; hotspots are "
                         "drawn from those points. Rates per 1,000 residents use the IoD2019 mid-2015 population "
                         "denominators.");
  if (!plan.inputs.columns.address.empty()) {
    data += html_paragraph("Geocoding: " + hit_rate_text(a.loaded, a.read - a.filtered(), "incident addresses"));
  }
  for (const std::string& w : study.warnings) data += html_paragraph("Warning: " + w);
  page.sections.push_back({"data", "Data and caveats", data});

  std::string method;
  for (const StageReport& s : report.stages) {
    std::vector<std::vector<std::string>> params;
    flatten(s.summary, "", params);
    if (params.empty()) continue;
    method += "<h3>" + html_escape(s.name) + "</h3>\n" + html_table({"figure", "value"}, params);
  }
  page.sections.push_back({"method", "Method", html_paragraph("The figures each step computed, as summary.json holds "
                                                              "them; docs/method.md sets out each rule.") + method});
  return page;
}

std::string summary_text(const RunReport& report) {
  const StudyData& s = report.study;
  const RowAccount& a = s.load.account;
  std::string text;
  auto out = std::back_inserter(text);
  fmt::format_to(out, "rows read  {:>10}\n", count_text(a.read));
  fmt::format_to(out, "  filtered {:>10}  (crime type {}, month {}{})\n", count_text(a.filtered()),
                 count_text(a.filtered_by_type), count_text(a.filtered_by_month),
                 a.filtered_by_force ? ", force " + count_text(a.filtered_by_force) : "");
  fmt::format_to(out, "  rejected {:>10}\n", count_text(a.rejects.size()));
  for (const auto& [reason, n] : a.rejected_by_reason()) fmt::format_to(out, "    {:>10}  {}\n", count_text(n), reason);
  fmt::format_to(out, "  loaded   {:>10}  in {} areas\n", count_text(a.loaded), count_text(s.boundaries.areas.size()));
  for (const auto& stage : report.stages) text += stage.text;
  fmt::format_to(out, "\nwrote:\n");
  for (const auto& path : report.outputs) fmt::format_to(out, "  {}\n", path);
  return text;
}

}  // namespace hotspot
