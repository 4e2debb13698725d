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
  fmt::print("\nwrote:\n");
  for (const auto& path : report.outputs) fmt::print("  {}\n", path);
}

}  // namespace hotspot::cli
