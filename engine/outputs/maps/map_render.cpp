// SPDX-License-Identifier: Apache-2.0
// Mapnik's headers are kept to this file: nothing else in the engine sees them.
#include "outputs/maps/map_render.hpp"

#include <cairo.h>
#include <fontconfig/fontconfig.h>

#include <mapnik/agg_renderer.hpp>
#include <mapnik/datasource.hpp>
#include <mapnik/datasource_cache.hpp>
#include <mapnik/debug.hpp>
#include <mapnik/font_engine_freetype.hpp>
#include <mapnik/image.hpp>
#include <mapnik/image_util.hpp>
#include <mapnik/layer.hpp>
#include <mapnik/load_map.hpp>
#include <mapnik/map.hpp>

#include <atomic>
#include <future>
#include <map>
#include <mutex>

#include "core/errors.hpp"
#include "core/gdal_handles.hpp"
#include "core/parallel.hpp"
#include "outputs/cairo_canvas.hpp"
#include "outputs/maps/map_frame.hpp"

namespace hotspot {
namespace {

// Only what the maps use: the GDAL and OGR input plugins, and the two faces map_xml names.
// (Registering every plugin and every DejaVu face took a tenth of a one-map pack's drawing.)
void init_mapnik() {
  static std::once_flag once;
  std::call_once(once, [] {
    mapnik::logger::instance().set_severity(mapnik::logger::none);
    for (const char* plugin : {"gdal.input", "ogr.input"}) {
      const std::string path = std::string(HOTSPOT_MAPNIK_PLUGINS) + "/" + plugin;
      if (!mapnik::datasource_cache::instance().register_datasource(path)) {
        throw DataError("maps: Mapnik's input plugin " + path + " could not be loaded");
      }
    }
    for (const char* face : {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"}) {
      const std::string path = std::string(HOTSPOT_MAP_FONTS) + "/" + face;
      if (!mapnik::freetype_engine::register_font(path)) throw DataError("maps: the font " + path + " could not be loaded");
    }
  });
}

// Mapnik datasources, each source opened once for the maps one thread draws: a county's maps draw
// the same files again and again (the wards and districts on every map, shapes and labels, the
// LSOA layer on several), and opening a source (Mapnik's OGR plugin reads its extent and CRS)
// cost more than drawing it. A datasource is read by one thread at a time, one layer after another.
class Datasources {
 public:
  mapnik::datasource_ptr operator()(const MapSource& source) {
    mapnik::datasource_ptr& ds = open_[source];
    if (!ds) {
      mapnik::parameters p;
      p["type"] = source.raster ? "gdal" : "ogr";
      p["file"] = source.file;
      if (source.raster) {
        p["band"] = mapnik::value_integer{1};
      } else {
        p["layer_by_index"] = mapnik::value_integer{0};
      }
      ds = mapnik::datasource_cache::instance().create(p);
    }
    return ds;
  }

 private:
  std::map<MapSource, mapnik::datasource_ptr> open_;
};

// Mapnik's image into the cairo surface the frame is drawn on: Mapnik's pixels are bytes R, G, B,
// A; cairo's ARGB32 pixels are native 32-bit words, alpha premultiplied.
void copy_to_surface(mapnik::image_rgba8& image, cairo_surface_t* surface) {
  mapnik::premultiply_alpha(image);
  cairo_surface_flush(surface);
  unsigned char* data = cairo_image_surface_get_data(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  for (size_t r = 0; r < image.height(); ++r) {
    auto* out = reinterpret_cast<uint32_t*>(data + static_cast<ptrdiff_t>(r) * stride);
    const auto* in = reinterpret_cast<const uint8_t*>(image.get_row(r));
    for (size_t c = 0; c < image.width(); ++c, in += 4) {
      out[c] = uint32_t{in[3]} << 24 | uint32_t{in[0]} << 16 | uint32_t{in[1]} << 8 | uint32_t{in[2]};
    }
  }
  cairo_surface_mark_dirty(surface);
}

// Draws the map with Mapnik's AGG renderer (about a sixth quicker than its cairo renderer on a
// county's maps, the same picture), then its frame with cairo.
std::string draw(const MapSpec& spec, const MapContext& context, const PackPath& pack_path, const MapSize& size,
                 Datasources& datasources) {
  const MapDocument doc = mapnik_document(spec, context, pack_path);
  CairoSurface surface = image_surface(size.width, size.height);
  double metres_per_pixel = 0;
  try {
    mapnik::Map map(size.width, size.height);
    mapnik::load_map_string(map, doc.xml, true);
    for (size_t i = 0; i < map.layers().size() && i < doc.sources.size(); ++i) {
      map.get_layer(i).set_datasource(datasources(doc.sources[i]));
    }
    const Extent& e = spec.extent.xmax > spec.extent.xmin ? spec.extent : context.extent;
    const double pad = 0.03 * std::max(e.xmax - e.xmin, e.ymax - e.ymin);
    map.zoom_to_box(mapnik::box2d<double>(e.xmin - pad, e.ymin - pad, e.xmax + pad, e.ymax + pad));
    metres_per_pixel = map.get_current_extent().width() / size.width;
    mapnik::image_rgba8 image(size.width, size.height);
    mapnik::agg_renderer<mapnik::image_rgba8> renderer(map, image, size.scale);
    renderer.apply();
    copy_to_surface(image, surface.get());
  } catch (const std::exception& ex) {
    throw DataError("map '" + spec.id + "': Mapnik could not draw it: " + ex.what());
  }
  cairo_t* cr = cairo_create(surface.get());
  draw_map_frame(cr, spec, context, size.width, size.height, metres_per_pixel, size.scale);
  cairo_destroy(cr);
  return png_bytes(surface.get(), "map '" + spec.id + "'");
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
  Datasources datasources;
  return draw(spec, context, pack_path, size, datasources);
}

std::vector<std::string> render_maps(const std::vector<const MapSpec*>& specs, const MapContext& context,
                                     const PackPath& pack_path, const MapSize& size) {
  init_mapnik();
  // Fontconfig reads its configuration and caches (tens of ms) the first time pango lays out
  // text, the first map's frame: here it does so while Mapnik draws the first map.
  std::future<void> fonts = std::async(std::launch::async, [] { FcInit(); });
  std::vector<std::string> png(specs.size());
  std::atomic<size_t> next{0};  // maps differ in cost: each thread takes the next one left
  parallel_for(worker_count(specs.size()), [&](size_t) {
    Datasources datasources;
    for (size_t i; (i = next++) < specs.size();) png[i] = draw(*specs[i], context, pack_path, size, datasources);
  });
  fonts.get();
  return png;
}

}  // namespace hotspot
