// SPDX-License-Identifier: Apache-2.0
#include "outputs/hotspot_layer.hpp"

#include "outputs/vector_layer.hpp"
#include "outputs/numbers.hpp"
#include "outputs/styles.hpp"

namespace hotspot {

void write_hotspot_layer(OutputFolder& folder, const std::string& stem, GEOSContextHandle_t ctx,
                         const std::vector<HotspotFeature>& features) {
  VectorLayer out(folder, stem, "hotspots", wkbPolygon);
  const std::vector<std::pair<const char*, OGRFieldType>> fields = {
      {"rank", OFTInteger},        {"name", OFTString},         {"streets", OFTString},      {"ward", OFTString},
      {"ward_code", OFTString},    {"district", OFTString},     {"area_km2", OFTReal},       {"cells", OFTInteger64},
      {"incidents", OFTInteger64}, {"share", OFTReal},          {"peak_density", OFTReal},   {"mean_density", OFTReal},
      {"change", OFTString},       {"previous_incidents", OFTInteger64}, {"current_incidents", OFTInteger64},
      {"rate_change", OFTReal},    {"p_change", OFTReal},
      {"main_lsoa", OFTString},    {"main_lsoa_name", OFTString}, {"imd_decile", OFTInteger},
      {"lsoa_codes", OFTString},   {"lsoa_names", OFTString}};
  out.add_fields(fields);
  for (const HotspotFeature& h : features) {
    OGRFeature f(out.defn());
    for (int i = 0; i < f.GetFieldCount(); ++i) f.SetFieldNull(i);
    f.SetField("rank", h.rank);
    const auto text = [&](const char* field, const std::string& v) {
      if (!v.empty()) f.SetField(field, v.c_str());
    };
    text("name", h.name.full);
    text("streets", h.name.streets);
    text("ward", h.name.ward);
    text("ward_code", h.name.ward_code);
    text("district", h.name.district);
    f.SetField("area_km2", round_to(h.area_km2, 6));
    f.SetField("cells", static_cast<GIntBig>(h.cells));
    f.SetField("incidents", static_cast<GIntBig>(h.incidents));
    f.SetField("share", round_to(h.share, 6));
    f.SetField("peak_density", round_to(h.peak_density, 4));
    f.SetField("mean_density", round_to(h.mean_density, 4));
    if (h.change) {
      f.SetField("change", to_string(h.change->change).c_str());
      f.SetField("previous_incidents", static_cast<GIntBig>(h.previous_incidents));
      f.SetField("current_incidents", static_cast<GIntBig>(h.current_incidents));
      if (h.change->rate_change) f.SetField("rate_change", round_to(*h.change->rate_change, 4));
      f.SetField("p_change", round_to(h.change->p_value, 6));
    }
    text("main_lsoa", h.main_lsoa);
    text("main_lsoa_name", h.main_lsoa_name);
    if (h.imd_decile) f.SetField("imd_decile", *h.imd_decile);
    f.SetField("lsoa_codes", h.lsoa_codes.c_str());
    f.SetField("lsoa_names", h.lsoa_names.c_str());
    f.SetGeometryDirectly(OGRGeometryFactory::createFromGEOS(ctx, h.polygon.get()));
    out.add(f);
  }
  out.set_style(hotspots_style_qml());
  out.close();
}

}  // namespace hotspot
