// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <vector>

#include "core/extent.hpp"
#include "outputs/output_folder.hpp"

namespace hotspot {

// pack.qgs: a QGIS project of the pack's layers, so that a GIS user opens one file and finds
// every layer named in words, styled (each layer's own style), grouped by step, in EPSG:27700,
// zoomed to the study area, with a print layout "Tasking map" (title, map, legend, scale bar,
// north arrow, attribution) ready to adjust and export. Paths are relative to the project, so
// the pack can be moved or shared whole. The layout is QGIS's own XML (scripts/make_layout.py)
// with the title, the extent and the attribution put in.
std::string qgis_project(const std::string& title, const Extent& study_area, const std::vector<PackLayer>& layers);

// The words a layer goes by in the project ("kde/hotspots" -> "Hotspots"), and its group's
// ("kde/hotspots" -> "Kernel density"; "" for a verb's flat pack).
std::string layer_title(const std::string& stem);
std::string group_title(const std::string& stem);

}  // namespace hotspot
