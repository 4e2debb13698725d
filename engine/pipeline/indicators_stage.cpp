// SPDX-License-Identifier: Apache-2.0
#include "pipeline/indicators_stage.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <map>

#include <fmt/format.h>

#include "core/errors.hpp"
#include "core/text.hpp"
#include "inputs/crime_types.hpp"
#include "options/option.hpp"
#include "outputs/csv_table.hpp"
#include "outputs/numbers.hpp"
#include "pipeline/period_options.hpp"
#include "pipeline/stage.hpp"
#include "pipeline/target_places.hpp"

namespace hotspot {
namespace {

struct IndicatorArea {
  std::string label;
  std::vector<uint8_t> member;  // per incident
};

IndicatorArea indicator_area(const std::string& wanted, const StudyData& study,
                             const std::map<std::string, std::string>& districts) {
  const size_t n = study.load.incidents.size();
  if (lower(wanted) == "force") return {"Force area", std::vector<uint8_t>(n, 1)};
  if (lower(wanted).rfind("ward:", 0) == 0) {
    PlaceDefinitions defs;
    defs.wards = {wanted.substr(5)};
    TargetPlace p = std::move(target_places(defs, study).front());
    return {p.name + " (ward)", std::move(p.member)};
  }
  std::vector<std::string> known = {"force"};
  for (const auto& [code, name] : districts) {
    known.push_back(name);
    if (lower(code) != lower(wanted) && lower(name) != lower(wanted)) continue;
    IndicatorArea a{name, std::vector<uint8_t>(n, 0)};
    for (size_t i = 0; i < n; ++i) a.member[i] = study.boundaries.areas[study.area_of[i]].district_code == code;
    return a;
  }
  throw OptionError("indicators.areas", wanted,
                    "not \"force\", \"ward:NAME\" or a district of the boundaries" + suggestion(wanted, known));
}

std::string indicator_label(const std::string& group) {
  if (group == kSeriousViolencePreset) return "Serious violence";
  return group;
}

}  // namespace

IndicatorTable indicator_table(const StudyData& study, const IndicatorsParams& params) {
  const Incidents& inc = study.load.incidents;
  const PeriodPair periods = period_options("indicators", params.baseline, params.current,
                                            inc.dated ? std::optional(period_anchor(study.as_of, inc)) : std::nullopt);
  if (!inc.dated && (periods.current.in_days || periods.baseline.in_days)) {
    throw DataError("indicators: the periods '" + params.baseline + "' and '" + params.current +
                    "' are in days, but the incidents carry months only (police.uk); name their date column "
                    "(--date-column) or give the periods in months");
  }
  require_periods_in_data("indicators", periods, inc);
  IndicatorTable t{periods.baseline, periods.current, {}};
  const auto districts = district_names(study);
  std::vector<IndicatorArea> areas;
  for (const std::string& a : params.areas) areas.push_back(indicator_area(a, study, districts));
  for (const std::string& group : params.groups) {
    const std::optional<std::set<std::string>> types = parse_crime_types(group, "indicators.groups");
    std::vector<uint8_t> in_group(inc.type_names.size(), 0);
    bool any = false;
    for (size_t k = 0; k < inc.type_names.size(); ++k) {
      in_group[k] = !types || types->count(inc.type_names[k]);
      any = any || in_group[k];
    }
    if (!any) {
      throw OptionError("indicators.groups", group,
                        "the study holds no incident of these types (it holds: " + joined(inc.type_names) +
                            "); [crime_types] types must include them");
    }
    for (const IndicatorArea& area : areas) {
      uint64_t baseline = 0, current = 0;
      for (size_t i = 0; i < inc.size(); ++i) {
        if (!area.member[i] || !in_group[inc.type[i]]) continue;
        baseline += in_period(t.baseline, inc, i);
        current += in_period(t.current, inc, i);
      }
      t.rows.push_back({indicator_label(group), area.label,
                        compare_periods(baseline, t.baseline.months(), current, t.current.months(), params.rag)});
    }
  }
  return t;
}

namespace {

// The response plan's own layout: indicator, area, baseline, current, % change, RAG; with the
// periods, the counts per month and the p-value beside them.
CsvTable indicators_csv(const IndicatorTable& t) {
  CsvTable csv{{"indicator", "area", "baseline_period", "baseline", "baseline_per_month", "current_period", "current",
                "current_per_month", "change_percent", "p_value", "rag", "note"},
               {}};
  for (const IndicatorRow& r : t.rows) {
    const PeriodComparison& c = r.comparison;
    csv.rows.push_back({r.indicator, r.area, span_text(t.baseline), std::to_string(c.baseline),
                        fixed(c.baseline_per_month, 4), span_text(t.current), std::to_string(c.current),
                        fixed(c.current_per_month, 4), c.change ? fixed(100.0 * *c.change, 1) : "", p_value_text(c.p_value), c.rag, c.note});
  }
  return csv;
}

class IndicatorsStage final : public StageWith<IndicatorsParams> {
 public:
  const StageInfo& info() const override {
    static const StageInfo i{
        .name = "indicators",
        .purpose = "A partnership's indicators: crime-type groups per area, baseline against current, % change, p-value, RAG",
        .docs = "docs/method.md#indicators",
        .writes = "Writes DIR/indicators.csv in a response plan's layout: a row per indicator (crime-type group) and\n"
                  "area: the baseline and current periods, counts and counts per month, the % change per month,\n"
                  "the p-value of the exact test of two Poisson counts (R's poisson.test) and the RAG (red: up by\n"
                  "--rag-threshold or more and p <= --alpha; green: down so; amber otherwise); plus rejects.csv\n"
                  "and summary.json.",
        .example = "hotspot indicators --incidents examples/ashfield-mansfield/police-uk --types serious-violence \\\n"
                   "    --boundaries shapefiles/nottinghamshire_lsoa11.shp --districts E07000170,E07000174 \\\n"
                   "    --wards shapefiles/nottinghamshire_wards2025.shp \\\n"
                   "    --group serious-violence --group Robbery --area Ashfield --area Mansfield \\\n"
                   "    --baseline 2023-07..2023-12 --current 2024-01..2024-06 --output out/indicators"};
    return i;
  }

