// SPDX-License-Identifier: Apache-2.0
#include "pipeline/cluster_stage.hpp"

#include <algorithm>
#include <iterator>
#include <set>

#include <fmt/format.h>

#include "core/errors.hpp"
#include "core/indexed_locations.hpp"
#include "outputs/csv_table.hpp"
#include "outputs/numbers.hpp"
#include "outputs/point_layer.hpp"
#include "outputs/run_record.hpp"
#include "outputs/styles.hpp"
#include "places/area_locator.hpp"
#include "places/random_points.hpp"
#include "pipeline/stage.hpp"

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
  std::vector<int32_t> areas;  // each incident's, then each area once
  areas.reserve(incidents.size());
  for (uint32_t i : incidents) areas.push_back(study.area_of[i]);
  std::sort(areas.begin(), areas.end());
  areas.erase(std::unique(areas.begin(), areas.end()), areas.end());
  std::set<std::string> codes;
  for (int32_t a : areas) codes.insert(study.boundaries.areas[a].code);
  for (const auto& c : codes) f.lsoa_codes += (f.lsoa_codes.empty() ? "" : ";") + c;
  const int32_t a = locator.locate(f.centre_x, f.centre_y);
  if (a >= 0) {
    const Area& area = study.boundaries.areas[a];
    f.centre_lsoa = area.code;
    const ImdRecord* r = study.imd.find(area.code);
    f.centre_lsoa_name = area.name;
    f.centre_district = r ? r->district_name : area.district_code;
    if (r) f.imd_decile = r->decile;
  }
  f.name = place_namer(study).name(incidents, f.centre_district);
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
  report(progress, "nearest neighbour index", 0.0);
  const IndexedLocations points(inc.x, inc.y);  // the NNI's and DBSCAN's
  r.nni = nearest_neighbour_index(points, area_m2, params.nni);
  report(progress, "nearest neighbour index", 1.0);
  r.point_cluster.assign(inc.size(), -1);
  if (params.method == "nni") return r;

  const AreaLocator locator(study.boundaries);
  if (params.method == "dbscan") {
    r.shape = params.shape.value_or(ClusterShape::hull);
    r.dbscan = dbscan(points, params.dbscan, progress);
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
    const auto draw = [&](std::mt19937_64& rng, std::vector<double>& x, std::vector<double>& y) { sampler.draw(rng, x, y); };
    r.nnh = nnh(inc.x, inc.y, area_m2, params.nnh, draw, progress);
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

void write_clusters(const StudyData& study, const ClusterResult& result, OutputFolder& out, const std::string& prefix,
                    bool points) {
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
  write_cluster_layer(out, prefix + "clusters", study.boundaries.geos->get(), result.features, result.dbscan.has_value());
  if (!points) return;
  write_labelled_points(out, prefix + "points", study.load.incidents, study.area_of, study.boundaries,
                        result.point_cluster, result.dbscan ? result.dbscan->core : std::vector<char>{});
}

namespace {

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
    h.Add("notes", json_strings(r.nnh->notes));
    o.Add("nnh", h);
  }
  return o;
}

std::string cluster_text(const ClusterResult& c) {
  std::string text;
  auto out = std::back_inserter(text);
  const NniResult& n = c.nni;
  fmt::format_to(out, "\nnearest neighbour index: R = {:.4f} (observed {:.1f} m, expected {:.1f} m), z = {:.2f}, p = {:.3g}\n",
                 n.ratio, n.observed_m, n.expected_m, n.z, n.p_clustered);
  fmt::format_to(out, "  {:.1f}% of incidents share their exact location with another\n", 100.0 * n.tied_share);
  if (c.dbscan) fmt::format_to(out, "dbscan: {} clusters\n", count_text(static_cast<uint64_t>(c.dbscan->clusters)));
  if (c.nnh) {
    for (const NnhOrder& o : c.nnh->orders) {
      fmt::format_to(out, "nnh order {}: {} points, threshold {:.1f} m, {} clusters\n", o.order, count_text(o.points),
                     o.threshold_m, o.clusters);
    }
    for (const auto& note : c.nnh->notes) fmt::format_to(out, "  stopped: {}\n", note);
    if (const auto& sim = c.nnh->simulation) {
      fmt::format_to(out, "  {} random runs: first-order clusters median {:.0f} (95% range {:.1f} to {:.1f}), p = {:.3f}\n",
                     sim->runs, sim->median, sim->p025, sim->p975, sim->p_value);
    }
  }
  return text;
}

