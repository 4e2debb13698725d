// SPDX-License-Identifier: Apache-2.0
// The stages, in the order a run takes them: a new stage is one line here (and its file pair).
#include <functional>

#include "core/errors.hpp"
#include "pipeline/stage.hpp"

#define HOTSPOT_STAGES(X) X(areas) X(cluster) X(stats) X(kde) X(grid) X(places) X(indicators) X(timing) X(nearrepeat) X(evaluate) X(suspects)

namespace hotspot {

#define HOTSPOT_DECLARE(name) std::unique_ptr<Stage> make_##name##_stage();
HOTSPOT_STAGES(HOTSPOT_DECLARE)

namespace {

struct Entry {
  const char* name;
  std::unique_ptr<Stage> (*make)();
};

#define HOTSPOT_ENTRY(name) Entry{#name, make_##name##_stage},
const Entry kRegistry[] = {HOTSPOT_STAGES(HOTSPOT_ENTRY)};

}  // namespace

std::vector<std::string> stage_names() {
  std::vector<std::string> out;
  for (const Entry& e : kRegistry) out.emplace_back(e.name);
  return out;
}

std::unique_ptr<Stage> make_stage(const std::string& name) {
  for (const Entry& e : kRegistry) {
    if (name == e.name) return e.make();
  }
  std::string known;
  for (const Entry& e : kRegistry) known += (known.empty() ? "" : ", ") + std::string(e.name);
  throw UsageError("steps: unknown step '" + name + "'" + suggestion(name, stage_names()) + " (known: " + known + ")");
}

}  // namespace hotspot
