// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <cpl_vsi.h>
#include <gdal_priv.h>

#include "core/gdal_handles.hpp"
#include "outputs/cairo_canvas.hpp"

using namespace hotspot;

namespace {

// The PNG read back by GDAL's PNG driver: each band's values, row by row.
std::vector<std::vector<int>> decode(const std::string& png, int& width, int& height) {
  init_gdal();
  const std::string path = "/vsimem/png_bytes_test.png";
  VSILFILE* f = VSIFileFromMemBuffer(path.c_str(), reinterpret_cast<GByte*>(const_cast<char*>(png.data())), png.size(), FALSE);
  REQUIRE(f);
  VSIFCloseL(f);
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER));
  REQUIRE(ds);
  REQUIRE(std::string(ds->GetDriver()->GetDescription()) == "PNG");
  width = ds->GetRasterXSize();
  height = ds->GetRasterYSize();
  std::vector<std::vector<int>> bands;
  for (int b = 1; b <= ds->GetRasterCount(); ++b) {
    std::vector<int> v(static_cast<size_t>(width * height));
    REQUIRE(ds->GetRasterBand(b)->RasterIO(GF_Read, 0, 0, width, height, v.data(), width, height, GDT_Int32, 0, 0) == CE_None);
    bands.push_back(std::move(v));
  }
  ds.reset();
  VSIUnlink(path.c_str());
  return bands;
}

}  // namespace

TEST_CASE("png_bytes: an opaque picture is written as RGB with cairo's colours", "[maps]") {
  CairoSurface s = image_surface(5, 3);
  cairo_t* cr = cairo_create(s.get());
  cairo_set_source_rgb(cr, 10 / 255.0, 200 / 255.0, 30 / 255.0);
  cairo_paint(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_rectangle(cr, 4, 2, 1, 1);  // the last pixel white
  cairo_fill(cr);
  cairo_destroy(cr);
  int w = 0, h = 0;
  const auto bands = decode(png_bytes(s.get(), "test"), w, h);
  REQUIRE(w == 5);
  REQUIRE(h == 3);
  REQUIRE(bands.size() == 3);
  CHECK(bands[0][0] == 10);
  CHECK(bands[1][0] == 200);
  CHECK(bands[2][0] == 30);
  CHECK(bands[0][7] == 10);
  for (const auto& band : bands) CHECK(band[14] == 255);
}

TEST_CASE("png_bytes: a translucent picture keeps its alpha, with straight (not premultiplied) colours", "[maps]") {
  CairoSurface s = image_surface(3, 1);
  cairo_t* cr = cairo_create(s.get());
  cairo_set_source_rgba(cr, 1, 0, 0, 0.5);  // premultiplied in cairo: (128, 0, 0, 128)
  cairo_rectangle(cr, 0, 0, 1, 1);
  cairo_fill(cr);
  cairo_set_source_rgba(cr, 0, 0, 1, 1);
  cairo_rectangle(cr, 1, 0, 1, 1);
  cairo_fill(cr);
  cairo_destroy(cr);  // the third pixel stays transparent
  int w = 0, h = 0;
  const auto bands = decode(png_bytes(s.get(), "test"), w, h);
  REQUIRE(bands.size() == 4);
  CHECK(std::abs(bands[3][0] - 128) <= 1);
  CHECK(bands[0][0] == 255);  // 128 * 255 / 128
  CHECK(bands[1][0] == 0);
  CHECK(bands[2][1] == 255);
  CHECK(bands[3][1] == 255);
  CHECK(bands[3][2] == 0);
}
