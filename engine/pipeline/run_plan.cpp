// SPDX-License-Identifier: Apache-2.0
#include "pipeline/run_plan.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "analyses/stats/hot_spot_classes.hpp"
#include "core/errors.hpp"
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
  o.Add("areas_without_imd", strings(study.codes_without_imd));
  if (study.study_area) {
    o.Add("study_area_polygons", static_cast<GInt64>(study.study_area->areas.size()));
    o.Add("study_area_km2", round_to(study.study_area->total_area_m2() / 1e6, 3));
  }
  return o;
}

CPLJSONObject areas_json(const AreasResult& r) {
  CPLJSONObject o;
  o.Add("share_deciles_1_2", round_to(r.share_deciles_1_2, 6));
  CPLJSONArray rows;
  for (const auto& row : r.profile) {
    CPLJSONObject j;
    j.Add("imd_decile", row.decile);
    j.Add("lsoas", static_cast<GInt64>(row.areas));
    if (row.population) j.Add("population", static_cast<GInt64>(*row.population));
    j.Add("incidents", static_cast<GInt64>(row.incidents));
    j.Add("share", round_to(row.share, 6));
    if (row.per_1000) j.Add("per_1000", round_to(*row.per_1000, 4));
    rows.Add(j);
  }
  o.Add("deprivation_profile", rows);
  return o;
}

CPLJSONObject cluster_json(const ClusterParams& params, const ClusterResult& r) {
  CPLJSONObject o;
  o.Add("method", r.method);
  const NniResult& n = r.nni;
  CPLJSONObject nni;
  nni.Add("points", static_cast<GInt64>(n.points));
  nni.Add("area_km2", round_to(n.area_m2 / 1e6, 3));
  nni.Add("observed_mean_m", round_to(n.observed_m, 4));
  nni.Add("expected_mean_m", round_to(n.expected_m, 4));
  nni.Add("ratio", round_to(n.ratio, 6));
  nni.Add("z", round_to(n.z, 4));
  nni.Add("p_clustered", n.p_clustered);
  nni.Add("tied_share", round_to(n.tied_share, 6));
  o.Add("nni", nni);
  if (r.method == "nni") return o;
  o.Add("shape", to_string(r.shape));
  if (r.dbscan) {
    CPLJSONObject d;
    d.Add("eps_m", params.dbscan.eps_m);
    d.Add("min_points", params.dbscan.min_points);
    d.Add("clusters", r.dbscan->clusters);
    GInt64 core = 0, noise = 0;
    for (size_t i = 0; i < r.dbscan->label.size(); ++i) {
      core += r.dbscan->core[i];
      noise += r.dbscan->label[i] < 0;
    }
    d.Add("core_points", core);
    d.Add("noise_points", noise);
    o.Add("dbscan", d);
  }
  if (r.nnh) {
    CPLJSONObject h;
    if (params.nnh.threshold_m) {
      h.Add("threshold_m", *params.nnh.threshold_m);
    } else {
      h.Add("probability", params.nnh.probability);
    }
    h.Add("min_points", params.nnh.min_points);
    CPLJSONArray orders;
    for (const NnhOrder& no : r.nnh->orders) {
      CPLJSONObject j;
      j.Add("order", no.order);
      j.Add("points", static_cast<GInt64>(no.points));
      j.Add("threshold_m", round_to(no.threshold_m, 3));
      j.Add("clusters", no.clusters);
      orders.Add(j);
    }
    h.Add("orders", orders);
    if (r.nnh->simulation) {
      const NnhSimulation& s = *r.nnh->simulation;
      CPLJSONObject j;
      j.Add("runs", s.runs);
      j.Add("seed", static_cast<GInt64>(params.nnh.seed));
      j.Add("clusters_min", s.min);
      j.Add("clusters_p2_5", s.p025);
      j.Add("clusters_median", s.median);
      j.Add("clusters_p97_5", s.p975);
      j.Add("clusters_max", s.max);
      j.Add("p_value", round_to(s.p_value, 6));
      h.Add("simulation", j);
    }
    h.Add("notes", strings(r.nnh->notes));
    o.Add("nnh", h);
  }
  return o;
}

