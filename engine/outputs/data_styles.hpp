// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <vector>

#include "outputs/maps/map_spec.hpp"

namespace hotspot {

// QGIS styles whose classes come from the data, so that QGIS shows what the brief's maps show:
// the shipped QML (made by QGIS, scripts/make_styles.py) with its values replaced.

// density.qml: the surface's ramp (the hotspots map's stops; values below the first are not
// drawn), its legend labels carrying the unit.
std::string density_style_qml(const std::vector<MapStop>& ramp, const std::string& unit);

// lsoa.qml: `field` (rate_per_1000, or incidents when some LSOA has no population) in the
// classes between `breaks` (quantile_breaks), labelled "a to under b UNIT"; with fewer than two
// breaks, the shipped classes.
std::string lsoa_class_style_qml(const std::string& field, const std::vector<double>& breaks, const std::string& unit);

}  // namespace hotspot
