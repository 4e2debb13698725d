// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <vector>

#include "weights/spatial_weights.hpp"

namespace hotspot {

// Getis-Ord Gi* z-scores with the weights as given (binary, self included: with_self()),
// as R spdep's localG: z_i = (Σ_j w_ij x_j − W_i x̄) / √(s² (n S1_i − W_i²) / (n − 1)),
// W_i = Σ_j w_ij, S1_i = Σ_j w_ij², s² = Σ (x − x̄)² / n.
std::vector<double> getis_ord_gstar(const SpatialWeights& w, const std::vector<double>& x);

// Local Moran's I as R spdep's localmoran with its defaults (conditional, mlvar): with
// z = x − x̄, m2 = Σ z² / n and lag_i = Σ_j w_ij z_j (row-standardised weights):
// I_i = z_i lag_i / m2; E(I_i) = −z_i² W_i / ((n − 1) m2);
// Var(I_i) = (z_i/m2)² n/(n−2) (W2_i − W_i²/(n−1)) (m2 − z_i²/(n−1)); Z_i = (I_i − E) / √Var.
// quadrant: HH, LL, HL, LH from the signs of z_i and lag_i.
struct LocalMoran {
  std::vector<double> i, expected, variance, z;
  std::vector<std::string> quadrant;
};
LocalMoran local_moran(const SpatialWeights& w, const std::vector<double>& x);

// Global Moran's I with its expectation and variance under randomisation (spdep moran.test).
struct GlobalMoran {
  double i = 0, expected = 0, variance = 0, z = 0;
};
GlobalMoran global_moran(const SpatialWeights& w, const std::vector<double>& x);

// z = x − x̄, with the moments m2 = Σ z² / n and m4 = Σ z⁴ / n that the statistics use.
struct Deviations {
  std::vector<double> z;
  double mean = 0, m2 = 0, m4 = 0;
};
Deviations deviations(const std::vector<double>& x);

// False when every value is the same (all-zero counts, say): no statistic can be tested.
bool has_variance(const std::vector<double>& x);

// Throws DataError when the values cannot give these statistics: a count that does not
// match the weights, or no variance (all values equal, e.g. all-zero counts).
void check_values(const SpatialWeights& w, const std::vector<double>& x);

}  // namespace hotspot
