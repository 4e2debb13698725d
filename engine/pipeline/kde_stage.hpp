// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "analyses/density/bandwidth_choice.hpp"
#include "analyses/density/kernel_density.hpp"
#include "analyses/density/tasking_set.hpp"
#include "outputs/hotspot_layer.hpp"
#include "outputs/output_folder.hpp"
#include "outputs/maps/map_spec.hpp"
#include "pipeline/change_options.hpp"
#include "pipeline/evaluate_stage.hpp"
#include "pipeline/study_data.hpp"
#include "pipeline/study_grid.hpp"

namespace hotspot {

// Stage "kde": the kernel density surface over the study area, and the hotspots on it.
struct KdeParams {
  DensityParams density;       // density.bandwidth_m is not read when auto_bandwidth
  bool auto_bandwidth = true;  // choose_bandwidth() on the tasking hotspots of `budget`
  bool auto_recency = false;   // choose the recency weight too
  std::optional<double> tau_months;  // recency weight exp(-age / tau) when not chosen; none: no decay
  double cell_m = 25;
  HotspotBudget budget;              // hotspots: the top N within the area budget (tasking_hotspots)
  std::optional<double> threshold;   // instead: the top N groups of cells at or above this density
  int64_t max_cells = 200'000'000;
  std::optional<Extent> extent;      // the grid covers this box (within the study area) only
  std::optional<EvaluateParams> evaluate;  // run: also backtest, on the periods it names
  ChangeParams change;                     // with current_from: the current period's hotspots against the previous one's
};

// Throws OptionError naming the key at fault (kde.cell, kde.coverage, kde.threshold, kde.max_cells,
// kde.bandwidth, kde.adaptive, kde.extent), for callers that fill KdeParams themselves.
void check_kde_params(const KdeParams& params);

// The grid of a kde run, made from the places alone (see PlacesReady).
struct KdeGrid {
  DensitySurface surface;  // no values yet
};

KdeGrid prepare_kde_grid(const StudyData& places, const KdeParams& params);

struct KdeResult {
  DensityParams used;                    // with the bandwidth actually used
  std::optional<BandwidthChoice> choice;  // when the bandwidth or the recency was chosen
  std::optional<double> tau_months;       // the recency weight used
  DensitySurface surface;
  std::string unit;                      // "incidents per km2" or "kernel sum (raw)"
  std::vector<MapStop> ramp;             // the surface's colours, for density.qml and the brief's map
  std::vector<double> weights;           // per incident: its recency weight (1 without)
  std::optional<Periods> periods;        // with change.current_from
  std::vector<uint8_t> current;          // then, per incident: in the current period
  std::vector<HotspotFeature> hotspots;  // ranked by incidents (of the current period)
  std::vector<HotspotFeature> ceased;    // the previous period's hotspots sharing no cell with a current one
  std::vector<int32_t> hotspot_of;       // per incident: the hotspot whose cells hold it (index in hotspots), or -1
  int64_t hotspot_cells = 0;
  std::optional<EvaluateResult> evaluation;
};

// Runs the stage into `out`: the surface, then density.tif (written on a second thread) while the
// hotspots are found and hotspots.geojson (+ hotspots.qml) and hotspots.csv written, and with
// params.evaluate the backtest's evaluation.csv. `grid` from prepare_kde_grid (which checks the
// params), or made here when empty.
KdeResult run_kde(const StudyData& study, const KdeParams& params, std::optional<KdeGrid> grid, OutputFolder& out,
                  const std::string& prefix = "", const Progress& progress = {});

}  // namespace hotspot
