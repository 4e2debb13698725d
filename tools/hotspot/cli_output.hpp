// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>

#include <CLI/CLI.hpp>

#include "core/progress.hpp"
#include "pipeline/run_plan.hpp"

namespace hotspot::cli {

// Flags every verb has.
struct CommonFlags {
  bool quiet = false;  // no progress, no warnings, no human summary
  bool json = false;   // print summary.json to stdout instead of the human summary
  bool allow_network = false;  // read URLs and GDAL's network file systems (core/network.hpp)
  std::string csv;             // "excel" or "plain" (outputs/csv_table.hpp); "" the config's, else plain
  std::string format;          // "geojson", "gpkg", "fgb" or "shp" (outputs/vector_layer.hpp); "" the config's, else geojson
  bool timings = false;        // each step's wall time on stderr after the run
};

// Progress on stderr when it is a terminal and not --quiet; with --timings it also notes when
// each phase (a step, a long part of one) is first and last heard of.
Progress terminal_progress(const CommonFlags& flags);

// With --timings, each phase's wall time to stderr ("step kde  3.210 s"), in the order they began.
void print_timings(const CommonFlags& flags);

// "unknown flag --boundries (did you mean --boundaries?)" when the command line holds a flag its
// verb does not know; "" when it holds none.
std::string unknown_flag_message(const CLI::App& app);

// Warnings to stderr, then the summary (human or JSON) to stdout.
void print_report(const RunReport& report, const CommonFlags& flags);

}  // namespace hotspot::cli
