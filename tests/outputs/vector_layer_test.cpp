// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <memory>

#include "core/crs.hpp"
#include "core/gdal_handles.hpp"
#include "outputs/styles.hpp"
#include "outputs/vector_layer.hpp"
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
  const std::string dir = test::fixture_dir("geojson_valid");
  const std::string path = dir + "/ellipses.geojson";
  OutputFolder out(dir, OutputFolder::Mode::files);
  VectorLayer layer(out, "ellipses", "ellipses", wkbPolygon);
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
  out.commit();
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

namespace {

// The layer written in `format` as a two-feature pack in `dir`: a 100 m square with an exact
// EPSG:27700 corner and a long-named field, styled by a QML that names that field.
void write_two_squares(const std::string& dir, LayerFormat format) {
  set_layer_format(format);
  OutputFolder out(dir);
  VectorLayer layer(out, "step/squares", "squares", wkbPolygon);
  layer.add_fields({{"name", OFTString}, {"rate_per_1000", OFTReal}});
  for (int k = 0; k < 2; ++k) {
    OGRLinearRing ring;
    const double x = 450000.25 + 100 * k, y = 350000.75;
    for (const auto& [dx, dy] : {std::pair{0, 0}, {100, 0}, {100, 100}, {0, 100}, {0, 0}}) ring.addPoint(x + dx, y + dy);
    auto square = std::make_unique<OGRPolygon>();
    square->addRing(&ring);
    layer.add_row({k ? "east" : "west", k ? "12.5" : "7.25"}, square.release());
  }
  layer.set_style("<qgis><renderer-v2 attr=\"rate_per_1000\"/><x>&quot;rate_per_1000&quot;</x></qgis>");
  layer.close();
  out.commit();
  set_layer_format(LayerFormat::geojson);
}

}  // namespace

TEST_CASE("layers: each format keeps the features, its CRS and the style", "[outputs][formats]") {
  init_gdal();
  struct Case {
    LayerFormat format;
    std::string file, layer, crs;
    double first_x;  // the first vertex as the file holds it
  };
  OGRPoint corner(450000.25, 350000.75);  // in lon/lat, to 6 decimals, as GeoJSON keeps it
  corner.transform(from_working_crs(crs_from_user("EPSG:4326", "test"), "test").get());
  const std::vector<Case> cases = {{LayerFormat::geojson, "step/squares.geojson", "squares", "4326", std::round(corner.getX() * 1e6) / 1e6},
                                   {LayerFormat::gpkg, "pack.gpkg", "step_squares", "27700", 450000.25},
                                   {LayerFormat::fgb, "step/squares.fgb", "squares", "27700", 450000.25},
                                   {LayerFormat::shp, "step/squares.shp", "squares", "27700", 450000.25}};
  for (const Case& c : cases) {
    const std::string dir = test::fixture_dir("formats_" + layer_format_names()[static_cast<size_t>(c.format)]) + "/pack";
    INFO(c.file);
    write_two_squares(dir, c.format);
    GDALDatasetUniquePtr ds = open_vector(dir + "/" + c.file, "test");
    OGRLayer* layer = ds->GetLayerByName(c.layer.c_str());
    REQUIRE(layer);
    CHECK(std::string(layer->GetSpatialRef()->GetAuthorityCode(nullptr)) == c.crs);
    REQUIRE(layer->GetFeatureCount() == 2);
    layer->SetAttributeFilter("name = 'west'");  // FlatGeobuf orders features by its spatial index
    OGRFeatureUniquePtr f(layer->GetNextFeature());
    REQUIRE(f);
    CHECK(f->GetFieldAsDouble(1) == 7.25);
    const OGRLinearRing* ring = f->GetGeometryRef()->toPolygon()->getExteriorRing();
    CHECK(ring->getX(0) == Approx(c.first_x).margin(c.crs == "4326" ? 1e-6 : 0));
    // No scratch GeoJSON is published beside another format.
    CHECK(std::filesystem::exists(dir + "/step/squares.geojson") == (c.format == LayerFormat::geojson));
    if (c.format == LayerFormat::gpkg) {  // the style is the layer's default in layer_styles
      OGRLayer* styles = ds->ExecuteSQL("SELECT styleQML, useAsDefault FROM layer_styles WHERE f_table_name = 'step_squares'",
                                        nullptr, nullptr);
      REQUIRE(styles);
      OGRFeatureUniquePtr s(styles->GetNextFeature());
      REQUIRE(s);
      CHECK(std::string(s->GetFieldAsString(0)).find("attr=\"rate_per_1000\"") != std::string::npos);
      CHECK(s->GetFieldAsInteger(1) == 1);
      ds->ReleaseResultSet(styles);
      CHECK_FALSE(std::filesystem::exists(dir + "/step/squares.qml"));
    } else {
      // A Shapefile shortens the field to 10 characters, and the style follows it.
      const std::string field = c.format == LayerFormat::shp ? "rate_per_1" : "rate_per_1000";
      CHECK(std::string(layer->GetLayerDefn()->GetFieldDefn(1)->GetNameRef()) == field);
      const std::string qml = read_text(dir + "/step/squares.qml");
      CHECK(qml.find("attr=\"" + field + "\"") != std::string::npos);
      CHECK(qml.find("&quot;" + field + "&quot;") != std::string::npos);
    }
  }
}
