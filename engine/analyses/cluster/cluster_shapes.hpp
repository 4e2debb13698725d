// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <vector>

#include "core/geos_handles.hpp"

namespace hotspot {

enum class ClusterShape { hull, ellipse1, ellipse2 };

// "hull", "ellipse1", "ellipse2"; throws UsageError naming --shape.
ClusterShape parse_cluster_shape(const std::string& text);
const char* to_string(ClusterShape shape);

// The standard deviational ellipse as CrimeStat draws it: axes along the principal axes of
// the points about their mean centre, s = √(2 Σd² / (n − 2)) along each (n when n <= 2).
struct Ellipse {
  double cx = 0, cy = 0;
  double major_m = 0, minor_m = 0;  // one standard deviation
  double bearing_deg = 0;           // of the major axis, clockwise from grid north, 0..180
};

Ellipse standard_deviational_ellipse(const std::vector<double>& x, const std::vector<double>& y);

// The cluster's polygon in EPSG:27700: the convex hull of its points, or the ellipse at 1 or
// 2 standard deviations (72 vertices). Hulls and ellipses narrower than 1 m (all points on one
// spot or one line, as police.uk's snapped points often are) are widened to 1 m and
// `degenerate` is set.
GeomPtr cluster_polygon(GEOSContextHandle_t ctx, ClusterShape shape, const std::vector<double>& x,
                        const std::vector<double>& y, bool& degenerate);

}  // namespace hotspot
