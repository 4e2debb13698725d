// SPDX-License-Identifier: Apache-2.0
#include "outputs/cairo_canvas.hpp"

#include <pango/pangocairo.h>

#include <cmath>

#include "core/errors.hpp"

namespace hotspot {
namespace {

cairo_status_t append_png(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

CairoSurface image_surface(int width, int height) {
  return {cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height), &cairo_surface_destroy};
}

std::string png_bytes(cairo_surface_t* surface, const std::string& what) {
  std::string png;
  if (cairo_surface_write_to_png_stream(surface, append_png, &png) != CAIRO_STATUS_SUCCESS) {
    throw DataError(what + ": cannot encode the PNG");
  }
  return png;
}

std::pair<double, double> draw_text(cairo_t* cr, const std::string& text, double x, double y, const TextStyle& style,
                                    bool draw) {
  PangoLayout* layout = pango_cairo_create_layout(cr);
  PangoFontDescription* font = pango_font_description_from_string(style.bold ? "DejaVu Sans Bold" : "DejaVu Sans");
  pango_font_description_set_absolute_size(font, style.px * PANGO_SCALE);
  pango_layout_set_font_description(layout, font);
  if (style.max_width > 0) pango_layout_set_width(layout, static_cast<int>(style.max_width * PANGO_SCALE));
  pango_layout_set_text(layout, text.c_str(), -1);
  int w = 0, h = 0;
  pango_layout_get_pixel_size(layout, &w, &h);
  if (draw) {
    cairo_save(cr);
    cairo_translate(cr, x, y);
    if (style.vertical) cairo_rotate(cr, -M_PI / 2);
    cairo_move_to(cr, style.align == Align::left ? 0 : style.align == Align::centre ? -w / 2.0 : -w, 0);
    pango_cairo_show_layout(cr, layout);
    cairo_restore(cr);
  }
  pango_font_description_free(font);
  g_object_unref(layout);
  return {w, h};
}

}  // namespace hotspot
