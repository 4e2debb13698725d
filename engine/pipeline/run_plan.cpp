// SPDX-License-Identifier: Apache-2.0
#include "pipeline/run_plan.hpp"

#include <algorithm>
#include <cmath>

#include "core/errors.hpp"
#include "outputs/output_folder.hpp"
#include "outputs/run_record.hpp"

namespace hotspot {
namespace {

std::string month_text(int yyyymm) {
  if (!yyyymm) return {};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", yyyymm / 100, yyyymm % 100);
  return buf;
}

double rounded(double v, int decimals) {
  const double s = std::pow(10.0, decimals);
  return std::round(v * s) / s;
}

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
  o.Add("imd", in.imd);
  if (!in.imd_domains.empty()) o.Add("imd_domains", in.imd_domains);
  if (!in.population.empty()) o.Add("population", in.population);
  CPLJSONObject filters;
  filters.Add("types", plan.types_spec);
  if (in.filter.types) filters.Add("type_names", strings({in.filter.types->begin(), in.filter.types->end()}));
  if (in.filter.from_month) filters.Add("from", month_text(in.filter.from_month));
  if (in.filter.to_month) filters.Add("to", month_text(in.filter.to_month));
  o.Add("filters", filters);
  return o;
}

CPLJSONObject study_area_json(const RunPlan& plan, const StudyData& study) {
  CPLJSONObject o;
  o.Add("areas", static_cast<GInt64>(study.boundaries.areas.size()));
  o.Add("area_km2", rounded(study.boundaries.total_area_m2() / 1e6, 3));
  const auto& districts = plan.inputs.boundary_options.districts;
  if (!districts.empty()) o.Add("districts", strings(districts));
  o.Add("code_field", study.boundaries.code_field);
  o.Add("areas_without_imd", strings(study.codes_without_imd));
  return o;
}

CPLJSONObject areas_json(const AreasResult& r) {
  CPLJSONObject o;
  o.Add("share_deciles_1_2", rounded(r.share_deciles_1_2, 6));
  CPLJSONArray rows;
  for (const auto& row : r.profile) {
    CPLJSONObject j;
    j.Add("imd_decile", row.decile);
    j.Add("lsoas", static_cast<GInt64>(row.areas));
    if (row.population) j.Add("population", static_cast<GInt64>(*row.population));
    j.Add("incidents", static_cast<GInt64>(row.incidents));
    j.Add("share", rounded(row.share, 6));
    if (row.per_1000) j.Add("per_1000", rounded(*row.per_1000, 4));
    rows.Add(j);
  }
  o.Add("deprivation_profile", rows);
  return o;
}

}  // namespace

void check_steps(const std::vector<std::string>& steps) {
  for (const auto& step : steps) {
    if (std::find(kStages.begin(), kStages.end(), step) == kStages.end()) {
      std::string known;
      for (const auto& s : kStages) known += (known.empty() ? "" : ", ") + s;
      throw UsageError("steps: unknown step '" + step + "' (known: " + known + ")");
    }
  }
}

RunReport execute(const RunPlan& plan, const Progress& progress) {
  check_steps(plan.steps);
  OutputFolder out(plan.output_dir);
  RunReport report{load_study(plan.inputs, progress), std::nullopt, {}, {}};
  const StudyData& study = report.study;

  report.summary.Add("hotspot", "0.1.0");
  report.summary.Add("command", plan.command);
  if (!plan.title.empty()) report.summary.Add("title", plan.title);
  report.summary.Add("inputs", inputs_json(plan, study));
  report.summary.Add("study_area", study_area_json(plan, study));
  report.summary.Add("rows", rows_json(study.load.account));
  report.summary.Add("warnings", strings(study.warnings));

  for (const auto& step : plan.steps) {
    const std::string prefix = plan.step_folders ? step + "/" : "";
    if (step == "areas") {
      report.areas = analyse_areas(study);
      write_areas(study, *report.areas, out, prefix);
      report.summary.Add("areas", areas_json(*report.areas));
    }
  }
  write_rejects(out.stage("rejects.csv"), study.load.account);
  report.summary.Add("outputs", strings(out.staged_names()));  // summary.json itself is staged next
  write_json(out.stage("summary.json"), report.summary);
  report.outputs = out.commit();
  return report;
}

}  // namespace hotspot
