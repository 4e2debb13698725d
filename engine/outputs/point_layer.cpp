// SPDX-License-Identifier: Apache-2.0
#include "outputs/point_layer.hpp"

#include "core/crs.hpp"
#include "core/errors.hpp"
#include "core/gdal_handles.hpp"
#include "inputs/crime_types.hpp"

namespace hotspot {

void write_labelled_points(const std::string& path, const Incidents& incidents, const std::vector<int32_t>& area_of,
                           const Boundaries& boundaries, const std::vector<int32_t>& cluster,
                           const std::vector<char>& core) {
  // GeoPackage records a last-change time; a fixed one keeps reruns byte-identical.
  struct FixedDate {
    FixedDate() { CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", "2000-01-01T00:00:00.000Z"); }
    ~FixedDate() { CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", nullptr); }
  } fixed_date;
  GDALDatasetUniquePtr ds = create_dataset("GPKG", path);
  OGRSpatialReference bng = working_crs();
  OGRLayer* layer = ds->CreateLayer("incidents", &bng, wkbPoint, nullptr);
  if (!layer) throw DataError("cannot create layer in '" + path + "': " + gdal_last_error());
  for (const auto& [name, type] : std::vector<std::pair<const char*, OGRFieldType>>{
           {"file", OFTString}, {"line", OFTInteger64}, {"month", OFTString}, {"crime_type", OFTString},
           {"lsoa_code", OFTString}, {"cluster", OFTInteger}, {"core", OFTInteger}}) {
    OGRFieldDefn field(name, type);
    layer->CreateField(&field);
  }
  if (layer->StartTransaction() != OGRERR_NONE) throw DataError("cannot write '" + path + "': " + gdal_last_error());
  for (size_t i = 0; i < incidents.size(); ++i) {
    OGRFeature f(layer->GetLayerDefn());
    f.SetField("file", incidents.files[incidents.file[i]].c_str());
    f.SetField("line", static_cast<GIntBig>(incidents.line[i]));
    if (incidents.month[i]) f.SetField("month", format_month(incidents.month[i]).c_str());
    f.SetField("crime_type", incidents.type_names[incidents.type[i]].c_str());
    f.SetField("lsoa_code", boundaries.areas[area_of[i]].code.c_str());
    f.SetField("cluster", cluster[i]);
    if (!core.empty()) f.SetField("core", core[i] ? 1 : 0);
    f.SetGeometryDirectly(new OGRPoint(incidents.x[i], incidents.y[i]));
    if (layer->CreateFeature(&f) != OGRERR_NONE) throw DataError("cannot write '" + path + "': " + gdal_last_error());
  }
  if (layer->CommitTransaction() != OGRERR_NONE) throw DataError("cannot write '" + path + "': " + gdal_last_error());
  close_dataset(ds, path);
}

}  // namespace hotspot
