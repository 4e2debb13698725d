// SPDX-License-Identifier: Apache-2.0
// The published figures on ../shared/data, and an independent point-in-polygon oracle.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>

#include "core/crs.hpp"
#include "core/gdal_handles.hpp"
#include "inputs/crime_types.hpp"
#include "outputs/output_folder.hpp"
#include "places/area_locator.hpp"
#include "pipeline/areas_stage.hpp"
#include "pipeline/study_data.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;

namespace {

StudyInputs nottinghamshire(const std::string& types) {
  StudyInputs in;
  in.incidents = {test::shared_path("police-uk")};
  in.boundaries = test::shared_path("boundaries/nottinghamshire_lsoa11.geojson");
  in.imd = test::shared_path("imd2019/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv");
  in.population = test::shared_path("imd2019/File_6_-_IoD2019_Population_Denominators.csv");
  in.filter.types = parse_crime_types(types, "--types");
  return in;
}

// The oracle: every polygon as plain rings in EPSG:27700, tested one by one without an index.
struct Ring {
  std::vector<double> x, y;
};
struct Polygon {
  std::string code;
  std::vector<Ring> rings;
  double minx = 1e300, miny = 1e300, maxx = -1e300, maxy = -1e300;
};

std::vector<Polygon> oracle_polygons(const std::string& path) {
  auto ds = open_vector(path, "test");
  OGRLayer* layer = ds->GetLayer(0);
  const TransformPtr ct = to_working_crs(*layer->GetSpatialRef(), "test");
  std::vector<Polygon> out;
  for (auto& f : *layer) {
    Polygon p;
    p.code = f->GetFieldAsString("LSOA11CD");
    OGRGeometry* g = f->GetGeometryRef();
    g->transform(ct.get());
    const OGRMultiPolygon* mp = OGRGeometryFactory::forceToMultiPolygon(g->clone())->toMultiPolygon();
    for (const OGRPolygon* poly : *mp) {
      for (const OGRLinearRing* r : *poly) {
        Ring ring;
        for (const OGRPoint& pt : *r) {
          ring.x.push_back(pt.getX());
          ring.y.push_back(pt.getY());
          p.minx = std::min(p.minx, pt.getX());
          p.maxx = std::max(p.maxx, pt.getX());
          p.miny = std::min(p.miny, pt.getY());
          p.maxy = std::max(p.maxy, pt.getY());
        }
        p.rings.push_back(std::move(ring));
      }
    }
    delete mp;
    out.push_back(std::move(p));
  }
  std::sort(out.begin(), out.end(), [](const Polygon& a, const Polygon& b) { return a.code < b.code; });
  return out;
}

// Inside by the crossing number (a point exactly on an edge may fall either way; the rule below
// never asks about one).
bool inside(const Polygon& p, double x, double y) {
  if (x < p.minx || x > p.maxx || y < p.miny || y > p.maxy) return false;
  bool in = false;
  for (const Ring& r : p.rings) {
    for (size_t i = 0, j = r.x.size() - 1; i < r.x.size(); j = i++) {
      if ((r.y[i] > y) != (r.y[j] > y) && x < (r.x[j] - r.x[i]) * (y - r.y[i]) / (r.y[j] - r.y[i]) + r.x[i]) in = !in;
    }
  }
  return in;
}

struct Nearest {
  double distance = 1e300, x = 0, y = 0;
};

// The nearest point of a polygon's rings to (x, y), by every segment.
Nearest nearest_edge_point(const Polygon& p, double x, double y) {
  Nearest best;
  for (const Ring& r : p.rings) {
    for (size_t i = 0, j = r.x.size() - 1; i < r.x.size(); j = i++) {
      const double ax = r.x[j], ay = r.y[j], dx = r.x[i] - ax, dy = r.y[i] - ay, len2 = dx * dx + dy * dy;
      const double t = len2 > 0 ? std::clamp(((x - ax) * dx + (y - ay) * dy) / len2, 0.0, 1.0) : 0.0;
      const double nx = ax + t * dx, ny = ay + t * dy, d = std::hypot(x - nx, y - ny);
      if (d < best.distance) best = {d, nx, ny};
    }
  }
  return best;
}

// docs/method.md's edge rule written out without GEOS: a point within the tolerance of an edge
// is moved onto the nearest edge point and a step north-east (east where that stays on an edge);
// it belongs to the polygon holding the moved point. Any other point: the polygon holding it.
struct Placed {
  int area = -1;
  bool on_edge = false;
};

Placed place(const std::vector<Polygon>& polygons, double x, double y, double tol, double step) {
  Placed out;
  Nearest edge;
  std::vector<size_t> near;
  for (size_t p = 0; p < polygons.size(); ++p) {
    const Polygon& g = polygons[p];
    if (x < g.minx - tol || x > g.maxx + tol || y < g.miny - tol || y > g.maxy + tol) continue;
    near.push_back(p);
    const Nearest n = nearest_edge_point(g, x, y);
    if (n.distance < edge.distance) edge = n;
  }
  const auto holder = [&](double qx, double qy) {
    for (size_t p : near) {
      if (inside(polygons[p], qx, qy)) return static_cast<int>(p);
    }
    return -1;
  };
  if (edge.distance > tol) {
    out.area = holder(x, y);
    return out;
  }
  out.on_edge = true;
  out.area = holder(edge.x + step, edge.y + step);
  if (out.area < 0) {
    bool still_on_edge = false;
    for (size_t p : near) still_on_edge = still_on_edge || nearest_edge_point(polygons[p], edge.x + step, edge.y + step).distance < step / 100;
    if (still_on_edge) out.area = holder(edge.x + step, edge.y);
  }
  return out;
}

}  // namespace

