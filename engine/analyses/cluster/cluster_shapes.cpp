// SPDX-License-Identifier: Apache-2.0
#include "analyses/cluster/cluster_shapes.hpp"

#include <algorithm>
#include <cmath>

#include "core/errors.hpp"
#include "core/locations.hpp"

namespace hotspot {
namespace {

constexpr double kMinWidth_m = 1.0;

GeomPtr ellipse_ring(GEOSContextHandle_t ctx, const Ellipse& e, double sd) {
  constexpr int kVertices = 72;
  const double a = std::max(e.major_m * sd, kMinWidth_m / 2), b = std::max(e.minor_m * sd, kMinWidth_m / 2);
  const double phi = (90.0 - e.bearing_deg) * M_PI / 180.0;  // major axis, counter-clockwise from east
  GEOSCoordSequence* seq = GEOSCoordSeq_create_r(ctx, kVertices + 1, 2);
  for (int i = 0; i <= kVertices; ++i) {
    const double t = 2 * M_PI * (i % kVertices) / kVertices;
    const double u = a * std::cos(t), v = b * std::sin(t);
    GEOSCoordSeq_setXY_r(ctx, seq, static_cast<unsigned>(i), e.cx + u * std::cos(phi) - v * std::sin(phi),
                         e.cy + u * std::sin(phi) + v * std::cos(phi));
  }
  GEOSGeometry* shell = GEOSGeom_createLinearRing_r(ctx, seq);
  return GeomPtr(GEOSGeom_createPolygon_r(ctx, shell, nullptr, 0), GeomDeleter{ctx});
}

}  // namespace

ClusterShape parse_cluster_shape(const std::string& text) {
  if (text == "hull") return ClusterShape::hull;
  if (text == "ellipse1") return ClusterShape::ellipse1;
  if (text == "ellipse2") return ClusterShape::ellipse2;
  throw UsageError("--shape '" + text + "': choose hull, ellipse1 or ellipse2");
}

const char* to_string(ClusterShape shape) {
  switch (shape) {
    case ClusterShape::hull: return "hull";
    case ClusterShape::ellipse1: return "ellipse1";
    case ClusterShape::ellipse2: return "ellipse2";
  }
  return "";
}

Ellipse standard_deviational_ellipse(const std::vector<double>& x, const std::vector<double>& y) {
  Ellipse e;
  const double n = static_cast<double>(x.size());
  for (size_t i = 0; i < x.size(); ++i) {
    e.cx += x[i];
    e.cy += y[i];
  }
  e.cx /= n;
  e.cy /= n;
  double sxx = 0, syy = 0, sxy = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    const double dx = x[i] - e.cx, dy = y[i] - e.cy;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  const double phi = 0.5 * std::atan2(2 * sxy, sxx - syy);  // major axis, counter-clockwise from east
  double major = 0, minor = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    const double dx = x[i] - e.cx, dy = y[i] - e.cy;
    const double along = dx * std::cos(phi) + dy * std::sin(phi);
    const double across = -dx * std::sin(phi) + dy * std::cos(phi);
    major += along * along;
    minor += across * across;
  }
  const double dof = x.size() > 2 ? n - 2 : n;
  e.major_m = std::sqrt(2 * major / dof);
  e.minor_m = std::sqrt(2 * minor / dof);
  e.bearing_deg = std::fmod(90.0 - phi * 180.0 / M_PI + 180.0, 180.0);
  return e;
}

GeomPtr cluster_polygon(GEOSContextHandle_t ctx, ClusterShape shape, const std::vector<double>& x,
                        const std::vector<double>& y, bool& degenerate) {
  if (shape != ClusterShape::hull) {
    const Ellipse e = standard_deviational_ellipse(x, y);
    const double sd = shape == ClusterShape::ellipse1 ? 1.0 : 2.0;
    degenerate = e.minor_m * sd < kMinWidth_m / 2;
    return ellipse_ring(ctx, e, sd);
  }
  // The hull of a line through every point is the hull of the points, from one coordinate
  // sequence (16 bytes a point) rather than one GEOS point object each; and through each
  // distinct point once, in the order they first come. GEOS keeps the first of each coordinate
  // in that order before it starts (a set with a node per point: most of a national cluster
  // step's time, police.uk's snap points repeating many times), so the hull is the same.
  const Locations distinct = distinct_locations(x, y);
  GeomPtr points(nullptr, GeomDeleter{ctx});
  if (distinct.size() == 1) {
    points.reset(GEOSGeom_createPointFromXY_r(ctx, distinct.x[0], distinct.y[0]));
  } else {
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(ctx, static_cast<unsigned>(distinct.size()), 2);
    for (size_t k = 0; k < distinct.size(); ++k) GEOSCoordSeq_setXY_r(ctx, seq, static_cast<unsigned>(k), distinct.x[k], distinct.y[k]);
    points.reset(GEOSGeom_createLineString_r(ctx, seq));
  }
  GeomPtr hull(GEOSConvexHull_r(ctx, points.get()), GeomDeleter{ctx});
  degenerate = GEOSGeomTypeId_r(ctx, hull.get()) != GEOS_POLYGON;
  if (!degenerate) {
    GeomPtr width(GEOSMinimumWidth_r(ctx, hull.get()), GeomDeleter{ctx});
    double width_m = 0;
    GEOSLength_r(ctx, width.get(), &width_m);
    degenerate = width_m < kMinWidth_m;
  }
  if (!degenerate) return hull;
  return GeomPtr(GEOSBuffer_r(ctx, hull.get(), kMinWidth_m / 2, 8), GeomDeleter{ctx});
}

}  // namespace hotspot
