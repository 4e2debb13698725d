// SPDX-License-Identifier: Apache-2.0
#include "outputs/hotspot_layer.hpp"

#include "outputs/geojson_layer.hpp"
#include "outputs/numbers.hpp"

namespace hotspot {

void write_hotspot_layer(const std::string& path, GEOSContextHandle_t ctx, const std::vector<HotspotFeature>& features) {
  GeoJsonLayer out = create_geojson_layer(path, "hotspots", wkbPolygon);
  const std::vector<std::pair<const char*, OGRFieldType>> fields = {
      {"rank", OFTInteger},         {"streets", OFTString},     {"area_km2", OFTReal},      {"cells", OFTInteger64},
      {"incidents", OFTInteger64},  {"share", OFTReal},         {"peak_density", OFTReal},
      {"mean_density", OFTReal},    {"main_lsoa", OFTString},   {"imd_decile", OFTInteger},
      {"district", OFTString},      {"lsoa_codes", OFTString}};
  for (const auto& [name, type] : fields) {
    OGRFieldDefn field(name, type);
    out.layer->CreateField(&field);
  }
  for (const HotspotFeature& h : features) {
    OGRFeature f(out.layer->GetLayerDefn());
    for (int i = 0; i < f.GetFieldCount(); ++i) f.SetFieldNull(i);
    f.SetField("rank", h.rank);
    if (!h.streets.empty()) f.SetField("streets", h.streets.c_str());
    f.SetField("area_km2", round_to(h.area_km2, 6));
    f.SetField("cells", static_cast<GIntBig>(h.cells));
    f.SetField("incidents", static_cast<GIntBig>(h.incidents));
    f.SetField("share", round_to(h.share, 6));
    f.SetField("peak_density", round_to(h.peak_density, 4));
    f.SetField("mean_density", round_to(h.mean_density, 4));
    if (!h.main_lsoa.empty()) f.SetField("main_lsoa", h.main_lsoa.c_str());
    if (h.imd_decile) f.SetField("imd_decile", *h.imd_decile);
    if (!h.district.empty()) f.SetField("district", h.district.c_str());
    f.SetField("lsoa_codes", h.lsoa_codes.c_str());
    f.SetGeometryDirectly(OGRGeometryFactory::createFromGEOS(ctx, h.polygon.get()));
    out.add(f);
  }
  out.close();
}

}  // namespace hotspot
