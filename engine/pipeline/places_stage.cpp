// SPDX-License-Identifier: Apache-2.0
#include "pipeline/places_stage.hpp"

#include <algorithm>
#include <iterator>

#include <fmt/format.h>

#include "core/errors.hpp"
#include "inputs/crime_types.hpp"
#include "outputs/csv_table.hpp"
#include "outputs/numbers.hpp"
#include "pipeline/period_options.hpp"
#include "pipeline/stage.hpp"

namespace hotspot {

PlacesResult profile_places(const StudyData& study, const PlacesParams& params) {
  PlacesResult r;
  const PeriodPair periods = period_options("places", params.baseline, params.current);
  require_periods_in_data("places", periods, study.load.incidents);
  r.baseline = periods.baseline;
  r.current = periods.current;
  const Incidents& inc = study.load.incidents;
  r.places = target_places(params.places, study);
  for (const TargetPlace& p : r.places) {
    // [0] all, [1 + t] crime type t: (baseline, current)
    std::vector<std::pair<uint64_t, uint64_t>> n(inc.type_names.size() + 1);
    for (size_t i = 0; i < inc.size(); ++i) {
      if (!p.member[i]) continue;
      const bool in_baseline = r.baseline.holds(inc.month[i]), in_current = r.current.holds(inc.month[i]);
      for (size_t g : {size_t{0}, size_t{inc.type[i]} + 1}) {
        n[g].first += in_baseline;
        n[g].second += in_current;
      }
    }
    for (size_t g = 0; g < n.size(); ++g) {
      r.rows.push_back({p.name, p.kind, g == 0 ? "all" : inc.type_names[g - 1],
                        compare_periods(n[g].first, r.baseline.months(), n[g].second, r.current.months(), params.rag)});
    }
  }
  return r;
}

namespace {

CsvTable places_table(const PlacesResult& r) {
  CsvTable t{{"place", "kind", "group", "baseline_from", "baseline_to", "current_from", "current_to", "baseline",
              "current", "baseline_per_month", "current_per_month", "change", "p_value", "rag", "note"},
             {}};
  for (const PlaceRow& row : r.rows) {
    const PeriodComparison& c = row.comparison;
    t.rows.push_back({row.place, row.kind, row.group, format_month(r.baseline.from), format_month(r.baseline.to),
                      format_month(r.current.from), format_month(r.current.to), std::to_string(c.baseline),
                      std::to_string(c.current), fixed(c.baseline_per_month, 4), fixed(c.current_per_month, 4),
                      c.change ? fixed(*c.change, 4) : "", p_value_text(c.p_value), c.rag, c.note});
  }
  return t;
}

class PlacesStage final : public StageWith<PlacesParams> {
 public:
  const StageInfo& info() const override {
    static const StageInfo i{
        .name = "places",
        .purpose = "Target places (wards, polygons, street lists): baseline against current, % change, its p-value, RAG",
        .docs = "docs/method.md#places",
        .writes = "Writes DIR/places.csv: a row per place and crime-type group (\"all\", then each type): the baseline\n"
                  "and current counts and per month, the change per month, the p-value of the exact test of two\n"
                  "Poisson counts (R's poisson.test) and the RAG (red: up by --rag-threshold or more and p <= --alpha;\n"
                  "green: down so; amber: otherwise, including changes chance could give); plus rejects.csv and\n"
                  "summary.json.",
        .example = "hotspot places --incidents examples/ashfield-mansfield/police-uk --types serious-violence \\\n"
                   "    --boundaries shapefiles/nottinghamshire_lsoa11.shp --wards shapefiles/nottinghamshire_wards2025.shp \\\n"
                   "    --ward \"Oak Tree\" --ward \"Kirkby Cross & Portland\" \\\n"
                   "    --streets \"Coxmoor: Coxmoor Road; Deepdale Road\" \\\n"
                   "    --baseline 2023-07..2023-12 --current 2024-01..2024-06 --output out/places"};
    return i;
  }

  void finish(StudyInputs&, bool) override {
    if (params.places.empty()) throw OptionError("places.wards", "", "name at least one place (wards, polygons or streets)");
    period_options("places", params.baseline, params.current);
  }

