// SPDX-License-Identifier: Apache-2.0
#include "outputs/maps/map_frame.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "outputs/cairo_canvas.hpp"

namespace hotspot {
namespace {

struct Rgba {
  double r = 0, g = 0, b = 0, a = 1;
};

// "#rrggbb" or "#rrggbbaa".
Rgba colour(const std::string& hex, double opacity = 1) {
  Rgba c;
  if (hex.size() < 7 || hex[0] != '#') return c;
  const auto byte = [&](size_t at) { return static_cast<double>(std::strtol(hex.substr(at, 2).c_str(), nullptr, 16)) / 255.0; };
  c = {byte(1), byte(3), byte(5), hex.size() >= 9 ? byte(7) : 1.0};
  c.a *= opacity;
  return c;
}

void set(cairo_t* cr, const Rgba& c) { cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a); }

// Text at a size in points at 96 dpi, scaled.
struct Text {
  cairo_t* cr;
  double scale;

  std::pair<double, double> draw(const std::string& s, double x, double y, double points, bool bold, bool measure_only,
                                 double max_width = 0) const {
    return draw_text(cr, s, x, y, {.px = points * scale * 96.0 / 72.0, .bold = bold, .max_width = max_width}, !measure_only);
  }
};

// A legend row: a swatch (drawn in a box of the given size) and its text.
struct Row {
  std::function<void(double x, double y, double w, double h)> swatch;  // empty: a heading
  std::string text;
  bool bold = false;
};

void add_symbol_rows(cairo_t* cr, const MapLayer& layer, double scale, std::vector<Row>& rows) {
  if (!layer.ramp.empty()) {
    rows.push_back({nullptr, layer.ramp_legend, true});
    const std::vector<MapStop> ramp = layer.ramp;
    rows.push_back({[cr, ramp](double x, double y, double w, double h) {
                      cairo_pattern_t* g = cairo_pattern_create_linear(x, 0, x + w, 0);
                      const double lo = ramp.front().value, hi = ramp.back().value;
                      for (const MapStop& s : ramp) {
                        const Rgba c = colour(s.colour);
                        cairo_pattern_add_color_stop_rgba(g, hi > lo ? (s.value - lo) / (hi - lo) : 0, c.r, c.g, c.b, c.a);
                      }
                      cairo_rectangle(cr, x, y, w, h);
                      cairo_set_source(cr, g);
                      cairo_fill(cr);
                      cairo_pattern_destroy(g);
                    },
                    fmt::format("{:g} to {:g}", ramp.front().value, ramp.back().value)});
  }
  for (const MapSymbol& s : layer.symbols) {
    if (s.legend.empty()) continue;
    rows.push_back({[cr, s, scale](double x, double y, double w, double h) {
                      if (!s.marker_width.empty()) {
                        cairo_arc(cr, x + w / 2, y + h / 2, h / 2.4, 0, 2 * M_PI);
                      } else {
                        cairo_rectangle(cr, x + 1, y + 1, w - 2, h - 2);
                      }
                      if (!s.fill.empty()) {
                        set(cr, colour(s.fill, s.fill_opacity));
                        cairo_fill_preserve(cr);
                      }
                      const bool outline = !s.stroke.empty() && s.stroke_width > 0;
                      set(cr, colour(outline ? s.stroke : "#ffffff"));
                      cairo_set_line_width(cr, (outline ? s.stroke_width : 1) * scale);
                      cairo_stroke(cr);
                    },
                    s.legend});
  }
}

Row line_row(cairo_t* cr, const std::string& stroke, double width, double scale, const std::string& text) {
  return {[=](double x, double y, double w, double h) {
            cairo_move_to(cr, x, y + h / 2);
            cairo_line_to(cr, x + w, y + h / 2);
            set(cr, colour(stroke));
            cairo_set_line_width(cr, width * scale);
            cairo_stroke(cr);
          },
          text};
}

void draw_legend(cairo_t* cr, const MapSpec& spec, const MapContext& context, double scale) {
  std::vector<Row> rows;
  rows.push_back({nullptr, spec.title, true});
  for (const MapLayer& l : spec.layers) add_symbol_rows(cr, l, scale, rows);
  if (!context.wards.empty()) rows.push_back(line_row(cr, "#9a9a9a", 0.6, scale, "ward boundary"));
  if (!context.districts.empty()) rows.push_back(line_row(cr, "#404040", 1.6, scale, "district boundary"));
  const Text text{cr, scale};
  const double pad = 10 * scale, swatch_w = 34 * scale, swatch_h = 14 * scale, gap = 8 * scale, max_text = 420 * scale;
  double width = 0, height = pad;
  std::vector<double> heights;
  for (const Row& r : rows) {
    const auto [w, h] = text.draw(r.text, 0, 0, r.swatch ? 9 : 10, r.bold, true, max_text);
    width = std::max(width, (r.swatch ? swatch_w + gap : 0) + w);
    heights.push_back(std::max(h, swatch_h) + 4 * scale);
    height += heights.back();
  }
  const double x0 = 12 * scale, y0 = 12 * scale;
  cairo_rectangle(cr, x0, y0, width + 2 * pad, height + pad);
  cairo_set_source_rgba(cr, 1, 1, 1, 0.88);
  cairo_fill_preserve(cr);
  cairo_set_source_rgba(cr, 0.3, 0.3, 0.3, 1);
  cairo_set_line_width(cr, 1);
  cairo_stroke(cr);
  double y = y0 + pad;
  for (size_t i = 0; i < rows.size(); ++i) {
    const Row& r = rows[i];
    double x = x0 + pad;
    if (r.swatch) {
      r.swatch(x, y + (heights[i] - swatch_h) / 2 - 2 * scale, swatch_w, swatch_h);
      x += swatch_w + gap;
    }
    cairo_set_source_rgba(cr, 0.1, 0.1, 0.1, 1);
    text.draw(r.text, x, y, r.swatch ? 9 : 10, r.bold, false, max_text);
    y += heights[i];
  }
}

// 1, 2 or 5 times a power of ten metres, at most a fifth of the map's width.
double scale_bar_metres(double metres_per_pixel, int width) {
  const double most = metres_per_pixel * width / 5;
  double best = 1;
  for (double p = 1; p <= most; p *= 10) {
    for (double m : {1.0, 2.0, 5.0}) {
      if (m * p <= most) best = m * p;
    }
  }
  return best;
}

std::string distance_text(double metres) {
  return metres >= 1000 ? fmt::format("{:g} km", metres / 1000) : fmt::format("{:g} m", metres);
}

void draw_scale_bar(cairo_t* cr, int height, double metres_per_pixel, int width, double scale) {
  const double metres = scale_bar_metres(metres_per_pixel, width), length = metres / metres_per_pixel;
  const double x = 16 * scale, y = height - 30 * scale, h = 6 * scale;
  const Text text{cr, scale};
  cairo_rectangle(cr, x - 6 * scale, y - 20 * scale, length + 44 * scale, 40 * scale);
  cairo_set_source_rgba(cr, 1, 1, 1, 0.85);
  cairo_fill(cr);
  for (int i = 0; i < 4; ++i) {
    cairo_rectangle(cr, x + i * length / 4, y, length / 4, h);
    if (i % 2 == 0) {
      cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    } else {
      cairo_set_source_rgb(cr, 1, 1, 1);
    }
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    cairo_set_line_width(cr, 1);
    cairo_stroke(cr);
  }
  cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
  text.draw("0", x - 3 * scale, y - 16 * scale, 8, false, false);
  text.draw(distance_text(metres), x + length - 6 * scale, y - 16 * scale, 8, false, false);
}

void draw_north_arrow(cairo_t* cr, int width, double scale) {
  const double cx = width - 34 * scale, top = 16 * scale, h = 36 * scale, half = 11 * scale;
  cairo_move_to(cr, cx, top);
  cairo_line_to(cr, cx + half, top + h);
  cairo_line_to(cr, cx, top + h * 0.72);
  cairo_close_path(cr);
  cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
  cairo_fill(cr);
  cairo_move_to(cr, cx, top);
  cairo_line_to(cr, cx - half, top + h);
  cairo_line_to(cr, cx, top + h * 0.72);
  cairo_close_path(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_fill_preserve(cr);
  cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
  cairo_set_line_width(cr, 1.2 * scale);
  cairo_stroke(cr);
  const Text text{cr, scale};
  const auto [w, th] = text.draw("N", 0, 0, 11, true, true);
  text.draw("N", cx - w / 2, top + h + 2 * scale, 11, true, false);
}

void draw_attribution(cairo_t* cr, int width, int height, double scale) {
  const std::string s =
      "Contains public sector information licensed under the Open Government Licence v3.0.\n"
      "Contains OS data \u00a9 Crown copyright and database right. Made with hotspot and Mapnik.";
  const Text text{cr, scale};
  const auto [w, h] = text.draw(s, 0, 0, 7, false, true);
  const double x = width - w - 10 * scale, y = height - h - 8 * scale;
  cairo_rectangle(cr, x - 4 * scale, y - 2 * scale, w + 8 * scale, h + 4 * scale);
  cairo_set_source_rgba(cr, 1, 1, 1, 0.85);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
  text.draw(s, x, y, 7, false, false);
}

}  // namespace

void draw_map_frame(cairo_t* cr, const MapSpec& spec, const MapContext& context, int width, int height,
                    double metres_per_pixel, double scale) {
  draw_legend(cr, spec, context, scale);
  draw_north_arrow(cr, width, scale);
  draw_scale_bar(cr, height, metres_per_pixel, width, scale);
  draw_attribution(cr, width, height, scale);
  cairo_rectangle(cr, 0.5, 0.5, width - 1, height - 1);
  cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
  cairo_set_line_width(cr, 1);
  cairo_stroke(cr);
}

}  // namespace hotspot
