// SPDX-License-Identifier: Apache-2.0
#include "analyses/density/cell_polygons.hpp"

#include <algorithm>
#include <limits>
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
  // The cells' bounding window of the grid, 1 in the cells and 0 elsewhere.
  int64_t row0 = std::numeric_limits<int64_t>::max(), col0 = row0, row1 = -1, col1 = -1;
  for (int64_t c : cells) {
    row0 = std::min(row0, c / grid.cols), row1 = std::max(row1, c / grid.cols);
    col0 = std::min(col0, c % grid.cols), col1 = std::max(col1, c % grid.cols);
  }
  const int width = static_cast<int>(col1 - col0 + 1), height = static_cast<int>(row1 - row0 + 1);
  std::vector<uint8_t> window(static_cast<size_t>(width) * static_cast<size_t>(height), 0);
  for (int64_t c : cells) window[static_cast<size_t>((c / grid.cols - row0) * width + (c % grid.cols - col0))] = 1;

  GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
  GDALDriver* memory = GetGDALDriverManager()->GetDriverByName("Memory");
  if (!mem || !memory) throw DataError("GDAL has no MEM or Memory driver");
  GDALDatasetUniquePtr raster(mem->Create("", width, height, 1, GDT_Byte, nullptr));
  GDALDatasetUniquePtr vector(memory->Create("", 0, 0, 0, GDT_Unknown, nullptr));
  if (!raster || !vector) throw DataError("cannot make the hotspot polygon datasets: " + gdal_last_error());
  double gt[6] = {grid.west + static_cast<double>(col0) * grid.cell, grid.cell, 0,
                  grid.north - static_cast<double>(row0) * grid.cell, 0, -grid.cell};
  raster->SetGeoTransform(gt);
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
  const OGRGeometry* outline = parts.getNumGeometries() == 1 ? static_cast<const OGRGeometry*>(parts.getGeometryRef(0)) : &parts;
  GeomPtr out(outline->exportToGEOS(ctx), GeomDeleter{ctx});
  if (!out) throw DataError("GEOS cannot read the traced hotspot cells");
  return out;
}

}  // namespace hotspot
