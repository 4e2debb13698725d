// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <memory>
#include <string>
#include <vector>

#include <cpl_json.h>

#include "outputs/brief.hpp"
#include "outputs/maps/map_spec.hpp"

#include "core/progress.hpp"
#include "options/option_set.hpp"
#include "outputs/numbers.hpp"
#include "outputs/output_folder.hpp"
#include "pipeline/study_data.hpp"

namespace hotspot {

// What a stage says about itself, once: the step name (also its config table and its verb), its
// purpose (the verb's description), and what --help and the docs show.
struct StageInfo {
  std::string name;
  std::string purpose;
  std::string docs;     // where its method is described, e.g. "docs/method.md#kernel-density"
  std::string writes;   // what it writes, for its --help
  std::string example;  // a command that runs from the repository root
  bool verb = true;     // also `hotspot NAME`
  bool imd_required = false;  // its verb needs --imd
  bool boundaries_required = true;  // false: its verb runs without --boundaries (no areas)
};

// A place a stage found (a tasking hotspot), for the stages after it to tabulate (timing).
struct FoundPlace {
  std::string name;
  std::string kind;             // "tasking hotspot"
  std::vector<uint8_t> member;  // per incident of the study: 1 when in the place
};

// A stage's part of the run's record: summary.json's section and the terminal summary's lines.
struct StageReport {
  std::string name;
  CPLJSONObject summary;
  std::string text;  // starts with a blank line; empty when the stage prints nothing
  std::vector<std::string> headline;  // sentences for brief.html's headline
  std::vector<BriefSection> brief;     // its sections of brief.html
  std::vector<MapSpec> maps;           // drawn from its files once every stage has run, each heading its section
  std::vector<FoundPlace> places;      // places it found, for later stages
};

struct StageContext {
  OutputFolder& out;
  std::string prefix;  // "kde/" in a run, "" for a verb
  Progress progress;
  const std::vector<StageReport>* earlier = nullptr;  // in a run: the reports of the stages run before this one
};

// One analysis stage. Options are set one by one from parsed values (set), then finish()
// checks them together and says what the study load must read; places_ready() may start work
// that needs only the places; run() analyses, stages its files and reports.
class Stage {
 public:
  virtual ~Stage() = default;
  virtual const StageInfo& info() const = 0;
  virtual std::vector<const OptionSpec*> options() const = 0;
  virtual void set(const std::string& qualified_key, const Value& value) = 0;
  // Throws OptionError naming the key at fault. `alone`: the stage is a verb's only one.
  virtual void finish(StudyInputs& inputs, bool alone) {
    (void)inputs;
    (void)alone;
  }
  virtual void places_ready(const StudyData& places) { (void)places; }
  virtual StageReport run(const StudyData& study, StageContext& context) = 0;
};

// A stage whose options set the members of P.
template <class P>
class StageWith : public Stage {
 public:
  P params;
  std::vector<const OptionSpec*> options() const override { return declared().specs(); }
  void set(const std::string& key, const Value& value) override { declared().set(params, key, value); }

 protected:
  virtual const OptionSet<P>& declared() const = 0;
};

// The registered stages, in the order a run takes them.
std::vector<std::string> stage_names();

// A new stage by name; throws UsageError "unknown step 'kdee' (did you mean 'kde'?)".
std::unique_ptr<Stage> make_stage(const std::string& name);

}  // namespace hotspot
