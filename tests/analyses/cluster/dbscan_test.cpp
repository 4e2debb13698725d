// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <cmath>
#include <map>

#include "analyses/cluster/dbscan.hpp"
#include "core/errors.hpp"
#include "core/gdal_handles.hpp"
#include "inputs/incidents.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;

TEST_CASE("dbscan: core, border and noise on a hand-made line", "[analyses][cluster][dbscan]") {
  // eps 1 (inclusive), min 3: a point with both neighbours 1 m away is core.
  //   x:      0   1   2   3   |  5.5  |  8   9   10  11
  //   core:   n   y   y   n   |  n    |  n   y   y   n
  const std::vector<double> x = {0, 1, 2, 3, 5.5, 8, 9, 10, 11};
  const std::vector<double> y(x.size(), 0.0);
  const DbscanResult r = dbscan(x, y, {1.0, 3});
  CHECK(r.clusters == 2);
  CHECK(r.label == std::vector<int32_t>{0, 0, 0, 0, -1, 1, 1, 1, 1});
  CHECK(r.core == std::vector<char>{0, 1, 1, 0, 0, 0, 1, 1, 0});
}

TEST_CASE("dbscan: eps is inclusive, stacked points count, a border point takes the lower cluster",
          "[analyses][cluster][dbscan]") {
  // eps 1, min 4. x=3 is core (3, 3.5, 3.5 and the border point at 2), so is x=1 (1, 0.5,
  // 0.5 and 2); they are 2 m apart, two clusters. The point at 2 is exactly 1 m from both
  // cores but has only 3 points within eps: a border point of both.
  const std::vector<double> x = {3.5, 3.5, 3, 1, 0.5, 0.5, 2};
  const std::vector<double> y(x.size(), 0.0);
  const DbscanResult r = dbscan(x, y, {1.0, 4});
  CHECK(r.clusters == 2);
  // Clusters are numbered by their lowest-index core point: x=3 (index 2) is cluster 0, and the
  // border point joins it, the lower-numbered of its two clusters.
  CHECK(r.label == std::vector<int32_t>{0, 0, 0, 1, 1, 1, 0});
  CHECK(r.core == std::vector<char>{0, 0, 1, 1, 0, 0, 0});

  SECTION("fewer points than min-points: all noise; all points identical: one cluster") {
    CHECK(dbscan({1, 2}, {0, 0}, {10.0, 3}).label == std::vector<int32_t>{-1, -1});
    CHECK(dbscan({5, 5, 5}, {5, 5, 5}, {0.5, 3}).label == std::vector<int32_t>{0, 0, 0});
    CHECK(dbscan({}, {}, {10.0, 3}).clusters == 0);
  }
  SECTION("bad parameters") {
    CHECK_THROWS_WITH(dbscan(x, y, {0.0, 3}), Catch::Contains("cluster.eps = "));
    CHECK_THROWS_WITH(dbscan(x, y, {-5.0, 3}), Catch::Contains("must be > 0 m"));
    CHECK_THROWS_AS(dbscan(x, y, {1.0, 0}), UsageError);
  }
}

namespace {

// Adjusted Rand index of two labelings (Hubert & Arabie), for the agreement measure.
double adjusted_rand(const std::vector<int32_t>& a, const std::vector<int32_t>& b) {
  std::map<std::pair<int32_t, int32_t>, double> nij;
  std::map<int32_t, double> ai, bj;
  for (size_t i = 0; i < a.size(); ++i) {
    ++nij[{a[i], b[i]}];
    ++ai[a[i]];
    ++bj[b[i]];
  }
  const auto c2 = [](double v) { return v * (v - 1) / 2; };
  double index = 0, sa = 0, sb = 0;
  for (const auto& [k, v] : nij) index += c2(v);
  for (const auto& [k, v] : ai) sa += c2(v);
  for (const auto& [k, v] : bj) sb += c2(v);
  const double expected = sa * sb / c2(static_cast<double>(a.size()));
  return (index - expected) / ((sa + sb) / 2 - expected);
}

}  // namespace

TEST_CASE("dbscan on the 194,375 benchmark points equals scikit-learn 1.2 (eps 100, min 10)",
          "[analyses][cluster][dbscan][shared]") {
  const Incidents& points = test::benchmark_points();
  REQUIRE(points.size() == 194375);
  const DbscanResult r = dbscan(points.x, points.y, {100.0, 10});

  // Saved by tests/analyses/cluster/sklearn_dbscan.py (command in its header).
  auto ds = open_vector("/vsigzip/" + test::source_path("tests/analyses/cluster/sklearn_dbscan_eps100_min10.csv.gz"),
                        "sklearn labels", {"AUTODETECT_TYPE=YES"});
  std::vector<int32_t> labels;
  std::vector<char> core;
  for (auto& f : *ds->GetLayer(0)) {
    labels.push_back(f->GetFieldAsInteger("label"));
    core.push_back(static_cast<char>(f->GetFieldAsInteger("core")));
  }
  REQUIRE(labels.size() == points.size());
  CHECK(r.core == core);
  std::vector<int32_t> ours_core, theirs_core;
  size_t same_label = 0;
  for (size_t i = 0; i < labels.size(); ++i) {
    same_label += r.label[i] == labels[i];
    if (core[i]) {
      ours_core.push_back(r.label[i]);
      theirs_core.push_back(labels[i]);
    }
  }
  CHECK(r.clusters == 3002);
  CHECK(adjusted_rand(ours_core, theirs_core) == 1.0);
  CHECK(same_label == labels.size());  // border points too, by the documented rule
}
