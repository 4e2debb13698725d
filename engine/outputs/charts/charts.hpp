// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <vector>

namespace hotspot {

// Charts for brief.html, drawn with cairo and pango into PNGs (the bytes are returned).
struct ChartData {
  std::string title;                // above the chart
  std::string y_label;              // the measure and its unit: "incidents per month"
  std::vector<std::string> labels;  // one per bar or point, along the bottom
  std::vector<double> values;
  std::vector<double> reference;    // bars only: a second series drawn as ticks (e.g. the share of residents); may be empty
  std::string reference_label;
};

std::string bar_chart_png(const ChartData& chart, int width = 900, int height = 420);
std::string line_chart_png(const ChartData& chart, int width = 900, int height = 360);
// A small line of the values with the last one marked, for a table cell.
std::string sparkline_png(const std::vector<double>& values, int width = 120, int height = 28);

}  // namespace hotspot
