// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <vector>

namespace hotspot {

// Benjamini-Hochberg: which p-values are significant at false discovery rate `alpha`.
std::vector<bool> fdr_significant(const std::vector<double>& p, double alpha);

// ArcGIS-style Gi* bins from z and its two-sided p: ±3 hot/cold spot with 99% confidence
// (p < 0.01), ±2 with 95%, ±1 with 90%, 0 not significant; the sign from z. With `fdr`, each
// confidence level is tested with Benjamini-Hochberg over all areas instead.
std::vector<int> gi_bins(const std::vector<double>& z, const std::vector<double>& p_two_sided, bool fdr);

// "Hot spot, 99% confidence", ..., "Not significant", as ArcGIS labels the bins.
std::string gi_bin_label(int bin);

// Local Moran classes: the quadrant (HH, LL, HL, LH) where p < alpha, else "not significant".
std::vector<std::string> lisa_classes(const std::vector<std::string>& quadrant, const std::vector<double>& p,
                                      double alpha, bool fdr);

}  // namespace hotspot
