// SPDX-License-Identifier: Apache-2.0
// Stage "nearrepeat": the Knox test of near repeats (analyses/time/knox.hpp) on the study's
// dated incidents: nearrepeat.csv, a row per distance band and time band.
#include <iterator>

#include <fmt/format.h>

#include "analyses/time/knox.hpp"
#include "core/calendar.hpp"
#include "core/errors.hpp"
#include "core/text.hpp"
#include "outputs/csv_table.hpp"
#include "pipeline/stage.hpp"

namespace hotspot {
namespace {

struct NearRepeatParams {
  std::vector<double> distance_bands = {0, 100, 200, 400};
  std::vector<double> time_bands = {0, 7, 14, 30};
  std::string metric = "manhattan";
  int64_t permutations = 999;
  int64_t seed = 1;
};

std::string band_text(const std::vector<double>& b, size_t k) { return fmt::format("[{:g},{:g})", b[k], b[k + 1]); }

// "0-100 m", "7-14 days": a band as the brief names it.
std::string range_text(const std::vector<double>& b, size_t k, const char* unit) {
  return fmt::format("{:g}-{:g} {}", b[k], b[k + 1], unit);
}

constexpr double kAlpha = 0.05;  // the significance the brief and the terminal mark with *

std::string ratio_text(const KnoxCell& c) { return c.ratio ? fmt::format("{:.2f}", *c.ratio) : "-"; }

KnoxOptions knox_options(const NearRepeatParams& p) {
  KnoxOptions o;
  o.distance_bands = p.distance_bands;
  o.time_bands = p.time_bands;
  o.metric = p.metric == "euclidean" ? KnoxMetric::euclidean : KnoxMetric::manhattan;
  o.permutations = static_cast<uint64_t>(p.permutations);
  o.seed = static_cast<uint64_t>(p.seed);
  return o;
}

void check_bands(const std::vector<double>& b, const char* key, bool distance) {
  const std::string problem = knox_band_problem(b, distance);
  if (problem.empty()) return;
  std::string text;
  for (double v : b) text += (text.empty() ? "" : ",") + fmt::format("{:g}", v);
  throw OptionError(key, text, problem);
}

CsvTable knox_csv(const KnoxResult& r, const NearRepeatParams& p) {
  CsvTable csv{{"distance_band_m", "time_band_days", "distance_from_m", "distance_to_m", "days_from", "days_to",
                "observed_pairs", "expected_pairs", "knox_ratio", "p_value"},
               {}};
  for (const KnoxCell& c : r.cells) {
    const size_t d = c.distance_band, t = c.time_band;
    csv.rows.push_back({band_text(p.distance_bands, d), band_text(p.time_bands, t), fmt::format("{:g}", p.distance_bands[d]),
                        fmt::format("{:g}", p.distance_bands[d + 1]), fmt::format("{:g}", p.time_bands[t]),
                        fmt::format("{:g}", p.time_bands[t + 1]), std::to_string(c.observed), fixed(c.expected, 3),
                        c.ratio ? fixed(*c.ratio, 3) : "", p_value_text(c.p_value)});
  }
  return csv;
}

// brief.html: the Knox ratios as a heat table (shaded by the excess where p <= 0.05, marked *),
// read as analysts read the Temple calculator's output.
BriefSection knox_section(const KnoxResult& r, const NearRepeatParams& p) {
  const size_t nt = p.time_bands.size() - 1;
  std::vector<std::string> rows, columns, text;
  std::vector<double> values;
  for (size_t t = 0; t < nt; ++t) columns.push_back(range_text(p.time_bands, t, "days"));
  std::vector<std::string> strong;
  for (const KnoxCell& c : r.cells) {
    if (c.time_band == 0) rows.push_back(range_text(p.distance_bands, c.distance_band, "m"));
    const bool significant = c.p_value <= kAlpha;
    const double excess = c.ratio && significant ? *c.ratio - 1 : 0;
    values.push_back(excess > 0 ? excess : 0);
    text.push_back(ratio_text(c) + (significant ? " *" : ""));
    if (excess > 0) {
      strong.push_back(range_text(p.distance_bands, c.distance_band, "m") + " and " +
                       range_text(p.time_bands, c.time_band, "days") + " (" + ratio_text(c) + " times)");
    }
  }
  std::string summary;
  if (strong.empty()) {
    summary = "No band pair holds more pairs of incidents than the permutations give at p <= 0.05: no near-repeat pattern at these bands.";
  } else {
    summary = "More pairs than chance at p <= 0.05 (near repeats): ";
    summary += joined(strong);
    summary += ". After one incident, the risk of another nearby is raised for that long: patrols and "
               "cocooning there pay.";
  }
  std::string html = html_paragraph(fmt::format(
      "The Knox test over {} incidents ({} pairs within {:g} m, {} distance): for each distance band and days-apart band, "
      "the pairs observed against the mean of {} permutations of the dates (Knox ratio; * p <= 0.05; bands are "
      "[from, to)).",
      count_text(r.events), count_text(r.close_pairs), p.distance_bands.back(), p.metric, p.permutations));
  html += html_paragraph(summary);
  html += html_heat_table("Distance", rows, columns, values, text);
  return {"nearrepeat", "Near repeats", html};
}

class NearRepeatStage final : public StageWith<NearRepeatParams> {
 public:
  const StageInfo& info() const override {
    static const StageInfo i{
        .name = "nearrepeat",
        .purpose = "Near repeats: the Knox test of incidents close in space and in time, against permutations of their dates",
        .docs = "docs/method.md#near-repeats",
        .writes = "Writes DIR/nearrepeat.csv: a row per distance band and time band ([from, to) as in R's NearRepeat):\n"
                  "the observed pairs, the expected pairs (the mean of the permutations), their ratio (the Knox ratio)\n"
                  "and the p-value (1 + permutations at least as many) / (permutations + 1); plus rejects.csv and\n"
                  "summary.json. Needs dated incidents (--date-column); --boundaries is optional.",
        .example = "hotspot nearrepeat --incidents tests/data/force_incidents.csv --x Easting --y Northing \\\n"
                   "    --date-column \"Committed from\" --time-column \"From time\" \\\n"
                   "    --distance-bands 0,100,200,400 --time-bands 0,7,14,30 --permutations 99 --seed 1 \\\n"
                   "    --output out/nearrepeat",
        .boundaries_required = false};
    return i;
  }

