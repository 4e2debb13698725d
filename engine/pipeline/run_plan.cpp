// SPDX-License-Identifier: Apache-2.0
#include "pipeline/run_plan.hpp"

#include <iterator>

#include <fmt/format.h>

#include "inputs/crime_types.hpp"
#include "outputs/numbers.hpp"
#include "outputs/output_folder.hpp"
#include "outputs/run_record.hpp"

namespace hotspot {
namespace {

CPLJSONArray strings(const std::vector<std::string>& items) {
  CPLJSONArray a;
  for (const auto& s : items) a.Add(s);
  return a;
}

CPLJSONObject inputs_json(const RunPlan& plan, const StudyData& study) {
  const StudyInputs& in = plan.inputs;
  CPLJSONObject o;
  o.Add("incidents", strings(study.load.incidents.files));
  o.Add("boundaries", in.boundaries);
  if (!in.study_area.empty()) o.Add("study_area", in.study_area);
  if (!in.columns.address.empty()) o.Add("address_columns", strings(in.columns.address));
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
  CPLJSONObject filters;
  filters.Add("types", plan.types_spec);
  if (in.filter.types) filters.Add("type_names", strings({in.filter.types->begin(), in.filter.types->end()}));
  if (in.filter.from_month) filters.Add("from", format_month(in.filter.from_month));
  if (in.filter.to_month) filters.Add("to", format_month(in.filter.to_month));
  o.Add("filters", filters);
  return o;
}

CPLJSONObject study_area_json(const RunPlan& plan, const StudyData& study) {
  CPLJSONObject o;
  o.Add("areas", static_cast<GInt64>(study.boundaries.areas.size()));
  o.Add("area_km2", round_to(study.boundaries.total_area_m2() / 1e6, 3));
  const auto& districts = plan.inputs.boundary_options.districts;
  if (!districts.empty()) o.Add("districts", strings(districts));
  o.Add("code_field", study.boundaries.code_field);
  o.Add("edge_rule", "a point within 1 mm of an edge belongs to the area holding it moved onto the edge and a step "
                     "north-east (docs/method.md#point-in-lsoa)");
  o.Add("incidents_on_edges", static_cast<GInt64>(study.incidents_on_edges));
  o.Add("areas_without_imd", strings(study.codes_without_imd));
  if (study.study_area) {
    o.Add("study_area_polygons", static_cast<GInt64>(study.study_area->areas.size()));
    o.Add("study_area_km2", round_to(study.study_area->total_area_m2() / 1e6, 3));
  }
  return o;
}

}  // namespace

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
  OutputFolder out(plan.output_dir);
  RunReport report;
  // Work that needs only the places (a stage's grid) runs while the incidents load.
  const PlacesReady places_ready = [&](const StudyData& places) {
    for (const auto& s : plan.stages) s->places_ready(places);
  };
  report.study = load_study(plan.inputs, progress, places_ready);
  const StudyData& study = report.study;

  report.summary.Add("hotspot", "0.1.0");
  report.summary.Add("command", plan.command);
  if (!plan.title.empty()) report.summary.Add("title", plan.title);
  report.summary.Add("inputs", inputs_json(plan, study));
  report.summary.Add("study_area", study_area_json(plan, study));
  report.summary.Add("rows", rows_json(study.load.account));
  report.summary.Add("warnings", strings(study.warnings));

  for (const auto& stage : plan.stages) {
    StageContext context{out, plan.step_folders ? stage->info().name + "/" : "", progress};
    StageReport r = stage->run(study, context);
    report.summary.Add(r.name, r.summary);
    report.stages.push_back(std::move(r));
  }
  write_rejects(out.stage("rejects.csv"), study.load.account, study.load.incidents.files);
  report.summary.Add("outputs", strings(out.staged_names()));  // summary.json itself is staged next
  write_json(out.stage("summary.json"), report.summary);
  report.outputs = out.commit();
  return report;
}

std::string summary_text(const RunReport& report) {
  const StudyData& s = report.study;
  const RowAccount& a = s.load.account;
  std::string text;
  auto out = std::back_inserter(text);
  fmt::format_to(out, "rows read  {:>10}\n", count_text(a.read));
  fmt::format_to(out, "  filtered {:>10}  (crime type {}, month {})\n", count_text(a.filtered()),
                 count_text(a.filtered_by_type), count_text(a.filtered_by_month));
  fmt::format_to(out, "  rejected {:>10}\n", count_text(a.rejects.size()));
  for (const auto& [reason, n] : a.rejected_by_reason()) fmt::format_to(out, "    {:>10}  {}\n", count_text(n), reason);
  fmt::format_to(out, "  loaded   {:>10}  in {} areas\n", count_text(a.loaded), count_text(s.boundaries.areas.size()));
  for (const auto& stage : report.stages) text += stage.text;
  fmt::format_to(out, "\nwrote:\n");
  for (const auto& path : report.outputs) fmt::format_to(out, "  {}\n", path);
  return text;
}

}  // namespace hotspot
