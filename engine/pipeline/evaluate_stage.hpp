// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <cpl_json.h>

#include "analyses/density/backtest.hpp"
#include "analyses/density/bandwidth_choice.hpp"
#include "analyses/density/kernel.hpp"
#include "options/option_set.hpp"
#include "outputs/output_folder.hpp"
#include "pipeline/study_data.hpp"

namespace hotspot {

// Stage "evaluate": hotspots made from the training months, scored on the test months.
struct EvaluateParams {
  int train_from = 0, train_to = 0, test_from = 0, test_to = 0;  // YYYYMM, inclusive
  std::vector<std::string> methods = {"kde"};     // kde | grid | lsoa
  std::vector<Bandwidth> bandwidths = {Bandwidth{}};  // kde: each scored
  Kernel kernel = Kernel::quartic;
  double cell_m = 25;        // kde cells
  double grid_cell_m = 250;  // the grid baseline's cells
  std::vector<double> coverages = {0.005, 0.01, 0.02, 0.05};
  double auto_coverage = 0.01;  // the coverage --bandwidth auto optimises
  bool curve = false;           // also the PAI curve, 0.1% to 20% coverage in 0.1% steps
  int64_t max_cells = 200'000'000;
  std::optional<Extent> extent;
};

// Throws OptionError naming the key (in `section`) at fault: a missing or reversed period, test
// months not after the training months, no method, bandwidth or coverage. Single values are
// checked where they are parsed (declare_evaluate_options).
void check_evaluate_params(const EvaluateParams& params, const std::string& section = "evaluate");

// The first and last month an evaluation reads, for the loader's month filter.
std::pair<int, int> evaluation_months(const EvaluateParams& params);

struct EvaluationLine {
  std::string method;     // kde, grid or lsoa
  Bandwidth bandwidth;     // kde: as given
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

// summary.json's record of an evaluation and of a bandwidth choice, and the terminal's table.
CPLJSONObject evaluation_summary(const EvaluateParams& params, const EvaluateResult& result);
CPLJSONObject bandwidth_choice_summary(const BandwidthChoice& choice);
std::string bandwidth_choice_text(const BandwidthChoice& choice);  // the trials, the choice and any warning
std::string evaluation_text(const EvaluateResult& result);

// Declares the backtest's options in `section` of a set whose params hold an EvaluateParams
// (`evaluate` returns it): the periods, methods and scoring; with `method_keys` also the kde
// kernel, cell, coverage for auto, extent and grid limit (the kde step has its own). `flags`: also
// on the command line.
template <class P, class Access>
void declare_evaluate_options(OptionSet<P>& s, const std::string& section, Access evaluate, bool flags, bool method_keys) {
  const auto flag = [&](const char* f) { return flags ? std::string(f) : std::string(); };
  const std::string periods = "Periods", methods = "Methods", scoring = "Scoring";
  s.add({.section = section, .key = "train_from", .flag = flag("--train-from"), .kind = Kind::month, .required = true,
         .help = "First training month, YYYY-MM", .example = "2023-07", .group = periods},
        [evaluate](P& p) -> auto& { return evaluate(p).train_from; });
  s.add({.section = section, .key = "train_to", .flag = flag("--train-to"), .kind = Kind::month, .required = true,
         .help = "Last training month", .example = "2023-12", .group = periods},
        [evaluate](P& p) -> auto& { return evaluate(p).train_to; });
  s.add({.section = section, .key = "test_from", .flag = flag("--test-from"), .kind = Kind::month, .required = true,
         .help = "First test month (after the training months)", .example = "2024-01", .group = periods},
        [evaluate](P& p) -> auto& { return evaluate(p).test_from; });
  s.add({.section = section, .key = "test_to", .flag = flag("--test-to"), .kind = Kind::month, .required = true,
         .help = "Last test month", .example = "2024-06", .group = periods},
        [evaluate](P& p) -> auto& { return evaluate(p).test_to; });
  s.add({.section = section, .key = "methods", .flag = flag("--method"), .kind = Kind::texts,
         .choices = {"kde", "grid", "lsoa"},
         .help = "kde (cells of the density surface), grid (grid_cell cells by count), lsoa (LSOAs by incidents per km2)",
         .example = "kde,grid,lsoa", .group = methods},
        [evaluate](P& p) -> auto& { return evaluate(p).methods; });
  s.add({.section = section, .key = "bandwidths", .flag = flag("--bandwidth"), .kind = Kind::bandwidths, .unit = "m",
         .help = "kde bandwidths, metres and/or auto: one line each", .example = "auto,50,150,300", .group = methods},
        [evaluate](P& p) -> auto& { return evaluate(p).bandwidths; });
  if (method_keys) {
    s.add_custom({.section = section, .key = "kernel", .flag = flag("--kernel"), .default_text = "quartic",
                  .choices = {"quartic", "epanechnikov", "triangular", "uniform", "gaussian"},
                  .help = "kde kernel", .example = "quartic", .group = methods},
                 [evaluate](P& p, const Value& v) { evaluate(p).kernel = parse_kernel(std::get<std::string>(v.v), ""); });
    s.add({.section = section, .key = "cell", .flag = flag("--cell"), .kind = Kind::number, .unit = "m", .min = 0,
           .min_open = true, .help = "kde cell size", .example = "25", .group = methods},
          [evaluate](P& p) -> auto& { return evaluate(p).cell_m; });
  }
  s.add({.section = section, .key = "grid_cell", .flag = flag("--grid-cell"), .kind = Kind::number, .unit = "m", .min = 0,
         .min_open = true, .help = "The grid baseline's cell size", .example = "250", .group = methods},
        [evaluate](P& p) -> auto& { return evaluate(p).grid_cell_m; });
  s.add({.section = section, .key = "coverages", .flag = flag("--coverages"), .kind = Kind::numbers, .unit = "share",
         .min = 0, .max = 1, .min_open = true, .help = "Shares of the study area to score at", .example = "0.005,0.01",
         .group = scoring},
        [evaluate](P& p) -> auto& { return evaluate(p).coverages; });
  s.add({.section = section, .key = "curve", .flag = flag("--curve"), .kind = Kind::flag,
         .help = "Also pai_curve.csv: every coverage from 0.1% to 20%", .example = "true", .group = scoring},
        [evaluate](P& p) -> auto& { return evaluate(p).curve; });
  if (method_keys) {
    s.add({.section = section, .key = "coverage", .flag = flag("--coverage"), .kind = Kind::number, .unit = "share",
           .min = 0, .max = 1, .min_open = true, .help = "The coverage bandwidth auto optimises", .example = "0.01",
           .group = scoring},
          [evaluate](P& p) -> auto& { return evaluate(p).auto_coverage; });
    s.add({.section = section, .key = "extent", .flag = flag("--extent"), .kind = Kind::extent, .unit = "m",
           .default_text = "the study area", .help = "Only this box of the study area: xmin,ymin,xmax,ymax in EPSG:27700",
           .example = "440000,350000,460000,370000", .group = methods},
          [evaluate](P& p) -> auto& { return evaluate(p).extent; });
    s.add({.section = section, .key = "max_cells", .flag = flag("--max-cells"), .kind = Kind::whole, .min = 1,
           .help = "Refuse grids with more cells", .example = "100000000", .group = methods},
          [evaluate](P& p) -> auto& { return evaluate(p).max_cells; });
  }
}

}  // namespace hotspot
