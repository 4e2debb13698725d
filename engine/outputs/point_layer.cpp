// SPDX-License-Identifier: Apache-2.0
#include "outputs/point_layer.hpp"

#include "outputs/styles.hpp"
#include "outputs/vector_layer.hpp"
#include "inputs/crime_types.hpp"

namespace hotspot {

void write_labelled_points(OutputFolder& out, const std::string& stem, const Incidents& incidents,
                           const std::vector<int32_t>& area_of, const Boundaries& boundaries,
                           const std::vector<int32_t>& cluster, const std::vector<char>& core) {
  VectorLayer layer(out, stem, "incidents", wkbPoint, true);
  layer.add_fields({{"file", OFTString}, {"line", OFTInteger64}, {"month", OFTString}, {"crime_type", OFTString},
                    {"lsoa_code", OFTString}, {"cluster", OFTInteger}, {"core", OFTInteger}});
  OGRFeature f(layer.defn());
  for (size_t i = 0; i < incidents.size(); ++i) {
    f.Reset();
    f.SetField("file", incidents.files[incidents.file[i]].c_str());
    f.SetField("line", static_cast<GIntBig>(incidents.line[i]));
    if (incidents.month[i]) f.SetField("month", format_month(incidents.month[i]).c_str());
    f.SetField("crime_type", incidents.type_names[incidents.type[i]].c_str());
    f.SetField("lsoa_code", boundaries.areas[area_of[i]].code.c_str());
    f.SetField("cluster", cluster[i]);
    if (!core.empty()) f.SetField("core", core[i] ? 1 : 0);
    f.SetGeometryDirectly(new OGRPoint(incidents.x[i], incidents.y[i]));
    layer.add(f);
  }
  layer.set_style(points_style_qml());
  layer.close();
}

}  // namespace hotspot
