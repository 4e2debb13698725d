// SPDX-License-Identifier: Apache-2.0
#include "outputs/geojson_layer.hpp"

#include <cmath>
#include <memory>

#include "core/crs.hpp"
#include "core/errors.hpp"

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

}  // namespace

GeoJsonLayer create_geojson_layer(const std::string& path, const std::string& layer_name,
                                  OGRwkbGeometryType geometry_type) {
  GeoJsonLayer out;
  out.path = path;
  out.dataset = create_dataset("GeoJSON", path);
  OGRSpatialReference wgs84 = crs_from_user("EPSG:4326", "GeoJSON");
  out.to_wgs84 = from_working_crs(wgs84, "GeoJSON '" + path + "'");
  const char* options[] = {"RFC7946=YES", "COORDINATE_PRECISION=6", "SIGNIFICANT_FIGURES=12", nullptr};
  out.layer = out.dataset->CreateLayer(layer_name.c_str(), &wgs84, geometry_type, const_cast<char**>(options));
  if (!out.layer) throw DataError("cannot create layer in '" + path + "': " + gdal_last_error());
  return out;
}

void GeoJsonLayer::add(OGRFeature& feature) {
  if (OGRGeometry* g = feature.GetGeometryRef(); g && g->transform(to_wgs84.get()) != OGRERR_NONE) {
    throw DataError("cannot transform a feature of '" + path + "' to EPSG:4326: " + gdal_last_error());
  }
  if (OGRGeometry* g = feature.StealGeometry()) feature.SetGeometryDirectly(valid_after_rounding(g));
  if (layer->CreateFeature(&feature) != OGRERR_NONE) throw DataError("cannot write '" + path + "': " + gdal_last_error());
}

void GeoJsonLayer::add_row(const std::vector<std::string>& row, OGRGeometry* geometry) {
  OGRFeature f(layer->GetLayerDefn());
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

void GeoJsonLayer::close() { close_dataset(dataset, path); }

}  // namespace hotspot
