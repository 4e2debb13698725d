// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <vector>

#include "inputs/boundaries.hpp"

namespace hotspot {

// Neighbours and weights of each area, indexed like Boundaries::areas.
struct SpatialWeights {
  std::vector<std::vector<uint32_t>> neighbours;  // sorted, self not included unless with_self()
  std::vector<std::vector<double>> weights;       // aligned with neighbours

  size_t size() const { return neighbours.size(); }
  size_t links() const;                   // neighbour pairs, each direction counted
  std::vector<uint32_t> islands() const;  // areas with no neighbour
};

enum class Contiguity { queen, rook };

// Binary contiguity read from shared boundary vertices, as R spdep's poly2nb: two areas are
// queen neighbours when a vertex of one lies within snap_m of a vertex of the other, rook
// neighbours when at least two distinct vertex locations are shared. The snap absorbs
// rounding in generalised boundaries.
SpatialWeights contiguity_weights(const Boundaries& boundaries, Contiguity rule, double snap_m = 0.001);

// The k nearest areas by centroid distance (nanoflann; asymmetric, as PySAL's KNN; ties at the
// k-th distance go to the lower area index).
SpatialWeights knn_weights(const Boundaries& boundaries, int k);

// Areas whose centroids lie within distance_m of each other (inclusive); may leave islands.
SpatialWeights distance_band_weights(const Boundaries& boundaries, double distance_m);

// Each area's weights divided by their sum (spdep style "W"); islands keep no weights.
SpatialWeights row_standardised(SpatialWeights w);

// Each area as its own neighbour with weight 1 (spdep include.self, style "B"), for Gi*.
SpatialWeights with_self(SpatialWeights w);

}  // namespace hotspot
