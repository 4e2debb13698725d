// SPDX-License-Identifier: Apache-2.0
#include "pipeline/areas_stage.hpp"

#include <iterator>

#include <fmt/format.h>

#include "outputs/area_layer.hpp"
#include "outputs/charts/charts.hpp"
#include "outputs/csv_table.hpp"
#include "outputs/data_styles.hpp"
#include "outputs/maps/class_breaks.hpp"
#include "outputs/numbers.hpp"
#include "outputs/styles.hpp"
#include "outputs/brief.hpp"
#include "pipeline/stage.hpp"

namespace hotspot {

AreasResult analyse_areas(const StudyData& study) {
  AreasResult r;
  r.counts = count_by_area(study.load.incidents, study.area_of, study.boundaries.areas.size());
  r.profile = deprivation_profile(study.boundaries, study.imd, r.counts);
  r.share_deciles_1_2 = share_in_deciles(r.profile, 1, 2);
  std::vector<std::optional<double>> populations;
  for (const Area& area : study.boundaries.areas) {
    const ImdRecord* imd = study.imd.find(area.code);
    populations.push_back(imd ? imd->population : std::nullopt);
  }
  r.rates = smoothed_rates(r.counts.total, populations, contiguity_weights(study.boundaries, Contiguity::queen));
  std::vector<double> rates, counts;
  for (size_t a = 0; a < study.boundaries.areas.size(); ++a) {
    counts.push_back(static_cast<double>(r.counts.total[a]));
    if (r.rates.raw[a]) rates.push_back(1000.0 * *r.rates.raw[a]);
  }
  r.by_rate = !rates.empty() && rates.size() == counts.size();
  r.breaks = quantile_breaks(r.by_rate ? rates : counts, 5);
  return r;
}

void write_areas(const StudyData& study, const AreasResult& result, OutputFolder& out, const std::string& prefix) {
  const std::string style = result.by_rate ? lsoa_class_style_qml("rate_per_1000", result.breaks, "per 1,000")
                                            : lsoa_class_style_qml("incidents", result.breaks, "incidents");
  write_area_layer(out, prefix + "lsoa", style, study.boundaries, study.imd, result.counts, study.load.incidents.type_names,
                   result.rates, out.stage(prefix + "lsoa.csv"));
  CsvTable table{{"imd_decile", "lsoas", "population", "incidents", "share_of_incidents", "incidents_per_1000"}, {}};
  for (const auto& row : result.profile) {
    table.rows.push_back({row.decile ? std::to_string(row.decile) : "no IMD", std::to_string(row.areas),
                          fixed(row.population, 0), std::to_string(row.incidents), fixed(row.share, 4),
                          fixed(row.per_1000, 2)});
  }
  write_csv(out.stage(prefix + "deprivation_profile.csv"), table);
}

namespace {

struct NoParams {};

// The share of incidents in each IMD decile beside the share of residents living there.
BriefFigure decile_chart(const AreasResult& r) {
  ChartData chart{.title = "Incidents by IMD 2019 decile of the LSOA (1 = most deprived)", .y_label = "% of incidents"};
  double people = 0;
  for (const auto& row : r.profile) people += row.population.value_or(0);
  for (const auto& row : r.profile) {
    chart.labels.push_back(row.decile ? std::to_string(row.decile) : "no IMD");
    chart.values.push_back(100.0 * row.share);
    if (people > 0) chart.reference.push_back(100.0 * row.population.value_or(0) / people);
  }
  if (!chart.reference.empty()) chart.reference_label = "% of residents";
  return {bar_chart_png(chart), chart.title + (chart.reference.empty() ? "" : "; the black ticks are the residents' shares")};
}

// Incidents per 1,000 residents by LSOA (or incidents, without populations), in quintiles of the study's LSOAs.
MapSpec rate_map(const AreasResult& r, const std::string& prefix) {
  MapSpec m{.id = "lsoa-rates", .section = "deprivation",
            .title = r.by_rate ? "Incidents per 1,000 residents by LSOA (quintiles)" : "Incidents by LSOA (quintiles)"};
  MapLayer layer{.source = prefix + "lsoa.geojson"};
  layer.symbols = r.by_rate ? choropleth_symbols("[rate_per_1000]", r.breaks, "per 1,000")
                            : choropleth_symbols("[incidents]", r.breaks, "incidents");
  m.layers.push_back(std::move(layer));
  return m;
}

class AreasStage final : public StageWith<NoParams> {
 public:
  const StageInfo& info() const override {
    static const StageInfo i{
        .name = "areas",
        .purpose = "Count incidents per LSOA and profile them by IMD decile",
        .docs = "docs/method.md#rates-and-the-deprivation-profile",
        .writes = "Writes DIR/lsoa.geojson (+ lsoa.qml, its QGIS style), DIR/lsoa.csv (the same table, for Excel),\n"
                  "DIR/deprivation_profile.csv, DIR/rejects.csv and DIR/summary.json; a failed run leaves none of them\n"
                  "half-written. --csv excel writes every table with a byte order mark and shares as percentages.",
        .example = "hotspot areas --incidents examples/ashfield-mansfield/police-uk \\\n"
                   "    --boundaries shapefiles/nottinghamshire_lsoa11.shp --districts E07000170,E07000174 \\\n"
                   "    --imd examples/ashfield-mansfield/imd2019/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv \\\n"
                   "    --population examples/ashfield-mansfield/imd2019/File_6_-_IoD2019_Population_Denominators.csv \\\n"
                   "    --types serious-violence --from 2023-07 --to 2024-06 --output out/areas",
        .imd_required = true};
    return i;
  }

