// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/gdal_handles.hpp"
#include "outputs/output_folder.hpp"

namespace hotspot {

// How a pack publishes its vector layers, for the life of the process (--format, format = in a
// config):
//   geojson  one RFC 7946 file per layer (EPSG:4326, 6 decimals, about 0.1 m), its QGIS style in
//            a same-named .qml beside it; the incident points as points.gpkg.
//   gpkg     one GeoPackage, pack.gpkg, holding every layer in EPSG:27700 and each layer's QGIS
//            style in its layer_styles table (QGIS applies it on load).
//   fgb, shp one FlatGeobuf or Shapefile per layer in EPSG:27700, the style in a .qml beside it.
//            A Shapefile keeps 10 characters of a field name (GDAL shortens longer ones; the
//            style is rewritten to the shortened names) and 254 of a text value.
enum class LayerFormat { geojson, gpkg, fgb, shp };
void set_layer_format(LayerFormat format);
LayerFormat layer_format();
// "gpkg" -> LayerFormat::gpkg; throws UsageError naming `what` for another word.
LayerFormat parse_layer_format(const std::string& word, const std::string& what);
inline const std::vector<std::string>& layer_format_names() {
  static const std::vector<std::string> names = {"geojson", "gpkg", "fgb", "shp"};
  return names;
}

// A pack file's name as a table's, in the pack's GeoPackage or a database: its path without the
// extension, '/', '-', '.' and ' ' made '_' ("kde/hotspots" -> "kde_hotspots",
// "places/oak-tree.csv" -> "places_oak_tree").
std::string pack_table_name(const std::string& path);

// The scratch file a pack layer's maps draw from, by the layer's name in the pack
// ("kde/hotspots.geojson" -> "kde/hotspots.map.fgb"): a FlatGeobuf in EPSG:27700.
inline std::string map_source_name(const std::string& geojson_name) {
  const std::string_view ext = ".geojson";
  return geojson_name.substr(0, geojson_name.size() - (geojson_name.ends_with(ext) ? ext.size() : 0)) + ".map.fgb";
}

// One layer of a pack, written in the process's LayerFormat. Features are given in EPSG:27700.
// Unless the format is GeoJSON, the layer is also written as a scratch GeoJSON under the same
// name, which map.html reads and which is not published; and every layer but `points` as a
// scratch FlatGeobuf the maps draw from (map_source_name).
//
// Declare the fields (add_field), then add features built on defn(); set_style() gives its QGIS
// style; close() finishes it.
class VectorLayer {
 public:
  // `stem`: the layer's name in the pack without extension ("kde/hotspots"); `layer_name`: the
  // layer's name inside a GeoJSON file. `points`: a large point table no map draws (the
  // incidents), written as STEM.gpkg for the GeoJSON format and with no scratch GeoJSON.
  VectorLayer(OutputFolder& out, std::string stem, const std::string& layer_name, OGRwkbGeometryType type,
              bool points = false);
  ~VectorLayer();
  VectorLayer(VectorLayer&&) noexcept;
  VectorLayer& operator=(VectorLayer&&) noexcept;

  void add_field(const OGRFieldDefn& field);
  void add_field(const char* name, OGRFieldType type) { add_field(OGRFieldDefn(name, type)); }
  void add_fields(const std::vector<std::pair<const char*, OGRFieldType>>& fields);
  // The declared fields, for building features.
  OGRFeatureDefn* defn() { return defn_.get(); }
  // The feature is copied: when every file of the layer is its own (not the pack's GeoPackage)
  // and it is not a point table, the features are written by the folder's writer thread once the
  // layer is closed (OutputFolder::write_later), while the run goes on; all but the maps' file,
  // written by close() itself.
  void add(OGRFeature& feature);
  // A feature from a table row, one text per field in order ("" = null), and its geometry
  // (EPSG:27700, taken over).
  void add_row(const std::vector<std::string>& row, OGRGeometry* geometry);
  // The layer's QGIS style (a .qml document), stored as the format keeps styles.
  void set_style(std::string_view qml);
  void close();

 private:
  struct Target;
  static void write(Target& t, OGRFeature& feature);
  static void finish(Target& t);  // commits and closes the file
  OutputFolder* out_ = nullptr;
  std::string stem_;
  struct Release {
    void operator()(OGRFeatureDefn* d) const { d->Release(); }
  };
  std::unique_ptr<OGRFeatureDefn, Release> defn_;
  std::vector<Target> targets_;
  std::string style_;
  bool closed_ = false;
  bool later_ = false;  // the features are written on the folder's writer thread
  std::vector<std::unique_ptr<OGRFeature>> pending_;  // added, not yet written
};

}  // namespace hotspot
