// SPDX-License-Identifier: Apache-2.0
#include "pipeline/stats_stage.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>

#include <fmt/format.h>

#include "analyses/normal_tails.hpp"
#include "analyses/areas/area_counts.hpp"
#include "analyses/stats/hot_spot_classes.hpp"
#include "core/errors.hpp"
#include "inputs/crime_types.hpp"
#include "outputs/csv_table.hpp"
#include "outputs/numbers.hpp"
#include "outputs/vector_layer.hpp"
#include "outputs/styles.hpp"
#include "pipeline/stage.hpp"
#include "weights/gal_gwt.hpp"
#include "weights/weights_spec.hpp"

namespace hotspot {
namespace {

// Counts per area turned into the chosen value (count, or rate per 1,000 residents).
std::vector<double> values(const StudyData& study, const std::string& kind, const std::vector<uint64_t>& counts) {
  std::vector<double> v(counts.begin(), counts.end());
  if (kind == "count") return v;
  if (kind != "rate") {  // a field of the boundaries
    for (size_t a = 0; a < v.size(); ++a) {
      const Area& area = study.boundaries.areas[a];
      if (!area.value) throw DataError("stats: " + area.code + " has no value in field '" + kind + "'");
      v[a] = *area.value;
    }
    return v;
  }
  for (size_t a = 0; a < v.size(); ++a) {
    const ImdRecord* r = study.imd.find(study.boundaries.areas[a].code);
    if (!r || !r->population || *r->population <= 0) {
      throw DataError("stats: 'value' = rate, but " + study.boundaries.areas[a].code +
                      " has no population (give the IoD2019 File_6 with --population)");
    }
    v[a] = 1000.0 * v[a] / *r->population;
  }
  return v;
}

std::vector<int> month_range(const Incidents& inc) {
  int first = 0, last = 0;
  for (int32_t m : inc.month) {
    if (!m) continue;
    if (!first || m < first) first = m;
    if (m > last) last = m;
  }
  std::vector<int> months;
  for (int m = first; first && m <= last; m = next_month(m)) months.push_back(m);
  return months;
}

void add_trends(const StudyData& study, const StatsParams& params, const SpatialWeights& self, StatsResult& r) {
  const Incidents& inc = study.load.incidents;
  r.months = month_range(inc);
  const size_t n = study.boundaries.areas.size(), t = r.months.size();
  if (t < 2) return;
  std::vector<std::vector<uint64_t>> counts(t, std::vector<uint64_t>(n, 0));  // [month][area]
  for (size_t i = 0; i < inc.size(); ++i) {
    if (!inc.month[i]) continue;
    const size_t m = static_cast<size_t>(std::lower_bound(r.months.begin(), r.months.end(), inc.month[i]) - r.months.begin());
    ++counts[m][study.area_of[i]];
  }
  std::vector<std::vector<double>> series(n, std::vector<double>(t)), z_series(n, std::vector<double>(t, 0.0));
  std::vector<std::vector<int>> bins(n, std::vector<int>(t, 0));
  for (size_t m = 0; m < t; ++m) {
    const std::vector<double> v = values(study, params.value, counts[m]);
    for (size_t a = 0; a < n; ++a) series[a][m] = v[a];
    if (!has_variance(v)) continue;  // no Gi* that month: not significant
    const std::vector<double> z = getis_ord_gstar(self, v);
    const std::vector<int> b = gi_bins(z, two_sided_p(z), params.fdr);
    for (size_t a = 0; a < n; ++a) {
      z_series[a][m] = z[a];
      bins[a][m] = b[a];
    }
  }
  for (size_t a = 0; a < n; ++a) {
    r.count_trend.push_back(mann_kendall(series[a]));
    r.months_hot.push_back(static_cast<int>(std::count_if(bins[a].begin(), bins[a].end(), [](int b) { return b > 0; })));
    r.emerging.push_back(emerging_category(bins[a], mann_kendall(z_series[a])));
  }
}

}  // namespace

std::map<int, uint64_t> StatsResult::gi_bin_counts() const {
  std::map<int, uint64_t> counts;
  for (int b : gi_bin) ++counts[b];
  return counts;
}

std::map<std::string, uint64_t> StatsResult::emerging_counts() const {
  std::map<std::string, uint64_t> counts;
  for (const auto& c : emerging) ++counts[c];
  return counts;
}

std::string value_field(const StatsParams& params) {
  return params.value == "count" || params.value == "rate" ? std::string() : params.value;
}

void check_stats_params(const StatsParams& params) {
  if (params.value.empty()) throw UsageError("stats: 'value' is empty: choose count, rate or a field of the boundaries");
  if (!params.save_weights.empty() && params.save_weights != "gal" && params.save_weights != "gwt") {
    throw UsageError("stats: 'save-weights' = '" + params.save_weights + "': choose gal or gwt");
  }
}

StatsResult analyse_stats(const StudyData& study, const StatsParams& params) {
  check_stats_params(params);
  StatsResult r;
  r.weights = build_weights(study.boundaries, params.weights);
  r.count = count_by_area(study.load.incidents, study.area_of, study.boundaries.areas.size()).total;
  r.value = values(study, params.value, r.count);
  const SpatialWeights self = with_self(r.weights);
  const SpatialWeights row = row_standardised(r.weights);
  r.gi_z = getis_ord_gstar(self, r.value);
  r.gi_p = two_sided_p(r.gi_z);
  r.gi_p_sim = gstar_pseudo_p(self, r.value, params.permutations);
  r.gi_bin = gi_bins(r.gi_z, r.gi_p, params.fdr);
  r.lisa = local_moran(row, r.value);
  r.lisa_p_sim = local_moran_pseudo_p(row, r.value, params.permutations);
  r.lisa_class = lisa_classes(r.lisa.quadrant, r.lisa_p_sim, 0.05, params.fdr);
  r.global = global_moran(row, r.value);
  if (value_field(params).empty()) add_trends(study, params, self, r);  // a field has no months
  return r;
}

void write_stats(const StudyData& study, const StatsParams& params, const StatsResult& r, OutputFolder& out,
                 const std::string& prefix) {
  const std::vector<std::pair<const char*, OGRFieldType>> fields = {
      {"lsoa_code", OFTString}, {"lsoa_name", OFTString},   {"district", OFTString},   {"imd_decile", OFTInteger},
      {"count", OFTInteger64},  {"rate_per_1000", OFTReal}, {"value", OFTReal},       {"neighbours", OFTInteger}, {"gi_z", OFTReal},         {"gi_p", OFTReal},
      {"gi_p_sim", OFTReal},    {"gi_bin", OFTInteger},     {"gi_class", OFTString},   {"lisa_i", OFTReal},
      {"lisa_z", OFTReal},      {"lisa_p_sim", OFTReal},    {"lisa_quadrant", OFTString}, {"lisa_class", OFTString},
      {"trend_s", OFTReal},     {"trend_z", OFTReal},       {"trend_p", OFTReal},      {"sen_slope", OFTReal},
      {"months_hot", OFTInteger}, {"emerging", OFTString}};
  VectorLayer layer(out, prefix + "lsoa_stats", "lsoa_stats", wkbMultiPolygon);
  layer.add_fields(fields);
  CsvTable table;
  for (const auto& [name, type] : fields) table.columns.push_back(name);
  const auto number = [](double v, int decimals) { return std::isfinite(v) ? fixed(v, decimals) : std::string(); };
  GEOSContextHandle_t ctx = study.boundaries.geos->get();
  for (size_t a = 0; a < study.boundaries.areas.size(); ++a) {
    const Area& area = study.boundaries.areas[a];
    const ImdRecord* imd = study.imd.find(area.code);
    std::vector<std::string> row = {area.code,
                                          area.name,
                                          imd ? imd->district_name : area.district_code,
                                          imd ? std::to_string(imd->decile) : "",
                                          std::to_string(r.count[a]),
                                          imd && imd->population && *imd->population > 0
                                              ? number(1000.0 * static_cast<double>(r.count[a]) / *imd->population, 4)
                                              : "",
                                          number(r.value[a], 6),
                                          std::to_string(r.weights.neighbours[a].size()),
                                          number(r.gi_z[a], 6),
                                          number(r.gi_p[a], 6),
                                          number(r.gi_p_sim[a], 6),
                                          std::to_string(r.gi_bin[a]),
                                          gi_bin_label(r.gi_bin[a]),
                                          number(r.lisa.i[a], 6),
                                          number(r.lisa.z[a], 6),
                                          number(r.lisa_p_sim[a], 6),
                                          r.lisa.quadrant[a],
                                          r.lisa_class[a]};
    row.resize(fields.size());
    if (!r.count_trend.empty()) {
      const size_t t = fields.size() - 6;  // the six trend fields close the row
      row[t] = number(r.count_trend[a].s, 0);
      row[t + 1] = number(r.count_trend[a].z, 6);
      row[t + 2] = number(r.count_trend[a].p, 6);
      row[t + 3] = number(r.count_trend[a].sen_slope, 6);
      row[t + 4] = std::to_string(r.months_hot[a]);
      row[t + 5] = r.emerging[a];
    }
    table.rows.push_back(row);
    // OGR converts each text to its field's type
    layer.add_row(row, OGRGeometryFactory::forceToMultiPolygon(OGRGeometryFactory::createFromGEOS(ctx, area.geometry.get())));
  }
  layer.set_style(lsoa_stats_style_qml());
  layer.close();
  write_csv(out.stage(prefix + "lsoa_stats.csv"), table);
  if (params.save_weights == "gal") write_gal(out.stage(prefix + "weights.gal"), study.boundaries, r.weights);
  if (params.save_weights == "gwt") write_gwt(out.stage(prefix + "weights.gwt"), study.boundaries, r.weights);
}

namespace {

CPLJSONObject stats_json(const StatsParams& params, const StatsResult& r) {
  CPLJSONObject o;
  o.Add("value", params.value);
  o.Add("weights", params.weights.text());
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

std::string stats_text(const StatsResult& st) {
  std::string text;
  auto out = std::back_inserter(text);
  fmt::format_to(out, "\nglobal Moran's I = {:.4f} (z = {:.2f}); {} neighbour links, {} islands\n", st.global.i, st.global.z,
                 count_text(st.weights.links()), count_text(st.weights.islands().size()));
  const auto bin_counts = st.gi_bin_counts();
  for (auto it = bin_counts.rbegin(); it != bin_counts.rend(); ++it) {  // hot (3) down to cold (-3)
    fmt::format_to(out, "  {:>5}  {}\n", count_text(it->second), gi_bin_label(it->first));
  }
  if (!st.emerging.empty()) {
    fmt::format_to(out, "emerging over {} months:", st.months.size());
    for (const auto& [c, n] : st.emerging_counts()) {
      if (c != "no pattern") fmt::format_to(out, " {} {};", count_text(n), c);
    }
    fmt::format_to(out, "\n");
  }
  return text;
}

// The Gi* classes, hot red and cold blue (the colours of ArcGIS's Hot Spot Analysis).
MapSpec gi_map(const std::string& prefix) {
  static const std::vector<std::pair<int, const char*>> colours = {
      {3, "#b2182b"}, {2, "#ef8a62"}, {1, "#fddbc7"}, {0, "#f0f0f0"}, {-1, "#d1e5f0"}, {-2, "#67a9cf"}, {-3, "#2166ac"}};
  MapLayer layer{.source = prefix + "lsoa_stats.geojson"};
  for (const auto& [bin, colour] : colours) {
    layer.symbols.push_back({.filter = "[gi_bin] = " + std::to_string(bin), .fill = colour, .stroke = "#ffffff",
                             .stroke_width = 0.5, .legend = gi_bin_label(bin)});
  }
  return {.id = "lsoa-gi", .section = "lsoa-stats", .title = "Getis-Ord Gi* hot and cold spots by LSOA", .layers = {layer}};
}

// The emerging hot spot categories found, hot ones in reds and cold ones in blues.
MapSpec emerging_map(const StatsResult& r, const std::string& prefix) {
  static const std::vector<std::string> kinds = {"new", "intensifying", "persistent", "consecutive",
                                                 "oscillating", "sporadic", "diminishing", "historical"};
  static const std::vector<const char*> reds = {"#67000d", "#a50f15", "#de2d26", "#ef3b2c",
                                                "#fb6a4a", "#fc9272", "#fcbba1", "#fee0d2"};
  static const std::vector<const char*> blues = {"#08306b", "#08519c", "#2171b5", "#4292c6",
                                                 "#6baed6", "#9ecae1", "#c6dbef", "#deebf7"};
  std::vector<std::pair<std::string, const char*>> colours;
  for (const char* spot : {"hot spot", "cold spot"}) {
    for (size_t k = 0; k < kinds.size(); ++k) {
      colours.emplace_back(kinds[k] + " " + spot, std::string(spot) == "hot spot" ? reds[k] : blues[k]);
    }
  }
  MapLayer layer{.source = prefix + "lsoa_stats.geojson"};
  layer.symbols.push_back({.fill = "#f0f0f0", .stroke = "#ffffff", .stroke_width = 0.5, .legend = "no pattern"});
  for (const auto& [name, colour] : colours) {
    if (std::find(r.emerging.begin(), r.emerging.end(), name) == r.emerging.end()) continue;  // only the ones found
    layer.symbols.push_back({.filter = "[emerging] = '" + name + "'", .fill = colour, .stroke = "#ffffff",
                             .stroke_width = 0.5, .legend = name});
  }
  return {.id = "lsoa-emerging", .section = "lsoa-stats",
          .title = fmt::format("Emerging hot spot categories over {} months", r.months.size()), .layers = {layer}};
}

// brief.html: the LSOAs Gi* finds hot, by name, hottest first, as lsoa_stats.csv holds them.
void brief_section(const StudyData& study, const StatsResult& r, const std::string& prefix, StageReport& report) {
  std::vector<size_t> hot;
  for (size_t a = 0; a < r.gi_bin.size(); ++a) {
    if (r.gi_bin[a] > 0) hot.push_back(a);
  }
  std::stable_sort(hot.begin(), hot.end(), [&](size_t a, size_t b) { return r.gi_z[a] > r.gi_z[b]; });
  std::vector<std::vector<std::string>> rows;
  for (size_t a : hot) {
    const Area& area = study.boundaries.areas[a];
    const ImdRecord* imd = study.imd.find(area.code);
    rows.push_back({area.name.empty() ? area.code : area.name, area.code, std::to_string(r.count[a]), fixed(r.gi_z[a], 2),
                    gi_bin_label(r.gi_bin[a]), r.emerging.empty() ? "" : r.emerging[a],
                    imd ? std::to_string(imd->decile) : ""});
  }
  const std::string sentence = fmt::format(
      "{} of {} LSOAs are Gi* hot spots (90% confidence or more); the global Moran's I is {:.3f} (z = {:.2f}): {}.",
      hot.size(), r.gi_bin.size(), r.global.i, r.global.z,
      r.global.z > 1.96 ? "neighbouring LSOAs have similar values, more than chance would give"
                        : "no clear clustering of high or low values");
  report.headline.push_back(sentence);
  report.brief.push_back({"lsoa-stats", "Hot LSOAs (Getis-Ord Gi*)",
                          html_paragraph(sentence) +
                              html_table({"LSOA", "code", "incidents", "Gi* z", "class", "emerging", "IMD decile"}, rows,
                                         {2, 3, 6})});
  report.maps.push_back(gi_map(prefix));
  if (!r.emerging.empty()) report.maps.push_back(emerging_map(r, prefix));
}

class StatsStage final : public StageWith<StatsParams> {
 public:
  const StageInfo& info() const override {
    static const StageInfo i{
        .name = "stats",
        .purpose = "Statistically hot LSOAs: Getis-Ord Gi* and local Moran's I",
        .docs = "docs/method.md#area-statistics",
        .writes = "Writes DIR/lsoa_stats.geojson (+ lsoa_stats.qml, Gi* hot and cold spots) and DIR/lsoa_stats.csv with\n"
                  "Gi* z, p and permutation p, ArcGIS-style bins, local Moran I, z, permutation p and class, the\n"
                  "Mann-Kendall trend and emerging hot spot category; plus rejects.csv and summary.json with the\n"
                  "global Moran's I.",
        .example = "hotspot stats --incidents examples/ashfield-mansfield/police-uk --types serious-violence \\\n"
                   "    --boundaries shapefiles/nottinghamshire_lsoa11.shp --districts E07000170,E07000174 \\\n"
                   "    --imd examples/ashfield-mansfield/imd2019/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv \\\n"
                   "    --population examples/ashfield-mansfield/imd2019/File_6_-_IoD2019_Population_Denominators.csv \\\n"
                   "    --value rate --permutations 999 --output out/stats"};
    return i;
  }

  void finish(StudyInputs& inputs, bool) override {
    check_stats_params(params);
    inputs.boundary_options.value_field = value_field(params);
  }

  StageReport run(const StudyData& study, StageContext& c) override {
    const StatsResult r = analyse_stats(study, params);
    write_stats(study, params, r, c.out, c.prefix);
    StageReport report{"stats", stats_json(params, r), stats_text(r)};
    brief_section(study, r, c.prefix, report);
    return report;
  }

 protected:
  const OptionSet<StatsParams>& declared() const override {
    static const OptionSet<StatsParams> set = [] {
      OptionSet<StatsParams> s;
      using P = StatsParams;
      const std::string g = "Statistics";
      s.add({.section = "stats", .key = "value", .flag = "--value",
             .help = "count (incidents), rate (per 1,000 residents; needs the population) or a numeric field of the "
                     "boundaries (no trends then)",
             .example = "rate", .group = g},
            [](P& p) -> auto& { return p.value; });
      s.add_custom({.section = "stats", .key = "weights", .flag = "--weights", .default_text = "queen",
             .help = "queen, rook, knn:K (nearest centroids), distance:METRES (centroids within), or a GeoDa .gal/.gwt "
                     "file with the area codes as ids",
             .example = "knn:6", .group = g, .file_suffixes = {".gal", ".gwt"}},
            [](P& p, const Value& v) { p.weights = WeightsSpec::parse(std::get<std::string>(v.v), "stats.weights"); });
      s.add({.section = "stats", .key = "save_weights", .flag = "--save-weights", .choices = {"gal", "gwt"},
             .help = "Also write the weights used as weights.gal or weights.gwt (GeoDa/PySAL)", .example = "gal",
             .group = g},
            [](P& p) -> auto& { return p.save_weights; });
      s.add({.section = "stats", .key = "permutations", .flag = "--permutations", .kind = Kind::whole, .min = 1,
             .help = "Conditional permutations for pseudo p-values", .example = "99", .group = g},
            [](P& p) -> auto& { return p.permutations.permutations; });
      s.add({.section = "stats", .key = "seed", .flag = "--seed", .kind = Kind::whole, .min = 0,
             .help = "Seed of the permutations (per area, so any thread count gives the same p-values)",
             .example = "5000000001", .group = g},
            [](P& p) -> auto& { return p.permutations.seed; });
      s.add({.section = "stats", .key = "fdr", .flag = "--fdr", .kind = Kind::flag,
             .help = "Benjamini-Hochberg false discovery rate for the bins and classes", .example = "true", .group = g},
            [](P& p) -> auto& { return p.fdr; });
      return s;
    }();
    return set;
  }
};

}  // namespace

std::unique_ptr<Stage> make_stats_stage() { return std::make_unique<StatsStage>(); }

}  // namespace hotspot
