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
  // Tile by tile, straight to the driver (no copy of the grid in GDAL's block cache); a tile with
  // no study cell is not written at all (SPARSE_OK) and reads as nodata.
  int tile_cols = 0, tile_rows = 0;
  band->GetBlockSize(&tile_cols, &tile_rows);
  std::vector<float> tile(static_cast<size_t>(tile_cols) * static_cast<size_t>(tile_rows));
  for (int ty = 0; ty * tile_rows < rows; ++ty) {
    for (int tx = 0; tx * tile_cols < cols; ++tx) {
      std::fill(tile.begin(), tile.end(), static_cast<float>(kDensityNodata));
      bool any = false;
      const int row0 = ty * tile_rows, col0 = tx * tile_cols;
      for (int r = 0; r < tile_rows && row0 + r < rows; ++r) {
        const size_t at = static_cast<size_t>(row0 + r) * static_cast<size_t>(cols) + static_cast<size_t>(col0);
        float* line = tile.data() + static_cast<size_t>(r) * static_cast<size_t>(tile_cols);
        for (int c = 0; c < tile_cols && col0 + c < cols; ++c) {
          if (s.mask[at + c]) line[c] = s.value[at + c], any = true;
        }
      }
      if (any && band->WriteBlock(tx, ty, tile.data()) != CE_None) {
        throw DataError("cannot write '" + path + "': " + gdal_last_error());
      }
    }
  }
  close_dataset(ds, path);
}

}  // namespace hotspot
