// SPDX-License-Identifier: Apache-2.0
#include "places/area_raster.hpp"

#include <algorithm>
#include <functional>
#include <memory>

#include <gdal_alg.h>

#include <fmt/format.h>

#include "core/errors.hpp"
#include "core/gdal_handles.hpp"

namespace hotspot {
namespace {

// Burns `burn[k]` for areas[index[k]] into `cells` (grid.cells() values of type T), through a
// MEM band over that memory. Later areas overwrite earlier ones.
template <class T>
void burn_areas(const Boundaries& areas, const std::vector<size_t>& index, const std::vector<double>& burn,
                const Grid& grid, std::vector<T>& cells, GDALDataType type) {
  if (index.empty()) return;
  init_gdal();
  GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
  const int cols = static_cast<int>(grid.cols), rows = static_cast<int>(grid.rows);
  GDALDatasetUniquePtr ds(mem->Create("", cols, rows, 0, type, nullptr));
  const std::string pointer = fmt::format("DATAPOINTER={}", static_cast<void*>(cells.data()));
  const char* band_options[] = {pointer.c_str(), nullptr};
  if (!ds || ds->AddBand(type, const_cast<char**>(band_options)) != CE_None) {
    throw DataError("cannot make the study-area raster: " + gdal_last_error());
  }
  auto gt = grid.geotransform();
  ds->SetGeoTransform(gt.data());
  // A context of its own: the areas' context may be in use on another thread (placing incidents).
  const GeosContext local;
  std::vector<std::unique_ptr<OGRGeometry>> owned;
  std::vector<OGRGeometryH> geometries;
  for (size_t i : index) {
    owned.emplace_back(OGRGeometryFactory::createFromGEOS(local.get(), areas.areas[i].geometry.get()));
    geometries.push_back(OGRGeometry::ToHandle(owned.back().get()));
  }
  int band = 1;
  if (GDALRasterizeGeometries(GDALDataset::ToHandle(ds.get()), 1, &band, static_cast<int>(geometries.size()),
                              geometries.data(), nullptr, nullptr, burn.data(), nullptr, nullptr, nullptr) != CE_None) {
    throw DataError("cannot rasterize the study area: " + gdal_last_error());
  }
}

}  // namespace

std::vector<uint8_t> cells_in_areas(const Boundaries& areas, const Grid& grid) {
  std::vector<size_t> all(areas.areas.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  std::vector<uint8_t> out(static_cast<size_t>(grid.cells()), 0);
  burn_areas(areas, all, std::vector<double>(all.size(), 1.0), grid, out, GDT_Byte);
  return out;
}

AreaBoxes::AreaBoxes(const Boundaries& areas) : ctx_(areas.geos->get()), ids_(areas.areas.size()) {
  tree_ = StrTreePtr(GEOSSTRtree_create_r(ctx_, 10), StrTreeDeleter{ctx_});
  for (size_t i = 0; i < ids_.size(); ++i) {
    ids_[i] = i;
    GEOSSTRtree_insert_r(ctx_, tree_.get(), areas.areas[i].geometry.get(), &ids_[i]);
  }
}

std::vector<size_t> AreaBoxes::meeting(const Extent& box) const {
  GeomPtr query(GEOSGeom_createRectangle_r(ctx_, box.xmin, box.ymin, box.xmax, box.ymax), GeomDeleter{ctx_});
  return meeting(query.get());
}

std::vector<size_t> AreaBoxes::meeting(const GEOSGeometry* query) const {
  std::vector<size_t> out;
  GEOSSTRtree_query_r(
      ctx_, tree_.get(), query, [](void* item, void* found) { static_cast<std::vector<size_t>*>(found)->push_back(*static_cast<size_t*>(item)); },
      &out);
  std::sort(out.begin(), out.end(), std::greater<>());  // the tree's order is not part of any rule
  return out;
}

std::vector<int32_t> area_of_cells(const Boundaries& areas, const Grid& grid, const AreaBoxes* boxes) {
  const double east = grid.west + static_cast<double>(grid.cols) * grid.cell;
  const double south = grid.north - static_cast<double>(grid.rows) * grid.cell;
  // The highest code first, so that the lowest wins where areas overlap.
  std::vector<size_t> index;
  std::vector<double> burn;
  if (boxes) {
    index = boxes->meeting({grid.west, south, east, grid.north});
  } else {
    for (size_t i = areas.areas.size(); i-- > 0;) {
      const Extent e = areas.extent_of(i);
      if (e.xmax < grid.west || e.xmin > east || e.ymax < south || e.ymin > grid.north) continue;
      index.push_back(i);
    }
  }
  for (size_t i : index) burn.push_back(static_cast<double>(i));
  std::vector<int32_t> out(static_cast<size_t>(grid.cells()), -1);
  burn_areas(areas, index, burn, grid, out, GDT_Int32);
  return out;
}

}  // namespace hotspot
