// SPDX-License-Identifier: Apache-2.0
#include "outputs/cluster_layer.hpp"

#include <cmath>

#include "outputs/vector_layer.hpp"
#include "outputs/numbers.hpp"
#include "outputs/styles.hpp"

namespace hotspot {
void write_cluster_layer(OutputFolder& folder, const std::string& stem, GEOSContextHandle_t ctx,
                         const std::vector<ClusterFeature>& features, bool with_core_points) {
  VectorLayer out(folder, stem, "clusters", wkbPolygon);
  const std::vector<std::pair<const char*, OGRFieldType>> fields = {
      {"cluster_id", OFTInteger},      {"order", OFTInteger},        {"rank", OFTInteger},
      {"name", OFTString},             {"streets", OFTString},       {"ward", OFTString},
      {"incidents", OFTInteger64},     {"share", OFTReal},           {"core_points", OFTInteger64},
      {"centre_easting", OFTReal},     {"centre_northing", OFTReal}, {"area_km2", OFTReal},
      {"density_per_km2", OFTReal},    {"shape", OFTString},         {"degenerate", OFTInteger},
      {"centre_lsoa", OFTString},      {"centre_lsoa_name", OFTString}, {"district", OFTString},
      {"imd_decile", OFTInteger},
      {"lsoa_codes", OFTString}};
  for (const auto& [name, type] : fields) {
    if (!with_core_points && std::string(name) == "core_points") continue;
    OGRFieldDefn field(name, type);
    if (std::string(name) == "degenerate") field.SetSubType(OFSTBoolean);
    out.add_field(field);
  }
  for (const ClusterFeature& c : features) {
    OGRFeature f(out.defn());
    for (int i = 0; i < f.GetFieldCount(); ++i) f.SetFieldNull(i);
    f.SetField("cluster_id", c.id);
    f.SetField("order", c.order);
    f.SetField("rank", c.rank);
    if (!c.name.full.empty()) f.SetField("name", c.name.full.c_str());
    if (!c.name.streets.empty()) f.SetField("streets", c.name.streets.c_str());
    if (!c.name.ward.empty()) f.SetField("ward", c.name.ward.c_str());
    if (!c.centre_lsoa_name.empty()) f.SetField("centre_lsoa_name", c.centre_lsoa_name.c_str());
    f.SetField("incidents", static_cast<GIntBig>(c.incidents));
    f.SetField("share", round_to(c.share, 6));
    if (with_core_points) f.SetField("core_points", static_cast<GIntBig>(c.core_points));
    f.SetField("centre_easting", round_to(c.centre_x, 1));
    f.SetField("centre_northing", round_to(c.centre_y, 1));
    f.SetField("area_km2", round_to(c.area_km2, 6));
    if (!c.degenerate && c.area_km2 > 0) f.SetField("density_per_km2", round_to(static_cast<double>(c.incidents) / c.area_km2, 2));
    f.SetField("shape", c.shape.c_str());
    f.SetField("degenerate", c.degenerate ? 1 : 0);
    if (!c.centre_lsoa.empty()) f.SetField("centre_lsoa", c.centre_lsoa.c_str());
    if (!c.centre_district.empty()) f.SetField("district", c.centre_district.c_str());
    if (c.imd_decile) f.SetField("imd_decile", *c.imd_decile);
    f.SetField("lsoa_codes", c.lsoa_codes.c_str());
    f.SetGeometryDirectly(OGRGeometryFactory::createFromGEOS(ctx, c.polygon.get()));
    out.add(f);
  }
  out.set_style(clusters_style_qml());
  out.close();
}

}  // namespace hotspot