  void finish(StudyInputs& inputs, bool) override {
    check_bands(params.distance_bands, "nearrepeat.distance_bands", true);
    check_bands(params.time_bands, "nearrepeat.time_bands", false);
    if (inputs.columns.date.empty() && inputs.columns.from.empty()) {
      throw OptionError("incidents.date_column", "", "near repeats need the incidents' dates: name their date column");
    }
  }

  StageReport run(const StudyData& study, StageContext& c) override {
    const Incidents& inc = study.load.incidents;
    std::vector<int32_t> day(inc.size());
    for (size_t i = 0; i < inc.size(); ++i) day[i] = floor_day(inc.start[i]);
    const KnoxResult r = knox_test(inc.x, inc.y, day, knox_options(params), c.progress);
    write_csv(c.out.stage(c.prefix + "nearrepeat.csv"), knox_csv(r, params));
    StageReport report{"nearrepeat", {}, {}};
    report.summary.Add("events", static_cast<GInt64>(r.events));
    report.summary.Add("close_pairs", static_cast<GInt64>(r.close_pairs));
    report.summary.Add("metric", params.metric);
    report.summary.Add("permutations", static_cast<GInt64>(params.permutations));
    report.summary.Add("seed", static_cast<GInt64>(params.seed));
    auto out = std::back_inserter(report.text);
    fmt::format_to(out, "\nnear repeats (Knox ratio, * p <= 0.05; {} pairs within {:g} m):\n", count_text(r.close_pairs),
                   params.distance_bands.back());
    const size_t nt = params.time_bands.size() - 1;
    fmt::format_to(out, "  {:>14}", "metres \\ days");
    for (size_t t = 0; t < nt; ++t) fmt::format_to(out, "  {:>10}", band_text(params.time_bands, t));
    for (const KnoxCell& k : r.cells) {
      if (k.time_band == 0) fmt::format_to(out, "\n  {:>14}", band_text(params.distance_bands, k.distance_band));
      fmt::format_to(out, "  {:>10}", ratio_text(k) + (k.p_value <= kAlpha ? " *" : "  "));
    }
    report.text += "\n";
    report.brief.push_back(knox_section(r, params));
    return report;
  }

 protected:
  const OptionSet<NearRepeatParams>& declared() const override {
    static const OptionSet<NearRepeatParams> set = [] {
      OptionSet<NearRepeatParams> s;
      using P = NearRepeatParams;
      const std::string g = "Near repeats";
      s.add({.section = "nearrepeat", .key = "distance_bands", .flag = "--distance-bands", .kind = Kind::numbers,
             .unit = "m", .help = "Breaks of the distance bands, ascending: 0,100,200,400 is [0,100), [100,200), [200,400)",
             .example = "0,100,200,400", .group = g},
            [](P& p) -> auto& { return p.distance_bands; });
      s.add({.section = "nearrepeat", .key = "time_bands", .flag = "--time-bands", .kind = Kind::numbers, .unit = "days",
             .help = "Breaks of the bands of whole days apart: 0,7,14,30 is [0,7), [7,14), [14,30)",
             .example = "0,7,14,30", .group = g},
            [](P& p) -> auto& { return p.time_bands; });
      s.add({.section = "nearrepeat", .key = "metric", .flag = "--metric", .choices = {"manhattan", "euclidean"},
             .help = "Distance between incidents: manhattan (|dx| + |dy|, as R's NearRepeat; nearer a street walk) or "
                     "euclidean",
             .example = "manhattan", .group = g},
            [](P& p) -> auto& { return p.metric; });
      s.add({.section = "nearrepeat", .key = "permutations", .flag = "--permutations", .kind = Kind::whole, .min = 2,
             .max = 99999, .help = "Monte Carlo permutations of the dates", .example = "999", .group = g},
            [](P& p) -> auto& { return p.permutations; });
      s.add({.section = "nearrepeat", .key = "seed", .flag = "--seed", .kind = Kind::whole, .min = 0,
             .help = "Seed of the permutations (the same seed gives the same p-values at any thread count)",
             .example = "1", .group = g},
            [](P& p) -> auto& { return p.seed; });
      return s;
    }();
    return set;
  }
};

}  // namespace

std::unique_ptr<Stage> make_nearrepeat_stage() { return std::make_unique<NearRepeatStage>(); }

}  // namespace hotspot