  void finish(StudyInputs&, bool) override { period_options("indicators", params.baseline, params.current); }

  StageReport run(const StudyData& study, StageContext& c) override {
    const IndicatorTable t = indicator_table(study, params);
    write_csv(c.out.stage(c.prefix + "indicators.csv"), indicators_csv(t));
    StageReport report{"indicators", {}, {}};
    report.summary.Add("baseline", span_text(t.baseline));
    report.summary.Add("current", span_text(t.current));
    report.summary.Add("rag_threshold", params.rag.threshold);
    report.summary.Add("alpha", params.rag.alpha);
    report.summary.Add("rows", static_cast<GInt64>(t.rows.size()));
    auto out = std::back_inserter(report.text);
    // Periods in days compare per day, months per month (the % change is the same either way).
    const bool days = t.current.in_days || t.baseline.in_days;
    const char* per = days ? "a day" : "a month";
    const auto length = [&](const Period& p) {
      return p.in_days ? fmt::format("{} days", p.days()) : fmt::format("{:g} months", p.months());
    };
    fmt::format_to(out, "\nindicators: {} against {} (incidents {})\n", span_text(t.current), span_text(t.baseline),
                   days ? "per day" : "per month");
    std::vector<std::vector<std::string>> rows;
    for (const IndicatorRow& r : t.rows) {
      const PeriodComparison& k = r.comparison;
      fmt::format_to(out, "  {}, {}: {} -> {} ({}), {}, {}\n", r.indicator, r.area, count_text(k.baseline),
                     count_text(k.current), k.change ? change_percent_text(k.change) + "% " + per : "none in the baseline",
                     p_value_phrase(k.p_value), k.rag);
      rows.push_back({r.indicator, r.area, count_text(k.baseline), count_text(k.current),
                      k.change ? change_percent_text(k.change) + "%" : "", p_value_short(k.p_value), html_rag(k.rag), k.note});
    }
    std::string html = html_paragraph(fmt::format(
        "Baseline {} ({}) against current {} ({}). The % change compares incidents {}, so periods of different lengths "
        "compare fairly. {}",
        span_text(t.baseline), length(t.baseline), span_text(t.current), length(t.current), days ? "per day" : "per month",
        rag_rule_text(params.rag)));
    html += html_table({"Indicator", "Area", "Baseline", "Current", "% change", "p", "RAG", "Why"}, rows, {2, 3, 4, 5},
                       {6});
    report.brief.push_back({"indicators", "Partnership indicators", html});
    return report;
  }

 protected:
  const OptionSet<IndicatorsParams>& declared() const override {
    static const OptionSet<IndicatorsParams> set = [] {
      OptionSet<IndicatorsParams> s;
      using P = IndicatorsParams;
      const std::string g = "Indicators";
      s.add({.section = "indicators", .key = "groups", .flag = "--group", .kind = Kind::texts,
             .default_text = kSeriousViolencePreset,
             .help = "Crime-type groups, each written as --types is (\"serious-violence\", \"Robbery\"); repeat the flag",
             .example = "Robbery", .group = g},
            [](P& p) -> auto& { return p.groups; });
      s.add({.section = "indicators", .key = "areas", .flag = "--area", .kind = Kind::texts, .default_text = "force",
             .help = "Areas: \"force\" (the whole study), a district by code or name, or \"ward:NAME\"; repeat the flag",
             .example = "Ashfield", .group = g},
            [](P& p) -> auto& { return p.areas; });
      s.add({.section = "indicators", .key = "baseline", .flag = "--baseline", .required = true,
             .help = "The baseline period: YYYY-MM..YYYY-MM, a quarter YYYY-Qn, a year YYYY, YYYY-MM-DD..YYYY-MM-DD, or "
                     "with dates \"the 28 days before\" or \"same period last year\"",
             .example = "2023-07..2023-12",
             .group = g},
            [](P& p) -> auto& { return p.baseline; });
      s.add({.section = "indicators", .key = "current", .flag = "--current", .required = true,
             .help = "The current period, written as the baseline is, or with dates \"last 28 days\" (ending on "
                     "period.as_of)",
             .example = "2024-01..2024-06", .group = g},
            [](P& p) -> auto& { return p.current; });
      add_rag_options(s, "indicators", g, &P::rag);
      return s;
    }();
    return set;
  }
};

}  // namespace

std::unique_ptr<Stage> make_indicators_stage() { return std::make_unique<IndicatorsStage>(); }

}  // namespace hotspot
