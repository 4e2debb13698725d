// SPDX-License-Identifier: Apache-2.0
#include "outputs/charts/charts.hpp"


#include <algorithm>
#include <cmath>
#include <memory>

#include <fmt/format.h>

#include "outputs/cairo_canvas.hpp"

namespace hotspot {
namespace {

// A "nice" axis top and step: 1, 2 or 5 times a power of ten, about five steps.
std::pair<double, double> nice_axis(double most) {
  if (!(most > 0)) return {1, 0.2};
  const double raw = most / 5, p = std::pow(10.0, std::floor(std::log10(raw)));
  double step = p;
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    if (m * p >= raw) {
      step = m * p;
      break;
    }
  }
  return {std::ceil(most / step) * step, step};
}

struct Frame {
  double left, top, right, bottom;  // the plot area
  double top_value, step;
  double y(double v) const { return bottom - (bottom - top) * v / top_value; }
};

// Background, title, y axis with gridlines and its label; returns the plot area.
Frame draw_axes(cairo_t* cr, const ChartData& c, int width, int height, double most) {
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
  draw_text(cr, c.title, 16, 10, {.px = 17, .bold = true});
  const auto [top_value, step] = nice_axis(most);
  Frame f{78, 58, width - 18.0, height - 64.0, top_value, step};
  cairo_set_line_width(cr, 1);
  for (double v = 0; v <= top_value + step / 2; v += step) {
    const double y = std::round(f.y(v)) + 0.5;
    cairo_set_source_rgb(cr, 0.86, 0.86, 0.86);
    cairo_move_to(cr, f.left, y);
    cairo_line_to(cr, f.right, y);
    cairo_stroke(cr);
    cairo_set_source_rgb(cr, 0.25, 0.25, 0.25);
    draw_text(cr, fmt::format("{:g}", v), f.left - 8, y - 8, {.align = Align::right});
  }
  draw_text(cr, c.y_label, 8, (f.top + f.bottom) / 2, {.align = Align::centre, .vertical = true});
  return f;
}

void bottom_labels(cairo_t* cr, const std::vector<std::string>& labels, const Frame& f, double slot) {
  // Every label when they fit, else every k-th.
  const size_t every = std::max<size_t>(1, static_cast<size_t>(std::ceil(62.0 / slot)));
  cairo_set_source_rgb(cr, 0.25, 0.25, 0.25);
  for (size_t i = 0; i < labels.size(); i += every) {
    draw_text(cr, labels[i], f.left + slot * (static_cast<double>(i) + 0.5), f.bottom + 8, {.align = Align::centre});
  }
}

}  // namespace

std::string bar_chart_png(const ChartData& c, int width, int height) {
  CairoSurface s = image_surface(width, height);
  cairo_t* cr = cairo_create(s.get());
  double most = 0;
  for (double v : c.values) most = std::max(most, v);
  for (double v : c.reference) most = std::max(most, v);
  const Frame f = draw_axes(cr, c, width, height, most);
  const double slot = (f.right - f.left) / static_cast<double>(std::max<size_t>(1, c.values.size()));
  for (size_t i = 0; i < c.values.size(); ++i) {
    const double x = f.left + slot * static_cast<double>(i) + slot * 0.15;
    cairo_rectangle(cr, x, f.y(c.values[i]), slot * 0.7, f.bottom - f.y(c.values[i]));
    cairo_set_source_rgb(cr, 0.74, 0.1, 0.1);
    cairo_fill(cr);
  }
  for (size_t i = 0; i < c.reference.size() && i < c.values.size(); ++i) {
    const double x = f.left + slot * static_cast<double>(i), y = std::round(f.y(c.reference[i])) + 0.5;
    cairo_move_to(cr, x + slot * 0.05, y);
    cairo_line_to(cr, x + slot * 0.95, y);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    cairo_set_line_width(cr, 3);
    cairo_stroke(cr);
  }
  bottom_labels(cr, c.labels, f, slot);
  if (!c.reference.empty()) {
    cairo_move_to(cr, f.right - 250, 40.5);  // under the title, above the plot
    cairo_line_to(cr, f.right - 226, 40.5);
    cairo_set_line_width(cr, 3);
    cairo_stroke(cr);
    draw_text(cr, c.reference_label, f.right - 220, 32, {});
  }
  cairo_destroy(cr);
  return png_bytes(s.get(), "chart");
}

std::string line_chart_png(const ChartData& c, int width, int height) {
  CairoSurface s = image_surface(width, height);
  cairo_t* cr = cairo_create(s.get());
  double most = 0;
  for (double v : c.values) most = std::max(most, v);
  const Frame f = draw_axes(cr, c, width, height, most);
  const double slot = (f.right - f.left) / static_cast<double>(std::max<size_t>(1, c.values.size()));
  const auto x = [&](size_t i) { return f.left + slot * (static_cast<double>(i) + 0.5); };
  for (size_t i = 0; i < c.values.size(); ++i) {
    if (i == 0) {
      cairo_move_to(cr, x(i), f.y(c.values[i]));
    } else {
      cairo_line_to(cr, x(i), f.y(c.values[i]));
    }
  }
  cairo_set_source_rgb(cr, 0.74, 0.1, 0.1);
  cairo_set_line_width(cr, 3);
  cairo_stroke(cr);
  for (size_t i = 0; i < c.values.size(); ++i) {
    cairo_arc(cr, x(i), f.y(c.values[i]), 4, 0, 2 * M_PI);
    cairo_fill(cr);
  }
  bottom_labels(cr, c.labels, f, slot);
  cairo_destroy(cr);
  return png_bytes(s.get(), "chart");
}

std::string sparkline_png(const std::vector<double>& values, int width, int height) {
  CairoSurface s = image_surface(width, height);
  cairo_t* cr = cairo_create(s.get());
  double most = 0;
  for (double v : values) most = std::max(most, v);
  const double pad = 3, step = values.size() > 1 ? (width - 2 * pad) / static_cast<double>(values.size() - 1) : 0;
  const auto y = [&](double v) { return height - pad - (height - 2 * pad) * (most > 0 ? v / most : 0); };
  for (size_t i = 0; i < values.size(); ++i) {
    if (i == 0) {
      cairo_move_to(cr, pad, y(values[i]));
    } else {
      cairo_line_to(cr, pad + step * static_cast<double>(i), y(values[i]));
    }
  }
  cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
  cairo_set_line_width(cr, 1.5);
  cairo_stroke(cr);
  if (!values.empty()) {
    cairo_arc(cr, pad + step * static_cast<double>(values.size() - 1), y(values.back()), 2.5, 0, 2 * M_PI);
    cairo_set_source_rgb(cr, 0.74, 0.1, 0.1);
    cairo_fill(cr);
  }
  cairo_destroy(cr);
  return png_bytes(s.get(), "chart");
}

}  // namespace hotspot