  void finish(StudyInputs& inputs, bool) override {
    if (inputs.imd.empty()) throw OptionError("imd.ranks", "", "the areas step needs the IMD (IoD2019 File_1)");
  }

  StageReport run(const StudyData& study, StageContext& c) override {
    const AreasResult r = analyse_areas(study);
    write_areas(study, r, c.out, c.prefix);
    StageReport report{"areas", {}, {}};
    report.summary.Add("share_deciles_1_2", round_to(r.share_deciles_1_2, 6));
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
    report.summary.Add("deprivation_profile", rows);

    auto out = std::back_inserter(report.text);
    fmt::format_to(out, "\nIMD decile  LSOAs  population  incidents  share  per 1,000\n");
    for (const auto& row : r.profile) {
      fmt::format_to(out, "{:>10}  {:>5}  {:>10}  {:>9}  {:>5.1f}%  {:>9}\n", row.decile ? std::to_string(row.decile) : "no IMD",
                     row.areas, row.population ? count_text(static_cast<uint64_t>(*row.population)) : "-",
                     count_text(row.incidents), 100.0 * row.share,
                     row.per_1000 ? fmt::format("{:.2f}", *row.per_1000) : "-");
    }
    fmt::format_to(out, "share of incidents in the most deprived 20% (deciles 1-2): {:.2f}%\n",
                   100.0 * r.share_deciles_1_2);
    report.headline.push_back(fmt::format("{:.1f}% of the incidents happened in the most deprived 20% of neighbourhoods "
                                          "(LSOAs in IMD 2019 deciles 1 and 2).",
                                          100.0 * r.share_deciles_1_2));
    std::vector<std::vector<std::string>> table;
    for (const auto& row : r.profile) {
      table.push_back({row.decile ? std::to_string(row.decile) : "no IMD", std::to_string(row.areas),
                      row.population ? count_text(static_cast<uint64_t>(*row.population)) : "",
                      count_text(row.incidents), fixed(100.0 * row.share, 1),
                      row.per_1000 ? fixed(*row.per_1000, 2) : ""});
    }
    BriefSection section{"deprivation", "Deprivation profile",
                         html_paragraph("Incidents by the IMD 2019 decile of the LSOA they happened in (decile 1 is "
                                        "the most deprived tenth of England's neighbourhoods); rates use the IoD2019 "
                                        "mid-2015 population denominators.") +
                             html_table({"IMD decile", "LSOAs", "population", "incidents", "share (%)", "per 1,000"},
                                        table, {1, 2, 3, 4, 5})};
    section.figures.push_back(decile_chart(r));
    report.brief.push_back(std::move(section));
    report.maps.push_back(rate_map(r, c.prefix));
    return report;
  }

 protected:
  const OptionSet<NoParams>& declared() const override {
    static const OptionSet<NoParams> none;
    return none;
  }
};

}  // namespace

std::unique_ptr<Stage> make_areas_stage() { return std::make_unique<AreasStage>(); }

}  // namespace hotspot