  StageReport run(const StudyData& study, StageContext& c) override {
    const PlacesResult r = profile_places(study, params);
    write_csv(c.out.stage(c.prefix + "places.csv"), places_table(r));
    StageReport report{"places", {}, {}};
    report.summary.Add("baseline", span_text(r.baseline));
    report.summary.Add("current", span_text(r.current));
    report.summary.Add("rag_threshold", params.rag.threshold);
    report.summary.Add("alpha", params.rag.alpha);
    CPLJSONArray places;
    for (const TargetPlace& p : r.places) {
      CPLJSONObject o;
      o.Add("name", p.name);
      o.Add("kind", p.kind);
      o.Add("definition", p.definition);
      if (!p.streets_missing.empty()) {
        CPLJSONArray missing;
        for (const auto& s : p.streets_missing) missing.Add(s);
        o.Add("streets_not_in_data", missing);
      }
      places.Add(o);
    }
    report.summary.Add("places", places);
    auto out = std::back_inserter(report.text);
    fmt::format_to(out, "\nplaces: {} against {} (incidents per month)\n", span_text(r.current), span_text(r.baseline));
    std::vector<std::vector<std::string>> rows;
    for (const PlaceRow& row : r.rows) {
      const PeriodComparison& k = row.comparison;
      if (row.group == "all") {
        fmt::format_to(out, "  {}: {} -> {} ({}), {}, {}\n", row.place, count_text(k.baseline), count_text(k.current),
                       k.change ? change_percent_text(k.change) + "% a month" : "none in the baseline", p_value_phrase(k.p_value), k.rag);
      }
      rows.push_back({row.place, row.group, std::to_string(k.baseline), std::to_string(k.current),
                      change_percent_text(k.change), p_value_short(k.p_value), k.rag});
    }
    std::string html = html_paragraph(fmt::format(
        "Each place's incidents in {} (baseline) and {} (current); the change is per month, so periods of different "
        "lengths compare fairly. RAG: red when up by {:.0f}% or more and the exact test of the two counts gives p <= {:g}; "
        "green when down so; amber otherwise, including changes chance could give at these numbers.",
        span_text(r.baseline), span_text(r.current), 100.0 * params.rag.threshold, params.rag.alpha));
    for (const TargetPlace& p : r.places) {
      html += html_paragraph(p.name + " (" + p.kind + "): " + p.definition +
                             (p.streets_missing.empty() ? "" : fmt::format(" ({} named streets not in the data)",
                                                                          p.streets_missing.size())));
    }
    html += html_table({"place", "group", "baseline", "current", "change per month (%)", "p", "RAG"}, rows, {2, 3, 4, 5});
    report.brief.push_back({"places", "Target places", html});
    return report;
  }

 protected:
  const OptionSet<PlacesParams>& declared() const override {
    static const OptionSet<PlacesParams> set = [] {
      OptionSet<PlacesParams> s;
      using P = PlacesParams;
      const std::string g = "Places";
      s.add({.section = "places", .key = "wards", .flag = "--ward", .kind = Kind::texts,
             .help = "Places that are wards: names or codes in the --wards file (repeat the flag for more)",
             .example = "Oak Tree", .group = g},
            [](P& p) -> auto& { return p.places.wards; });
      s.add({.section = "places", .key = "polygons", .flag = "--place-polygons", .kind = Kind::path,
             .help = "Places drawn as polygons (any OGR source; each feature a place, named by its name field)",
             .example = "estates.geojson", .group = g},
            [](P& p) -> auto& { return p.places.polygons; });
      s.add({.section = "places", .key = "streets", .flag = "--streets", .kind = Kind::texts,
             .help = "Places as their police.uk streets: \"NAME: street; street; ...\" (repeat the flag for more)",
             .example = "Coxmoor: Coxmoor Road; Deepdale Road", .group = g},
            [](P& p) -> auto& { return p.places.streets; });
      s.add({.section = "places", .key = "baseline", .flag = "--baseline", .required = true,
             .help = "The baseline period, YYYY-MM..YYYY-MM", .example = "2023-07..2023-12", .group = g},
            [](P& p) -> auto& { return p.baseline; });
      s.add({.section = "places", .key = "current", .flag = "--current", .required = true,
             .help = "The current period, YYYY-MM..YYYY-MM", .example = "2024-01..2024-06", .group = g},
            [](P& p) -> auto& { return p.current; });
      s.add({.section = "places", .key = "rag_threshold", .flag = "--rag-threshold", .kind = Kind::number, .min = 0,
             .help = "Red or green: a change per month of at least this share", .example = "0.1", .group = g},
            [](P& p) -> auto& { return p.rag.threshold; });
      s.add({.section = "places", .key = "alpha", .flag = "--alpha", .kind = Kind::number, .min = 0, .max = 1,
             .help = "Red or green: the change's p-value at most this", .example = "0.05", .group = g},
            [](P& p) -> auto& { return p.rag.alpha; });
      return s;
    }();
    return set;
  }
};

}  // namespace

std::unique_ptr<Stage> make_places_stage() { return std::make_unique<PlacesStage>(); }

}  // namespace hotspot
