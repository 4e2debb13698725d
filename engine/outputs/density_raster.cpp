// SPDX-License-Identifier: Apache-2.0
#include "outputs/density_raster.hpp"

#include <algorithm>
#include <vector>

#include "core/crs.hpp"
#include "core/errors.hpp"
#include "core/gdal_handles.hpp"

namespace hotspot {

void write_density_raster(const std::string& path, const DensitySurface& s, const std::string& unit,
                          const std::map<std::string, std::string>& metadata) {
  init_gdal();
  GDALDriver* gtiff = GetGDALDriverManager()->GetDriverByName("GTiff");
  if (!gtiff) throw DataError("GDAL has no GTiff driver");
  // Tiles wholly outside the study area (all nodata) are left out of the file (SPARSE_OK; GDAL
  // and QGIS read them as nodata), and tiles are compressed on two threads.
  const char* options[] = {"COMPRESS=DEFLATE", "ZLEVEL=1", "TILED=YES", "SPARSE_OK=TRUE", "NUM_THREADS=2",
                           "BIGTIFF=IF_SAFER", nullptr};
  const Grid& g = s.grid;
  const int cols = static_cast<int>(g.cols), rows = static_cast<int>(g.rows);
  GDALDatasetUniquePtr ds(gtiff->Create(path.c_str(), cols, rows, 1, GDT_Float32, const_cast<char**>(options)));
  if (!ds) throw DataError("cannot create '" + path + "': " + gdal_last_error());
  auto gt = g.geotransform();
  ds->SetGeoTransform(gt.data());
  const OGRSpatialReference bng = working_crs();
  ds->SetSpatialRef(&bng);
  for (const auto& [key, value] : metadata) ds->SetMetadataItem(key.c_str(), value.c_str());
  GDALRasterBand* band = ds->GetRasterBand(1);
  band->SetNoDataValue(kDensityNodata);
  band->SetUnitType(unit.c_str());
  band->SetDescription(unit.c_str());
  constexpr int kRows = 256;
  std::vector<float> block;
  for (int row0 = 0; row0 < rows; row0 += kRows) {
    const int n = std::min(kRows, rows - row0);
    const size_t offset = static_cast<size_t>(row0) * static_cast<size_t>(cols);
    block.assign(s.value.begin() + static_cast<std::ptrdiff_t>(offset),
                 s.value.begin() + static_cast<std::ptrdiff_t>(offset + static_cast<size_t>(n) * cols));
    for (size_t k = 0; k < block.size(); ++k) {
      if (!s.mask[offset + k]) block[k] = static_cast<float>(kDensityNodata);
    }
    if (band->RasterIO(GF_Write, 0, row0, cols, n, block.data(), cols, n, GDT_Float32, 0, 0, nullptr) != CE_None) {
      throw DataError("cannot write '" + path + "': " + gdal_last_error());
    }
  }
  close_dataset(ds, path);
}

}  // namespace hotspot
