// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <vector>

#include "core/geos_handles.hpp"
#include "core/progress.hpp"
#include "inputs/boundaries.hpp"

namespace hotspot {

// Point in area with a GEOS STRtree over the areas' envelopes and prepared geometries.
//
// Rule for a point on a shared edge: a point touches an area when it lies inside it or within
// kEdgeTolerance_m of it. A point touching one area belongs to it; a point touching several
// (on, or within the tolerance of, a shared edge) belongs to the one that comes first in the
// edge order; a point touching none is outside the study area. The tolerance exists because
// police.uk snap points often lie exactly on LSOA edges in WGS84 and projecting both to
// EPSG:27700 leaves them a fraction of a millimetre to either side.
//
// The edge order is the order in which a GEOS STRtree (node capacity 10) holding the boxes of
// every polygon of the boundary layer (Boundaries::layer_boxes, in code order) visits them:
// Sort-Tile-Recursive packing, boxes sorted by centre x into vertical slices and by centre y
// within a slice, level by level (docs/method.md). It is the rule behind the published
// Nottinghamshire figures, and it is the same whether or not --districts selects a part of the
// layer.
// The boundaries must outlive the locator.
inline constexpr double kEdgeTolerance_m = 0.001;

class AreaLocator {
 public:
  explicit AreaLocator(const Boundaries& boundaries);

  // Index into boundaries.areas, or -1 when the point is in no area.
  int32_t locate(double x, double y) const;

  // locate() for every point; points sharing exact coordinates are located once.
  std::vector<int32_t> locate_all(const std::vector<double>& x, const std::vector<double>& y,
                                  const Progress& progress = {}) const;

 private:
  const Boundaries& boundaries_;
  GEOSContextHandle_t ctx_;
  std::vector<PreparedPtr> prepared_;
  std::vector<size_t> ids_;  // stable addresses handed to the STRtree as items
  StrTreePtr tree_;
  std::vector<uint32_t> edge_rank_;  // per area: its place in the edge order
};

}  // namespace hotspot
