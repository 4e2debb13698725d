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

double segment_distance(double px, double py, double ax, double ay, double bx, double by) {
  const double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  t = std::clamp(t, 0.0, 1.0);
  return std::hypot(px - (ax + t * dx), py - (ay + t * dy));
}

// Inside by the crossing number, or within the tolerance of an edge: the engine's documented rule.
bool touches(const Polygon& p, double x, double y, double tol) {
  if (x < p.minx - tol || x > p.maxx + tol || y < p.miny - tol || y > p.maxy + tol) return false;
  bool inside = false;
  for (const Ring& r : p.rings) {
    for (size_t i = 0, j = r.x.size() - 1; i < r.x.size(); j = i++) {
      if (segment_distance(x, y, r.x[j], r.y[j], r.x[i], r.y[i]) <= tol) return true;
      if ((r.y[i] > y) != (r.y[j] > y) && x < (r.x[j] - r.x[i]) * (y - r.y[i]) / (r.y[j] - r.y[i]) + r.x[i]) {
        inside = !inside;
      }
    }
  }
  return inside;
}

// The edge order written out from its description in docs/method.md, without GEOS: Sort-Tile-
// Recursive packing with 10 entries per node (boxes sorted by centre x, cut into ceil(sqrt(
// ceil(n / 10))) vertical slices of equal count, each slice sorted by centre y and cut into
// nodes of 10; the same again over the nodes until one is left), read depth first.
std::vector<size_t> str_order(const std::vector<Polygon>& polygons) {
  struct Node {
    double xmin, ymin, xmax, ymax;
    std::vector<size_t> items;  // depth-first order of the polygons under the node
  };
  std::vector<Node> level;
  for (size_t i = 0; i < polygons.size(); ++i) {
    const Polygon& p = polygons[i];
    level.push_back({p.minx, p.miny, p.maxx, p.maxy, {i}});
  }
  constexpr size_t capacity = 10;
  while (level.size() > 1) {
    const size_t n = level.size();
    const double leaves = std::ceil(static_cast<double>(n) / capacity);
    const size_t slices = static_cast<size_t>(std::ceil(std::sqrt(leaves)));
    const size_t per_slice = static_cast<size_t>(std::ceil(static_cast<double>(n) / static_cast<double>(slices)));
    std::sort(level.begin(), level.end(), [](const Node& a, const Node& b) { return a.xmin + a.xmax < b.xmin + b.xmax; });
    std::vector<Node> parents;
    for (size_t start = 0; start < n; start += per_slice) {
      const auto first = level.begin() + static_cast<long>(start);
      const auto last = level.begin() + static_cast<long>(std::min(n, start + per_slice));
      std::sort(first, last, [](const Node& a, const Node& b) { return a.ymin + a.ymax < b.ymin + b.ymax; });
      for (auto child = first; child < last; child += std::min<long>(capacity, last - child)) {
        Node parent{1e300, 1e300, -1e300, -1e300, {}};
        for (auto c = child; c < child + std::min<long>(capacity, last - child); ++c) {
          parent.xmin = std::min(parent.xmin, c->xmin);
          parent.ymin = std::min(parent.ymin, c->ymin);
          parent.xmax = std::max(parent.xmax, c->xmax);
          parent.ymax = std::max(parent.ymax, c->ymax);
          parent.items.insert(parent.items.end(), c->items.begin(), c->items.end());
        }
        parents.push_back(std::move(parent));
      }
    }
    level = std::move(parents);
  }
  return level.front().items;
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
  // Every polygon tested in the edge order; the first one touched takes the point.
  const std::vector<size_t> order = str_order(polygons);
  REQUIRE(order.size() == polygons.size());
  struct Placed {
    int area = -1;
    int touched = 0;
  };
  std::map<std::pair<double, double>, Placed> memo;
  std::vector<uint64_t> oracle(polygons.size(), 0);
  size_t on_edges = 0;
  for (size_t i = 0; i < s.load.incidents.size(); ++i) {
    const double x = s.load.incidents.x[i], y = s.load.incidents.y[i];
    auto [it, fresh] = memo.try_emplace({x, y});
    Placed& placed = it->second;
    if (fresh) {
      for (size_t p : order) {
        if (!touches(polygons[p], x, y, kEdgeTolerance_m)) continue;
        if (placed.area < 0) placed.area = static_cast<int>(p);
        ++placed.touched;
      }
    }
    on_edges += placed.touched > 1;
    REQUIRE(placed.area >= 0);
    ++oracle[placed.area];
  }
  CHECK(on_edges == 270);  // docs/method.md: within 1 mm of a shared edge after projection
  size_t mismatched = 0;
  for (size_t p = 0; p < polygons.size(); ++p) {
    CHECK(polygons[p].code == s.boundaries.areas[p].code);
    mismatched += oracle[p] != r.counts.total[p];
  }
  CHECK(mismatched == 0);

  // The figures: 0.4453 of incidents in deciles 1-2 (27,015 / 60,664), 101.75 per 1,000
  // in decile 1 (14,676 / 144,231) and 18.42 in decile 10 (2,021 / 109,719).
  CHECK(r.share_deciles_1_2 == Approx(27015.0 / 60664.0));
  CHECK(std::round(r.share_deciles_1_2 * 1e4) / 1e4 == Approx(0.4453).margin(1e-12));
  CHECK(r.profile[0].incidents == 14676);
  CHECK(std::round(*r.profile[0].per_1000 * 100) / 100 == Approx(101.75).margin(1e-12));
  CHECK(r.profile[9].incidents == 2021);
  CHECK(std::round(*r.profile[9].per_1000 * 100) / 100 == Approx(18.42).margin(1e-12));

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
  CHECK(out.commit().size() == 3);
}