CPLJSONObject stats_json(const StatsParams& params, const StatsResult& r) {
  CPLJSONObject o;
  o.Add("value", params.value);
  o.Add("weights", params.weights);
  o.Add("links", static_cast<GInt64>(r.weights.links()));
  CPLJSONArray islands;
  for (uint32_t i : r.weights.islands()) islands.Add(static_cast<GInt64>(i));
  o.Add("islands", islands);
  o.Add("permutations", params.permutations.permutations);
  o.Add("seed", static_cast<GInt64>(params.permutations.seed));
  o.Add("fdr", params.fdr);
  CPLJSONObject g;
  g.Add("moran_i", round_to(r.global.i, 6));
  g.Add("expected", round_to(r.global.expected, 8));
  g.Add("z", round_to(r.global.z, 4));
  o.Add("global_moran", g);
  CPLJSONObject bins;
  const auto bin_counts = r.gi_bin_counts();
  for (int b = 3; b >= -3; --b) {
    const auto it = bin_counts.find(b);
    bins.Add(gi_bin_label(b), static_cast<GInt64>(it == bin_counts.end() ? 0 : it->second));
  }
  o.Add("gi_bins", bins);
  CPLJSONObject lisa;
  for (const char* c : {"HH", "LL", "HL", "LH", "not significant"}) {
    GInt64 n = 0;
    for (const auto& v : r.lisa_class) n += v == c;
    lisa.Add(c, n);
  }
  o.Add("lisa_classes", lisa);
  if (!r.emerging.empty()) {
    o.Add("months", static_cast<GInt64>(r.months.size()));
    CPLJSONObject emerging;
    for (const auto& [c, n] : r.emerging_counts()) emerging.Add(c, static_cast<GInt64>(n));
    o.Add("emerging", emerging);
  }
  return o;
}

CPLJSONObject choice_json(const BandwidthChoice& c) {
  CPLJSONObject o;
  o.Add("criterion", "hit rate of each fold's incidents in the hotspots of the other folds (blocked cross-validation)");
  o.Add("folds", c.split);
  o.Add("incidents", static_cast<GInt64>(c.incidents));
  CPLJSONArray trials;
  for (const BandwidthTrial& t : c.trials) {
    CPLJSONObject j;
    j.Add("bandwidth_m", t.bandwidth_m);
    j.Add("hit_rate", round_to(t.hit_rate, 6));
    trials.Add(j);
  }
  o.Add("trials", trials);
  return o;
}

CPLJSONObject evaluation_json(const EvaluateParams& p, const EvaluateResult& r) {
  CPLJSONObject o;
  o.Add("train_months", format_month(p.train_from) + ".." + format_month(p.train_to));
  o.Add("test_months", format_month(p.test_from) + ".." + format_month(p.test_to));
  o.Add("train_incidents", static_cast<GInt64>(r.train_incidents));
  o.Add("test_incidents", static_cast<GInt64>(r.test_incidents));
  CPLJSONArray lines;
  for (const EvaluationLine& line : r.lines) {
    CPLJSONObject j;
    j.Add("method", line.method);
    if (line.method == "kde") {
      j.Add("bandwidth", line.bandwidth);
      j.Add("bandwidth_m", line.bandwidth_m);
    }
    if (line.method != "lsoa") j.Add("cell_m", line.cell_m);
    if (line.choice) j.Add("bandwidth_choice", choice_json(*line.choice));
    CPLJSONArray rows;
    for (const BacktestRow& b : line.rows) {
      CPLJSONObject row;
      row.Add("coverage", b.coverage);
      row.Add("area_share", round_to(b.area_share, 6));
      row.Add("hit_rate", round_to(b.hit_rate, 6));
      if (b.pai) row.Add("pai", round_to(*b.pai, 4));
      if (b.pei) row.Add("pei", round_to(*b.pei, 4));
      if (b.rri) row.Add("rri", round_to(*b.rri, 4));
      rows.Add(row);
    }
    j.Add("coverages", rows);
    lines.Add(j);
  }
  o.Add("methods", lines);
  return o;
}

