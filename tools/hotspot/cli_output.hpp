// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>

#include "core/progress.hpp"
#include "pipeline/run_plan.hpp"

namespace hotspot::cli {

// Flags every verb has.
struct CommonFlags {
  bool quiet = false;  // no progress, no warnings, no human summary
  bool json = false;   // print summary.json to stdout instead of the human summary
};

// Progress on stderr when it is a terminal and not --quiet; otherwise nothing.
Progress terminal_progress(const CommonFlags& flags);

// Warnings to stderr, then the summary (human or JSON) to stdout.
void print_report(const RunReport& report, const CommonFlags& flags);

}  // namespace hotspot::cli
