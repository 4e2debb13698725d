// SPDX-License-Identifier: Apache-2.0
#include "places/area_raster.hpp"

#include <algorithm>
#include <memory>

#include <gdal_alg.h>

#include "core/errors.hpp"
#include "core/gdal_handles.hpp"

namespace hotspot {

std::vector<int32_t> area_of_cells(const Boundaries& areas, const Grid& grid) {
  init_gdal();
  GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
  const int cols = static_cast<int>(grid.cols), rows = static_cast<int>(grid.rows);
  GDALDatasetUniquePtr ds(mem->Create("", cols, rows, 1, GDT_Int32, nullptr));
  if (!ds) throw DataError("cannot make the study-area raster: " + gdal_last_error());
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
    burn.push_back(static_cast<double>(i) + 1.0);  // 0 stays "no area"
  }
  int band = 1;
  if (GDALRasterizeGeometries(GDALDataset::ToHandle(ds.get()), 1, &band, static_cast<int>(geometries.size()),
                              geometries.data(), nullptr, nullptr, burn.data(), nullptr, nullptr, nullptr) != CE_None) {
    throw DataError("cannot rasterize the study area: " + gdal_last_error());
  }
  std::vector<int32_t> out(static_cast<size_t>(grid.cells()));
  if (ds->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, cols, rows, out.data(), cols, rows, GDT_Int32, 0, 0, nullptr) !=
      CE_None) {
    throw DataError("cannot read the study-area raster: " + gdal_last_error());
  }
  for (auto& v : out) --v;
  return out;
}

}  // namespace hotspot
