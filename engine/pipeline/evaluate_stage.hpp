// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "analyses/density/backtest.hpp"
#include "analyses/density/bandwidth_choice.hpp"
#include "analyses/density/kernel.hpp"
#include "outputs/output_folder.hpp"
#include "pipeline/study_data.hpp"

namespace hotspot {

// Stage "evaluate": hotspots made from the training months, scored on the test months.
struct EvaluateParams {
  int train_from = 0, train_to = 0, test_from = 0, test_to = 0;  // YYYYMM, inclusive
  std::vector<std::string> methods = {"kde"};     // kde | grid | lsoa
  std::vector<std::string> bandwidths = {"auto"};  // kde: "auto" or metres, each scored
  Kernel kernel = Kernel::quartic;
  double cell_m = 25;        // kde cells
  double grid_cell_m = 250;  // the grid baseline's cells
  std::vector<double> coverages = {0.005, 0.01, 0.02, 0.05};
  double auto_coverage = 0.01;  // the coverage --bandwidth auto optimises
  bool curve = false;           // also the PAI curve, 0.1% to 20% coverage in 0.1% steps
  int64_t max_cells = 200'000'000;
  std::optional<Extent> extent;
};

// Throws UsageError naming the flag at fault: a missing or reversed period, test months not
// after the training months, an unknown method, a bad bandwidth or coverage.
void check_evaluate_params(const EvaluateParams& params);

// The first and last month an evaluation reads, for the loader's month filter.
std::pair<int, int> evaluation_months(const EvaluateParams& params);

struct EvaluationLine {
  std::string method;     // kde, grid or lsoa
  std::string bandwidth;  // kde: "auto" or metres as given
  double bandwidth_m = 0;  // kde: the bandwidth used
  double cell_m = 0;       // kde and grid
  std::optional<BandwidthChoice> choice;
  std::vector<BacktestRow> rows, curve;
};

struct EvaluateResult {
  uint64_t train_incidents = 0, test_incidents = 0;
  std::vector<EvaluationLine> lines;
};

// Throws DataError when an incident has no month or a period has no incidents.
EvaluateResult evaluate_hotspots(const StudyData& study, const EvaluateParams& params, const Progress& progress = {});

// Stages evaluation.csv and, with params.curve, pai_curve.csv.
void write_evaluation(const EvaluateResult& result, OutputFolder& out, const std::string& prefix = "");

}  // namespace hotspot
