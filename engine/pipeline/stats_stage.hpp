// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <map>
#include <string>
#include <vector>

#include "analyses/stats/local_statistics.hpp"
#include "analyses/stats/permutation.hpp"
#include "weights/spatial_weights.hpp"
#include "weights/weights_spec.hpp"
#include "analyses/stats/trends.hpp"
#include "outputs/output_folder.hpp"
#include "pipeline/study_data.hpp"

namespace hotspot {

// Stage "stats": which LSOAs are statistically hot, by Getis-Ord Gi* and local Moran's I.
struct StatsParams {
  WeightsSpec weights;            // queen (default), rook, knn:K, distance:METRES or a .gal/.gwt file
  std::string save_weights;       // "", "gal" or "gwt": also write the weights used
  std::string value = "count";  // count | rate (per 1,000 residents, needs population) | a numeric boundary field
  PermutationParams permutations;
  bool fdr = false;  // Benjamini-Hochberg for the classes
};

// Throws UsageError naming the key at fault: an empty value, save_weights not "", gal or gwt. A value other than count or rate names a numeric field of the boundaries
// (read with BoundaryOptions::value_field; see value_field()).
void check_stats_params(const StatsParams& params);

// The boundary field the value names, or "" for count and rate.
std::string value_field(const StatsParams& params);

struct StatsResult {
  SpatialWeights weights;
  std::vector<uint64_t> count;  // incidents per area
  std::vector<double> value;
  std::vector<double> gi_z, gi_p, gi_p_sim;
  std::vector<int> gi_bin;
  LocalMoran lisa;
  std::vector<double> lisa_p_sim;
  std::vector<std::string> lisa_class;
  GlobalMoran global;
  // Trends over the months of the data (YYYYMM, consecutive; empty when rows carry no month).
  std::vector<int> months;
  std::vector<MannKendall> count_trend;  // per area, of its monthly values
  std::vector<int> months_hot;           // per area, months with a Gi* hot spot bin
  std::vector<std::string> emerging;     // per area, emerging_category of its monthly Gi* bins

  std::map<int, uint64_t> gi_bin_counts() const;               // areas per Gi* bin
  std::map<std::string, uint64_t> emerging_counts() const;     // areas per emerging category
};

StatsResult analyse_stats(const StudyData& study, const StatsParams& params);

// Stages lsoa_stats.geojson (+ lsoa_stats.qml), lsoa_stats.csv and, when asked, weights.gal/.gwt.
void write_stats(const StudyData& study, const StatsParams& params, const StatsResult& result, OutputFolder& out,
                 const std::string& prefix = "");

}  // namespace hotspot
