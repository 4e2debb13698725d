// SPDX-License-Identifier: Apache-2.0
#include "outputs/area_layer.hpp"

#include <cmath>
#include <optional>

#include "outputs/csv_table.hpp"
#include "outputs/vector_layer.hpp"
#include "outputs/numbers.hpp"

namespace hotspot {
std::string type_count_field(const std::string& type_name) {
  std::string out = "n_";
  bool gap = false;
  for (unsigned char c : type_name) {
    if (std::isalnum(c)) {
      if (gap && out.size() > 2) out += '_';
      out += static_cast<char>(std::tolower(c));
      gap = false;
    } else {
      gap = true;
    }
  }
  return out.size() > 2 ? out : "n_unknown_type";
}

void write_area_layer(OutputFolder& out, const std::string& stem, std::string_view style, const Boundaries& boundaries,
                      const Imd& imd, const AreaCounts& counts, const std::vector<std::string>& type_names,
                      const SmoothedRates& rates, const std::string& csv_path) {
  VectorLayer layer(out, stem, "lsoa", wkbMultiPolygon);
  layer.add_field("lsoa_code", OFTString);
  layer.add_field("lsoa_name", OFTString);
  layer.add_field("district_code", OFTString);
  layer.add_field("district_name", OFTString);
  layer.add_field("area_km2", OFTReal);
  layer.add_field("incidents", OFTInteger64);
  for (const auto& t : type_names) layer.add_field(type_count_field(t).c_str(), OFTInteger64);
  layer.add_field("population", OFTInteger64);
  layer.add_field("rate_per_1000", OFTReal);
  layer.add_field("eb_rate_per_1000", OFTReal);
  layer.add_field("seb_rate_per_1000", OFTReal);
  layer.add_field("imd_rank", OFTInteger);
  layer.add_field("imd_decile", OFTInteger);
  if (imd.has_domains) {
    for (const char* domain : kImdDomains) layer.add_field((std::string(domain) + "_decile").c_str(), OFTInteger);
  }

  std::vector<std::string> names;
  for (int i = 0; i < layer.defn()->GetFieldCount(); ++i) names.emplace_back(layer.defn()->GetFieldDefn(i)->GetNameRef());
  std::optional<CsvWriter> table;
  if (!csv_path.empty()) table.emplace(csv_path, names);
  std::vector<std::string> row(names.size());

  GEOSContextHandle_t ctx = boundaries.geos->get();
  for (size_t a = 0; a < boundaries.areas.size(); ++a) {
    const Area& area = boundaries.areas[a];
    const ImdRecord* r = imd.find(area.code);
    OGRFeature f(layer.defn());
    for (int i = 0; i < f.GetFieldCount(); ++i) f.SetFieldNull(i);  // written as null, not left out
    f.SetField("lsoa_code", area.code.c_str());
    f.SetField("lsoa_name", area.name.c_str());
    const std::string district = !area.district_code.empty() ? area.district_code : (r ? r->district_code : "");
    f.SetField("district_code", district.c_str());
    if (r) f.SetField("district_name", r->district_name.c_str());
    f.SetField("area_km2", round_to(area.area_m2 / 1e6, 6));
    f.SetField("incidents", static_cast<GIntBig>(counts.total[a]));
    for (size_t t = 0; t < type_names.size(); ++t) {
      f.SetField(type_count_field(type_names[t]).c_str(), static_cast<GIntBig>(counts.by_type[a][t]));
    }
    if (r && r->population) {
      f.SetField("population", static_cast<GIntBig>(std::llround(*r->population)));
    }
    if (rates.raw[a]) f.SetField("rate_per_1000", round_to(1000.0 * *rates.raw[a], 4));
    if (rates.eb[a]) f.SetField("eb_rate_per_1000", round_to(1000.0 * *rates.eb[a], 4));
    if (rates.spatial_eb[a]) f.SetField("seb_rate_per_1000", round_to(1000.0 * *rates.spatial_eb[a], 4));
    if (r) {
      f.SetField("imd_rank", r->rank);
      f.SetField("imd_decile", r->decile);
      if (imd.has_domains) {
        for (size_t d = 0; d < kImdDomains.size(); ++d) {
          if (r->domain_deciles[d]) f.SetField((std::string(kImdDomains[d]) + "_decile").c_str(), r->domain_deciles[d]);
        }
      }
    }
    if (table) {
      for (int i = 0; i < f.GetFieldCount(); ++i) row[static_cast<size_t>(i)] = f.IsFieldSetAndNotNull(i) ? f.GetFieldAsString(i) : "";
      table->add(row);
    }
    OGRGeometry* g = OGRGeometryFactory::createFromGEOS(ctx, area.geometry.get());
    f.SetGeometryDirectly(OGRGeometryFactory::forceToMultiPolygon(g));
    layer.add(f);
  }
  layer.set_style(style);
  layer.close();
  if (table) table->close();
}

}  // namespace hotspot
