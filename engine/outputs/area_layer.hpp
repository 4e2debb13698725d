// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "analyses/areas/area_counts.hpp"
#include "analyses/areas/smoothed_rates.hpp"
#include "inputs/boundaries.hpp"
#include "inputs/imd.hpp"
#include "outputs/output_folder.hpp"

namespace hotspot {

// Field name for a crime type's count: "n_" + lower-case words joined by '_'
// ("Violence and sexual offences" -> "n_violence_and_sexual_offences").
std::string type_count_field(const std::string& type_name);

// Writes the area layer STEM (outputs/vector_layer.hpp) with its QGIS style: code, name, district,
// incidents in total and per type, population, rate per 1,000, IMD rank, decile and domain
// deciles, and the Empirical Bayes and spatial EB rates per 1,000 beside the raw one. Areas with
// no IMD record get null IMD fields. The same fields, without the geometry, go to `csv_path` (a
// table for Excel) when one is given.
void write_area_layer(OutputFolder& out, const std::string& stem, std::string_view style, const Boundaries& boundaries, const Imd& imd,
                      const AreaCounts& counts, const std::vector<std::string>& type_names, const SmoothedRates& rates,
                      const std::string& csv_path = {});

}  // namespace hotspot
