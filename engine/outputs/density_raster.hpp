// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <map>
#include <string>

#include "analyses/density/kernel_density.hpp"

namespace hotspot {

inline constexpr double kDensityNodata = -9999.0;

// Writes the surface as a GeoTIFF: EPSG:27700, Float32, tiled, DEFLATE at level 1 (most cells are
// nodata or zero; higher levels and the float predictor cost time for 3% less), nodata
// kDensityNodata outside the study area, the band's unit set to `unit`, and `metadata` (kernel,
// bandwidth, ...) as dataset metadata. Throws DataError.
void write_density_raster(const std::string& path, const DensitySurface& surface, const std::string& unit,
                          const std::map<std::string, std::string>& metadata);

}  // namespace hotspot
