// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <vector>

#include "outputs/maps/map_spec.hpp"
#include "outputs/web/map_html.hpp"
#include "pipeline/stage.hpp"

namespace hotspot {

// What every map of a run shows around its stage's layers: the inputs' basemap, wards and
// districts, over the study area, each source's CRS read once.
MapContext map_context(const StudyInputs& inputs, const StudyData& study);

// Draws each stage's maps from the files it staged, writes them as maps/<id>.png and puts each
// at the head of its brief section.
void draw_maps(const MapContext& context, std::vector<StageReport>& stages, OutputFolder& out, const Progress& progress);

// map.html's page: the vector layers of the stages' maps (each file once, in the maps' order),
// read from the files staged; the rank-labelled ones and the first are shown when it opens.
WebPage web_map(const std::vector<StageReport>& stages, const OutputFolder& out, const std::string& title,
                const std::string& marking);

}  // namespace hotspot
