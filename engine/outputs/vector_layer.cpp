// SPDX-License-Identifier: Apache-2.0
#include "outputs/vector_layer.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <memory>

#include "core/crs.hpp"
#include "core/errors.hpp"
#include "outputs/styles.hpp"

namespace hotspot {
namespace {

// Rounds every vertex to the 6 decimals the file keeps (about 0.1 m), as the driver would.
class RoundTo6 : public OGRDefaultGeometryVisitor {
 public:
  using OGRDefaultGeometryVisitor::visit;
  void visit(OGRPoint* p) override {
    p->setX(std::round(p->getX() * 1e6) / 1e6);
    p->setY(std::round(p->getY() * 1e6) / 1e6);
  }
};

// A polygon valid before rounding may not be after it (a degenerate 1 m ellipse folds over
// itself): such a geometry is rounded, repaired by GEOS's MakeValid and its polygons kept (or,
// when it is thinner than the precision, widened to it), so that every polygon written is valid
// as read.
OGRGeometry* valid_after_rounding(OGRGeometry* g) {
  const OGRwkbGeometryType type = wkbFlatten(g->getGeometryType());
  if (type != wkbPolygon && type != wkbMultiPolygon) return g;
  std::unique_ptr<OGRGeometry> unrounded(g->clone());
  RoundTo6 round;
  g->accept(&round);
  if (g->IsValid()) return g;
  std::unique_ptr<OGRGeometry> fixed(g->MakeValid());
  if (!fixed) return g;
  auto polygons = std::make_unique<OGRMultiPolygon>();
  const auto keep = [&](const OGRGeometry* part) {
    const OGRwkbGeometryType t = wkbFlatten(part->getGeometryType());
    if (t == wkbPolygon) polygons->addGeometry(part);
    if (t == wkbMultiPolygon) {
      for (const OGRPolygon* p : *part->toMultiPolygon()) polygons->addGeometry(p);
    }
  };
  if (const OGRGeometryCollection* c = dynamic_cast<const OGRGeometryCollection*>(fixed.get());
      c && wkbFlatten(fixed->getGeometryType()) == wkbGeometryCollection) {
    for (const OGRGeometry* part : *c) keep(part);
  } else {
    keep(fixed.get());
  }
  if (polygons->IsEmpty()) {  // thinner than the precision: widened by 1.5e-6 degrees (~0.15 m) to stay a polygon
    std::unique_ptr<OGRGeometry> wide(unrounded->Buffer(1.5e-6, 4));
    if (!wide) return g;
    wide->accept(&round);
    if (!wide->IsValid()) return g;
    delete g;
    return wide.release();
  }
  if (polygons->getNumGeometries() == 1) {
    fixed.reset(polygons->getGeometryRef(0)->clone());
  } else {
    fixed = std::move(polygons);
  }
  fixed->accept(&round);
  delete g;
  return fixed.release();
}

std::atomic<LayerFormat> format_in_use{LayerFormat::geojson};

// `qml` with each shortened field name in place of its full one, where the style names a field:
// attr="rate_per_1000" and "rate_per_1000" in an expression (&quot; in the XML).
std::string renamed_fields(std::string qml, const std::vector<std::pair<std::string, std::string>>& renames) {
  for (const auto& [from, to] : renames) {
    for (const auto& [open, close] : {std::pair<std::string, std::string>{"\"", "\""}, {"&quot;", "&quot;"}}) {
      const std::string a = open + from + close, b = open + to + close;
      for (size_t at = qml.find(a); at != std::string::npos; at = qml.find(a, at + b.size())) qml.replace(at, a.size(), b);
    }
  }
  return qml;
}

// Stores `qml` as `table`'s default style in the GeoPackage's layer_styles table, the table QGIS
// itself writes and reads (created on first use).
void store_style(GDALDataset& gpkg, const std::string& table, const std::string& qml, const std::string& path) {
  OGRLayer* styles = gpkg.GetLayerByName("layer_styles");
  if (!styles) {
    styles = gpkg.CreateLayer("layer_styles", nullptr, wkbNone, nullptr);
    if (!styles) throw DataError("cannot create layer_styles in '" + path + "': " + gdal_last_error());
    for (const char* name : {"f_table_catalog", "f_table_schema", "f_table_name", "f_geometry_column", "styleName",
                             "styleQML", "styleSLD", "useAsDefault", "description", "owner", "ui", "update_time"}) {
      const std::string n = name;
      OGRFieldDefn field(name, n == "useAsDefault" ? OFTInteger : n == "update_time" ? OFTDateTime : OFTString);
      if (n == "useAsDefault") field.SetSubType(OFSTBoolean);
      if (styles->CreateField(&field) != OGRERR_NONE) throw DataError("cannot write '" + path + "': " + gdal_last_error());
    }
  }
  OGRFeature f(styles->GetLayerDefn());
  f.SetField("f_table_catalog", "");
  f.SetField("f_table_schema", "");
  f.SetField("f_table_name", table.c_str());
  f.SetField("f_geometry_column", "geom");
  f.SetField("styleName", table.c_str());
  f.SetField("styleQML", qml.c_str());
  f.SetField("styleSLD", "");
  f.SetField("useAsDefault", 1);
  f.SetField("description", "hotspot's style for this layer");
  f.SetField("owner", "");
  f.SetField("ui", "");
  f.SetField("update_time", 2000, 1, 1, 0, 0, 0, 100);  // fixed, as every time in the pack
  if (styles->CreateFeature(&f) != OGRERR_NONE) throw DataError("cannot write '" + path + "': " + gdal_last_error());
}

}  // namespace

std::string pack_table_name(const std::string& path) {
  std::string name = std::filesystem::path(path).replace_extension().string();
  for (char& c : name) {
    if (c == '/' || c == '-' || c == '.' || c == ' ') c = '_';
  }
  return name;
}

void set_layer_format(LayerFormat format) { format_in_use = format; }
LayerFormat layer_format() { return format_in_use; }

LayerFormat parse_layer_format(const std::string& word, const std::string& what) {
  const auto& names = layer_format_names();
  for (size_t i = 0; i < names.size(); ++i) {
    if (word == names[i]) return static_cast<LayerFormat>(i);
  }
  throw UsageError(what + " '" + word + "': not a layer format; use geojson, gpkg, fgb or shp");
}

// One dataset the layer is written to: a file of its own, or the pack's GeoPackage.
struct VectorLayer::Target {
  GDALDatasetUniquePtr own;  // null: the pack's GeoPackage
  GDALDataset* ds = nullptr;
  OGRLayer* layer = nullptr;
  std::string path;
  TransformPtr to_wgs84;      // GeoJSON: EPSG:27700 to lon/lat
  std::vector<int> field_map;  // the layer's field for each declared one
  bool in_transaction = false;
  bool shapefile = false;
};

VectorLayer::VectorLayer(OutputFolder& out, std::string stem, const std::string& layer_name, OGRwkbGeometryType type,
                         bool points)
    : out_(&out), stem_(std::move(stem)), defn_(new OGRFeatureDefn(layer_name.c_str())) {
  defn_->Reference();  // released by the deleter
  defn_->SetGeomType(type);
  const LayerFormat format = layer_format();
  OGRSpatialReference bng = working_crs();
  const auto own = [&](const char* driver, const std::string& path, const std::vector<const char*>& options,
                       OGRSpatialReference crs) {
    Target t;
    t.path = path;
    t.own = create_dataset(driver, path);
    t.ds = t.own.get();
    std::vector<const char*> o = options;
    o.push_back(nullptr);
    t.layer = t.ds->CreateLayer(layer_name.c_str(), &crs, type, const_cast<char**>(o.data()));
    if (!t.layer) throw DataError("cannot create layer in '" + path + "': " + gdal_last_error());
    return t;
  };
  const auto geojson = [&](const std::string& path) {
    OGRSpatialReference wgs84 = crs_from_user("EPSG:4326", "GeoJSON");
    Target t = own("GeoJSON", path, {"RFC7946=YES", "COORDINATE_PRECISION=6", "SIGNIFICANT_FIGURES=12"}, wgs84);
    t.to_wgs84 = from_working_crs(wgs84, "GeoJSON '" + path + "'");
    return t;
  };
  if (format == LayerFormat::geojson) {
    targets_.push_back(points ? own("GPKG", out.stage(stem_ + ".gpkg"), {}, bng) : geojson(out.stage(stem_ + ".geojson")));
  } else if (format == LayerFormat::gpkg) {
    const std::string name = pack_table_name(stem_);
    Target t;
    t.ds = &out.geopackage();
    t.path = out.path_of("pack.gpkg");
    t.layer = t.ds->CreateLayer(name.c_str(), &bng, type, nullptr);
    if (!t.layer) throw DataError("cannot create layer '" + name + "' in '" + t.path + "': " + gdal_last_error());
    targets_.push_back(std::move(t));
  } else if (format == LayerFormat::fgb) {
    targets_.push_back(own("FlatGeobuf", out.stage(stem_ + ".fgb"), {}, bng));
  } else {
    for (const char* sidecar : {".shx", ".dbf", ".prj", ".cpg"}) out.stage(stem_ + sidecar);
    targets_.push_back(own("ESRI Shapefile", out.stage(stem_ + ".shp"), {"ENCODING=UTF-8", "RESIZE=YES"}, bng));
    targets_.back().shapefile = true;
  }
  if (format != LayerFormat::geojson && !points) targets_.push_back(geojson(out.scratch(stem_ + ".geojson")));
  // What the maps draw: read through OGR many times over (each map, each layer of it), a binary
  // file in the maps' CRS reads some 30 times faster than the GeoJSON.
  if (!points) targets_.push_back(own("FlatGeobuf", out.scratch(map_source_name(stem_ + ".geojson")), {"SPATIAL_INDEX=NO"}, bng));
  later_ = !points && std::all_of(targets_.begin(), targets_.end(), [](const Target& t) { return t.own != nullptr; });
}

VectorLayer::~VectorLayer() = default;
VectorLayer::VectorLayer(VectorLayer&&) noexcept = default;
VectorLayer& VectorLayer::operator=(VectorLayer&&) noexcept = default;

void VectorLayer::add_field(const OGRFieldDefn& field) {
  defn_->AddFieldDefn(&field);
  for (Target& t : targets_) {
    OGRFieldDefn copy(&field);  // GDAL 3.6 takes it non-const
    // A Shapefile's text field is 80 characters unless told: the longest it holds (254), then
    // RESIZE shrinks it to the longest value written.
    if (t.shapefile && copy.GetType() == OFTString && copy.GetWidth() == 0) copy.SetWidth(254);
    if (t.layer->CreateField(&copy, TRUE) != OGRERR_NONE) {
      throw DataError("cannot create field '" + std::string(field.GetNameRef()) + "' in '" + t.path + "': " + gdal_last_error());
    }
    t.field_map.push_back(t.layer->GetLayerDefn()->GetFieldCount() - 1);
  }
}

void VectorLayer::add_fields(const std::vector<std::pair<const char*, OGRFieldType>>& fields) {
  for (const auto& [name, type] : fields) add_field(name, type);
}

void VectorLayer::add(OGRFeature& feature) {
  if (later_) {
    pending_.emplace_back(feature.Clone());
    return;
  }
  for (Target& t : targets_) write(t, feature);
}

void VectorLayer::write(Target& t, OGRFeature& feature) {
  if (!t.in_transaction) {
    if (t.layer->StartTransaction() != OGRERR_NONE) throw DataError("cannot write '" + t.path + "': " + gdal_last_error());
    t.in_transaction = true;
  }
  OGRFeature f(t.layer->GetLayerDefn());
  if (f.SetFrom(&feature, t.field_map.data(), TRUE) != OGRERR_NONE) {
    throw DataError("cannot write a feature of '" + t.path + "': " + gdal_last_error());
  }
  if (t.to_wgs84) {
    if (OGRGeometry* g = f.GetGeometryRef(); g && g->transform(t.to_wgs84.get()) != OGRERR_NONE) {
      throw DataError("cannot transform a feature of '" + t.path + "' to EPSG:4326: " + gdal_last_error());
    }
    if (OGRGeometry* g = f.StealGeometry()) f.SetGeometryDirectly(valid_after_rounding(g));
  }
  if (t.layer->CreateFeature(&f) != OGRERR_NONE) throw DataError("cannot write '" + t.path + "': " + gdal_last_error());
}

void VectorLayer::finish(Target& t) {
  if (t.in_transaction && t.layer->CommitTransaction() != OGRERR_NONE) {
    throw DataError("cannot write '" + t.path + "': " + gdal_last_error());
  }
  t.in_transaction = false;
  if (t.own) close_dataset(t.own, t.path);
}

void VectorLayer::add_row(const std::vector<std::string>& row, OGRGeometry* geometry) {
  OGRFeature f(defn_.get());
  for (size_t k = 0; k < row.size(); ++k) {
    if (row[k].empty()) {
      f.SetFieldNull(static_cast<int>(k));
    } else {
      f.SetField(static_cast<int>(k), row[k].c_str());
    }
  }
  f.SetGeometryDirectly(geometry);
  add(f);
}

void VectorLayer::set_style(std::string_view qml) { style_ = qml; }

void VectorLayer::close() {
  if (closed_) return;
  closed_ = true;
  // What the pack records of the layer is known once its fields are: it is recorded (and its
  // style staged) here, in the run's order, whether the features are written now or later.
  std::vector<std::pair<std::string, std::string>> renames;  // a Shapefile's shortened field names
  OGRFeatureDefn* published = targets_.front().layer->GetLayerDefn();
  for (int i = 0; i < defn_->GetFieldCount(); ++i) {
    const std::string full = defn_->GetFieldDefn(i)->GetNameRef();
    const std::string kept = published->GetFieldDefn(targets_.front().field_map[i])->GetNameRef();
    if (full != kept) renames.emplace_back(full, kept);
  }
  const bool in_pack_gpkg = !targets_.front().own;
  PackLayer record{.stem = stem_, .provider = "ogr", .qml = renamed_fields(style_, renames)};
  const OGRwkbGeometryType type = wkbFlatten(defn_->GetGeomType());
  record.geometry = type == wkbPoint || type == wkbMultiPoint ? "Point"
                    : type == wkbLineString || type == wkbMultiLineString ? "Line" : "Polygon";
  if (in_pack_gpkg) {
    record.source = "./pack.gpkg|layername=" + pack_table_name(stem_);
  } else {
    const std::string ext = std::filesystem::path(targets_.front().path).extension().string();
    record.source = "./" + stem_ + ext;
    if (ext == ".geojson") record.epsg = 4326;
  }
  out_->add_layer(record);
  if (!style_.empty()) {
    if (in_pack_gpkg) {
      finish(targets_.front());  // the style goes into the GeoPackage after the features
      store_style(*targets_.front().ds, pack_table_name(stem_), style_, targets_.front().path);
    } else {
      write_text(out_->stage(stem_ + ".qml"), renamed_fields(style_, renames));
    }
  }
  if (!later_) {
    for (Target& t : targets_) finish(t);
    return;
  }
  // Every file is the layer's own: the maps' FlatGeobuf is written now (no transformation, and
  // the maps can then be drawn while the writer thread goes on), the rest on the writer thread.
  Target& map = targets_.back();
  for (const auto& f : pending_) write(map, *f);
  finish(map);
  targets_.pop_back();
  auto job = std::make_shared<std::pair<std::vector<Target>, std::vector<std::unique_ptr<OGRFeature>>>>(std::move(targets_),
                                                                                                          std::move(pending_));
  out_->write_later([job] {
    for (auto& f : job->second) {
      for (Target& t : job->first) write(t, *f);
      f.reset();
    }
    for (Target& t : job->first) finish(t);
  });
}

}  // namespace hotspot
