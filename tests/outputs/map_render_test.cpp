// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "core/gdal_handles.hpp"
#include "outputs/maps/class_breaks.hpp"
#include "outputs/maps/map_render.hpp"
#include "outputs/styles.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;

namespace {

// A 1 km square in EPSG:27700, as a GeoJSON layer.
std::string write_square(const std::string& path, double x0, double y0) {
  init_gdal();
  GDALDatasetUniquePtr ds = create_dataset("GeoJSON", path);
  OGRSpatialReference bng;
  bng.importFromEPSG(27700);
  OGRLayer* layer = ds->CreateLayer("square", &bng, wkbPolygon, nullptr);
  OGRFeature f(layer->GetLayerDefn());
  OGRLinearRing ring;
  for (auto [dx, dy] : {std::pair{0, 0}, {1000, 0}, {1000, 1000}, {0, 1000}, {0, 0}}) ring.addPoint(x0 + dx, y0 + dy);
  OGRPolygon square;
  square.addRing(&ring);
  f.SetGeometry(&square);
  REQUIRE(layer->CreateFeature(&f) == OGRERR_NONE);
  close_dataset(ds, path);
  return path;
}

struct Rgb {
  int r, g, b;
};

Rgb pixel(GDALDataset& png, int x, int y) {
  int v[3] = {0, 0, 0};
  for (int band = 1; band <= 3; ++band) {
    REQUIRE(png.GetRasterBand(band)->RasterIO(GF_Read, x, y, 1, 1, &v[band - 1], 1, 1, GDT_Int32, 0, 0) == CE_None);
  }
  return {v[0], v[1], v[2]};
}

}  // namespace

TEST_CASE("maps: Mapnik draws a layer where its coordinates say, at the scale the frame states", "[maps]") {
  const std::string dir = test::output_dir("map_render");
  const std::string square = write_square(dir + "/square.json", 450000, 360000);
  // The square padded by 3% of its side (1,060 m) fills the height of the 1,500 x 1,060 picture,
  // so the map is 1 m per pixel and the square's centre is the picture's.
  MapSpec spec{.id = "square", .title = "a square", .extent = {450000, 360000, 451000, 361000}};
  spec.layers.push_back({.source = square, .in_pack = false, .srs = "epsg:27700",
                         .symbols = {{.fill = "#ff0000", .legend = "square"}}});
  const std::string png = render_map(spec, {}, [](const std::string& name) { return name; });
  write_text(dir + "/square.png", png);
  GDALDatasetUniquePtr img(GDALDataset::Open((dir + "/square.png").c_str(), GDAL_OF_RASTER));
  REQUIRE(img);
  REQUIRE(img->GetRasterXSize() == 1500);
  REQUIRE(img->GetRasterYSize() == 1060);
  const auto red = [](Rgb p) { return p.r > 240 && p.g < 20 && p.b < 20; };
  const auto white = [](Rgb p) { return p.r > 245 && p.g > 245 && p.b > 245; };
  CHECK(red(pixel(*img, 750, 530)));   // the centre
  CHECK(red(pixel(*img, 1245, 530)));  // 5 m inside the east edge (x = 750 + 500)
  CHECK(white(pixel(*img, 1256, 530)));  // 5 m outside it
  CHECK(red(pixel(*img, 750, 36)));    // 5 m inside the north edge (y = 530 - 500 + 5 + 1)
  CHECK(white(pixel(*img, 750, 24)));  // outside it
  CHECK(white(pixel(*img, 200, 530)));   // west of the square
  // The legend's title, drawn over the map's top-left corner: dark text on its white box.
  int dark = 0;
  for (int y = 20; y < 60; ++y) {
    for (int x = 25; x < 200; x += 2) {
      const Rgb p = pixel(*img, x, y);
      dark += p.r < 80 && p.g < 80 && p.b < 80;
    }
  }
  CHECK(dark > 50);
}

TEST_CASE("maps: quantile class breaks are R's type-1 quantiles, rounded outwards", "[maps]") {
  // R: quantile(1:10, seq(0, 1, 0.2), type = 1) = 1 2 4 6 8 10
  CHECK(quantile_breaks({10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, 5) == std::vector<double>{1, 2, 4, 6, 8, 10});
  // Repeated edges merge: more classes than distinct values.
  CHECK(quantile_breaks({3, 3, 3, 7}, 4) == std::vector<double>{3, 7});
  // Rounded outwards, so the classes still hold the extremes.
  CHECK(quantile_breaks({0.123, 0.456, 9.876}, 1) == std::vector<double>{0.12, 9.88});
  const auto symbols = choropleth_symbols("[v]", {1, 2, 4}, "per 1,000");
  REQUIRE(symbols.size() == 2);
  CHECK(symbols[0].filter == "([v]) >= 1 and ([v]) < 2");
  CHECK(symbols[1].filter == "([v]) >= 2 and ([v]) <= 4");
  CHECK(symbols[1].legend == "2 to 4 per 1,000");
}
