// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <vector>

#include "outputs/maps/map_spec.hpp"
#include "pipeline/stage.hpp"

namespace hotspot {

// What every map of a run shows around its stage's layers: the inputs' basemap, wards and
// districts, over the study area.
MapContext map_context(const StudyInputs& inputs, const StudyData& study);

// Draws each stage's maps from the files it staged, writes them as maps/<id>.png and puts each
// at the head of its brief section.
void draw_maps(const MapContext& context, std::vector<StageReport>& stages, OutputFolder& out, const Progress& progress);

}  // namespace hotspot