// brief.html: the nearest neighbour index in words, and the first-order clusters by name.
void brief_section(const ClusterResult& r, const std::string& prefix, StageReport& report) {
  const NniResult& n = r.nni;
  std::string html = html_paragraph(fmt::format(
      "Incidents are {} than chance would place them: the mean distance to the nearest other incident is {:.1f} m "
      "against {:.1f} m for points spread at random over the study area (nearest neighbour index R = {:.3f}, z = {:.1f}). "
      "{:.0f}% of incidents share their exact point with another, as police.uk publishes crimes at shared map points.",
      n.ratio < 1 ? "closer together" : "further apart", n.observed_m, n.expected_m, n.ratio, n.z, 100.0 * n.tied_share));
  std::vector<std::vector<std::string>> rows;
  for (const ClusterFeature& f : r.features) {
    if (f.order != 1 || rows.size() >= 20) continue;
    rows.push_back({std::to_string(f.rank), f.name.streets, f.name.ward, f.name.district, std::to_string(f.incidents),
                    fixed(f.area_km2, 4)});
  }
  if (!rows.empty()) {
    html += html_paragraph(fmt::format("The {} largest first-order {} clusters (clusters.geojson holds all {}):", rows.size(),
                                       r.method == "nnh" ? "NNH" : "DBSCAN", r.features.size()));
    html += html_table({"rank", "streets", "ward", "district", "incidents", "area (km2)"}, rows, {0, 4, 5});
  }
  report.brief.push_back({"clusters", "Clusters", html});
  if (r.features.empty()) return;
  // Clusters whose incidents share one point have no area: a dot sized by incidents shows them.
  // DBSCAN has one order; NNH's higher orders are outlined over the first.
  const bool nnh = r.method == "nnh";
  const std::string first = nnh ? "[order] = 1" : "[order] >= 1";
  std::vector<MapSymbol> symbols;
  if (nnh) symbols.push_back({.filter = "[order] > 1", .stroke = "#542788", .stroke_width = 2.5, .legend = "higher-order cluster"});
  symbols.push_back({.filter = first + " and not ([degenerate] = 1)", .fill = "#2166ac", .fill_opacity = 0.35,
                     .stroke = "#2166ac", .stroke_width = 1.2,
                     .legend = fmt::format("{} ({})", nnh ? "first-order cluster" : "cluster",
                                           r.shape == ClusterShape::hull ? "convex hull" : "ellipse")});
  symbols.push_back({.filter = first + " and [degenerate] = 1", .fill = "#2166ac", .fill_opacity = 0.7, .stroke = "#ffffff",
                     .marker_width = "4 + [incidents] / 8", .legend = "incidents at one point (dot sized by incidents)"});
  symbols.push_back({.filter = first + " and [rank] <= 10", .label = "[rank]", .label_size = 11});
  report.maps.push_back({.id = "clusters",
                         .section = "clusters",
                         .title = nnh ? "NNH clusters (first order; higher orders outlined)" : "DBSCAN clusters",
                         .layers = {{.source = prefix + "clusters.geojson", .symbols = std::move(symbols)}}});
}

class ClusterStage final : public StageWith<ClusterParams> {
 public:
  const StageInfo& info() const override {
    static const StageInfo i{
        .name = "cluster",
        .purpose = "Nearest neighbour index, and NNH or DBSCAN clusters of incidents",
        .docs = "docs/method.md#clusters",
        .writes = "Writes DIR/nni.csv and, for nnh and dbscan, DIR/clusters.geojson (+ clusters.qml) and, with --points,\n"
                  "DIR/points.gpkg (the incidents with their cluster, for your own use), plus rejects.csv and summary.json.\n"
                  "The study area (for the NNI and NNH's threshold) is the boundaries' total area.",
        .example = "hotspot cluster --method nnh --probability 0.01 --simulations 99 --shape ellipse2 \\\n"
                   "    --incidents examples/ashfield-mansfield/police-uk --types serious-violence \\\n"
                   "    --boundaries shapefiles/nottinghamshire_lsoa11.shp --districts E07000170,E07000174 \\\n"
                   "    --imd examples/ashfield-mansfield/imd2019/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv \\\n"
                   "    --output out/nnh"};
    return i;
  }

