// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cairo.h>

#include "outputs/maps/map_spec.hpp"

namespace hotspot {

// Draws what frames a map onto it with cairo and pango: the legend at the top left, the north
// arrow at the top right, the scale bar at the bottom left and the attribution at the bottom
// right. `metres_per_pixel` sizes the scale bar; `scale` the text and symbols.
void draw_map_frame(cairo_t* cr, const MapSpec& spec, const MapContext& context, int width, int height,
                    double metres_per_pixel, double scale);

}  // namespace hotspot
