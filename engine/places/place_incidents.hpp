// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <vector>

#include "core/progress.hpp"
#include "inputs/boundaries.hpp"
#include "inputs/incidents.hpp"

namespace hotspot {

// Puts every loaded incident in its area by geometry (the LSOA code a police.uk row carries is
// not trusted: it mixes 2011 and 2021 vintages). Incidents in no area are rejected as
// "outside study area" and removed from `load`. Returns the area index of each remaining
// incident, aligned with load.incidents. `on_edge`, when given, gets the number of incidents the
// edge rule (places/area_locator.hpp) decided, kept or not.
std::vector<int32_t> place_incidents(IncidentLoad& load, const Boundaries& boundaries,
                                     const Progress& progress = {}, uint64_t* on_edge = nullptr);

}  // namespace hotspot