TEST_CASE("police.uk, 18 months, all types: 197,026 rows = 194,375 loaded + 1,517 + 1,134 rejected",
          "[shared][real]") {
  const StudyData s = load_study(nottinghamshire("all"));
  const RowAccount& a = s.load.account;
  CHECK(a.read == 197026);
  CHECK(a.loaded == 194375);
  CHECK(a.filtered() == 0);
  const auto by_reason = a.rejected_by_reason();
  CHECK(by_reason.at("no coordinates") == 1517);
  CHECK(by_reason.at("outside study area") == 1134);
  CHECK(a.rejects.size() == 2651);
  CHECK(a.balanced());
  CHECK(a.repeated_ids_other_location > 0);

  // The shared benchmark holds the same 194,375 incidents as BNG x,y rounded to 0.1 m.
  std::ifstream bench(test::shared_path("benchmarks/notts_inside_xy.csv"));
  std::string line;
  std::getline(bench, line);
  std::vector<std::pair<long, long>> expected, ours;
  while (std::getline(bench, line)) {
    const size_t comma = line.find(',');
    expected.emplace_back(std::lround(std::stod(line.substr(0, comma)) * 10), std::lround(std::stod(line.substr(comma + 1)) * 10));
  }
  for (size_t i = 0; i < s.load.incidents.size(); ++i) {
    ours.emplace_back(std::lround(s.load.incidents.x[i] * 10), std::lround(s.load.incidents.y[i] * 10));
  }
  std::sort(expected.begin(), expected.end());
  std::sort(ours.begin(), ours.end());
  REQUIRE(expected.size() == 194375);
  size_t differ = 0;
  for (size_t i = 0; i < ours.size(); ++i) differ += (std::labs(ours[i].first - expected[i].first) > 1 || std::labs(ours[i].second - expected[i].second) > 1);
  CHECK(differ == 0);
}

