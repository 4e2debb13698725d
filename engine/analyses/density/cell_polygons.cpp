// SPDX-License-Identifier: Apache-2.0
#include "analyses/density/cell_polygons.hpp"

#include <memory>

#include <gdal_alg.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "core/errors.hpp"
#include "core/gdal_handles.hpp"

namespace hotspot {

GeomPtr cells_polygon(GEOSContextHandle_t ctx, const Grid& grid, const std::vector<int64_t>& cells) {
  if (cells.empty()) throw DataError("hotspot polygon: no cells");
  init_gdal();
  // The cells' window of the grid, 1 in the cells and 0 elsewhere.
  const Window w = window_of(grid, cells);
  const int width = static_cast<int>(w.grid.cols), height = static_cast<int>(w.grid.rows);
  std::vector<uint8_t> window(static_cast<size_t>(width) * static_cast<size_t>(height), 0);
  for (int64_t c : cells) window[static_cast<size_t>(w.index_of(c, grid.cols))] = 1;

  GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
  GDALDriver* memory = GetGDALDriverManager()->GetDriverByName("Memory");
  if (!mem || !memory) throw DataError("GDAL has no MEM or Memory driver");
  GDALDatasetUniquePtr raster(mem->Create("", width, height, 1, GDT_Byte, nullptr));
  GDALDatasetUniquePtr vector(memory->Create("", 0, 0, 0, GDT_Unknown, nullptr));
  if (!raster || !vector) throw DataError("cannot make the hotspot polygon datasets: " + gdal_last_error());
  auto gt = w.grid.geotransform();
  raster->SetGeoTransform(gt.data());
  GDALRasterBand* band = raster->GetRasterBand(1);
  OGRLayer* layer = vector->CreateLayer("cells", nullptr, wkbPolygon, nullptr);
  OGRFieldDefn value("value", OFTInteger);
  if (band->RasterIO(GF_Write, 0, 0, width, height, window.data(), width, height, GDT_Byte, 0, 0, nullptr) != CE_None ||
      !layer || layer->CreateField(&value) != OGRERR_NONE) {
    throw DataError("cannot fill the hotspot polygon datasets: " + gdal_last_error());
  }
  // GDAL traces the outline of each 4-connected region of 1s (the band is its own mask, so the
  // 0s are left out), with holes, and with vertices only where the outline turns.
  if (GDALPolygonize(band, band, OGRLayer::ToHandle(layer), 0, nullptr, nullptr, nullptr) != CE_None) {
    throw DataError("GDAL could not trace the hotspot cells: " + gdal_last_error());
  }
  OGRMultiPolygon parts;
  layer->ResetReading();
  for (auto& feature : *layer) {
    if (const OGRGeometry* g = feature->GetGeometryRef()) parts.addGeometry(g);
  }
  const OGRGeometry* outline = &parts;
  if (parts.getNumGeometries() == 1) outline = parts.getGeometryRef(0);
  GeomPtr out(outline->exportToGEOS(ctx), GeomDeleter{ctx});
  if (!out) throw DataError("GEOS cannot read the traced hotspot cells");
  return out;
}

}  // namespace hotspot
