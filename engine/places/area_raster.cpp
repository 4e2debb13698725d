// SPDX-License-Identifier: Apache-2.0
#include "places/area_raster.hpp"

#include <algorithm>
#include <memory>

#include <gdal_alg.h>

#include <fmt/format.h>

#include "core/errors.hpp"
#include "core/gdal_handles.hpp"

namespace hotspot {

std::vector<int32_t> area_of_cells(const Boundaries& areas, const Grid& grid) {
  init_gdal();
  // GDAL burns the area indexes straight into the returned vector, a MEM band over its memory.
  std::vector<int32_t> out(static_cast<size_t>(grid.cells()), -1);
  GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
  const int cols = static_cast<int>(grid.cols), rows = static_cast<int>(grid.rows);
  GDALDatasetUniquePtr ds(mem->Create("", cols, rows, 0, GDT_Int32, nullptr));
  const std::string pointer = fmt::format("DATAPOINTER={}", static_cast<void*>(out.data()));
  const char* band_options[] = {pointer.c_str(), nullptr};
  if (!ds || ds->AddBand(GDT_Int32, const_cast<char**>(band_options)) != CE_None) {
    throw DataError("cannot make the study-area raster: " + gdal_last_error());
  }
  auto gt = grid.geotransform();
  ds->SetGeoTransform(gt.data());
  // A context of its own: the areas' context may be in use on another thread (placing incidents).
  const GeosContext local;
  GEOSContextHandle_t ctx = local.get();
  std::vector<std::unique_ptr<OGRGeometry>> owned;
  std::vector<OGRGeometryH> geometries;
  std::vector<double> burn;
  // Later geometries overwrite earlier ones: burn the highest code first, so the lowest wins.
  for (size_t i = areas.areas.size(); i-- > 0;) {
    owned.emplace_back(OGRGeometryFactory::createFromGEOS(ctx, areas.areas[i].geometry.get()));
    geometries.push_back(OGRGeometry::ToHandle(owned.back().get()));
    burn.push_back(static_cast<double>(i));
  }
  int band = 1;
  if (GDALRasterizeGeometries(GDALDataset::ToHandle(ds.get()), 1, &band, static_cast<int>(geometries.size()),
                              geometries.data(), nullptr, nullptr, burn.data(), nullptr, nullptr, nullptr) != CE_None) {
    throw DataError("cannot rasterize the study area: " + gdal_last_error());
  }
  return out;
}

}  // namespace hotspot