  StageReport run(const StudyData& study, StageContext& c) override {
    const ClusterResult r = analyse_clusters(study, params, c.progress);
    write_clusters(study, r, c.out, c.prefix, params.points);
    StageReport report{"cluster", cluster_json(params, r), cluster_text(r)};
    brief_section(r, c.prefix, report);
    return report;
  }

 protected:
  const OptionSet<ClusterParams>& declared() const override {
    static const OptionSet<ClusterParams> set = [] {
      OptionSet<ClusterParams> s;
      using P = ClusterParams;
      const std::string g = "Clustering";
      s.add({.section = "cluster", .key = "method", .flag = "--method", .choices = {"nni", "nnh", "dbscan"},
             .help = "What to compute: the nearest neighbour index alone, NNH clusters or DBSCAN clusters (the NNI is "
                     "reported by every method)",
             .example = "nnh", .group = g},
            [](P& p) -> auto& { return p.method; });
      s.add({.section = "cluster", .key = "eps", .flag = "--eps", .kind = Kind::number, .unit = "m", .min = 0,
             .min_open = true, .help = "DBSCAN: neighbourhood radius, inclusive", .example = "100", .group = g},
            [](P& p) -> auto& { return p.dbscan.eps_m; });
      s.add_custom({.section = "cluster", .key = "min_points", .flag = "--min-points", .kind = Kind::whole,
                    .default_text = "10", .min = 1,
                    .help = "DBSCAN: points within eps (the point itself included) of a core point; NNH: points a "
                            "cluster needs at each order (at least 2)",
                    .example = "10", .group = g},
                   [](P& p, const Value& v) {
                     OptionSet<P>::assign(p.dbscan.min_points, v);
                     p.nnh.min_points = p.dbscan.min_points;
                   });
      s.add({.section = "cluster", .key = "probability", .flag = "--probability", .kind = Kind::number, .min = 0,
             .max = 1, .min_open = true, .max_open = true,
             .help = "NNH: the threshold is the random expectation lowered to this one-tailed level", .example = "0.01",
             .group = g},
            [](P& p) -> auto& { return p.nnh.probability; });
      s.add({.section = "cluster", .key = "threshold", .flag = "--threshold", .kind = Kind::number, .unit = "m",
             .default_text = "", .min = 0, .min_open = true,
             .help = "NNH: a fixed linking distance instead of probability", .example = "150", .group = g},
            [](P& p) -> auto& { return p.nnh.threshold_m; });
      s.add({.section = "cluster", .key = "simulations", .flag = "--simulations", .kind = Kind::whole, .min = 0,
             .help = "NNH: Monte Carlo runs on random points in the study area, to compare the cluster count against",
             .example = "99", .group = g},
            [](P& p) -> auto& { return p.nnh.simulations; });
      s.add({.section = "cluster", .key = "seed", .flag = "--seed", .kind = Kind::whole, .min = 0,
             .help = "NNH: seed of the simulations", .example = "5000000001", .group = g},
            [](P& p) -> auto& { return p.nnh.seed; });
      s.add({.section = "cluster", .key = "points", .flag = "--points", .kind = Kind::flag,
             .help = "Also write points.gpkg: every incident with its source file and line, month, type, LSOA and "
                     "cluster, for your own use in QGIS (a row and a spatial index entry per incident: the slowest "
                     "output of a large run)",
             .example = "true", .group = g},
            [](P& p) -> auto& { return p.points; });
      s.add({.section = "cluster", .key = "k_orders", .flag = "--k-orders", .kind = Kind::whole, .min = 1,
             .help = "NNI: also the mean distance to the 2nd .. K-th neighbour", .example = "3", .group = g},
            [](P& p) -> auto& { return p.nni.k_orders; });
      s.add_custom({.section = "cluster", .key = "shape", .flag = "--shape", .default_text = "hull (dbscan), ellipse1 (nnh)",
                    .choices = {"hull", "ellipse1", "ellipse2"},
                    .help = "Cluster polygons: convex hull, or standard deviational ellipse at 1 or 2 SD",
                    .example = "ellipse1", .group = g},
                   [](P& p, const Value& v) { p.shape = parse_cluster_shape(std::get<std::string>(v.v)); });
      return s;
    }();
    return set;
  }
};

}  // namespace

std::unique_ptr<Stage> make_cluster_stage() { return std::make_unique<ClusterStage>(); }

}  // namespace hotspot
