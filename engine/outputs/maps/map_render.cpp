// SPDX-License-Identifier: Apache-2.0
// Mapnik's headers are kept to this file: nothing else in the engine sees them.
#include "outputs/maps/map_render.hpp"

#include <cairo.h>

#include <mapnik/cairo/cairo_context.hpp>
#include <mapnik/cairo/cairo_renderer.hpp>
#include <mapnik/datasource_cache.hpp>
#include <mapnik/debug.hpp>
#include <mapnik/font_engine_freetype.hpp>
#include <mapnik/load_map.hpp>
#include <mapnik/map.hpp>

#include <mutex>

#include "core/errors.hpp"
#include "core/gdal_handles.hpp"
#include "core/parallel.hpp"
#include "outputs/cairo_canvas.hpp"
#include "outputs/maps/map_frame.hpp"

namespace hotspot {
namespace {

void init_mapnik() {
  static std::once_flag once;
  std::call_once(once, [] {
    mapnik::logger::instance().set_severity(mapnik::logger::none);
    mapnik::datasource_cache::instance().register_datasources(HOTSPOT_MAPNIK_PLUGINS);
    mapnik::freetype_engine::register_fonts(HOTSPOT_MAP_FONTS, true);
  });
}

}  // namespace

std::string mapnik_srs_of(const std::string& path) {
  init_gdal();
  GDALDatasetUniquePtr ds = open_vector(path, "map layer");
  OGRLayer* layer = pick_layer(*ds, "", path);
  const OGRSpatialReference* srs = layer->GetSpatialRef();
  if (!srs) throw DataError("map layer '" + path + "': declares no CRS");
  OGRSpatialReference copy(*srs);
  if (copy.GetAuthorityName(nullptr) == nullptr) copy.AutoIdentifyEPSG();
  const char* authority = copy.GetAuthorityName(nullptr);
  const char* code = copy.GetAuthorityCode(nullptr);
  if (authority && code && std::string(authority) == "EPSG") return std::string("epsg:") + code;
  char* proj4 = nullptr;
  copy.exportToProj4(&proj4);
  std::string out = proj4 ? proj4 : "";
  CPLFree(proj4);
  if (out.empty()) throw DataError("map layer '" + path + "': its CRS has no PROJ form");
  return out;
}

std::string render_map(const MapSpec& spec, const MapContext& context, const PackPath& pack_path, const MapSize& size) {
  init_mapnik();
  const std::string xml = mapnik_xml(spec, context, pack_path);
  CairoSurface surface = image_surface(size.width, size.height);
  double metres_per_pixel = 0;
  try {
    mapnik::Map map(size.width, size.height);
    mapnik::load_map_string(map, xml, true);
    const Extent& e = spec.extent.xmax > spec.extent.xmin ? spec.extent : context.extent;
    const double pad = 0.03 * std::max(e.xmax - e.xmin, e.ymax - e.ymin);
    map.zoom_to_box(mapnik::box2d<double>(e.xmin - pad, e.ymin - pad, e.xmax + pad, e.ymax + pad));
    metres_per_pixel = map.get_current_extent().width() / size.width;
    mapnik::cairo_ptr cr = mapnik::create_context(
        mapnik::cairo_surface_ptr(cairo_surface_reference(surface.get()), mapnik::cairo_surface_closer()));
    mapnik::cairo_renderer<mapnik::cairo_ptr> renderer(map, cr, size.scale);
    renderer.apply();
  } catch (const std::exception& ex) {
    throw DataError("map '" + spec.id + "': Mapnik could not draw it: " + ex.what());
  }
  cairo_t* cr = cairo_create(surface.get());
  draw_map_frame(cr, spec, context, size.width, size.height, metres_per_pixel, size.scale);
  cairo_destroy(cr);
  return png_bytes(surface.get(), "map '" + spec.id + "'");
}

std::vector<std::string> render_maps(const std::vector<const MapSpec*>& specs, const MapContext& context,
                                     const PackPath& pack_path, const MapSize& size) {
  init_mapnik();
  std::vector<std::string> png(specs.size());
  const size_t workers = worker_count(specs.size());
  parallel_for(workers, [&](size_t w) {
    for (size_t i = w; i < specs.size(); i += workers) png[i] = render_map(*specs[i], context, pack_path, size);
  });
  return png;
}

}  // namespace hotspot
