// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "core/geos_handles.hpp"
#include "core/progress.hpp"
#include "inputs/boundaries.hpp"
#include "places/area_raster.hpp"
#include "places/interior_cells.hpp"

namespace hotspot {

// Point in area with a GEOS STRtree over the areas' envelopes (AreaBoxes) and prepared geometries.
//
// Rule for a point on an edge (docs/method.md, "Point in LSOA"): a point lies on an edge when it
// is within kEdgeTolerance_m of an area's boundary (police.uk snap points often lie exactly on
// LSOA edges in WGS84, and projecting both to EPSG:27700 leaves them a fraction of a millimetre
// to either side). Such a point is moved onto the nearest point of the boundary and then a step
// of kEdgeStep_m north-east; it belongs to the area that holds the moved point, or to none (it
// is outside the study area) when no area does. Where the edge itself runs south-west to
// north-east, so that the step stays on it, the step is due east instead (and where areas overlap,
// the lowest code among those holding the moved point wins). Any other point
// belongs to the area holding it. The rule depends on the geometry alone: not on the order of
// the file, the codes, an index or a library version, and on a clean partition it gives every
// point exactly one area, as a raster's scan conversion does. With --districts it gives each
// selected area the points the whole layer would give it.
// The boundaries must outlive the locator.
inline constexpr double kEdgeTolerance_m = 0.001;
inline constexpr double kEdgeStep_m = 1e-6;

class AreaLocator {
 public:
  explicit AreaLocator(const Boundaries& boundaries);

  // Index into boundaries.areas, or -1 when the point is in no area. `on_edge`, when given, is
  // set to whether the edge rule decided.
  int32_t locate(double x, double y, bool* on_edge = nullptr) const;

  struct Located {
    std::vector<int32_t> area;  // per point
    uint64_t on_edge = 0;       // points the edge rule decided
  };
  // locate() for every point; points sharing exact coordinates are located once, and, when there
  // are thousands of locations, a point in a cell no edge comes near (InteriorCells) takes its
  // cell's area without the exact test.
  Located locate_all(const std::vector<double>& x, const std::vector<double>& y, const Progress& progress = {}) const;

 private:
  // The first of `candidates` (in code order) whose interior holds `point`, or -1.
  int32_t first_holding(const GEOSGeometry* point, const std::vector<size_t>& candidates) const;

  const Boundaries& boundaries_;
  GEOSContextHandle_t ctx_;
  std::vector<PreparedPtr> prepared_;
  AreaBoxes boxes_;  // the candidates for a point: the areas whose box meets its reach
  // The raster shortcut, made by the first locate_all of many points (naming a few hotspots by
  // their LSOA does not pay for it).
  mutable std::once_flag interior_made_;
  mutable std::unique_ptr<InteriorCells> interior_;
};

}  // namespace hotspot
