// SPDX-License-Identifier: Apache-2.0
#include "pipeline/cluster_stage.hpp"

#include <algorithm>
#include <set>

#include "core/errors.hpp"
#include "outputs/csv_table.hpp"
#include "outputs/numbers.hpp"
#include "outputs/point_layer.hpp"
#include "outputs/styles.hpp"
#include "places/area_locator.hpp"
#include "places/random_points.hpp"

namespace hotspot {
namespace {

// A cluster's published record from the incidents under it and the points its shape is drawn on.
ClusterFeature describe(const StudyData& study, const AreaLocator& locator, ClusterShape shape,
                        const std::vector<uint32_t>& incidents, const std::vector<double>& px,
                        const std::vector<double>& py) {
  const Incidents& inc = study.load.incidents;
  ClusterFeature f;
  f.incidents = incidents.size();
  f.share = inc.size() ? static_cast<double>(incidents.size()) / static_cast<double>(inc.size()) : 0.0;
  for (size_t i = 0; i < px.size(); ++i) {
    f.centre_x += px[i];
    f.centre_y += py[i];
  }
  f.centre_x /= static_cast<double>(px.size());
  f.centre_y /= static_cast<double>(px.size());
  GEOSContextHandle_t ctx = study.boundaries.geos->get();
  f.polygon = cluster_polygon(ctx, shape, px, py, f.degenerate);
  f.shape = to_string(shape);
  double area_m2 = 0;
  GEOSArea_r(ctx, f.polygon.get(), &area_m2);
  f.area_km2 = area_m2 / 1e6;
  std::set<std::string> codes;
  for (uint32_t i : incidents) codes.insert(study.boundaries.areas[study.area_of[i]].code);
  for (const auto& c : codes) f.lsoa_codes += (f.lsoa_codes.empty() ? "" : ";") + c;
  const int32_t a = locator.locate(f.centre_x, f.centre_y);
  if (a >= 0) {
    const Area& area = study.boundaries.areas[a];
    f.centre_lsoa = area.code;
    const ImdRecord* r = study.imd.find(area.code);
    f.centre_district = r ? r->district_name : area.district_code;
    if (r) f.imd_decile = r->decile;
  }
  return f;
}

void rank_within_orders(std::vector<ClusterFeature>& features) {
  std::stable_sort(features.begin(), features.end(), [](const ClusterFeature& a, const ClusterFeature& b) {
    return a.order != b.order ? a.order < b.order : a.incidents > b.incidents;
  });
  for (size_t i = 0; i < features.size(); ++i) {
    features[i].rank = (i > 0 && features[i - 1].order == features[i].order) ? features[i - 1].rank + 1 : 1;
  }
}

}  // namespace

void check_cluster_method(const std::string& method) {
  if (method != "nni" && method != "nnh" && method != "dbscan") {
    throw UsageError("cluster: 'method' = '" + method + "': choose nni, nnh or dbscan");
  }
}

ClusterResult analyse_clusters(const StudyData& study, const ClusterParams& params, const Progress& progress) {
  check_cluster_method(params.method);
  const Incidents& inc = study.load.incidents;
  const double area_m2 = study.boundaries.total_area_m2();
  ClusterResult r;
  r.method = params.method;
  r.nni = nearest_neighbour_index(inc.x, inc.y, area_m2, params.nni);
  r.point_cluster.assign(inc.size(), -1);
  if (params.method == "nni") return r;

  const AreaLocator locator(study.boundaries);
  if (params.method == "dbscan") {
    r.shape = params.shape.value_or(ClusterShape::hull);
    r.dbscan = dbscan(inc.x, inc.y, params.dbscan, progress);
    r.point_cluster = r.dbscan->label;
    std::vector<std::vector<uint32_t>> members(static_cast<size_t>(r.dbscan->clusters));
    for (uint32_t i = 0; i < inc.size(); ++i) {
      if (r.dbscan->label[i] >= 0) members[static_cast<size_t>(r.dbscan->label[i])].push_back(i);
    }
    for (size_t c = 0; c < members.size(); ++c) {
      std::vector<double> px, py;
      for (uint32_t i : members[c]) {
        px.push_back(inc.x[i]);
        py.push_back(inc.y[i]);
      }
      ClusterFeature f = describe(study, locator, r.shape, members[c], px, py);
      f.id = static_cast<int32_t>(c);
      for (uint32_t i : members[c]) f.core_points += r.dbscan->core[i] ? 1 : 0;
      r.features.push_back(std::move(f));
    }
  } else {
    r.shape = params.shape.value_or(ClusterShape::ellipse1);
    const RandomPointSampler sampler(study.boundaries);
    r.nnh = nnh(inc.x, inc.y, area_m2, params.nnh, sampler, progress);
    r.point_cluster = r.nnh->first_order;
    for (size_t c = 0; c < r.nnh->clusters.size(); ++c) {
      const NnhCluster& nc = r.nnh->clusters[c];
      ClusterFeature f = describe(study, locator, r.shape, nc.incidents, nc.px, nc.py);
      f.id = static_cast<int32_t>(c);
      f.order = nc.order;
      r.features.push_back(std::move(f));
    }
  }
  rank_within_orders(r.features);
  return r;
}

void write_clusters(const StudyData& study, const ClusterResult& result, OutputFolder& out, const std::string& prefix) {
  CsvTable nni{{"k", "observed_mean_m", "expected_mean_m", "ratio", "z", "p_clustered", "points", "area_km2",
                "tied_share"},
               {}};
  for (const NniOrder& o : result.nni.orders) {
    const bool first = o.k == 1;
    nni.rows.push_back({std::to_string(o.k), fixed(o.observed_m, 3), fixed(o.expected_m, 3), fixed(o.ratio, 4),
                        first ? fixed(result.nni.z, 3) : "", first ? fixed(result.nni.p_clustered, 6) : "",
                        std::to_string(result.nni.points), fixed(result.nni.area_m2 / 1e6, 3),
                        fixed(result.nni.tied_share, 4)});
  }
  write_csv(out.stage(prefix + "nni.csv"), nni);
  if (result.method == "nni") return;
  write_cluster_layer(out.stage(prefix + "clusters.geojson"), study.boundaries.geos->get(), result.features,
                      result.dbscan.has_value());
  write_text(out.stage(prefix + "clusters.qml"), clusters_style_qml());
  write_labelled_points(out.stage(prefix + "points.gpkg"), study.load.incidents, study.area_of, study.boundaries,
                        result.point_cluster, result.dbscan ? result.dbscan->core : std::vector<char>{});
}

}  // namespace hotspot
