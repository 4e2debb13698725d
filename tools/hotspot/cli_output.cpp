// SPDX-License-Identifier: Apache-2.0
#include "cli_output.hpp"

#include <unistd.h>

#include <cstdio>
#include <memory>

#include <fmt/format.h>

#include "analyses/stats/hot_spot_classes.hpp"

namespace hotspot::cli {
namespace {

// "197026" -> "197,026", as analysts read counts.
std::string count(uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

void print_evaluation(const EvaluateResult& e) {
  fmt::print("\nbacktest: {} training incidents, {} test incidents\n", count(e.train_incidents), count(e.test_incidents));
  fmt::print("{:<6} {:>10} {:>7} {:>9} {:>7} {:>9} {:>8} {:>7} {:>7}\n", "method", "bandwidth", "cell", "coverage",
             "area", "hit rate", "PAI", "PEI", "RRI");
  for (const EvaluationLine& line : e.lines) {
    const std::string bandwidth =
        line.method != "kde" ? "" : line.bandwidth == "auto" ? fmt::format("auto {:g}", line.bandwidth_m) : line.bandwidth;
    const std::string cell = line.method == "lsoa" ? "" : fmt::format("{:g} m", line.cell_m);
    for (const BacktestRow& r : line.rows) {
      fmt::print("{:<6} {:>10} {:>7} {:>8.1f}% {:>6.2f}% {:>8.1f}% {:>8} {:>7} {:>7}\n", line.method, bandwidth, cell,
                 100.0 * r.coverage, 100.0 * r.area_share, 100.0 * r.hit_rate, r.pai ? fmt::format("{:.2f}", *r.pai) : "-",
                 r.pei ? fmt::format("{:.3f}", *r.pei) : "-", r.rri ? fmt::format("{:.2f}", *r.rri) : "-");
    }
  }
}

}  // namespace

Progress terminal_progress(const CommonFlags& flags) {
  if (flags.quiet || !isatty(STDERR_FILENO)) return {};
  auto last = std::make_shared<int>(-1);
  return [last](std::string_view stage, double done) {
    const int percent = static_cast<int>(done * 100.0);
    if (percent == *last) return;
    *last = percent;
    fmt::print(stderr, "\r{}: {:3d}%{}", stage, percent, percent >= 100 ? "\n" : "");
    if (percent >= 100) *last = -1;
    std::fflush(stderr);
  };
}

void print_report(const RunReport& report, const CommonFlags& flags) {
  if (flags.json) {
    fmt::print("{}\n", report.summary.Format(CPLJSONObject::PrettyFormat::Pretty));
    return;
  }
  if (flags.quiet) return;
  const StudyData& s = report.study;
  const RowAccount& a = s.load.account;
  for (const auto& w : s.warnings) fmt::print(stderr, "warning: {}\n", w);
  fmt::print("rows read  {:>10}\n", count(a.read));
  fmt::print("  filtered {:>10}  (crime type {}, month {})\n", count(a.filtered()), count(a.filtered_by_type),
             count(a.filtered_by_month));
  fmt::print("  rejected {:>10}\n", count(a.rejects.size()));
  for (const auto& [reason, n] : a.rejected_by_reason()) fmt::print("    {:>10}  {}\n", count(n), reason);
  fmt::print("  loaded   {:>10}  in {} areas\n", count(a.loaded), count(s.boundaries.areas.size()));
  if (report.areas) {
    fmt::print("\nIMD decile  LSOAs  population  incidents  share  per 1,000\n");
    for (const auto& row : report.areas->profile) {
      fmt::print("{:>10}  {:>5}  {:>10}  {:>9}  {:>5.1f}%  {:>9}\n", row.decile ? std::to_string(row.decile) : "no IMD",
                 row.areas, row.population ? count(static_cast<uint64_t>(*row.population)) : "-",
                 count(row.incidents), 100.0 * row.share,
                 row.per_1000 ? fmt::format("{:.2f}", *row.per_1000) : "-");
    }
    fmt::print("share of incidents in the most deprived 20% (deciles 1-2): {:.2f}%\n",
               100.0 * report.areas->share_deciles_1_2);
  }
  if (report.cluster) {
    const ClusterResult& c = *report.cluster;
    const NniResult& n = c.nni;
    fmt::print("\nnearest neighbour index: R = {:.4f} (observed {:.1f} m, expected {:.1f} m), z = {:.2f}, p = {:.3g}\n",
               n.ratio, n.observed_m, n.expected_m, n.z, n.p_clustered);
    fmt::print("  {:.1f}% of incidents share their exact location with another\n", 100.0 * n.tied_share);
    if (c.dbscan) {
      fmt::print("dbscan: {} clusters\n", count(static_cast<uint64_t>(c.dbscan->clusters)));
    }
    if (c.nnh) {
      for (const NnhOrder& o : c.nnh->orders) {
        fmt::print("nnh order {}: {} points, threshold {:.1f} m, {} clusters\n", o.order, count(o.points),
                   o.threshold_m, o.clusters);
      }
      for (const auto& note : c.nnh->notes) fmt::print("  stopped: {}\n", note);
      if (const auto& sim = c.nnh->simulation) {
        fmt::print("  {} random runs: first-order clusters median {:.0f} (95% range {:.1f} to {:.1f}), p = {:.3f}\n",
                   sim->runs, sim->median, sim->p025, sim->p975, sim->p_value);
      }
    }
  }
  if (report.stats) {
    const StatsResult& st = *report.stats;
    fmt::print("\nglobal Moran's I = {:.4f} (z = {:.2f}); {} neighbour links, {} islands\n", st.global.i, st.global.z,
               count(st.weights.links()), count(st.weights.islands().size()));
    const auto bin_counts = st.gi_bin_counts();
    for (auto it = bin_counts.rbegin(); it != bin_counts.rend(); ++it) {  // hot (3) down to cold (-3)
      fmt::print("  {:>5}  {}\n", count(it->second), gi_bin_label(it->first));
    }
    if (!st.emerging.empty()) {
      fmt::print("emerging over {} months:", st.months.size());
      for (const auto& [c, n] : st.emerging_counts()) {
        if (c != "no pattern") fmt::print(" {} {};", count(n), c);
      }
      fmt::print("\n");
    }
  }
  if (report.kde) {
    const KdeResult& k = *report.kde;
    fmt::print("\nkernel density: {} kernel, bandwidth {:g} m{}, {:g} m cells ({} x {}, {} in the study area)\n",
               to_string(k.used.kernel), k.used.bandwidth_m, k.choice ? " (auto)" : "", k.surface.grid.cell,
               count(static_cast<uint64_t>(k.surface.grid.cols)), count(static_cast<uint64_t>(k.surface.grid.rows)),
               count(static_cast<uint64_t>(k.surface.study_cells)));
    if (k.choice) {
      fmt::print("  chosen by cross-validation over {}: hit rate of left-out incidents at the coverage:", k.choice->split);
      for (const BandwidthTrial& t : k.choice->trials) fmt::print(" {:g} m {:.1f}%;", t.bandwidth_m, 100.0 * t.hit_rate);
      fmt::print("\n");
    }
    uint64_t inside = 0;
    for (const auto& h : k.hotspots) inside += h.incidents;
    fmt::print("  {} hotspots over {} cells hold {} incidents ({:.1f}%)\n", count(k.hotspots.size()),
               count(static_cast<uint64_t>(k.hotspot_cells)), count(inside),
               s.load.incidents.size() ? 100.0 * static_cast<double>(inside) / static_cast<double>(s.load.incidents.size()) : 0.0);
    if (k.evaluation) print_evaluation(*k.evaluation);
  }
  if (report.evaluate) print_evaluation(*report.evaluate);
  if (report.suspects) {
    const SuspectsResult& su = *report.suspects;
    fmt::print("\nsuspects: {} rows, {} placed in the study area's LSOAs, {} rejected; {} LSOAs with counts too small "
               "to publish\n", count(su.load.account.read), count(su.load.incidents.size()), count(su.load.account.rejects.size()),
               count(su.suppressed_areas));
  }
  fmt::print("\nwrote:\n");
  for (const auto& path : report.outputs) fmt::print("  {}\n", path);
}

}  // namespace hotspot::cli
