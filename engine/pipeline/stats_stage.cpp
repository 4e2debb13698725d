// SPDX-License-Identifier: Apache-2.0
#include "pipeline/stats_stage.hpp"

#include <algorithm>
#include <cmath>

#include "analyses/normal_tails.hpp"
#include "analyses/areas/area_counts.hpp"
#include "analyses/stats/hot_spot_classes.hpp"
#include "core/errors.hpp"
#include "outputs/csv_table.hpp"
#include "outputs/numbers.hpp"
#include "outputs/geojson_layer.hpp"
#include "outputs/styles.hpp"
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
  for (int m = first; first && m <= last; m = (m % 100 == 12) ? (m / 100 + 1) * 100 + 1 : m + 1) months.push_back(m);
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
  check_weights_spec(params.weights, "stats: 'weights'");
  if (!params.save_weights.empty() && params.save_weights != "gal" && params.save_weights != "gwt") {
    throw UsageError("stats: 'save-weights' = '" + params.save_weights + "': choose gal or gwt");
  }
}

StatsResult analyse_stats(const StudyData& study, const StatsParams& params) {
  check_stats_params(params);
  StatsResult r;
  r.weights = weights_from_spec(study.boundaries, params.weights, "stats: 'weights'");
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
  GeoJsonLayer layer = create_geojson_layer(out.stage(prefix + "lsoa_stats.geojson"), "lsoa_stats", wkbMultiPolygon);
  for (const auto& [name, type] : fields) {
    OGRFieldDefn f(name, type);
    layer.layer->CreateField(&f);
  }
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
    OGRFeature f(layer.layer->GetLayerDefn());
    for (int i = 0; i < f.GetFieldCount(); ++i) {
      if (row[i].empty()) {
        f.SetFieldNull(i);
      } else {
        f.SetField(i, row[i].c_str());  // OGR converts the text to the field's type
      }
    }
    f.SetGeometryDirectly(OGRGeometryFactory::forceToMultiPolygon(OGRGeometryFactory::createFromGEOS(ctx, area.geometry.get())));
    layer.add(f);
  }
  layer.close();
  write_text(out.stage(prefix + "lsoa_stats.qml"), lsoa_stats_style_qml());
  write_csv(out.stage(prefix + "lsoa_stats.csv"), table);
  if (params.save_weights == "gal") write_gal(out.stage(prefix + "weights.gal"), study.boundaries, r.weights);
  if (params.save_weights == "gwt") write_gwt(out.stage(prefix + "weights.gwt"), study.boundaries, r.weights);
}

}  // namespace hotspot
