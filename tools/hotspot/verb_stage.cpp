// SPDX-License-Identifier: Apache-2.0
#include <memory>

#include "core/errors.hpp"
#include "option_flags.hpp"
#include "outputs/postgis_pack.hpp"
#include "pipeline/run_plan.hpp"
#include "pipeline/study_options.hpp"
#include "verbs.hpp"

namespace hotspot::cli {
namespace {

// A stage verb's flags: the study's, then the stage's own.
std::vector<const OptionSpec*> verb_specs(const Stage& stage) {
  std::vector<const OptionSpec*> specs = study_options().specs();
  for (const OptionSpec* s : stage.options()) specs.push_back(s);
  return specs;
}

}  // namespace

VerbAction add_stage_verb(CLI::App& app, const std::string& name, CommonFlags& flags) {
  std::shared_ptr<Stage> stage = make_stage(name);
  const StageInfo& info = stage->info();
  CLI::App* verb = app.add_subcommand(info.name, info.purpose);
  verb->footer(info.writes +
               "\nEvery pack also holds brief.html (the page people read: maps, charts and tables, printable on\n"
               "A4) and summary.txt (the terminal summary); a step that draws maps adds them as maps/*.png, and\n"
               "map.html (its layers on an interactive map that works offline).\n\nExample:\n  " + info.example);
  auto options = std::make_shared<OptionFlags>();
  auto output = std::make_shared<std::string>();
  options->add(*verb, verb_specs(*stage));
  if (info.imd_required) verb->get_option("--imd")->required();
  if (!info.boundaries_required) verb->get_option("--boundaries")->required(false);
  auto schema = std::make_shared<std::string>();
  verb->add_option("--output", *output,
                   "Output folder (created; a rerun replaces it whole, in one atomic step), or a PostGIS database, "
                   "\"PG:dbname=... host=...\", whose --schema a rerun replaces in one transaction")
      ->required()
      ->group("Output");
  verb->add_option("--schema", *schema, "With --output PG:...: the schema written (default hotspot_" + info.name + ")")
      ->group("Output");
  return [verb, stage, options, output, schema, &flags] {
    if (!*verb) return;
    StudyConfig study;
    const std::vector<const OptionSpec*> specs = verb_specs(*stage);
    try {
      options->apply(*verb, [&](const OptionSpec& spec, const Value& v) {
        if (!study_options().set(study, spec.qualified(), v)) stage->set(spec.qualified(), v);
      });
      finish_study(study);
      stage->finish(study.inputs, true);
      RunPlan plan;
      plan.command = stage->info().name;
      plan.inputs = study.inputs;
      plan.types_spec = study.types;
      if (is_database_output(*output)) {
        plan.database = *output;
        plan.schema = schema->empty() ? "hotspot_" + plan.command : *schema;
        check_schema_name(plan.schema, "--schema");
      } else {
        if (!schema->empty()) throw UsageError("--schema: only with --output PG:...");
        plan.output_dir = *output;
      }
      plan.step_folders = false;
      plan.stages.push_back(stage);
      print_report(execute(plan, terminal_progress(flags)), flags);
    } catch (const OptionError& e) {
      throw UsageError(flag_message(e, specs));
    }
  };
}

}  // namespace hotspot::cli
