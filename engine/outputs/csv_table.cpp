// SPDX-License-Identifier: Apache-2.0
#include "outputs/csv_table.hpp"

#include "core/errors.hpp"
#include "core/gdal_handles.hpp"

namespace hotspot {

void write_csv(const std::string& path, const CsvTable& table) {
  GDALDatasetUniquePtr ds = create_dataset("CSV", path);
  const char* options[] = {"LINEFORMAT=LF", "STRING_QUOTING=IF_NEEDED", "WRITE_BOM=NO", nullptr};
  OGRLayer* layer = ds->CreateLayer("table", nullptr, wkbNone, const_cast<char**>(options));
  if (!layer) throw DataError("cannot create '" + path + "': " + gdal_last_error());
  for (const auto& c : table.columns) {
    OGRFieldDefn field(c.c_str(), OFTString);
    layer->CreateField(&field);
  }
  for (const auto& row : table.rows) {
    OGRFeature feature(layer->GetLayerDefn());
    for (size_t i = 0; i < row.size() && i < table.columns.size(); ++i) {
      feature.SetField(static_cast<int>(i), row[i].c_str());
    }
    if (layer->CreateFeature(&feature) != OGRERR_NONE) throw DataError("cannot write '" + path + "': " + gdal_last_error());
  }
  close_dataset(ds, path);
}

}  // namespace hotspot
