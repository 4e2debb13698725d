// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cairo.h>

#include <memory>
#include <utility>
#include <string>

namespace hotspot {

using CairoSurface = std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)>;

// An ARGB image surface of the given size.
CairoSurface image_surface(int width, int height);

// The surface as PNG bytes; throws DataError naming `what` when cairo cannot encode it.
std::string png_bytes(cairo_surface_t* surface, const std::string& what);

enum class Align { left, centre, right };

struct TextStyle {
  double px = 13;  // the font's size in pixels
  bool bold = false;
  Align align = Align::left;
  double max_width = 0;  // wrap at this width; 0: no wrapping
  bool vertical = false;  // read bottom to top
};

// Draws text with pango (DejaVu Sans) in the current source colour, its top edge at y and its
// anchor at x as aligned; `draw` false only measures. Returns its width and height in pixels.
std::pair<double, double> draw_text(cairo_t* cr, const std::string& text, double x, double y, const TextStyle& style,
                                    bool draw = true);

}  // namespace hotspot
