// SPDX-License-Identifier: Apache-2.0
#include "cli_output.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "core/secrets.hpp"
#include "options/option.hpp"

namespace hotspot::cli {
namespace {

using Clock = std::chrono::steady_clock;

// Each phase's first and last report, in the order the phases began (for --timings).
struct Phase {
  std::string name;
  Clock::time_point first, last;
};
std::mutex phases_mutex;
std::vector<Phase> phases;
const Clock::time_point process_start = Clock::now();  // static initialisation: as the process starts

void note_phase(std::string_view name) {
  const auto now = Clock::now();
  const std::lock_guard lock(phases_mutex);
  for (auto& p : phases) {
    if (p.name == name) {
      p.last = now;
      return;
    }
  }
  phases.push_back({std::string(name), now, now});
}

}  // namespace

Progress terminal_progress(const CommonFlags& flags) {
  const bool show = !flags.quiet && isatty(STDERR_FILENO);
  if (!show && !flags.timings) return {};
  auto last = std::make_shared<int>(-1);
  return [last, show, timings = flags.timings](std::string_view stage, double done) {
    if (timings) note_phase(stage);
    if (!show) return;
    const int percent = static_cast<int>(done * 100.0);
    if (percent == *last) return;
    *last = percent;
    fmt::print(stderr, "\r{}: {:3d}%{}", stage, percent, percent >= 100 ? "\n" : "");
    if (percent >= 100) *last = -1;
    std::fflush(stderr);
  };
}

void print_timings(const CommonFlags& flags) {
  if (!flags.timings) return;
  const std::lock_guard lock(phases_mutex);
  const auto since = [](Clock::time_point t) { return std::chrono::duration<double>(t - process_start).count(); };
  fmt::print(stderr, "timings (wall, each phase from its first report to its last; from the start):\n");
  for (const auto& p : phases) {
    fmt::print(stderr, "  {:<28} {:8.3f} s   {:8.3f} .. {:.3f}\n", p.name, since(p.last) - since(p.first), since(p.first),
               since(p.last));
  }
  fmt::print(stderr, "  {:<28} {:8.3f} s\n", "all, to the summary", since(Clock::now()));
}

std::string unknown_flag_message(const CLI::App& app) {
  // The verb given (the deepest sub-command parsed) and the flags it knows.
  const CLI::App* verb = &app;
  for (;;) {
    const auto subs = verb->get_subcommands();
    if (subs.empty()) break;
    verb = subs.front();
  }
  std::vector<std::string> known;
  for (const CLI::Option* o : verb->get_options()) {
    for (const auto& name : o->get_lnames()) known.push_back("--" + name);
  }
  std::string unknown;
  for (const auto& word : verb->remaining()) {
    if (word.rfind("--", 0) == 0) {
      unknown = word.substr(0, word.find('='));
      break;
    }
  }
  if (unknown.empty()) return "";
  const std::string hint = did_you_mean(unknown, known);
  return "unknown flag " + unknown + (hint.empty() ? "" : " (did you mean " + hint + "?)") + "; see 'hotspot " +
         verb->get_name() + " --help'";
}

void print_report(const RunReport& report, const CommonFlags& flags) {
  print_timings(flags);
  if (flags.json) {
    fmt::print("{}\n", redact_secrets(report.summary.Format(CPLJSONObject::PrettyFormat::Pretty)));
    return;
  }
  if (flags.quiet) return;
  for (const auto& w : report.study.warnings) fmt::print(stderr, "warning: {}\n", redact_secrets(w));
  fmt::print("{}", redact_secrets(summary_text(report)));
}

}  // namespace hotspot::cli
