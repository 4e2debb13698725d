// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <cmath>
#include <memory>

#include "core/crs.hpp"
#include "core/gdal_handles.hpp"
#include "outputs/geojson_layer.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;

namespace {

// A 1 m by 2 cm ellipse of 24 vertices at `angle`, in EPSG:27700: the degenerate NNH ellipses.
std::unique_ptr<OGRPolygon> thin_ellipse(double cx, double cy, double angle) {
  OGRLinearRing ring;
  for (int k = 0; k <= 24; ++k) {
    const double t = 2 * M_PI * (k % 24) / 24, a = 0.5 * std::cos(t), b = 0.01 * std::sin(t);
    ring.addPoint(cx + a * std::cos(angle) - b * std::sin(angle), cy + a * std::sin(angle) + b * std::cos(angle));
  }
  auto p = std::make_unique<OGRPolygon>();
  p->addRing(&ring);
  return p;
}

}  // namespace

TEST_CASE("geojson: every polygon written is valid after rounding to 6 decimals", "[outputs][geojson]") {
  init_gdal();
  const std::string path = test::fixture_dir("geojson_valid") + "/ellipses.geojson";
  GeoJsonLayer layer = create_geojson_layer(path, "ellipses", wkbPolygon);
  const TransformPtr to_wgs84 = from_working_crs(crs_from_user("EPSG:4326", "test"), "test");
  int invalid_if_rounded_naively = 0;
  for (int k = 0; k < 200; ++k) {
    const auto e = thin_ellipse(450000 + 37.3 * k, 350000 + 11.1 * k, 0.0157 * k);
    REQUIRE(e->IsValid());
    std::unique_ptr<OGRGeometry> naive(e->clone());
    naive->transform(to_wgs84.get());
    for (OGRPoint& p : *naive->toPolygon()->getExteriorRing()) {
      p.setX(std::round(p.getX() * 1e6) / 1e6);
      p.setY(std::round(p.getY() * 1e6) / 1e6);
    }
    invalid_if_rounded_naively += !naive->IsValid();
    layer.add_row({}, e->clone());
  }
  layer.close();
  CHECK(invalid_if_rounded_naively > 0);  // the case the writer must repair occurs
  GDALDatasetUniquePtr ds = open_vector(path, "test");
  int features = 0;
  for (auto& f : *ds->GetLayer(0)) {
    ++features;
    const OGRGeometry* g = f->GetGeometryRef();
    INFO("feature " << f->GetFID());
    REQUIRE(g);
    CHECK(g->IsValid());
  }
  CHECK(features == 200);
}