TEST_CASE("serious violence: per-LSOA counts equal a brute-force oracle, and the deprivation profile", "[shared][real]") {
  const StudyData s = load_study(nottinghamshire("serious-violence"));
  CHECK(s.load.account.loaded == 60664);
  const AreasResult r = analyse_areas(s);

  const std::vector<Polygon> polygons = oracle_polygons(test::shared_path("boundaries/nottinghamshire_lsoa11.geojson"));
  REQUIRE(polygons.size() == s.boundaries.areas.size());
  // Every incident placed again by the oracle, which tries every polygon (no index, no GEOS).
  std::map<std::pair<double, double>, Placed> memo;
  std::vector<uint64_t> oracle(polygons.size(), 0);
  uint64_t on_edges = 0, outside = 0;
  for (size_t i = 0; i < s.load.incidents.size(); ++i) {
    const double x = s.load.incidents.x[i], y = s.load.incidents.y[i];
    auto [it, fresh] = memo.try_emplace({x, y});
    if (fresh) it->second = place(polygons, x, y, kEdgeTolerance_m, kEdgeStep_m);
    on_edges += it->second.on_edge;
    if (it->second.area < 0) {
      ++outside;
      continue;
    }
    ++oracle[static_cast<size_t>(it->second.area)];
  }
  // docs/method.md: 270 incidents within 1 mm of an edge after projection, all of them on shared
  // edges inside the county, so the rule moves incidents between LSOAs but out of none.
  CHECK(on_edges == 270);
  CHECK(s.incidents_on_edges == 270);
  CHECK(outside == 0);
  size_t mismatched = 0;
  for (size_t p = 0; p < polygons.size(); ++p) {
    CHECK(polygons[p].code == s.boundaries.areas[p].code);
    mismatched += oracle[p] != r.counts.total[p];
  }
  CHECK(mismatched == 0);

  // The deprivation profile from the oracle's counts and the IMD file, by hand: the engine's
  // figures must be these (0.4451 in deciles 1-2, 101.95 per 1,000 in decile 1 and 18.41 in
  // decile 10 under the north-east rule; 0.4453, 101.75 and 18.42 under the earlier edge order).
  std::map<int, double> by_decile;
  for (size_t p = 0; p < polygons.size(); ++p) by_decile[s.imd.find(polygons[p].code)->decile] += static_cast<double>(oracle[p]);
  const double total = 60664;
  CHECK(r.share_deciles_1_2 == Approx((by_decile[1] + by_decile[2]) / total));
  CHECK(static_cast<double>(r.profile[0].incidents) == by_decile[1]);
  CHECK(static_cast<double>(r.profile[9].incidents) == by_decile[10]);
  CHECK(*r.profile[0].per_1000 == Approx(by_decile[1] * 1000.0 / 144231));
  CHECK(*r.profile[9].per_1000 == Approx(by_decile[10] * 1000.0 / 109719));
  CHECK(std::round(r.share_deciles_1_2 * 1e4) / 1e4 == Approx(0.4451).margin(1e-12));
  CHECK(std::round(*r.profile[0].per_1000 * 100) / 100 == Approx(101.95).margin(1e-12));
  CHECK(std::round(*r.profile[9].per_1000 * 100) / 100 == Approx(18.41).margin(1e-12));

  // A district selection places points as the whole layer does: Ashfield and Mansfield's LSOAs
  // get the same counts when only those two districts are read.
  StudyInputs am = nottinghamshire("serious-violence");
  am.boundary_options.districts = {"E07000170", "E07000174"};
  const StudyData part = load_study(am);
  const AreasResult part_counts = analyse_areas(part);
  REQUIRE(part.boundaries.areas.size() == 141);
  size_t part_differ = 0;
  for (size_t a = 0; a < part.boundaries.areas.size(); ++a) {
    const auto& areas = s.boundaries.areas;
    const auto it = std::find_if(areas.begin(), areas.end(), [&](const Area& x) { return x.code == part.boundaries.areas[a].code; });
    REQUIRE(it != areas.end());
    part_differ += part_counts.counts.total[a] != r.counts.total[static_cast<size_t>(it - areas.begin())];
  }
  CHECK(part_differ == 0);

  // The county layer, for the QGIS and ogrinfo checks (679 features in EPSG:4326).
  OutputFolder out(test::output_dir("notts_serious_violence"));
  write_areas(s, r, out);
  CHECK(out.commit().size() == 4);  // lsoa.geojson, lsoa.qml, lsoa.csv, deprivation_profile.csv
}