CPLJSONObject kde_json(const KdeParams& p, const KdeResult& r) {
  CPLJSONObject o;
  o.Add("kernel", to_string(r.used.kernel));
  o.Add("bandwidth", p.auto_bandwidth ? "auto" : "fixed");
  o.Add("bandwidth_m", r.used.bandwidth_m);
  if (r.used.adaptive_k) o.Add("adaptive_k", r.used.adaptive_k);
  if (r.choice) o.Add("bandwidth_choice", choice_json(*r.choice));
  o.Add("cell_m", r.surface.grid.cell);
  o.Add("columns", static_cast<GInt64>(r.surface.grid.cols));
  o.Add("rows", static_cast<GInt64>(r.surface.grid.rows));
  o.Add("study_cells", static_cast<GInt64>(r.surface.study_cells));
  o.Add("unit", r.unit);
  if (p.threshold) {
    o.Add("threshold", *p.threshold);
  } else {
    o.Add("coverage", p.coverage);
  }
  o.Add("hotspot_cells", static_cast<GInt64>(r.hotspot_cells));
  o.Add("hotspots", static_cast<GInt64>(r.hotspots.size()));
  uint64_t in_hotspots = 0;
  for (const auto& h : r.hotspots) in_hotspots += h.incidents;
  o.Add("incidents_in_hotspots", static_cast<GInt64>(in_hotspots));
  if (r.evaluation && p.evaluate) o.Add("evaluation", evaluation_json(*p.evaluate, *r.evaluation));
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
  RunReport report;
  std::optional<KdeGrid> kde_grid;  // made while the incidents load
  PlacesReady places_ready;
  if (std::find(plan.steps.begin(), plan.steps.end(), "kde") != plan.steps.end()) {
    places_ready = [&](const StudyData& places) { kde_grid = prepare_kde_grid(places, plan.kde); };
  }
  report.study = load_study(plan.inputs, progress, places_ready);
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
    } else if (step == "cluster") {
      report.cluster = analyse_clusters(study, plan.cluster, progress);
      write_clusters(study, *report.cluster, out, prefix);
      report.summary.Add("cluster", cluster_json(plan.cluster, *report.cluster));
    } else if (step == "stats") {
      report.stats = analyse_stats(study, plan.stats);
      write_stats(study, plan.stats, *report.stats, out, prefix);
      report.summary.Add("stats", stats_json(plan.stats, *report.stats));
    } else if (step == "kde") {
      report.kde = run_kde(study, plan.kde, std::move(kde_grid), out, prefix, progress);
      report.summary.Add("kde", kde_json(plan.kde, *report.kde));
    } else if (step == "suspects") {
      report.suspects = analyse_suspects(study, plan.suspects, progress);
      write_suspects(study, plan.suspects, *report.suspects, out, prefix);
      CPLJSONObject j;
      j.Add("rows", rows_json(report.suspects->load.account));
      j.Add("min_count", plan.suspects.min_count);
      j.Add("suppressed", plan.suspects.suppress);
      j.Add("areas_suppressed", static_cast<GInt64>(report.suspects->suppressed_areas));
      report.summary.Add("suspects", j);
    } else if (step == "evaluate") {
      report.evaluate = evaluate_hotspots(study, plan.evaluate, progress);
      write_evaluation(*report.evaluate, out, prefix);
      report.summary.Add("evaluate", evaluation_json(plan.evaluate, *report.evaluate));
    }
  }
  write_rejects(out.stage("rejects.csv"), study.load.account, study.load.incidents.files);
  report.summary.Add("outputs", strings(out.staged_names()));  // summary.json itself is staged next
  write_json(out.stage("summary.json"), report.summary);
  report.outputs = out.commit();
  return report;
}

}  // namespace hotspot
